#pragma once
// What every import of a spreadsheet shares (the nominations file, the registers of agreements
// and diplomatic missions): the options (all or nothing, valid rows only, dry run), the report,
// the header matched against the template, and the problems of a row at their row and column.
// The imports of a kind's records run on domain/kit/record_import.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/spreadsheet.hpp"
#include "core/text.hpp"

namespace taawun::imports {

struct ImportOptions {
  bool keep_valid_only = false;  // write the rows that pass, report the others
  bool dry_run = false;          // check every row, write nothing
};

struct ImportReport {
  std::size_t rows = 0, created = 0, rejected_rows = 0;  // created: written, or ready in a dry run
  std::vector<FieldError> problems;                      // field "rows[N].<field>", params row and column
  bool written = false;
};

// A problem of a file's row as the spreadsheet numbers it (the header is row 1) and column; the
// field is "rows[N].<path>", where the path is the column, or the part of a cell holding a list
// ("parties[1].currency").
inline FieldError at_row(std::size_t row, const std::string& column, FieldError problem, std::string_view path = {}) {
  problem.params.emplace_back("row", std::to_string(row));
  problem.params.emplace_back("column", column);
  problem.field = fmt::format("rows[{}].{}", row, path.empty() ? std::string_view(column) : path);
  return problem;
}

// A header cell as an import's column name: case, accents and spaces do not matter ("Title FR").
inline std::string column_name(std::string_view header) {
  std::string name = text::search_key(header);
  std::replace(name.begin(), name.end(), ' ', '_');
  return name;
}

// A file's header matched against an import's columns: a column of the template, one an export
// adds for reading (ignored), or a problem at row 1 (unknown or duplicate column).
class ImportColumns {
 public:
  ImportColumns(const spreadsheet::Table& table, const std::vector<std::string>& columns,
                const std::set<std::string>& ignored, std::vector<FieldError>& problems) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      std::string name = column_name(table.columns[c]);
      if (std::find(columns.begin(), columns.end(), name) != columns.end()) {
        if (!index_.emplace(name, c).second) problems.push_back(at_row(1, table.columns[c], {"", "duplicate_column"}));
      } else if (!ignored.contains(name)) {
        problems.push_back(at_row(1, table.columns[c], {"", "unknown_column"}));
      }
    }
    if (table.columns.empty()) problems.push_back({"file", "empty_file"});
  }
  bool has(const std::string& column) const { return index_.contains(column); }
  // The row's cell in that column; empty for a column the file lacks or a row that stops before.
  std::string cell(const std::vector<std::string>& row, const std::string& column) const {
    auto found = index_.find(column);
    if (found == index_.end() || found->second >= row.size()) return {};
    return row[found->second];
  }

 private:
  std::map<std::string, std::size_t> index_;
};

}  // namespace taawun::imports
