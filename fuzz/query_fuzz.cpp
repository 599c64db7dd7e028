// libFuzzer target: see query.hpp for what it feeds and checks.
#include "fuzz_main.hpp"
#include "query.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_query)
