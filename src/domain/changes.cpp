#include "domain/changes.hpp"

#include <stdexcept>
#include <string>

namespace taawun::changes {

std::int64_t generation(db::Connection& connection, std::string_view kind) {
  auto rows = connection.query("SELECT generation FROM record_generations WHERE kind = ?", db::Params(kind));
  return rows.empty() ? 0 : rows.front().integer(0);
}

void record_change(db::Connection& connection, std::string_view kind) {
  auto changed =
      connection.query("UPDATE record_generations SET generation = generation + 1 WHERE kind = ?", db::Params(kind));
  // A kind without its row would never invalidate what was kept of it: a programming error.
  if (changed.affected != 1) throw std::logic_error("record_generations has no row for " + std::string(kind));
}

}  // namespace taawun::changes
