#pragma once
// The demo dataset: Moroccan host institutions, partner countries' ministries and agencies,
// donors and international organisations, and one account per role. `scale` multiplies the
// partner institutions (regional directorates) for benchmarks: scale 100 gives about 100,000.
#include <string>

#include "db/database.hpp"

namespace taawun::cli {

struct DemoCounts {
  std::size_t organisations = 0;
  std::size_t users = 0;
};

// Expects a migrated database with reference data and no organisations yet.
// The accounts get `password` (admin, manager, officer, finance, partner, host, viewer).
DemoCounts generate_demo(db::Connection& connection, int scale, const std::string& password);

}  // namespace taawun::cli
