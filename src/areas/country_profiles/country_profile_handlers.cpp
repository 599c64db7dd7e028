#include "areas/country_profiles/country_profile.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace cp = taawun::country_profiles;

Result<Response> get_country_profile(Context& context) {
  TAAWUN_TRY(profile, cp::profile(context.db(), context.actor(), country_code_parameter(context)));
  Language language = context.language;
  const auto& country = profile.country;
  JsonWriter json;
  json.begin_object();
  json.key("country")
      .begin_object()
      .field("code", country.code)
      .field("name", country.name.in(language))
      .field("region", country.region.in(language))
      .field("subregion", country.subregion.in(language))
      .field("ldc", country.ldc)
      .field("lldc", country.lldc)
      .field("sids", country.sids)
      .field("african_union", country.african_union)
      .end_object();
  json.key("agreements").begin_array();
  for (const auto& a : profile.agreements)
    json.begin_object()
        .field("id", a.id)
        .field("reference", a.reference)
        .field("title", a.title.in(language))
        .field("kind", a.kind)
        .field("status", a.status)
        .field("signed_on", a.signed_on)
        .field("expires_on", a.expires_on)
        .field("notice_on", a.notice_on)
        .field("expiring", a.expiring)
        .end_object();
  json.end_array();
  json.key("agreements_by_status").begin_object();
  for (const auto& [status, count] : profile.agreements_by_status) json.field(status, count);
  json.end_object();
  json.key("totals")
      .begin_object()
      .field("actions", profile.actions)
      .field("participants", profile.participants)
      .field("completed", profile.completed)
      .field("people_trained", profile.people_trained)
      .field("certificates", profile.certificates)
      .end_object();
  json.key("by_year").begin_array();
  for (const auto& y : profile.by_year)
    json.begin_object()
        .field("year", y.year)
        .field("actions", y.actions)
        .field("participants", y.participants)
        .field("completed", y.completed)
        .end_object();
  json.end_array();
  json.key("by_domain").begin_array();
  for (const auto& d : profile.by_domain)
    json.begin_object()
        .field("domain", d.domain)
        .field("name", d.name.in(language))
        .field("actions", d.actions)
        .field("participants", d.participants)
        .field("completed", d.completed)
        .end_object();
  json.end_array();
  json.key("open_requests").begin_array();
  for (const auto& r : profile.open_requests)
    json.begin_object()
        .field("id", r.id)
        .field("title", r.title)
        .field("domain", r.domain)
        .field("priority", r.priority)
        .field("status", r.status)
        .field("received_on", r.received_on)
        .end_object();
  json.end_array();
  json.key("engagements").begin_array();
  for (const auto& e : profile.engagements)
    json.begin_object()
        .field("id", e.id)
        .field("title", e.title.in(language))
        .field("organisation", e.organisation.in(language))
        .field("kind", e.kind)
        .field("starts_on", e.starts_on)
        .field("ends_on", e.ends_on)
        .end_object();
  json.end_array();
  json.key("joint_commissions").begin_array();
  for (const auto& s : profile.sessions)
    json.begin_object()
        .field("id", s.id)
        .field("number", s.number)
        .field("city", s.city)
        .field("start_on", s.start_on)
        .field("end_on", s.end_on)
        .field("decisions", s.decision_count)
        .field("done", s.done_count)
        .field("dropped", s.dropped_count)
        .field("overdue", s.overdue_count)
        .end_object();
  json.end_array();
  auto missions = [&](const char* key, const std::vector<diplomatic_missions::DiplomaticMission>& list) {
    json.key(key).begin_array();
    for (const auto& m : list)
      json.begin_object()
          .field("id", m.id)
          .field("kind", m.kind)
          .field("status", m.status)
          .field("city", m.city)
          .field("sending_country", m.sending_country)
          .field("receiving_country", m.receiving_country)
          .field("receiving", m.receiving_name.in(language))
          .field("head_name", m.head_name)
          .field("head_title", m.head_title)
          .field("resident", m.receiving_country.has_value() &&
                                 (m.receiving_country == country.code || m.receiving_country == std::string("MA")))
          .end_object();
    json.end_array();
  };
  missions("moroccan_missions", profile.missions.moroccan);
  missions("missions_in_morocco", profile.missions.foreign);
  json.end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// clang-format off
std::vector<Route> country_profile_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/countries/{code}/profile", h::get_country_profile, signed_in, quick, {"country_profiles", "read"}},
  };
}
// clang-format on

}  // namespace taawun::http
