#pragma once
// Internal to the agreements area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/agreements/agreement.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::agreements {

const kit::Kind<Agreement>& kind();
// "MA SN" ↔ {"MA", "SN"}: the lists an agreement row keeps as words.
std::string joined(const std::vector<std::string>& words);
std::vector<std::string> words_of(const std::string& text);

}  // namespace taawun::agreements
