# Writes OUT (a header with kGitCommit) from `git describe` of SOURCE_DIR,
# touching it only when the commit changed, so a build after a new commit
# relinks with the right one and an unchanged tree rebuilds nothing.
# Run as: cmake -DSOURCE_DIR=... -DOUT=... -P git_commit.cmake
set(commit "unknown")
find_program(GIT git)
if(GIT AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
                  OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc ERROR_QUIET)
  if(rc EQUAL 0 AND described)
    set(commit "${described}")
  endif()
endif()
set(text "// Made by cmake/git_commit.cmake at build time.\n#pragma once\ninline constexpr const char* kGitCommit = \"${commit}\";\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT "${old}" STREQUAL "${text}")
  file(WRITE "${OUT}" "${text}")
endif()
