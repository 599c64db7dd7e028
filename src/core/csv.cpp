#include "core/csv.hpp"

namespace taawun::csv {

Reader::Next Reader::next(std::string& field) {
  field.clear();
  if (record_start_) {
    if (position_ >= text_.size()) return Next::end;
    ++record_;
    column_ = 0;
  } else {
    ++column_;
  }
  bool quoted = false, started = false;
  while (position_ < text_.size()) {
    char c = text_[position_++];
    if (quoted) {
      if (c != '"') {
        field.push_back(c);
      } else if (position_ < text_.size() && text_[position_] == '"') {
        field.push_back('"');
        ++position_;
      } else {
        quoted = false;
      }
      if (field.size() > max_field_bytes_) return Next::too_long;
      continue;
    }
    switch (c) {
      case '"':
        quoted = true;
        started = true;
        break;
      case ',':
        record_start_ = false;
        return Next::field;
      case '\r':
        break;
      case '\n':
        record_start_ = true;
        return column_ == 0 && !started && field.empty() ? Next::blank : Next::last_field;
      default:
        field.push_back(c);
        started = true;
        if (field.size() > max_field_bytes_) return Next::too_long;
    }
  }
  record_start_ = true;
  return column_ == 0 && !started && field.empty() ? Next::blank : Next::last_field;
}

std::vector<Row> parse(std::string_view text) {
  std::vector<Row> rows;
  Row row;
  Reader reader(text);
  std::string field;
  for (;;) {
    auto next = reader.next(field);
    if (next == Reader::Next::end || next == Reader::Next::too_long) break;
    if (next == Reader::Next::blank) continue;
    row.push_back(std::move(field));
    if (next == Reader::Next::last_field) {
      rows.push_back(std::move(row));
      row.clear();
    }
  }
  return rows;
}

}  // namespace taawun::csv
