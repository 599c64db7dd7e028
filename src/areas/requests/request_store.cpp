// SQL ↔ CooperationRequest.
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

std::optional<CooperationRequest> find(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query(std::string(kSelectRequest) + " WHERE r.id = ?", db::Params(id));
  if (rows.empty()) return std::nullopt;
  CooperationRequest request = request_from(rows.front(), *reference::names(connection));
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
  return request;
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
