#pragma once
// xlsx_fuzz: an XLSX file as users upload it for a bulk import (spreadsheet::read_xlsx, default
// limits): minizip and expat under our reader, its limits and its own token scanner.
#include <string>
#include <string_view>

#include "table_checks.hpp"

namespace taawun::fuzz {

inline std::string check_xlsx(std::string_view bytes) {
  const spreadsheet::Limits limits;
  auto table = spreadsheet::read_xlsx(bytes, limits);
  if (!table.ok()) return check_refusal(table.error());
  if (auto problem = check_table(*table, limits); !problem.empty()) return problem;
  // Imported from XLSX, exported as CSV (the list exports), imported again: the same table.
  return check_csv_round_trip(*table);
}

}  // namespace taawun::fuzz
