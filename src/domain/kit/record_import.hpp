#pragma once
// Records from a spreadsheet (the registers the agency kept in Excel), on the record-kind kernel:
// a file's header matched against the import's template, then each row turned into the kind's
// own draft and taken through the kind's own `apply` — the one set of rules a form also meets —
// every problem reported with its row and column, and nothing written unless every row passes
// or the user asked to keep the valid rows (engineering guide, convention 5). The nomination
// import shares the header matching and the row problems; its rows are people and nominations,
// not drafts of one kind.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/spreadsheet.hpp"
#include "core/text.hpp"
#include "domain/drafts.hpp"
#include "domain/imports.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::kit {

using imports::at_row;
using imports::ImportColumns;
using imports::ImportOptions;
using imports::ImportReport;

// One row of a file as an area reads it into its draft: an empty cell leaves the field absent
// (the blank record's value); a cell that is not what its column holds is a problem at the
// column, put in the draft's input_problems so that `apply` reports it with its own.
struct ImportRow {
  const ImportColumns& columns;
  const std::vector<std::string>& cells;

  std::string cell(const std::string& column) const { return text::trim(columns.cell(cells, column)); }
  void text(const std::string& column, Field<std::string>& field) const {
    if (std::string value = cell(column); !value.empty()) field.set(value);
  }
  // A date as text (YYYY-MM-DD), or as the day number a spreadsheet stores for a typed date.
  void date(const std::string& column, Field<std::string>& field) const {
    std::string value = cell(column);
    if (value.empty()) return;
    field.set(spreadsheet::date_from_serial(value).value_or(value));
  }
  void integer(const std::string& column, Field<std::int64_t>& field, std::vector<FieldError>& problems) const {
    std::string value = cell(column);
    if (value.empty()) return;
    std::int64_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size())
      problems.push_back({column, "not_an_integer"});
    else
      field.set(number);
  }
  void number(const std::string& column, Field<double>& field, std::vector<FieldError>& problems) const {
    std::string value = cell(column);
    if (value.empty()) return;
    double number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size())
      problems.push_back({column, "wrong_type", {{"expected", "number"}}});
    else
      field.set(number);
  }
  // Codes in one cell, separated by spaces, commas or semicolons ("SN ML", "SN, ML").
  void codes(const std::string& column, Field<std::vector<std::string>>& field) const {
    std::string value = cell(column);
    if (value.empty()) return;
    std::replace_if(
        value.begin(), value.end(), [](char c) { return c == ',' || c == ';'; }, ' ');
    field.set(text::words(value));
  }
};

// How a kind's records come from a file.
template <typename Draft>
struct ImportSpec {
  std::vector<std::string> columns;  // the template, in order (GET .../import-template)
  std::set<std::string> ignored;     // columns the kind's export adds for reading
  // Columns the file must have: each entry names columns of which at least one must be there.
  std::vector<std::vector<std::string>> required;
  std::size_t max_rows = 5'000;
  // The row as the kind's draft: an empty cell leaves the field absent (the blank record's
  // value); a cell that is not what its column holds is put in the draft's input_problems at its
  // column, so that `apply` reports it with the domain's problems.
  std::function<Draft(const ImportRow&)> draft_of;
};

// Creates a record of `kind` from each row of `table`, each through `apply(Record blank, const
// Draft&)` (the kind's own rules), in one write transaction: a row is applied after the rows
// above it were stored, so a value that must be unique (a reference, a QID) given twice in the
// file is refused on its second row as it would be in the database. Each record created has its
// audit entry ("import"). All or nothing unless keep_valid_only: any problem is a validation
// error listing every problem, and the transaction is rolled back; a dry run reports and rolls
// back. `allowed` is the area's access function for creating.
template <typename Record, typename Draft, typename Apply>
Result<ImportReport> import_rows(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                                 bool allowed, const spreadsheet::Table& table, const ImportSpec<Draft>& spec,
                                 const ImportOptions& options, Apply apply) {
  if (!allowed) return Error::of(ErrorCode::forbidden);
  ImportReport report;
  report.rows = table.rows.size();
  std::vector<FieldError> problems;
  ImportColumns columns(table, spec.columns, spec.ignored, problems);
  if (!table.columns.empty())
    for (const auto& any_of : spec.required)
      if (std::none_of(any_of.begin(), any_of.end(), [&](const std::string& c) { return columns.has(c); }))
        problems.push_back({"file", "missing_column", {{"column", fmt::format("{}", fmt::join(any_of, " | "))}}});
  if (table.rows.size() > spec.max_rows)
    problems.push_back({"file", "too_many_rows", {{"max", std::to_string(spec.max_rows)}}});
  if (!problems.empty()) return Error::validation(std::move(problems));

  // The column a problem of the draft belongs to: its field up to the first '[' or '.'.
  auto column_of = [&](const std::string& field) {
    std::string column = field.substr(0, field.find_first_of("[."));
    return std::find(spec.columns.begin(), spec.columns.end(), column) != spec.columns.end() ? column : field;
  };
  db::Transaction transaction(connection, db::TransactionKind::write);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::size_t number = r + 2;
    Draft draft = spec.draft_of(ImportRow{columns, table.rows[r]});
    Result<Record> record = apply(Record{}, draft);
    if (!record) {
      if (record.error().field_errors.empty()) return record.error();
      ++report.rejected_rows;
      for (const auto& problem : record.error().field_errors)
        problems.push_back(at_row(number, column_of(problem.field), problem, problem.field));
      continue;
    }
    insert(connection, kind, actor, *record, "import");
    ++report.created;
  }
  report.problems = problems;
  if (!problems.empty() && !options.keep_valid_only && !options.dry_run) return Error::validation(std::move(problems));
  if (options.dry_run) return report;  // the transaction rolls back
  transaction.commit();
  report.written = true;
  return report;
}

}  // namespace taawun::kit
