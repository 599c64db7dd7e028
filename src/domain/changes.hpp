#pragma once
// A counter per kind of record, raised in the transaction of every change to records of that
// kind. What was computed from those records (a rendered list page, see GenerationCache) stays
// valid while the counter is unchanged. The counter lives in the database, so that several
// servers over one PostgreSQL database see each other's changes.
#include <cstdint>
#include <string_view>

#include "db/database.hpp"

namespace taawun::changes {

// The kinds counted (rows of record_generations, migration 0011).
inline constexpr std::string_view kOrganisations = "organisation";

// Read it before reading the records: an answer computed after a change then carries at least
// that change's generation, never an older one.
std::int64_t generation(db::Connection& connection, std::string_view kind);
// Inside the write transaction. On PostgreSQL the row stays locked until the commit, so that
// generations follow the order in which changes become visible.
void record_change(db::Connection& connection, std::string_view kind);

}  // namespace taawun::changes
