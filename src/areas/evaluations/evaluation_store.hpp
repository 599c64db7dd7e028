#pragma once
// Internal to the evaluations area: rows ↔ Evaluation.
#include "areas/evaluations/evaluation.hpp"

namespace taawun::evaluations {

std::optional<Evaluation> find(db::Connection& connection, std::int64_t nomination_id);
// Every evaluation of an action's participants, newest first.
std::vector<Evaluation> of_action(db::Connection& connection, std::int64_t action_id);
void save(db::Connection& connection, const Evaluation& evaluation, bool exists);
std::string snapshot_json(const Evaluation& evaluation);

}  // namespace taawun::evaluations
