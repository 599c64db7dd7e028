// libFuzzer target: see query.hpp for what it feeds and checks.
#include "query.hpp"
#include "fuzz_main.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_query)
