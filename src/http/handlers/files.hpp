#pragma once
// Lists given as spreadsheet files: every export answers through file_response, so each one
// offers the same two formats, content types and download names.
#include <string_view>

#include "core/spreadsheet.hpp"
#include "domain/imports.hpp"
#include "http/app.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"

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

// A list's export: its filter read from the query as the list reads it (`read_filter`), every row
// up to `max_rows` from the list's own use case (`list`, which applies the caller's access),
// turned into a table by `table_of`, in the asked format, downloaded as `name`.csv or .xlsx.
template <typename ReadFilter, typename List, typename TableOf>
Result<Response> export_list(Context& context, ReadFilter&& read_filter, std::int64_t max_rows, List&& list,
                             TableOf&& table_of, std::string_view name) {
  QueryReader query(context);
  auto filter = read_filter(query);
  auto format = file_format(query);
  filter.page.limit = max_rows;
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, list(context.db(), context.actor(), filter));
  return file_response(context, table_of(page.items), format, name);
}

// An import's upload: the request body read as a spreadsheet (an XLSX file by its signature, else
// CSV; another content type is a 415), through spreadsheet::read_csv / read_xlsx with `limits`,
// and the import's options from the query (?mode=all|valid_only, ?dry_run=true).
struct Upload {
  spreadsheet::Table table;
  imports::ImportOptions options;
};
Result<Upload> read_upload(Context& context, const spreadsheet::Limits& limits = {});
// The problems of an import as an "errors" array: field, code, row, column and the message in the
// caller's language.
void write_import_problems(JsonWriter& json, const std::vector<FieldError>& problems, Language language);
// A kind's import report (kit/record_import.hpp): 201 when the records were written, else 200.
Response import_response(Context& context, const imports::ImportReport& report);

}  // namespace taawun::http
