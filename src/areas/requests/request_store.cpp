// The cooperation request as a record kind: SQL ↔ CooperationRequest, what create and update
// write, the sorts, the audit snapshot and the export columns.
#include "areas/requests/request_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace taawun::requests {

std::vector<std::string_view> next_statuses(std::string_view status) {
  if (status == "received") return {"under_study", "declined"};
  if (status == "under_study") return {"matched", "declined"};
  if (status == "matched") return {"served", "declined"};
  return {};  // served and declined are final
}

// Country names come from reference::names (in memory); the others from joins on primary keys.
#define TAAWUN_REQUEST_COLUMNS(description)                                                                     \
  "SELECT r.id, r.country_code, r.requesting_organisation_id, r.domain, r.action_type, r.title, " description   \
  ", r.people_count, r.period_start, r.period_end, r.priority, r.channel, r.status, r.received_on, r.version, " \
  "r.created_at, r.updated_at, g.name_fr, g.name_ar, g.name_en, d.name_fr, d.name_ar, d.name_en, t.name_fr, "   \
  "t.name_ar, t.name_en FROM cooperation_requests r LEFT JOIN organisations g ON g.id = "                       \
  "r.requesting_organisation_id JOIN cooperation_domains d ON d.code = r.domain LEFT JOIN action_types t ON "   \
  "t.code = r.action_type"
const char* const kSelectRequest = TAAWUN_REQUEST_COLUMNS("r.description");
const char* const kSelectRequestSummary = TAAWUN_REQUEST_COLUMNS("NULL");
#undef TAAWUN_REQUEST_COLUMNS

CooperationRequest request_from(const db::Row& row, const reference::ReferenceNames& names) {
  CooperationRequest r;
  r.id = row.integer(0);
  r.country_code = row.text(1);
  r.requesting_organisation_id = row.optional_integer(2);
  r.domain = row.text(3);
  r.action_type = row.optional_text(4);
  r.title = row.text(5);
  r.description = row.optional_text(6);
  r.people_count = row.optional_integer(7);
  r.period_start = row.optional_text(8);
  r.period_end = row.optional_text(9);
  r.priority = row.text(10);
  r.channel = row.text(11);
  r.status = row.text(12);
  r.received_on = row.text(13);
  r.version = row.integer(14);
  r.created_at = row.text(15);
  r.updated_at = row.text(16);
  r.requesting_organisation_name = {row.text(17), row.text(18), row.text(19)};
  r.domain_name = {row.text(20), row.text(21), row.text(22)};
  r.action_type_name = {row.text(23), row.text(24), row.text(25)};
  r.country_name = names.country(r.country_code);
  return r;
}

