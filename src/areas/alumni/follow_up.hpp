#pragma once
// Alumni follow-up: what became of the people the agency trained — where they work and in
// which position, on a given day, and whether they agree to be contacted again (for alumni
// networks, later invitations, impact surveys). Each follow-up is a dated record added to the
// person's history and never rewritten.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "areas/people/person.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace taawun::alumni {

inline constexpr std::size_t kMaxPositionLength = 200, kMaxOrganisationNameLength = 300, kMaxNoteLength = 2000;

struct FollowUp {
  std::int64_t id = 0, person_id = 0;
  std::string recorded_on;  // YYYY-MM-DD
  std::optional<std::string> position, organisation_name;
  bool contact_consent = false;
  std::optional<std::string> note;
  std::string created_at;
};

struct FollowUpDraft {
  std::optional<std::string> recorded_on, position, organisation_name, note;
  std::optional<bool> contact_consent;
  std::vector<FieldError> input_problems;
};

// --- access: the one place that says who follows alumni ---
// Staff, and the partner focal points of the person's country (their nationality).
bool can_follow(const accounts::Actor& actor);  // kind-level: anyone's (the permission registry)
bool can_follow(const accounts::Actor& actor, const people::Person& person);

// --- use cases ---
// The person's follow-ups (with those of the records merged into them), newest first.
Result<std::vector<FollowUp>> list(db::Connection& connection, const accounts::Actor& actor, std::int64_t person_id);
Result<FollowUp> record(db::Connection& connection, const accounts::Actor& actor, std::int64_t person_id,
                        const FollowUpDraft& draft);

}  // namespace taawun::alumni
