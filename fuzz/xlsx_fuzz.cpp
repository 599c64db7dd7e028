// libFuzzer target: see xlsx.hpp for what it feeds and checks.
#include "fuzz_main.hpp"
#include "xlsx.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_xlsx)
