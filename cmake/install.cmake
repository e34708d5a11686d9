# What `cmake --install` puts under the prefix: the static libraries, the public headers under
# include/interleave/, the `interleave` program, and a CMake package for
#   find_package(interleave 0.2 REQUIRED)
#   target_link_libraries(my_tests PRIVATE interleave::interleave)   # or interleave::cli
# The package finds Boost.Context itself (find_dependency); nlohmann/json and CLI11 are private
# to the libraries and header-only, so a user of the package needs neither.
if(NOT INTERLEAVE_INSTALL)
  return()
endif()

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(INTERLEAVE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/interleave)

install(TARGETS interleave_sim interleave_primitives interleave_traces interleave_export
                interleave_report interleave_check interleave_scenarios interleave_library
                interleave_cli
        EXPORT interleave-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS interleave RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Headers: every header of the kernel, the primitives, the traces, the exports, the summaries and
# the checks; of the CLI and the scenarios, the two that are public. Three headers of traces/
# expose nlohmann::json and stay internal. Headers include each other by relative paths, so the
# tree works wherever it lands.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim ${PROJECT_SOURCE_DIR}/primitives
                  ${PROJECT_SOURCE_DIR}/traces ${PROJECT_SOURCE_DIR}/export
                  ${PROJECT_SOURCE_DIR}/report ${PROJECT_SOURCE_DIR}/check
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/interleave
        FILES_MATCHING PATTERN "*.h"
        PATTERN "json_checker.h" EXCLUDE
        PATTERN "trace_member_reader.h" EXCLUDE
        PATTERN "result_json.h" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/cli/cli_main.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/interleave/cli)
install(FILES ${PROJECT_SOURCE_DIR}/scenarios/catalog.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/interleave/scenarios)
install(FILES ${PROJECT_SOURCE_DIR}/include/interleave/interleave.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/interleave)

install(EXPORT interleave-targets NAMESPACE interleave:: FILE interleave-targets.cmake
        DESTINATION ${INTERLEAVE_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/interleave-config.cmake.in
                              ${PROJECT_BINARY_DIR}/interleave-config.cmake
                              INSTALL_DESTINATION ${INTERLEAVE_CMAKE_DIR})
# 0.x: a new minor version may change the API, so 0.2 accepts 0.2.* only.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/interleave-config-version.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/interleave-config.cmake
              ${PROJECT_BINARY_DIR}/interleave-config-version.cmake
        DESTINATION ${INTERLEAVE_CMAKE_DIR})
