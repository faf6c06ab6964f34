# cmake -DOUT=FILE.cpp -DRUNBOOKS="a.toml|b.toml" -P embed_runbooks.cmake
# writes the C++ table of the built-in runbooks: each file's bytes as a char
# array, named by the file's name, in the order given (`runbook list` order).
string(REPLACE "|" ";" RUNBOOKS "${RUNBOOKS}")
set(arrays "")
set(rows "")
set(i 0)
foreach(file IN LISTS RUNBOOKS)
  get_filename_component(name "${file}" NAME_WE)
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND arrays "constexpr char k${i}[] = {${bytes}};\n")
  string(APPEND rows "        {\"${name}\", std::string_view(k${i}, sizeof k${i})},\n")
  math(EXPR i "${i} + 1")
endforeach()
set(text "// Made by cmake/embed_runbooks.cmake from runbooks/*.toml at build time.
#include \"backend/runbook/builtin.hpp\"

namespace vd::runbook {
namespace {

${arrays}
}  // namespace

const std::vector<BuiltinRunbook>& builtin_runbooks() {
    static const std::vector<BuiltinRunbook> all{
${rows}    };
    return all;
}

}  // namespace vd::runbook
")
# Rewritten only when it changes, so an unchanged runbook compiles nothing.
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL text)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${text}")
