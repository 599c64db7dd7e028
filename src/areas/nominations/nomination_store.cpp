// The nomination as a record kind for the kernel's list and read: SQL ↔ Nomination, with its
// events, logistics and attendance on the detail, the sorts and the audit snapshot.
#include "areas/nominations/nomination_store.hpp"

#include <nlohmann/json.hpp>

#include "areas/nominations/nomination.hpp"

namespace taawun::nominations {

namespace {

const char* const kSelectNomination =
    "SELECT n.id, n.action_id, n.person_id, n.country_code, n.state, n.nominated_at, n.state_changed_at, "
    "n.waitlisted_at, n.note, n.version, n.created_at, n.updated_at, p.latin_name, p.arabic_name, a.title_fr, "
    "a.title_ar, a.title_en, a.status, a.start_date, a.host_organisation_id FROM nominations n "
    "JOIN people p ON p.id = n.person_id JOIN actions a ON a.id = n.action_id";

Nomination nomination_from(const db::Row& row, const reference::ReferenceNames& names) {
  Nomination n;
  n.id = row.integer(0);
  n.action_id = row.integer(1);
  n.person_id = row.integer(2);
  n.country_code = row.text(3);
  n.state = row.text(4);
  n.nominated_at = row.text(5);
  n.state_changed_at = row.text(6);
  n.waitlisted_at = row.optional_text(7);
  n.note = row.optional_text(8);
  n.version = row.integer(9);
  n.created_at = row.text(10);
  n.updated_at = row.text(11);
  n.person_latin_name = row.optional_text(12);
  n.person_arabic_name = row.optional_text(13);
  n.action_title = {row.text(14), row.text(15), row.text(16)};
  n.action_status = row.text(17);
  n.action_start_date = row.text(18);
  n.host_organisation_id = row.optional_integer(19);
  n.country_name = names.country(n.country_code);
  return n;
}

// What the detail shows beyond the row: the events, the logistics checklist and the attendance.
void complete(db::Connection& connection, Nomination& n) {
  std::int64_t id = n.id;
  n.details_included = true;
  for (const auto& row : connection
                             .query("SELECT from_state, to_state, reason, at, username FROM nomination_events WHERE "
                                    "nomination_id = ? ORDER BY id",
                                    db::Params(id))
                             .rows)
    n.events.push_back(Event{row.optional_text(0), row.text(1), row.optional_text(2), row.text(3), row.text(4)});
  for (const auto& row : connection
                             .query("SELECT item, status, cost, currency, note, updated_at FROM logistics_items WHERE "
                                    "nomination_id = ?",
                                    db::Params(id))
                             .rows)
    n.logistics.push_back(LogisticsItem{row.text(0), row.text(1), row.optional_integer(2), row.optional_text(3),
                                        row.optional_text(4), row.text(5)});
  // In the order of the checklist, not of the table.
  std::sort(n.logistics.begin(), n.logistics.end(), [](const LogisticsItem& a, const LogisticsItem& b) {
    auto rank = [](const std::string& item) {
      return std::find(std::begin(kLogisticsItems), std::end(kLogisticsItems), item) - std::begin(kLogisticsItems);
    };
    return rank(a.item) < rank(b.item);
  });
  for (const auto& row :
       connection.query("SELECT day, present FROM attendance WHERE nomination_id = ? ORDER BY day", db::Params(id))
           .rows)
    n.attendance.push_back(AttendanceDay{row.text(0), row.flag(1)});
}

kit::Kind<Nomination> make_kind() {
  kit::Kind<Nomination> k;
  k.name = "nomination";
  k.table = "nominations";
  k.alias = "n";
  k.select = kSelectNomination;
  // The list's filters and the scope read the person and the action.
  k.count_from = "FROM nominations n JOIN people p ON p.id = n.person_id JOIN actions a ON a.id = n.action_id";
  k.from_row = nomination_from;
  k.complete = complete;
  // No columns: a nomination is written by its own use cases (the life cycle, seats and quotas,
  // the import), never by kit::insert or kit::update.
  k.sorts = {{"nominated_at", "n.nominated_at {0}, n.id {0}"},
             {"state_changed_at", "n.state_changed_at {0}, n.id {0}"},
             {"name", "p.sort_name {0}, n.id {0}"},
             {"country", "n.country_code {0}, p.sort_name {0}, n.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can_read(actor); };
  k.may_read = [](const accounts::Actor& actor, const Nomination& n) { return can_read(actor, n); };
  return k;
}

}  // namespace

const kit::Kind<Nomination>& kind() {
  static const kit::Kind<Nomination> nomination_kind = make_kind();
  return nomination_kind;
}

std::optional<Nomination> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

std::string snapshot_json(const Nomination& n) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json logistics = nlohmann::json::array();
  for (const auto& item : n.logistics)
    logistics.push_back({{"item", item.item},
                         {"status", item.status},
                         {"cost", optional(item.cost)},
                         {"currency", optional(item.currency)},
                         {"note", optional(item.note)}});
  nlohmann::json attendance = nlohmann::json::array();
  for (const auto& day : n.attendance) attendance.push_back({{"day", day.day}, {"present", day.present}});
  return nlohmann::json{{"action_id", n.action_id},
                        {"person_id", n.person_id},
                        {"country", n.country_code},
                        {"state", n.state},
                        {"waitlisted_at", optional(n.waitlisted_at)},
                        {"note", optional(n.note)},
                        {"logistics", logistics},
                        {"attendance", attendance},
                        {"version", n.version}}
      .dump();
}

}  // namespace taawun::nominations
