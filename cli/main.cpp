// interleave's entry point: everything else lives in cli/app.cpp.
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  return interleave::run_app(argc, argv, std::cout, std::cerr);
}
