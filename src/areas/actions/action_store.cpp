// SQL ↔ Action: the row, its sectors, funders, quotas (with seats filled), SDG targets and
// the requests it serves.
#include "areas/actions/action_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "areas/actions/action.hpp"
#include "areas/reference/reference.hpp"

namespace taawun::actions {

const char* const kSelectAction =
    "SELECT a.id, a.action_type, a.domain, a.title_fr, a.title_ar, a.title_en, a.modality, a.programme_id, "
    "a.offer_id, a.host_organisation_id, a.city, a.country_code, a.start_date, a.end_date, a.language, a.seats, "
    "a.status, a.estimated_cost, a.actual_cost, a.currency, a.version, a.created_at, a.updated_at, "
    "h.name_fr, h.name_ar, h.name_en, p.title_fr, p.title_ar, p.title_en "
    "FROM actions a LEFT JOIN organisations h ON h.id = a.host_organisation_id "
    "LEFT JOIN programmes p ON p.id = a.programme_id";

Action action_from(const db::Row& row, const reference::ReferenceNames& names) {
  Action a;
  a.id = row.integer(0);
  a.action_type = row.text(1);
  a.domain = row.text(2);
  a.title_fr = row.optional_text(3);
  a.title_ar = row.optional_text(4);
  a.title_en = row.optional_text(5);
  a.modality = row.text(6);
  a.programme_id = row.optional_integer(7);
  a.offer_id = row.optional_integer(8);
  a.host_organisation_id = row.optional_integer(9);
  a.city = row.optional_text(10);
  a.country_code = row.text(11);
  a.start_date = row.text(12);
  a.end_date = row.text(13);
  a.language = row.optional_text(14);
  a.seats = row.integer(15);
  a.status = row.text(16);
  a.estimated_cost = row.optional_integer(17);
  a.actual_cost = row.optional_integer(18);
  a.currency = row.optional_text(19);
  a.version = row.integer(20);
  a.created_at = row.text(21);
  a.updated_at = row.text(22);
  a.host_name = {row.text(23), row.text(24), row.text(25)};
  a.programme_title = {row.text(26), row.text(27), row.text(28)};
  a.type_name = names.action_type(a.action_type);
  a.domain_name = names.cooperation_domain(a.domain);
  a.country_name = names.country(a.country_code);
  return a;
}

void load_quotas(db::Connection& connection, std::vector<Action*> actions, const reference::ReferenceNames& names) {
  if (actions.empty()) return;
  std::vector<std::string> marks;
  db::Params params;
  for (auto* action : actions) {
    marks.push_back("?");
    params.add(action->id);
  }
  std::string in = fmt::format("({})", fmt::join(marks, ", "));
  auto find_action = [&](std::int64_t id) -> Action* {
    for (auto* action : actions)
      if (action->id == id) return action;
    return nullptr;
  };
  for (const auto& row : connection
                             .query("SELECT action_id, country_code, seats FROM action_quotas WHERE action_id IN " +
                                        in + " ORDER BY action_id, country_code",
                                    params)
                             .rows)
    if (auto* action = find_action(row.integer(0)))
      action->quotas.push_back(Quota{row.text(1), row.integer(2), names.country(row.text(1)), 0});
  for (const auto& row :
       connection
           .query(fmt::format("SELECT action_id, country_code, COUNT(*) FROM nominations WHERE action_id IN {} AND "
                              "state IN {} GROUP BY action_id, country_code",
                              in, kSeatHoldingStates),
                  params)
           .rows) {
    auto* action = find_action(row.integer(0));
    if (!action) continue;
    action->filled += row.integer(2);
    for (auto& quota : action->quotas)
      if (quota.country == row.text(1)) quota.filled = row.integer(2);
  }
}

std::optional<Action> find(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query(std::string(kSelectAction) + " WHERE a.id = ?", db::Params(id));
  if (rows.empty()) return std::nullopt;
  auto names = reference::names(connection);
  Action action = action_from(rows.front(), *names);
  for (const auto& row :
       connection
           .query("SELECT sector_code, percentage FROM action_sectors WHERE action_id = ? ORDER BY percentage DESC, "
                  "sector_code",
                  db::Params(id))
           .rows)
    action.sectors.push_back(SectorShare{row.text(0), row.integer(1), names->sector(row.text(0))});
  for (const auto& row : connection
                             .query("SELECT f.organisation_id, f.share, o.name_fr, o.name_ar, o.name_en FROM "
                                    "action_funders f JOIN organisations o ON o.id = f.organisation_id WHERE "
                                    "f.action_id = ? ORDER BY f.share DESC, f.organisation_id",
                                    db::Params(id))
                             .rows)
    action.funders.push_back(FunderShare{row.integer(0), row.integer(1), {row.text(2), row.text(3), row.text(4)}});
  for (const auto& row :
       connection
           .query("SELECT target_code FROM action_sdg_targets WHERE action_id = ? ORDER BY target_code", db::Params(id))
           .rows)
    action.sdg_targets.push_back(row.text(0));
  for (const auto& row :
       connection
           .query("SELECT request_id FROM action_requests WHERE action_id = ? ORDER BY request_id", db::Params(id))
           .rows)
    action.request_ids.push_back(row.integer(0));
  load_quotas(connection, {&action}, *names);
  return action;
}

void lock(db::Connection& connection, std::int64_t id) {
  if (connection.dialect() == db::Dialect::postgres)
    connection.query("SELECT id FROM actions WHERE id = ? FOR UPDATE", db::Params(id));
}

std::string snapshot_json(const Action& a) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json sectors = nlohmann::json::array(), funders = nlohmann::json::array(), quotas = nlohmann::json::array();
  for (const auto& s : a.sectors) sectors.push_back({{"code", s.code}, {"percentage", s.percentage}});
  for (const auto& f : a.funders) funders.push_back({{"organisation_id", f.organisation_id}, {"share", f.share}});
  for (const auto& q : a.quotas) quotas.push_back({{"country", q.country}, {"seats", q.seats}});
  nlohmann::json json = {{"action_type", a.action_type},
                         {"domain", a.domain},
                         {"title_fr", optional(a.title_fr)},
                         {"title_ar", optional(a.title_ar)},
                         {"title_en", optional(a.title_en)},
                         {"modality", a.modality},
                         {"programme_id", optional(a.programme_id)},
                         {"offer_id", optional(a.offer_id)},
                         {"host_organisation_id", optional(a.host_organisation_id)},
                         {"city", optional(a.city)},
                         {"country", a.country_code},
                         {"start_date", a.start_date},
                         {"end_date", a.end_date},
                         {"language", optional(a.language)},
                         {"seats", a.seats},
                         {"status", a.status},
                         {"estimated_cost", optional(a.estimated_cost)},
                         {"actual_cost", optional(a.actual_cost)},
                         {"currency", optional(a.currency)},
                         {"sectors", sectors},
                         {"funders", funders},
                         {"quotas", quotas},
                         {"sdg_targets", a.sdg_targets},
                         {"request_ids", a.request_ids},
                         {"version", a.version}};
  return json.dump();
}

}  // namespace taawun::actions
