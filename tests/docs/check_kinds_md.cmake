# docs/kinds.md must be exactly what `perfmatrix kinds --markdown` prints from the registered
# kinds. Run as: cmake -DPERFMATRIX=<binary> -DKINDS_MD=<docs/kinds.md> -P check_kinds_md.cmake
execute_process(COMMAND ${PERFMATRIX} kinds --markdown OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "perfmatrix kinds --markdown failed (exit ${rc})")
endif()
if(NOT EXISTS ${KINDS_MD})
  message(FATAL_ERROR "${KINDS_MD} is missing: perfmatrix kinds --markdown > docs/kinds.md")
endif()
file(READ ${KINDS_MD} checked_in)
if(NOT generated STREQUAL checked_in)
  message(FATAL_ERROR "${KINDS_MD} differs from the registered kinds: regenerate it with\n"
                      "  build/orchestrator/perfmatrix kinds --markdown > docs/kinds.md")
endif()
