# vaultdeck_module(NAME DIR PUBLIC_DEPS ...) builds every .cpp under DIR into
# the static library vaultdeck_NAME; a folder without sources yet becomes an
# interface library so the dependency graph stays the same.
function(vaultdeck_module name dir)
  cmake_parse_arguments(ARG "" "" "PUBLIC_DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
  if(sources)
    add_library(vaultdeck_${name} STATIC ${sources})
    target_include_directories(vaultdeck_${name} PUBLIC ${CMAKE_SOURCE_DIR})
    target_link_libraries(vaultdeck_${name} PUBLIC ${ARG_PUBLIC_DEPS})
  else()
    add_library(vaultdeck_${name} INTERFACE)
    target_include_directories(vaultdeck_${name} INTERFACE ${CMAKE_SOURCE_DIR})
    target_link_libraries(vaultdeck_${name} INTERFACE ${ARG_PUBLIC_DEPS})
  endif()
endfunction()
