#pragma once
// Tables in and out of CSV and XLSX files: the exports of every list and the bulk imports.
// A table is a header row of column names and rows of text cells, nothing more: the domain
// decides what a cell means. Written files read back to the same table (tests/unit), so an
// export re-imports without loss.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace taawun::spreadsheet {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as columns
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
// A cell starting with = or @ gets a leading apostrophe so that no spreadsheet runs it as a
// formula; read_csv takes it off again.
std::string to_csv(const Table& table);
// One worksheet, every cell written as text (never a formula), header in bold, columns sized.
std::string to_xlsx(const Table& table, std::string_view sheet_name);

// The first row is the header. Rows shorter than the header are padded with empty cells;
// wholly empty rows are dropped. Errors name what is wrong with the file (bad_file with a reason).
Result<Table> read_csv(std::string_view bytes);
// Reads the first worksheet; numbers and dates come as the file stores them (a date typed in
// Excel is a serial number: see date_from_serial).
Result<Table> read_xlsx(std::string_view bytes);

// Excel's day number (1900 system) to YYYY-MM-DD, when the text is such a number.
std::optional<std::string> date_from_serial(std::string_view cell);

}  // namespace taawun::spreadsheet
