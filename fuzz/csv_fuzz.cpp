// libFuzzer target: see csv.hpp for what it feeds and checks.
#include "csv.hpp"
#include "fuzz_main.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_csv)
