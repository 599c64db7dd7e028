#pragma once
// csv_fuzz: a CSV file as users upload it for a bulk import (spreadsheet::read_csv, default limits).
#include <string>
#include <string_view>

#include "table_checks.hpp"

namespace taawun::fuzz {

inline std::string check_csv(std::string_view bytes) {
  const spreadsheet::Limits limits;
  auto table = spreadsheet::read_csv(bytes, limits);
  if (!table.ok()) return check_refusal(table.error());
  if (auto problem = check_table(*table, limits); !problem.empty()) return problem;
  return check_csv_round_trip(*table);
}

}  // namespace taawun::fuzz
