// libFuzzer target: see document.hpp for what it feeds and checks.
#include "document.hpp"
#include "fuzz_main.hpp"

TAAWUN_FUZZ_TARGET(taawun::fuzz::check_document)
