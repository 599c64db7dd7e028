#include "domain/changes.hpp"

namespace taawun::changes {

std::int64_t generation(db::Connection& connection, std::string_view kind) {
  auto rows = connection.query("SELECT generation FROM record_generations WHERE kind = ?", db::Params(kind));
  return rows.empty() ? 0 : rows.front().integer(0);
}

void record_change(db::Connection& connection, std::string_view kind) {
  connection.query("UPDATE record_generations SET generation = generation + 1 WHERE kind = ?", db::Params(kind));
}

}  // namespace taawun::changes
