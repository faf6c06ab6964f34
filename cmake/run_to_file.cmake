# Runs EXE with ARGS (separated by "|") and writes its standard output to
# OUT; a failure stops the build. Run as: cmake -DEXE=... -DARGS=a|b -DOUT=... -P run_to_file.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND "${EXE}" ${ARGS} OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} ${ARGS} failed (${rc})")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
