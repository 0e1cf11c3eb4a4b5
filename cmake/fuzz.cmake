# -DBOOKC_FUZZ=ON (clang only): every bookc library is compiled with libFuzzer's coverage
# instrumentation plus ASan and UBSan (`fuzzer-no-link`), and tests/fuzz adds one libFuzzer
# target per input surface, linked with -fsanitize=fuzzer. Built and run by scripts/fuzz.sh.
# UBSan does not recover: undefined behaviour aborts, so the fuzzer reports it as a crash.
option(BOOKC_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)
if(BOOKC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BOOKC_FUZZ needs clang (CXX=clang++-14 CC=clang-14)")
  endif()
  set(BOOKC_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
  add_compile_options(-fsanitize=fuzzer-no-link ${BOOKC_SANITIZERS} -fno-omit-frame-pointer -g)
  add_link_options(${BOOKC_SANITIZERS})
endif()
