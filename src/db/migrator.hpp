#pragma once
#include <string>
#include <vector>

#include "db/database.hpp"

namespace taawun::db {

// Applies the embedded migrations/NNNN_name.sql files not yet recorded in schema_migrations,
// each in its own transaction (both databases have transactional DDL). Returns the names applied.
std::vector<std::string> migrate(Connection& connection);
// The migration text for one dialect ({{id}} and {{blob}} substituted).
std::string dialect_sql(std::string_view sql, Dialect dialect);

}  // namespace taawun::db
