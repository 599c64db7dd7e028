#include "areas/engagements/engagement.hpp"
#include "core/money.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace eng = taawun::engagements;

namespace {

void write_words(JsonWriter& json, std::string_view key, const std::vector<std::string>& words) {
  json.key(key).begin_array();
  for (const auto& word : words) json.value(word);
  json.end_array();
}

void write_engagement(JsonWriter& json, const eng::Engagement& e, Language language, bool detail) {
  json.begin_object()
      .field("id", e.id)
      .field("kind", e.kind)
      .field("organisation_id", e.organisation_id)
      .field("organisation", e.organisation_name.in(language))
      .field("title", e.title().in(language))
      .field("title_fr", e.title_fr)
      .field("title_ar", e.title_ar)
      .field("title_en", e.title_en);
  if (detail)
    json.field("description_fr", e.description_fr)
        .field("description_ar", e.description_ar)
        .field("description_en", e.description_en);
  json.field("starts_on", e.starts_on).field("ends_on", e.ends_on).field("renewed_on", e.renewed_on);
  write_words(json, "themes", e.themes);
  json.key("sdgs").begin_array();
  for (auto goal : e.sdgs) json.value(goal);
  json.end_array();
  write_words(json, "beneficiary_groups", e.beneficiary_groups);
  write_words(json, "beneficiary_countries", e.beneficiary_countries);
  // A decimal string in the currency's decimals (ADR 0016).
  std::optional<std::string> amount;
  if (e.amount_minor && e.currency) amount = money::format(*e.amount_minor, money::exponent(*e.currency));
  json.field("amount", amount).field("currency", e.currency);
  if (detail) {
    write_words(json, "covered_countries", e.covered_countries);
    json.key("notifications").begin_array();
    for (const auto& n : e.notifications)
      json.begin_object()
          .field("organisation_id", n.organisation_id)
          .field("organisation",
                 n.organisation_id ? std::optional<std::string>(n.organisation_name.in(language)) : std::nullopt)
          .field("notified_on", n.notified_on)
          .field("reference", n.reference)
          .field("note", n.note)
          .end_object();
    json.end_array();
  }
  json.field("version", e.version).field("created_at", e.created_at).field("updated_at", e.updated_at).end_object();
}

Response engagement_response(Context& context, bhttp::status status, const eng::Engagement& e) {
  JsonWriter json;
  write_engagement(json, e, context.language, true);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(e.version));
  return response;
}

Result<eng::EngagementDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  eng::EngagementDraft draft;
  // The reader bounds only what it must hold; the domain checks the real limits.
  read_field(body, "organisation_id", draft.organisation_id, body.integer("organisation_id"));
  read_field(body, "kind", draft.kind, body.text("kind", 50));
  read_field(body, "title_fr", draft.title_fr, body.text("title_fr", eng::kMaxTitleLength));
  read_field(body, "title_ar", draft.title_ar, body.text("title_ar", eng::kMaxTitleLength));
  read_field(body, "title_en", draft.title_en, body.text("title_en", eng::kMaxTitleLength));
  read_field(body, "description_fr", draft.description_fr, body.text("description_fr", eng::kMaxDescriptionLength));
  read_field(body, "description_ar", draft.description_ar, body.text("description_ar", eng::kMaxDescriptionLength));
  read_field(body, "description_en", draft.description_en, body.text("description_en", eng::kMaxDescriptionLength));
  read_field(body, "starts_on", draft.starts_on, body.text("starts_on", 10));
  read_field(body, "ends_on", draft.ends_on, body.text("ends_on", 10));
  read_field(body, "renewed_on", draft.renewed_on, body.text("renewed_on", 10));
  read_field(body, "themes", draft.themes, body.text_list("themes", eng::kThemes.size(), 50));
  read_field(body, "sdgs", draft.sdgs, body.integer_list("sdgs", eng::kSdgCount));
  read_field(body, "beneficiary_groups", draft.beneficiary_groups,
             body.text_list("beneficiary_groups", eng::kGroups.size(), 30));
  read_field(body, "beneficiary_countries", draft.beneficiary_countries,
             body.text_list("beneficiary_countries", eng::kMaxCountries, 2));
  // An amount is a decimal string ("1250000.50"): a JSON number would pass through a double.
  read_field(body, "amount", draft.amount, body.text("amount", 30));
  read_field(body, "currency", draft.currency, body.text("currency", 3));
  read_object_list(body, "notifications", eng::kMaxNotifications,
                   {"organisation_id", "notified_on", "reference", "note"}, draft.notifications,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     eng::NotificationDraft n;
                     n.organisation_id = nested_integer(item, path, "organisation_id", problems);
                     n.notified_on = nested_text(item, path, "notified_on", 10, problems);
                     n.reference = nested_text(item, path, "reference", eng::kMaxReferenceLength, problems);
                     n.note = nested_text(item, path, "note", eng::kMaxNoteLength, problems);
                     return n;
                   });
  draft.input_problems = body.finish_into_list();
  return draft;
}

eng::EngagementFilter read_engagement_filter(QueryReader& query) {
  eng::EngagementFilter filter;
  filter.text = query.text("q");
  filter.kind = query.optional_choice("kind", eng::kKinds);
  filter.theme = query.optional_choice("theme", eng::kThemes);
  filter.organisation_id = query.integer("organisation_id", 1, std::numeric_limits<std::int64_t>::max());
  filter.sdg = query.integer("sdg", 1, eng::kSdgCount);
  filter.benefits = query.country("benefits");
  filter.year = query.integer("year", 1900, 2100);
  filter.sort = query.sort("-starts_on");
  return filter;
}

}  // namespace

Result<Response> list_engagements(Context& context) {
  QueryReader query(context);
  auto filter = read_engagement_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, eng::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const eng::Engagement& e) {
                         write_engagement(json, e, context.language, false);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_engagements(Context& context) {
  return export_list(
      context, read_engagement_filter, eng::kMaxExportRows, eng::list,
      [&](const auto& items) { return eng::export_table(items, context.language); }, "taawun-engagements");
}

Result<Response> get_engagement(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(engagement, eng::get(context.db(), context.actor(), id));
  return engagement_response(context, bhttp::status::ok, engagement);
}

Result<Response> create_engagement(Context& context) {
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, eng::create(context.db(), context.actor(), draft));
  Response response = engagement_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/engagements/" + std::to_string(created.id));
  return response;
}

Result<Response> update_engagement(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, eng::update(context.db(), context.actor(), id, version, draft));
  return engagement_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole); the
// permission named on each route is checked by App::admit before the body is read.
// clang-format off
std::vector<Route> engagement_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/engagements", h::list_engagements, signed_in, quick, {"engagements", "read"}},
      {verb::post, "/api/v1/engagements", h::create_engagement, signed_in, quick, {"engagements", "create"}},
      {verb::get, "/api/v1/engagements/export", h::export_engagements, signed_in, blocking, {"engagements", "read"}},
      {verb::get, "/api/v1/engagements/{id}", h::get_engagement, signed_in, quick, {"engagements", "read"}},
      {verb::patch, "/api/v1/engagements/{id}", h::update_engagement, signed_in, quick, {"engagements", "update"}},
  };
}
// clang-format on

}  // namespace taawun::http
