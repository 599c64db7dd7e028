// SQL ↔ Evaluation.
#include "areas/evaluations/evaluation_store.hpp"

#include <nlohmann/json.hpp>

namespace taawun::evaluations {
namespace {

constexpr const char* kColumns =
    "e.nomination_id, e.overall, e.content, e.organisation, e.usefulness, e.comment, e.submitted_at";

Evaluation evaluation_from(const db::Row& row) {
  return Evaluation{
      row.integer(0),       row.integer(1), row.optional_integer(2), row.optional_integer(3), row.optional_integer(4),
      row.optional_text(5), row.text(6)};
}

}  // namespace

std::optional<Evaluation> find(db::Connection& connection, std::int64_t nomination_id) {
  auto rows = connection.query(std::string("SELECT ") + kColumns + " FROM evaluations e WHERE e.nomination_id = ?",
                               db::Params(nomination_id));
  if (rows.empty()) return std::nullopt;
  return evaluation_from(rows.front());
}

std::vector<Evaluation> of_action(db::Connection& connection, std::int64_t action_id) {
  std::vector<Evaluation> evaluations;
  for (const auto& row : connection
                             .query(std::string("SELECT ") + kColumns +
                                        " FROM evaluations e JOIN nominations n ON n.id = e.nomination_id WHERE "
                                        "n.action_id = ? ORDER BY e.submitted_at DESC, e.nomination_id DESC",
                                    db::Params(action_id))
                             .rows)
    evaluations.push_back(evaluation_from(row));
  return evaluations;
}

void save(db::Connection& connection, const Evaluation& e, bool exists) {
  if (exists)
    connection.query(
        "UPDATE evaluations SET overall = ?, content = ?, organisation = ?, usefulness = ?, comment = ?, "
        "submitted_at = ? WHERE nomination_id = ?",
        db::Params(e.overall, e.content, e.organisation, e.usefulness, e.comment, e.submitted_at, e.nomination_id));
  else
    connection.query(
        "INSERT INTO evaluations (nomination_id, overall, content, organisation, usefulness, comment, submitted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        db::Params(e.nomination_id, e.overall, e.content, e.organisation, e.usefulness, e.comment, e.submitted_at));
}

std::string snapshot_json(const Evaluation& e) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  return nlohmann::json{{"nomination_id", e.nomination_id},     {"overall", e.overall},
                        {"content", optional(e.content)},       {"organisation", optional(e.organisation)},
                        {"usefulness", optional(e.usefulness)}, {"comment", optional(e.comment)}}
      .dump();
}

}  // namespace taawun::evaluations
