#include "http/handlers/files.hpp"

#include <fmt/format.h>

namespace taawun::http {

Response file_response(Context& context, const spreadsheet::Table& table, std::string_view format,
                       std::string_view name) {
  bool xlsx = format == "xlsx";
  Response response =
      text_response(context, bhttp::status::ok, xlsx ? spreadsheet::to_xlsx(table, name) : spreadsheet::to_csv(table),
                    xlsx ? kXlsxType : std::string_view("text/csv; charset=utf-8"));
  response.set(bhttp::field::content_disposition,
               fmt::format("attachment; filename=\"{}.{}\"", name, xlsx ? "xlsx" : "csv"));
  return response;
}

std::string file_format(QueryReader& query) {
  return query.choice("format", {"csv", "xlsx"}, "xlsx");
}

}  // namespace taawun::http
