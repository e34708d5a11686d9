// interleave's entry point: everything else lives in cli/app.cpp.
#include <iostream>

#include "cli/app.h"
#include "cli/interrupts.h"

int main(int argc, char** argv) {
  interleave::install_interrupt_handlers();
  return interleave::run_app(argc, argv, std::cout, std::cerr);
}