namespace {

// The offers matched to a request and the actions serving it.
void complete(db::Connection& connection, CooperationRequest& request) {
  const std::int64_t id = request.id;
  for (const auto& row :
       connection
           .query("SELECT o.id, o.title_fr, o.title_ar, o.title_en, o.host_organisation_id, h.name_fr, h.name_ar, "
                  "h.name_en, o.active, ro.matched_at FROM request_offers ro JOIN offers o ON o.id = ro.offer_id "
                  "JOIN organisations h ON h.id = o.host_organisation_id WHERE ro.request_id = ? "
                  "ORDER BY ro.matched_at, o.id",
                  db::Params(id))
           .rows)
    request.matched_offers.push_back(MatchedOffer{row.integer(0),
                                                  {row.text(1), row.text(2), row.text(3)},
                                                  row.integer(4),
                                                  {row.text(5), row.text(6), row.text(7)},
                                                  row.flag(8),
                                                  row.text(9)});
  for (const auto& row : connection
                             .query("SELECT a.id, a.title_fr, a.title_ar, a.title_en FROM action_requests ar "
                                    "JOIN actions a ON a.id = ar.action_id WHERE ar.request_id = ? "
                                    "ORDER BY a.start_date, a.id",
                                    db::Params(id))
                             .rows)
    request.served_by_actions.push_back(ServingAction{row.integer(0), {row.text(1), row.text(2), row.text(3)}});
}

kit::Kind<CooperationRequest> make_kind() {
  using kit::column;
  using kit::derived;
  using spreadsheet::cell;
  using Request = CooperationRequest;
  kit::Kind<Request> k;
  k.name = "request";
  k.table = "cooperation_requests";
  k.alias = "r";
  k.select = kSelectRequest;
  k.list_select = kSelectRequestSummary;
  k.from_row = request_from;
  k.complete = complete;
  k.columns = {column("country_code", &Request::country_code),
               column("requesting_organisation_id", &Request::requesting_organisation_id),
               column("domain", &Request::domain),
               column("action_type", &Request::action_type),
               column("title", &Request::title),
               column("description", &Request::description),
               column("people_count", &Request::people_count),
               column("period_start", &Request::period_start),
               column("period_end", &Request::period_end),
               column("priority", &Request::priority),
               column("channel", &Request::channel),
               column("status", &Request::status),
               column("received_on", &Request::received_on),
               derived<Request>("search_key", search_key_of)};
  k.sorts = {{"received_on", "r.received_on {0}, r.id {0}"},
             // Most urgent first; the oldest of a priority first.
             {"priority",
              "CASE r.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END {0}, r.received_on {0}, "
              "r.id {0}"},
             {"created_at", "r.created_at {0}, r.id {0}"}};
  k.snapshot = snapshot_json;
  k.may_read_kind = [](const accounts::Actor& actor) { return can(actor, Action::read); };
  k.may_read = [](const accounts::Actor& actor, const Request& r) { return can(actor, Action::read, r.country_code); };
  k.export_columns = {
      {"request_id", [](const Request& r, Language) { return std::to_string(r.id); }, true},
      {"country", [](const Request& r, Language) { return r.country_code; }},
      {"country_name", [](const Request& r, Language l) { return r.country_name.in(l); }},
      {"requesting_organisation_id", [](const Request& r, Language) { return cell(r.requesting_organisation_id); },
       true},
      {"requesting_organisation", [](const Request& r, Language l) { return r.requesting_organisation_name.in(l); }},
      {"domain", [](const Request& r, Language) { return r.domain; }},
      {"domain_name", [](const Request& r, Language l) { return r.domain_name.in(l); }},
      {"action_type", [](const Request& r, Language) { return cell(r.action_type); }},
      {"type_name", [](const Request& r, Language l) { return r.action_type_name.in(l); }},
      {"title", [](const Request& r, Language) { return r.title; }},
      {"people_count", [](const Request& r, Language) { return cell(r.people_count); }, true},
      {"period_start", [](const Request& r, Language) { return cell(r.period_start); }},
      {"period_end", [](const Request& r, Language) { return cell(r.period_end); }},
      {"priority", [](const Request& r, Language) { return r.priority; }},
      {"channel", [](const Request& r, Language) { return r.channel; }},
      {"status", [](const Request& r, Language) { return r.status; }},
      {"received_on", [](const Request& r, Language) { return r.received_on; }},
      {"created_at", [](const Request& r, Language) { return r.created_at; }},
      {"updated_at", [](const Request& r, Language) { return r.updated_at; }}};
  return k;
}

}  // namespace

const kit::Kind<CooperationRequest>& kind() {
  static const kit::Kind<CooperationRequest> request_kind = make_kind();
  return request_kind;
}

std::optional<CooperationRequest> find(db::Connection& connection, std::int64_t id) {
  return kit::find(connection, kind(), id);
}

spreadsheet::Table export_table(const std::vector<CooperationRequest>& listed, Language language) {
  return kit::export_table(kind(), listed, language);
}

std::string snapshot_json(const CooperationRequest& r) {
  auto optional = [](const auto& value) -> nlohmann::json {
    if (value) return *value;
    return nullptr;
  };
  nlohmann::json offer_ids = nlohmann::json::array();
  for (const auto& offer : r.matched_offers) offer_ids.push_back(offer.offer_id);
  nlohmann::json json = {{"country", r.country_code},
                         {"requesting_organisation_id", optional(r.requesting_organisation_id)},
                         {"domain", r.domain},
                         {"action_type", optional(r.action_type)},
                         {"title", r.title},
                         {"description", optional(r.description)},
                         {"people_count", optional(r.people_count)},
                         {"period_start", optional(r.period_start)},
                         {"period_end", optional(r.period_end)},
                         {"priority", r.priority},
                         {"channel", r.channel},
                         {"status", r.status},
                         {"received_on", r.received_on},
                         {"offer_ids", offer_ids},
                         {"version", r.version}};
  return json.dump();
}

std::string search_key_of(const CooperationRequest& r) {
  return text::search_key(fmt::format("{} {}", r.title, r.description.value_or("")));
}

}  // namespace taawun::requests
