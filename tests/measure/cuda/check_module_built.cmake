# ctest: nvcc is installed and PERFMATRIX_CUDA is not OFF, so the default build must have built
# the CUDA runner module; a silent AUTO fallback to "no CUDA" would otherwise go unnoticed.
# -DMODULE=<path> -DNVCC=<path>
if(NOT EXISTS "${MODULE}")
  message(FATAL_ERROR "nvcc is installed (${NVCC}) but ${MODULE} was not built: see the "
                      "'perfmatrix: CUDA kinds' line of the configure output")
endif()
message(STATUS "${MODULE} was built (nvcc: ${NVCC})")
