// SQL ↔ Action: the row, its sectors, funders, quotas (with seats filled), SDG targets and
// the requests it serves.
#include "areas/actions/action_store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "areas/actions/action.hpp"
#include "areas/reference/reference.hpp"

namespace taawun::actions {

const char* const kSelectAction =
    "SELECT a.id, a.action_type, a.domain, a.title_fr, a.title_ar, a.title_en, a.modality, a.programme_id, "
    "a.offer_id, a.host_organisation_id, a.city, a.country_code, a.start_date, a.end_date, a.language, a.seats, "
    "a.status, a.estimated_cost, a.actual_cost, a.currency, a.version, a.created_at, a.updated_at, "
    "h.name_fr, h.name_ar, h.name_en, p.title_fr, p.title_ar, p.title_en, a.agreement_id, ag.reference "
    "FROM actions a LEFT JOIN organisations h ON h.id = a.host_organisation_id "
    "LEFT JOIN programmes p ON p.id = a.programme_id LEFT JOIN agreements ag ON ag.id = a.agreement_id";

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
  a.agreement_id = row.optional_integer(29);
  a.agreement_reference = row.optional_text(30);
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

namespace {

std::int64_t year_of(const std::string& date) {
  return std::stoll(date.substr(0, 4));
}

// Rewrites the action's lists (sectors, funders, quotas, SDG targets, requests) from the record.
void write_children(db::Connection& connection, const Action& a) {
  for (const char* table :
       {"action_sectors", "action_funders", "action_quotas", "action_sdg_targets", "action_requests"})
    connection.query(fmt::format("DELETE FROM {} WHERE action_id = ?", table), db::Params(a.id));
  for (const auto& s : a.sectors)
    connection.query("INSERT INTO action_sectors (action_id, sector_code, percentage) VALUES (?, ?, ?)",
                     db::Params(a.id, s.code, s.percentage));
  for (const auto& f : a.funders)
    connection.query("INSERT INTO action_funders (action_id, organisation_id, share) VALUES (?, ?, ?)",
                     db::Params(a.id, f.organisation_id, f.share));
  for (const auto& q : a.quotas)
    connection.query("INSERT INTO action_quotas (action_id, country_code, seats, start_year) VALUES (?, ?, ?, ?)",
                     db::Params(a.id, q.country, q.seats, year_of(a.start_date)));
  for (const auto& t : a.sdg_targets)
    connection.query("INSERT INTO action_sdg_targets (action_id, target_code) VALUES (?, ?)", db::Params(a.id, t));
  for (auto r : a.request_ids)
    connection.query("INSERT INTO action_requests (action_id, request_id) VALUES (?, ?)", db::Params(a.id, r));
}

// The action's lists (sectors, funders, SDG targets, requests) and its quotas with their seats.
void complete(db::Connection& connection, Action& action) {
  const auto& names = *reference::names(connection);
  for (const auto& row :
       connection
           .query("SELECT sector_code, percentage FROM action_sectors WHERE action_id = ? ORDER BY percentage DESC, "
                  "sector_code",
                  db::Params(action.id))
           .rows)
    action.sectors.push_back(SectorShare{row.text(0), row.integer(1), names.sector(row.text(0))});
  for (const auto& row : connection
                             .query("SELECT f.organisation_id, f.share, o.name_fr, o.name_ar, o.name_en FROM "
                                    "action_funders f JOIN organisations o ON o.id = f.organisation_id WHERE "
                                    "f.action_id = ? ORDER BY f.share DESC, f.organisation_id",
                                    db::Params(action.id))
                             .rows)
    action.funders.push_back(FunderShare{row.integer(0), row.integer(1), {row.text(2), row.text(3), row.text(4)}});
  for (const auto& row :
       connection
           .query("SELECT target_code FROM action_sdg_targets WHERE action_id = ? ORDER BY target_code",
                  db::Params(action.id))
           .rows)
    action.sdg_targets.push_back(row.text(0));
  for (const auto& row : connection
                             .query("SELECT request_id FROM action_requests WHERE action_id = ? ORDER BY request_id",
                                    db::Params(action.id))
                             .rows)
    action.request_ids.push_back(row.integer(0));
  load_quotas(connection, {&action}, names);
}

kit::Kind<Action> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  kit::Kind<Action> k;
  k.name = "action";
  k.table = "actions";
  k.alias = "a";
  k.select = kSelectAction;
  k.from_row = action_from;
  k.complete = complete;
  k.write_parts = write_children;
  // The status is written as it is: "planned" for a new action (action.hpp), moved only by
  // change_status.
  k.columns = {column("action_type", &Action::action_type),
               column("domain", &Action::domain),
               column("title_fr", &Action::title_fr),
               column("title_ar", &Action::title_ar),
               column("title_en", &Action::title_en),
               derived<Action>("sort_name", sort_name_of),
               column("modality", &Action::modality),
               column("programme_id", &Action::programme_id),
               column("agreement_id", &Action::agreement_id),
               column("offer_id", &Action::offer_id),
               column("host_organisation_id", &Action::host_organisation_id),
               column("city", &Action::city),
               column("country_code", &Action::country_code),
               column("start_date", &Action::start_date),
               column("end_date", &Action::end_date),
               derived<Action>("start_year", [](const Action& a) { return year_of(a.start_date); }),
               column("language", &Action::language),
               column("seats", &Action::seats),
               column("status", &Action::status),
               column("estimated_cost", &Action::estimated_cost),
               column("actual_cost", &Action::actual_cost),
               column("currency", &Action::currency),
               derived<Action>("search_key", search_key_of)};
  k.sorts = {{"start_date", "a.start_date {0}, a.id {0}"},
             {"title", "a.sort_name {0}, a.id {0}"},
             {"updated_at", "a.updated_at {0}, a.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Operation::read); };
  k.may_read = [](const accounts::Actor& actor, const Action& a) { return can(actor, Operation::read, a); };
  k.export_columns = {
      {"action_id", [](const Action& a, Language) { return std::to_string(a.id); }, true},
      {"title_fr", [](const Action& a, Language) { return cell(a.title_fr); }},
      {"title_ar", [](const Action& a, Language) { return cell(a.title_ar); }},
      {"title_en", [](const Action& a, Language) { return cell(a.title_en); }},
      {"action_type", [](const Action& a, Language) { return a.action_type; }},
      {"type_name", [](const Action& a, Language l) { return a.type_name.in(l); }},
      {"domain", [](const Action& a, Language) { return a.domain; }},
      {"domain_name", [](const Action& a, Language l) { return a.domain_name.in(l); }},
      {"modality", [](const Action& a, Language) { return a.modality; }},
      {"status", [](const Action& a, Language) { return a.status; }},
      {"start_date", [](const Action& a, Language) { return a.start_date; }},
      {"end_date", [](const Action& a, Language) { return a.end_date; }},
      {"city", [](const Action& a, Language) { return cell(a.city); }},
      {"country", [](const Action& a, Language) { return a.country_code; }},
      {"language", [](const Action& a, Language) { return cell(a.language); }},
      {"seats", [](const Action& a, Language) { return std::to_string(a.seats); }, true},
      {"filled", [](const Action& a, Language) { return std::to_string(a.filled); }, true},
      {"quotas",
       [](const Action& a, Language) {
         std::vector<std::string> quotas;
         for (const auto& quota : a.quotas) quotas.push_back(fmt::format("{}:{}", quota.country, quota.seats));
         return fmt::format("{}", fmt::join(quotas, " "));
       }},
      {"programme_id", [](const Action& a, Language) { return cell(a.programme_id); }, true},
      {"agreement_id", [](const Action& a, Language) { return cell(a.agreement_id); }, true},
      {"offer_id", [](const Action& a, Language) { return cell(a.offer_id); }, true},
      {"host_organisation_id", [](const Action& a, Language) { return cell(a.host_organisation_id); }, true},
      {"host", [](const Action& a, Language l) { return a.host_name.in(l); }},
      {"estimated_cost", [](const Action& a, Language) { return cell(a.estimated_cost); }, true},
      {"actual_cost", [](const Action& a, Language) { return cell(a.actual_cost); }, true},
      {"currency", [](const Action& a, Language) { return cell(a.currency); }},
      {"created_at", [](const Action& a, Language) { return a.created_at; }},
      {"updated_at", [](const Action& a, Language) { return a.updated_at; }}};
  return k;
}

}  // namespace

const kit::Kind<Action>& kind() {
  static const kit::Kind<Action> action_kind = make_kind();
  return action_kind;
}

std::optional<Action> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<Action>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
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
                         {"agreement_id", optional(a.agreement_id)},
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
