#include "traces/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/support/process.h"
#include "tests/support/temporaries.h"

using namespace interleave;
using namespace interleave::testing;
namespace fs = std::filesystem;

TEST_CASE("an output file replaces a regular file whole and leaves no temporary file",
          "[traces][output]") {
  const std::string dir = temp_dir();
  write_output_file("old", dir + "/a.txt");
  write_output_file("new text", dir + "/a.txt");
  CHECK(read_file(dir + "/a.txt") == "new text");
  CHECK(temporaries(dir) == 0);
}

TEST_CASE("an output file keeps the permissions of the file it replaces", "[traces][output]") {
  const std::string dir = temp_dir();
  write_output_file("old", dir + "/a.txt");
  REQUIRE(chmod((dir + "/a.txt").c_str(), 0640) == 0);
  write_output_file("new", dir + "/a.txt");
  struct stat st {};
  REQUIRE(stat((dir + "/a.txt").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
}

TEST_CASE("an output file is written through a symbolic link, which stays a link",
          "[traces][output]") {
  const std::string dir = temp_dir();
  fs::create_directory(dir + "/real");
  fs::create_symlink("real/t.svg", dir + "/l.svg");  // dangling until written
  fs::create_symlink("l.svg", dir + "/ll.svg");      // a link to the link
  write_output_file("<svg/>", dir + "/ll.svg");
  CHECK(fs::is_symlink(dir + "/ll.svg"));
  CHECK(fs::is_symlink(dir + "/l.svg"));
  CHECK(read_file(dir + "/real/t.svg") == "<svg/>");
  CHECK(temporaries(dir) == 0);
  CHECK(temporaries(dir + "/real") == 0);
}

TEST_CASE("an output file onto a character device writes into it and leaves it a device",
          "[traces][output]") {
  write_output_file("nothing to keep", "/dev/null");
  struct stat st {};
  REQUIRE(stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  CHECK_THROWS_WITH(write_output_file("x", "/dev/full"),
                    "cannot write /dev/full: No space left on device");
}

TEST_CASE("an output file onto a FIFO is written straight into it", "[traces][output]") {
  const std::string dir = temp_dir();
  const std::string fifo = dir + "/pipe";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = read_file(fifo); });
  write_output_file("through the pipe", fifo);
  reader.join();
  CHECK(got == "through the pipe");
  CHECK(fs::is_fifo(fifo));
}

TEST_CASE("an output file is refused where it cannot go, naming why", "[traces][output]") {
  const std::string dir = temp_dir();
  CHECK(output_problem(dir + "/x.json").empty());
  CHECK(output_problem("-").empty());
  CHECK(output_problem(dir + "/no/x.json") ==
        "cannot write " + dir + "/no/x.json: the folder " + dir + "/no does not exist");
  CHECK(output_problem(dir) == "cannot write " + dir + ": it is a folder");
  CHECK_THROWS_WITH(write_output_file("x", dir), "cannot write " + dir + ": it is a folder");
  fs::create_symlink("loop", dir + "/loop");
  CHECK(output_problem(dir + "/loop") ==
        "cannot write " + dir + "/loop: too many levels of symbolic links");
}

TEST_CASE("same_file sees one file under two names", "[traces][output]") {
  const std::string dir = temp_dir();
  write_output_file("x", dir + "/a");
  fs::create_symlink("a", dir + "/b");
  CHECK(same_file(dir + "/a", dir + "/b"));
  CHECK(same_file(dir + "/a", dir + "/./a"));
  CHECK_FALSE(same_file(dir + "/a", dir + "/c"));
}
