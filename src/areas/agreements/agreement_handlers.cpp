#include "areas/agreements/agreement.hpp"
#include "core/money.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace agr = taawun::agreements;

namespace {

std::optional<std::string> amount_text(const std::optional<std::int64_t>& minor,
                                       const std::optional<std::string>& currency) {
  if (!minor || !currency) return std::nullopt;
  return money::format(*minor, money::exponent(*currency));
}

void write_linked(JsonWriter& json, const agr::LinkedAgreement& linked, Language language) {
  json.begin_object()
      .field("id", linked.id)
      .field("relation", linked.relation)
      .field("reference", linked.reference)
      .field("title", linked.title.in(language))
      .field("status", linked.status)
      .end_object();
}

void write_agreement(JsonWriter& json, const agr::Agreement& a, Language language, bool detail) {
  json.begin_object().field("id", a.id).field("kind", a.kind).field("modality", a.modality).field("status", a.status);
  json.key("next_statuses").begin_array();
  for (auto next : agr::next_statuses(a.status)) json.value(next);
  json.end_array();
  json.field("title", a.title().in(language))
      .field("title_fr", a.title_fr)
      .field("title_ar", a.title_ar)
      .field("title_en", a.title_en);
  if (detail)
    json.field("summary_fr", a.summary_fr).field("summary_ar", a.summary_ar).field("summary_en", a.summary_en);
  json.field("reference", a.reference)
      .field("signature_place", a.signature_place)
      .field("signed_on", a.signed_on)
      .field("in_force_on", a.in_force_on)
      .field("expires_on", a.expires_on)
      .field("renewal", a.renewal)
      .field("renewal_months", a.renewal_months)
      .field("notice_days", a.notice_days)
      .field("notice_on", a.notice_on)
      .field("parent_agreement_id", a.parent_agreement_id)
      .field("parent_relation", a.parent_relation);
  json.key("domains").begin_array();
  for (const auto& domain : a.domains) json.value(domain);
  json.end_array();
  json.key("sectors").begin_array();
  for (const auto& sector : a.sectors) json.value(sector);
  json.end_array();
  json.key("countries").begin_array();
  for (const auto& country : a.party_countries) json.value(country);
  json.end_array();
  if (detail) {
    json.key("parties").begin_array();
    for (const auto& p : a.parties) {
      json.begin_object()
          .field("country", p.country_code)
          .field("organisation_id", p.organisation_id)
          .field("name", p.name.in(language));
      json.key("roles").begin_array();
      for (const auto& role : p.roles) json.value(role);
      json.end_array();
      json.field("amount", amount_text(p.amount_minor, p.currency))
          .field("currency", p.currency)
          .field("in_kind", p.in_kind)
          .field("in_kind_value", amount_text(p.in_kind_value_minor, p.currency))
          .field("funding_share", p.funding_share)
          .end_object();
    }
    json.end_array();
    json.key("parent");
    if (a.parent)
      write_linked(json, *a.parent, language);
    else
      json.null();
    json.key("amended_or_replaced_by").begin_array();
    for (const auto& child : a.children) write_linked(json, child, language);
    json.end_array();
  }
  json.field("version", a.version).field("created_at", a.created_at).field("updated_at", a.updated_at).end_object();
}

Response agreement_response(Context& context, bhttp::status status, const agr::Agreement& a) {
  JsonWriter json;
  write_agreement(json, a, context.language, true);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(a.version));
  return response;
}

