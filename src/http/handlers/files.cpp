#include "http/handlers/files.hpp"

#include <fmt/format.h>

#include <cctype>

namespace taawun::http {

Response file_response(Context& context, const spreadsheet::Table& table, std::string_view format,
                       std::string_view name) {
  bool xlsx = format == "xlsx";
  Response response =
      text_response(context, bhttp::status::ok, xlsx ? spreadsheet::to_xlsx(table, name) : spreadsheet::to_csv(table),
                    xlsx ? kXlsxType : std::string_view("text/csv; charset=utf-8"));
  response.set(bhttp::field::content_disposition, attachment(fmt::format("{}.{}", name, xlsx ? "xlsx" : "csv")));
  return response;
}

std::string attachment(std::string_view file_name) {
  std::string fallback, encoded;
  for (unsigned char c : file_name) {
    bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    fallback.push_back(plain || c == ' ' ? static_cast<char>(c) : '_');
    if (plain)
      encoded.push_back(static_cast<char>(c));
    else
      encoded += fmt::format("%{:02X}", c);
  }
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", fallback, encoded);
}

std::string file_format(QueryReader& query) {
  return query.choice("format", {"csv", "xlsx"}, "xlsx");
}

}  // namespace taawun::http
