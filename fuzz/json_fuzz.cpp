// libFuzzer target: see json_body.hpp for what it feeds and checks.
#include "fuzz_main.hpp"
#include "json_body.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_json_body)
