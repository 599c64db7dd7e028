// libFuzzer target: see xlsx.hpp for what it feeds and checks.
#include "xlsx.hpp"
#include "fuzz_main.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_xlsx)
