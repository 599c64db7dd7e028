#pragma once
// The target of a request as clients write it: percent-encoded paths and
// application/x-www-form-urlencoded query strings (WHATWG URL standard, "application/x-www-form-urlencoded
// parsing"). Apart from App so that the fuzzing harness (fuzz/) can drive it without a server.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace taawun::http {

// %XX sequences decoded (a malformed one is kept as written); '+' is a space in query strings.
std::string percent_decode(std::string_view text, bool plus_is_space);
// "a=1&b=&c" → (a, 1), (b, ""), (c, ""); empty parts skipped; names and values decoded.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

}  // namespace taawun::http
