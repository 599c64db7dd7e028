// Evaluation use cases: record (create or replace) inside one transaction with its audit entry,
// read one, summarise an action's.
#include <cmath>

#include "areas/audit/audit.hpp"
#include "areas/evaluations/evaluation.hpp"
#include "areas/evaluations/evaluation_store.hpp"
#include "core/clock.hpp"
#include "domain/drafts.hpp"

namespace taawun::evaluations {
namespace {

// Only a participant who came can judge the action.
bool attended(std::string_view state) {
  return state == "arrived" || state == "completed" || state == "dropped_out";
}

ScoreSummary summarise(const std::vector<Evaluation>& evaluations,
                       std::optional<std::int64_t> (*score)(const Evaluation&)) {
  ScoreSummary summary;
  std::int64_t sum = 0;
  for (const auto& evaluation : evaluations)
    if (auto value = score(evaluation)) {
      ++summary.answers;
      sum += *value;
    }
  if (summary.answers > 0)
    summary.average = std::round(100.0 * static_cast<double>(sum) / static_cast<double>(summary.answers)) / 100.0;
  return summary;
}

}  // namespace

Result<Recorded> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id) {
  TAAWUN_TRY(nomination, nominations::get(connection, actor, nomination_id));
  if (!can_record(actor, nomination)) return Error::of(ErrorCode::forbidden);
  auto evaluation = find(connection, nomination_id);
  if (!evaluation) return Error::of(ErrorCode::not_found, "evaluation_not_recorded");
  return Recorded{std::move(*evaluation), nomination.version, false};
}

Result<Recorded> record(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id,
                        std::int64_t expected_version, const EvaluationDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(nomination, nominations::get(connection, actor, nomination_id));
  if (!can_record(actor, nomination)) return Error::of(ErrorCode::forbidden);
  if (nomination.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  std::vector<FieldError> problems;
  if (!draft.overall) problems.push_back({"overall", "required"});
  check_range(problems, "overall", draft.overall, kMinScore, kMaxScore);
  check_range(problems, "content", draft.content, kMinScore, kMaxScore);
  check_range(problems, "organisation", draft.organisation, kMinScore, kMaxScore);
  check_range(problems, "usefulness", draft.usefulness, kMinScore, kMaxScore);
  auto comment = cleaned(draft.comment);
  check_length(problems, "comment", comment, kMaxCommentLength);
  if (!attended(nomination.state)) problems.push_back({"state", "not_arrived", {{"state", nomination.state}}});
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));

  auto before = find(connection, nomination_id);
  std::string now = clock::now_iso8601();
  Evaluation evaluation{
      nomination_id, *draft.overall, draft.content, draft.organisation, draft.usefulness, comment, now};
  save(connection, evaluation, before.has_value());
  if (connection
          // The version guards the evaluation as it guards the checklist; updated_at is left as
          // it was, so that the time an evaluation was written cannot be read off the nomination.
          .query("UPDATE nominations SET version = version + 1 WHERE id = ? AND version = ?",
                 db::Params(nomination_id, expected_version))
          .affected == 0)
    return Error::of(ErrorCode::precondition_failed);
  audit::record(connection, actor, before ? "update" : "create", "evaluation", std::to_string(nomination_id),
                before ? std::optional(snapshot_json(*before)) : std::nullopt, snapshot_json(evaluation));
  transaction.commit();
  return Recorded{std::move(evaluation), expected_version + 1, !before};
}

Result<Summary> summary(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id) {
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  if (!can_read_summary(actor, action)) return Error::of(ErrorCode::forbidden);
  auto evaluations = of_action(connection, action_id);
  Summary result;
  result.action_id = action_id;
  result.count = static_cast<std::int64_t>(evaluations.size());
  result.overall = summarise(evaluations, [](const Evaluation& e) { return std::optional(e.overall); });
  result.content = summarise(evaluations, [](const Evaluation& e) { return e.content; });
  result.organisation = summarise(evaluations, [](const Evaluation& e) { return e.organisation; });
  result.usefulness = summarise(evaluations, [](const Evaluation& e) { return e.usefulness; });
  for (const auto& evaluation : evaluations)
    if (evaluation.comment)
      result.comments.push_back(
          Summary::Comment{*evaluation.comment, evaluation.overall, evaluation.submitted_at.substr(0, 7)});
  std::sort(result.comments.begin(), result.comments.end(), [](const Summary::Comment& a, const Summary::Comment& b) {
    return a.overall != b.overall ? a.overall > b.overall : a.text < b.text;
  });
  return result;
}

}  // namespace taawun::evaluations
