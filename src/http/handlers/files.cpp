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

Result<Upload> read_upload(Context& context, const spreadsheet::Limits& limits) {
  QueryReader query(context);
  auto mode = query.choice("mode", {"all", "valid_only"}, "all");
  auto dry_run = query.boolean("dry_run").value_or(false);
  TAAWUN_CHECK(query.status());
  const std::string& body = context.request.body();
  std::string_view type = context.header(bhttp::field::content_type);
  bool xlsx = body.starts_with("PK");
  if (!xlsx && !type.starts_with("text/csv") && !type.starts_with(kXlsxType) && !type.starts_with("text/plain"))
    return Error::of(ErrorCode::unsupported_media_type);
  TAAWUN_TRY(table, xlsx ? spreadsheet::read_xlsx(body, limits) : spreadsheet::read_csv(body, limits));
  return Upload{std::move(table), {mode == "valid_only", dry_run}};
}

void write_import_problems(JsonWriter& json, const std::vector<FieldError>& problems, Language language) {
  json.key("errors").begin_array();
  for (const auto& problem : problems) write_field_error(json, problem, language);
  json.end_array();
}

Response import_response(Context& context, const imports::ImportReport& report) {
  JsonWriter json;
  json.begin_object()
      .field("written", report.written)
      .field("rows", static_cast<std::int64_t>(report.rows))
      .field("created", static_cast<std::int64_t>(report.written ? report.created : 0))
      .field("ready", static_cast<std::int64_t>(report.created))
      .field("rejected_rows", static_cast<std::int64_t>(report.rejected_rows));
  write_import_problems(json, report.problems, context.language);
  json.end_object();
  return json_response(context, report.written ? bhttp::status::created : bhttp::status::ok, json.str());
}

}  // namespace taawun::http
