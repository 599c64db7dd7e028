// Alumni follow-up use cases: each new follow-up in one transaction with its audit entry (kit::insert).
#include "areas/alumni/follow_up.hpp"
#include "areas/alumni/follow_up_store.hpp"
#include "domain/drafts.hpp"

namespace taawun::alumni {

Result<std::vector<FollowUp>> list(db::Connection& connection, const accounts::Actor& actor, std::int64_t person_id) {
  TAAWUN_TRY(person, people::get(connection, actor, person_id));
  if (!can_follow(actor, person)) return Error::of(ErrorCode::forbidden);
  return of_people(connection, people::history_ids(connection, person_id));
}

Result<FollowUp> record(db::Connection& connection, const accounts::Actor& actor, std::int64_t person_id,
                        const FollowUpDraft& draft) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(person, people::get(connection, actor, person_id));
  if (!can_follow(actor, person)) return Error::of(ErrorCode::forbidden);
  std::vector<FieldError> problems;
  FollowUp follow_up;
  follow_up.person_id = person_id;
  follow_up.recorded_on = cleaned(draft.recorded_on).value_or(today_iso_date());
  if (check_date(problems, "recorded_on", follow_up.recorded_on) && follow_up.recorded_on > today_iso_date())
    problems.push_back({"recorded_on", "future_date"});
  follow_up.position = cleaned(draft.position);
  follow_up.organisation_name = cleaned(draft.organisation_name);
  follow_up.note = cleaned(draft.note);
  follow_up.contact_consent = draft.contact_consent.value_or(false);
  check_length(problems, "position", follow_up.position, kMaxPositionLength);
  check_length(problems, "organisation_name", follow_up.organisation_name, kMaxOrganisationNameLength);
  check_length(problems, "note", follow_up.note, kMaxNoteLength);
  // A record merged into another is followed on the surviving record.
  if (person.merged_into_id)
    problems.push_back({"person_id", "merged_person", {{"into", std::to_string(*person.merged_into_id)}}});
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  FollowUp created = kit::insert(connection, kind(), actor, follow_up);
  transaction.commit();
  return created;
}

}  // namespace taawun::alumni
