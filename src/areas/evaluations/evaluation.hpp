#pragma once
// Evaluations: a participant's scores (1 to 5) and comment on the action they attended,
// recorded for them by the agency's staff or their country's focal point (participants have no
// accounts), once they have arrived. One per nomination, replaced when recorded again; the host
// institution and staff read each action's summary, with the comments but without the names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "areas/actions/action.hpp"
#include "areas/nominations/nomination.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace taawun::evaluations {

inline constexpr std::int64_t kMinScore = 1, kMaxScore = 5;
inline constexpr std::size_t kMaxCommentLength = 2000;

struct Evaluation {
  std::int64_t nomination_id = 0;
  std::int64_t overall = 0;
  std::optional<std::int64_t> content, organisation, usefulness;
  std::optional<std::string> comment;
  std::string submitted_at;
};

struct EvaluationDraft {
  std::optional<std::int64_t> overall, content, organisation, usefulness;
  std::optional<std::string> comment;
  std::vector<FieldError> input_problems;
};

// An evaluation with the version of its nomination: evaluations are part of the nomination,
// whose ETag guards them as it guards the logistics checklist and the attendance register.
struct Recorded {
  Evaluation evaluation;
  std::int64_t nomination_version = 0;
  bool created = false;
};

struct ScoreSummary {
  std::int64_t answers = 0;
  std::optional<double> average;  // two decimals; none without answers
};

struct Summary {
  std::int64_t action_id = 0;
  std::int64_t count = 0;
  ScoreSummary overall, content, organisation, usefulness;
  // Nothing here may join a comment to a participant: no name, no nomination, and only the
  // month it was written (a time would match the nomination changed at that moment); comments
  // come best score first, then in the text's order, not in the order they were written.
  struct Comment {
    std::string text;
    std::int64_t overall = 0;
    std::string submitted_in;  // YYYY-MM
  };
  std::vector<Comment> comments;
};

// --- access: the one place that says who may see and record evaluations ---
// Kind-level (the permission registry), then for a nomination or an action.
bool can_record(const accounts::Actor& actor);
bool can_record(const accounts::Actor& actor, const nominations::Nomination& nomination);
bool can_read_summary(const accounts::Actor& actor);
bool can_read_summary(const accounts::Actor& actor, const actions::Action& action);

// --- use cases ---
Result<Recorded> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id);
Result<Recorded> record(db::Connection& connection, const accounts::Actor& actor, std::int64_t nomination_id,
                        std::int64_t expected_version, const EvaluationDraft& draft);
Result<Summary> summary(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id);

}  // namespace taawun::evaluations
