// The follow-up as a record kind: SQL ↔ FollowUp, what a new follow-up writes, the audit
// snapshot. Follow-ups are only ever added (no version, no update) and read through their
// person's history.
#include "areas/alumni/follow_up_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace taawun::alumni {
namespace {

FollowUp follow_up_from(const db::Row& row, const reference::ReferenceNames&) {
  return FollowUp{row.integer(0),       row.integer(1), row.text(2),          row.optional_text(3),
                  row.optional_text(4), row.flag(5),    row.optional_text(6), row.text(7)};
}

std::string snapshot_json(const FollowUp& f) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  return nlohmann::json{{"person_id", f.person_id},
                        {"recorded_on", f.recorded_on},
                        {"position", optional(f.position)},
                        {"organisation_name", optional(f.organisation_name)},
                        {"contact_consent", f.contact_consent},
                        {"note", optional(f.note)}}
      .dump();
}

kit::Kind<FollowUp> make_kind() {
  using kit::column;
  kit::Kind<FollowUp> k;
  k.name = "follow_up";
  k.table = "alumni_follow_ups";
  k.alias = "f";
  k.select =
      "SELECT f.id, f.person_id, f.recorded_on, f.position, f.organisation_name, f.contact_consent, f.note, "
      "f.created_at FROM alumni_follow_ups f";
  k.from_row = follow_up_from;
  k.columns = {column("person_id", &FollowUp::person_id),
               column("recorded_on", &FollowUp::recorded_on),
               column("position", &FollowUp::position),
               column("organisation_name", &FollowUp::organisation_name),
               column("contact_consent", &FollowUp::contact_consent),
               column("note", &FollowUp::note)};
  k.snapshot = snapshot_json;
  // Who may read follow-ups depends on their person (can_follow): they are read as the person's
  // history (list), never one by one through the kernel.
  k.may_read_kind = [](const accounts::Actor& actor) { return can_follow(actor); };
  k.may_read = [](const accounts::Actor&, const FollowUp&) { return false; };
  k.versioned = false;
  return k;
}

}  // namespace

const kit::Kind<FollowUp>& kind() {
  static const kit::Kind<FollowUp> follow_up_kind = make_kind();
  return follow_up_kind;
}

std::vector<FollowUp> of_people(db::Connection& connection, const std::vector<std::int64_t>& person_ids) {
  if (person_ids.empty()) return {};
  std::vector<std::string> marks(person_ids.size(), "?");
  db::Params params;
  for (auto id : person_ids) params.add(id);
  return kit::records_from(
      connection, kind(),
      connection.query(fmt::format("{} WHERE f.person_id IN ({}) ORDER BY f.recorded_on DESC, f.id DESC", kind().select,
                                   fmt::join(marks, ", ")),
                       params));
}

}  // namespace taawun::alumni
