#pragma once
// What every table read from a file must be, whatever the bytes were (spreadsheet.hpp's promises):
// empty (a file without values) or a header and its rows within the limits, each row as far as its last non-empty cell
// and never wider than the header, every cell trimmed UTF-8 text; and the table written as CSV reads back to itself (an
// export re-imports without loss). Shared by the CSV and XLSX targets.
#include <string>
#include <string_view>

#include "core/spreadsheet.hpp"
#include "core/text.hpp"

namespace taawun::fuzz {

inline std::string check_cells(const std::vector<std::string>& cells, std::size_t width, const char* what,
                               const spreadsheet::Limits& limits) {
  if (cells.empty()) return std::string(what) + " without cells";
  if (cells.size() > width) return std::string(what) + " wider than the header";
  if (cells.back().empty()) return std::string(what) + " ends with an empty cell";
  for (const auto& cell : cells) {
    if (!text::is_valid_utf8(cell)) return std::string(what) + " has a cell that is not UTF-8";
    if (text::code_point_count(cell) > limits.max_cell_chars) return std::string(what) + " has a cell too long";
    if (!cell.empty() && (std::string_view(" \t\r\n").find(cell.front()) != std::string_view::npos ||
                          std::string_view(" \t\r\n").find(cell.back()) != std::string_view::npos))
      return std::string(what) + " has a cell not trimmed";
  }
  return {};
}

// A file refused is refused as the header says: bad_request with bad_file or a file_* limit.
inline std::string check_refusal(const Error& error) {
  if (error.code != ErrorCode::bad_request) return "refused with another code than bad_request";
  if (error.detail_key != "bad_file" && !error.detail_key.starts_with("file_"))
    return "refused with an unexpected problem: " + error.detail_key;
  return {};
}

inline std::string check_table(const spreadsheet::Table& table, const spreadsheet::Limits& limits) {
  if (table.columns.size() > limits.max_columns) return "more columns than the limit";
  if (table.rows.size() > limits.max_rows) return "more rows than the limit";
  if (!table.numeric.empty()) return "a table read from a file has numeric columns";
  if (table.columns.empty()) return table.rows.empty() ? std::string() : "rows without a header";
  std::size_t cells = table.columns.size();
  if (auto problem = check_cells(table.columns, limits.max_columns, "the header", limits); !problem.empty())
    return problem;
  for (const auto& row : table.rows) {
    cells += row.size();
    if (auto problem = check_cells(row, table.columns.size(), "a row", limits); !problem.empty()) return problem;
  }
  if (cells > limits.max_cells) return "more cells than the limit";
  return {};
}

// The table as an export writes it reads back the same.
inline std::string check_csv_round_trip(const spreadsheet::Table& table) {
  auto again = spreadsheet::read_csv(spreadsheet::to_csv(table));
  if (!again.ok()) return "the table written as CSV is refused on reading: " + again.error().detail_key;
  if (again->columns != table.columns) return "the table written as CSV reads back with another header";
  if (again->rows != table.rows) return "the table written as CSV reads back with other rows";
  return {};
}

}  // namespace taawun::fuzz
