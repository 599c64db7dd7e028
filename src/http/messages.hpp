#pragma once
// Every text the API shows a person, in French, Arabic and English.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/language.hpp"

namespace taawun::http {

std::string error_title(ErrorCode code, Language language);
// The detail for a key ("wrong_credentials") or, for an empty key, the code's default detail.
std::string error_detail(ErrorCode code, std::string_view key,
                         const std::vector<std::pair<std::string, std::string>>& params, Language language);
std::string field_message(const FieldError& error, Language language);

}  // namespace taawun::http
