#pragma once
// The entry point libFuzzer calls with each input: runs the target's check, and stops the run
// (abort, so the input is kept as a crash) when the code under test broke one of its promises.
// Crashes, leaks, undefined behaviour, timeouts and memory beyond the limits are the
// sanitizers' and libFuzzer's to catch (scripts/fuzz.sh; ADR 0011).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define TAAWUN_FUZZ_TARGET(check)                                                             \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {         \
    std::string problem = check(std::string_view(reinterpret_cast<const char*>(data), size)); \
    if (!problem.empty()) {                                                                   \
      std::fprintf(stderr, "broken promise: %s\n", problem.c_str());                          \
      std::abort();                                                                           \
    }                                                                                         \
    return 0;                                                                                 \
  }
