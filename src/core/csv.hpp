#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace taawun::csv {

// Reads a text one field at a time and never holds more than the field it reads, so that the
// caller decides what to keep and when to stop (core/spreadsheet applies its limits as it reads).
class Reader {
 public:
  // A field longer than `max_field_bytes` stops the reading (Next::too_long).
  explicit Reader(std::string_view text, std::size_t max_field_bytes = std::string::npos)
      : text_(text), max_field_bytes_(max_field_bytes) {}

  enum class Next {
    field,       // a field, more follow in its record
    last_field,  // a field that ends its record
    blank,       // an empty line: a record without fields
    end,         // no more text
    too_long,    // the field is longer than the maximum: the reading cannot go on
  };
  // Reads the next field into `field` (cleared first).
  Next next(std::string& field);
  // The record the last field read belongs to, counted from 1 as a spreadsheet numbers its rows:
  // blank lines count, a line break inside quotes does not.
  std::size_t record() const { return record_; }
  // The last field's place in its record, from 0.
  std::size_t column() const { return column_; }

 private:
  std::string_view text_;
  std::size_t max_field_bytes_;
  std::size_t position_ = 0, record_ = 0, column_ = 0;
  bool record_start_ = true;
};

using Row = std::vector<std::string>;
// The whole text as rows (blank lines skipped): for trusted files, such as the reference data
// built into the binary. Files from users go through spreadsheet::read_csv and its limits.
std::vector<Row> parse(std::string_view text);

}  // namespace taawun::csv
