#pragma once
// Lists given as spreadsheet files: every export answers through file_response, so each one
// offers the same two formats, content types and download names.
#include <string_view>

#include "core/spreadsheet.hpp"
#include "http/app.hpp"
#include "http/input.hpp"

namespace taawun::http {

inline constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `format` is "csv" or "xlsx"; `name` is the download's name without extension (and the sheet's).
Response file_response(Context& context, const spreadsheet::Table& table, std::string_view format,
                       std::string_view name);
// Content-Disposition of a download named `file_name` (RFC 6266): an ASCII fallback for old
// clients, and the UTF-8 name percent-encoded in filename* ("Programme — الرباط.pdf").
std::string attachment(std::string_view file_name);
// ?format=csv|xlsx (default xlsx), read with the request's other parameters.
std::string file_format(QueryReader& query);

}  // namespace taawun::http
