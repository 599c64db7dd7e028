#pragma once
// Tables in and out of CSV and XLSX files: the exports of every list and the bulk imports.
// A table is a header row of column names and rows of text cells, nothing more: the domain
// decides what a cell means. Written files read back to the same table (tests/unit), so an
// export re-imports without loss. Files come from the Internet: the readers apply their limits
// while they read, so that no file costs more memory than the table it may give (ADR 0006).
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace taawun::spreadsheet {

struct Table {
  std::vector<std::string> columns;
  // Each row as far as its last non-empty cell: never longer than `columns`, often shorter (a
  // missing cell is an empty one).
  std::vector<std::vector<std::string>> rows;
  // The columns that hold numbers (a column past the end: text). In a CSV file a cell beginning
  // with + - = @ tab or carriage return is guarded against formula injection, except a number
  // in a numeric column (a negative amount is not a formula).
  std::vector<bool> numeric;

  // Marks the named columns numeric (a name that is not a column is a bug: std::logic_error).
  void mark_numeric(std::initializer_list<std::string_view> names);
};

// What a file read from a user may hold; a file beyond any of them is refused as soon as the
// reader meets the excess, with a problem naming the limit (and the row and column where there
// is one). The defaults are the nomination import's.
struct Limits {
  std::size_t max_rows = 20'000;  // rows of data, the header not counted
  std::size_t max_columns = 100;
  std::size_t max_cells = 2'000'000;       // cells kept (each row as far as its last value); also XLSX shared strings
  std::size_t max_text_bytes = 64u << 20;  // the text of all cells (each shared-string reference counted); also
                                           // all the shared strings of an XLSX file
  std::size_t max_cell_chars = 32'767;     // characters in one cell, as in Excel
  std::size_t max_part_bytes = 64u << 20;  // unpacked bytes of one part (XML file) of an XLSX file
  std::size_t max_xml_depth = 64;          // elements nested in one XML part
  std::size_t max_xml_token_bytes = 64u << 10;  // one tag, comment or processing instruction
};

// A cell from a record's field: an absent value is an empty cell; a flag is "yes" or "no" (the
// words the import reads back, see nominations' `yes`).
inline std::string cell(const std::optional<std::string>& value) {
  return value.value_or("");
}
inline std::string cell(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}
inline std::string cell(bool flag) {
  return flag ? "yes" : "no";
}

// RFC 4180, UTF-8 with a byte-order mark (so Excel reads accents and Arabic), CRLF line ends.
// A cell starting with + - = @ tab or carriage return gets a leading apostrophe so that no
// spreadsheet runs it as a formula (OWASP, CSV injection), unless it is strictly a number in a
// numeric column; read_csv takes the apostrophe off again.
std::string to_csv(const Table& table);
// One worksheet, every cell written as text (never a formula), header in bold, columns sized.
std::string to_xlsx(const Table& table, std::string_view sheet_name);

// The first non-empty row is the header; cells are trimmed; wholly empty rows are dropped; a
// value beyond the header's last column is refused. Problems: bad_file (with a reason) for a
// file that cannot be read, and the file_* codes for a file beyond `limits`.
Result<Table> read_csv(std::string_view bytes, const Limits& limits = {});
// Reads the first worksheet; numbers and dates come as the file stores them (a date typed in
// Excel is a serial number: see date_from_serial). A document type or entity declaration in any
// part is refused (file_not_allowed_xml).
Result<Table> read_xlsx(std::string_view bytes, const Limits& limits = {});

// Excel's day number (1900 system) to YYYY-MM-DD, when the text is such a number.
std::optional<std::string> date_from_serial(std::string_view cell);

}  // namespace taawun::spreadsheet