Result<agr::AgreementDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  agr::AgreementDraft draft;
  // The reader bounds only what it must hold; the domain checks the real limits.
  read_field(body, "kind", draft.kind, body.text("kind", 50));
  read_field(body, "modality", draft.modality, body.text("modality", 50));
  read_field(body, "status", draft.status, body.text("status", 50));
  read_field(body, "title_fr", draft.title_fr, body.text("title_fr", agr::kMaxTitleLength));
  read_field(body, "title_ar", draft.title_ar, body.text("title_ar", agr::kMaxTitleLength));
  read_field(body, "title_en", draft.title_en, body.text("title_en", agr::kMaxTitleLength));
  read_field(body, "summary_fr", draft.summary_fr, body.text("summary_fr", agr::kMaxSummaryLength));
  read_field(body, "summary_ar", draft.summary_ar, body.text("summary_ar", agr::kMaxSummaryLength));
  read_field(body, "summary_en", draft.summary_en, body.text("summary_en", agr::kMaxSummaryLength));
  read_field(body, "reference", draft.reference, body.text("reference", agr::kMaxReferenceLength));
  read_field(body, "signature_place", draft.signature_place, body.text("signature_place", agr::kMaxPlaceLength));
  read_field(body, "signed_on", draft.signed_on, body.text("signed_on", 10));
  read_field(body, "in_force_on", draft.in_force_on, body.text("in_force_on", 10));
  read_field(body, "expires_on", draft.expires_on, body.text("expires_on", 10));
  read_field(body, "renewal", draft.renewal, body.text("renewal", 20));
  read_field(body, "renewal_months", draft.renewal_months, body.integer("renewal_months"));
  read_field(body, "notice_days", draft.notice_days, body.integer("notice_days"));
  read_field(body, "parent_agreement_id", draft.parent_agreement_id, body.integer("parent_agreement_id"));
  read_field(body, "parent_relation", draft.parent_relation, body.text("parent_relation", 20));
  read_field(body, "domains", draft.domains, body.text_list("domains", agr::kMaxDomains, 50));
  read_field(body, "sectors", draft.sectors, body.text_list("sectors", agr::kMaxSectors, 10));
  read_object_list(body, "parties", agr::kMaxParties,
                   {"country", "organisation_id", "roles", "amount", "currency", "in_kind", "in_kind_value"},
                   draft.parties,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     agr::PartyDraft party;
                     party.country = nested_text(item, path, "country", 2, problems);
                     party.organisation_id = nested_integer(item, path, "organisation_id", problems);
                     party.roles = nested_text_list(item, path, "roles", agr::kRoles.size(), 20, problems);
                     // Amounts are decimal strings ("1250000.50"): a JSON number would pass through a
                     // double and lose centimes.
                     party.amount = nested_text(item, path, "amount", 30, problems);
                     party.currency = nested_text(item, path, "currency", 3, problems);
                     party.in_kind = nested_text(item, path, "in_kind", agr::kMaxInKindLength, problems);
                     party.in_kind_value = nested_text(item, path, "in_kind_value", 30, problems);
                     return party;
                   });
  draft.input_problems = body.finish_into_list();
  return draft;
}

agr::AgreementFilter read_agreement_filter(QueryReader& query) {
  agr::AgreementFilter filter;
  filter.text = query.text("q");
  filter.country = query.country("country");
  filter.kind = query.optional_choice("kind", agr::kKinds);
  filter.modality = query.optional_choice("modality", agr::kModalities);
  filter.status = query.optional_choice("status", agr::kStatuses);
  filter.domain = query.code("domain", QueryReader::Codes::cooperation_domain);
  filter.signed_year = query.integer("signed_year", 1900, 2100);
  filter.expiring_within = query.integer("expiring_within", 0, agr::kMaxExpiringWithin);
  filter.sort = query.sort("title");
  return filter;
}

}  // namespace

