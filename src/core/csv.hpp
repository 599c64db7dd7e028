#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends.
#include <string>
#include <string_view>
#include <vector>

namespace taawun::csv {

using Row = std::vector<std::string>;
std::vector<Row> parse(std::string_view text);

}  // namespace taawun::csv
