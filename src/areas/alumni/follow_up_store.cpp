// SQL ↔ FollowUp.
#include "areas/alumni/follow_up_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace taawun::alumni {

std::vector<FollowUp> of_people(db::Connection& connection, const std::vector<std::int64_t>& person_ids) {
  std::vector<FollowUp> follow_ups;
  if (person_ids.empty()) return follow_ups;
  std::vector<std::string> marks(person_ids.size(), "?");
  db::Params params;
  for (auto id : person_ids) params.add(id);
  for (const auto& row :
       connection
           .query(fmt::format("SELECT id, person_id, recorded_on, position, organisation_name, contact_consent, note, "
                              "created_at FROM alumni_follow_ups WHERE person_id IN ({}) ORDER BY recorded_on DESC, "
                              "id DESC",
                              fmt::join(marks, ", ")),
                  params)
           .rows)
    follow_ups.push_back(FollowUp{row.integer(0), row.integer(1), row.text(2), row.optional_text(3),
                                  row.optional_text(4), row.flag(5), row.optional_text(6), row.text(7)});
  return follow_ups;
}

std::int64_t insert(db::Connection& connection, const FollowUp& f) {
  return connection
      .query(
          "INSERT INTO alumni_follow_ups (person_id, recorded_on, position, organisation_name, contact_consent, note, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          db::Params(f.person_id, f.recorded_on, f.position, f.organisation_name, f.contact_consent, f.note,
                     f.created_at))
      .front()
      .integer(0);
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

}  // namespace taawun::alumni