Result<Response> list_agreements(Context& context) {
  QueryReader query(context);
  auto filter = read_agreement_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, agr::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const agr::Agreement& a) {
                         write_agreement(json, a, context.language, false);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_agreements(Context& context) {
  return export_list(
      context, read_agreement_filter, agr::kMaxExportRows, agr::list,
      [&](const auto& items) { return agr::export_table(context.db(), items, context.language); }, "taawun-agreements");
}

// The import's template: its columns, no rows (a file of the register to fill in).
Result<Response> agreement_import_template(Context& context) {
  QueryReader query(context);
  auto format = file_format(query);
  TAAWUN_CHECK(query.status());
  spreadsheet::Table table;
  table.columns = agr::import_template_columns();
  return file_response(context, table, format, "taawun-agreements-template");
}

// The register from a spreadsheet: the route's permission (agreements create) refuses a caller
// who may not create before a byte of the file is read.
Result<Response> import_agreements(Context& context) {
  TAAWUN_TRY(upload, read_upload(context));
  TAAWUN_TRY(report, agr::import_agreements(context.db(), context.actor(), upload.table, upload.options));
  return import_response(context, report);
}

Result<Response> get_agreement(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(agreement, agr::get(context.db(), context.actor(), id));
  return agreement_response(context, bhttp::status::ok, agreement);
}

// What the agreement produced: its programmes, and its actions and completed participants by year.
Result<Response> agreement_outcomes(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(outcomes, agr::outcomes(context.db(), context.actor(), id));
  JsonWriter json;
  json.begin_object();
  json.key("programmes").begin_array();
  for (const auto& p : outcomes.programmes)
    json.begin_object()
        .field("id", p.id)
        .field("title", p.title.in(context.language))
        .field("start_year", p.start_year)
        .field("end_year", p.end_year)
        .end_object();
  json.end_array();
  json.key("by_year").begin_array();
  for (const auto& year : outcomes.by_year)
    json.begin_object()
        .field("year", year.year)
        .field("actions", year.actions)
        .field("participants_completed", year.participants_completed)
        .end_object();
  json.end_array();
  json.field("actions", outcomes.actions).field("participants_completed", outcomes.participants_completed).end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

Result<Response> create_agreement(Context& context) {
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, agr::create(context.db(), context.actor(), draft));
  Response response = agreement_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/agreements/" + std::to_string(created.id));
  return response;
}

Result<Response> update_agreement(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, agr::update(context.db(), context.actor(), id, version, draft));
  return agreement_response(context, bhttp::status::ok, updated);
}

// The parties' money only, for finance (and the officers): {"parties": [{amount, currency,
// in_kind_value}, ...]} one entry per party in the agreement's order, with If-Match.
Result<Response> update_agreement_contributions(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  Field<std::vector<agr::PartyDraft>> contributions;
  read_object_list(body, "parties", agr::kMaxParties, {"amount", "currency", "in_kind_value"}, contributions,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     agr::PartyDraft party;
                     party.amount = nested_text(item, path, "amount", 30, problems);
                     party.currency = nested_text(item, path, "currency", 3, problems);
                     party.in_kind_value = nested_text(item, path, "in_kind_value", 30, problems);
                     return party;
                   });
  auto problems = body.finish_into_list();
  if (!contributions.present || !contributions.value) problems.push_back({"parties", "required"});
  TAAWUN_TRY(updated,
             agr::update_contributions(context.db(), context.actor(), id, version,
                                       contributions.value.value_or(std::vector<agr::PartyDraft>()), problems));
  return agreement_response(context, bhttp::status::ok, updated);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole); the
// permission named on each route is checked by App::admit before the body is read.
// clang-format off
std::vector<Route> agreement_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/agreements", h::list_agreements, signed_in, quick, {"agreements", "read"}},
      {verb::post, "/api/v1/agreements", h::create_agreement, signed_in, quick, {"agreements", "create"}},
      {verb::get, "/api/v1/agreements/export", h::export_agreements, signed_in, blocking, {"agreements", "read"}},
      {verb::get, "/api/v1/agreements/import-template", h::agreement_import_template, signed_in, quick,
       {"agreements", "create"}},
      {verb::post, "/api/v1/agreements/import", h::import_agreements, signed_in, blocking, {"agreements", "create"}},
      {verb::get, "/api/v1/agreements/{id}", h::get_agreement, signed_in, quick, {"agreements", "read"}},
      {verb::patch, "/api/v1/agreements/{id}", h::update_agreement, signed_in, quick, {"agreements", "update"}},
      {verb::get, "/api/v1/agreements/{id}/outcomes", h::agreement_outcomes, signed_in, quick, {"agreements", "read"}},
      {verb::put, "/api/v1/agreements/{id}/contributions", h::update_agreement_contributions, signed_in, quick,
       {"agreements", "update_contributions"}},
  };
}
// clang-format on

}  // namespace taawun::http
