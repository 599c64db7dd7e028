#include <charconv>

#include "areas/organisations/organisation.hpp"
#include "http/handlers/cached.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace org = taawun::organisations;

Result<std::int64_t> id_parameter(const Context& context, std::size_t index) {
  const std::string& text = context.path_params.at(index);
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return Error::of(ErrorCode::not_found);
  return id;
}

namespace {

void write_organisation(JsonWriter& json, const org::Organisation& o, const accounts::Actor& actor, Language language) {
  auto optional_name = [&](const LocalisedName& name) -> std::optional<std::string> {
    const std::string& text = name.in(language);
    if (text.empty()) return std::nullopt;
    return text;
  };
  json.begin_object()
      .field("id", o.id)
      .field("kind", o.kind)
      .field("kind_name", o.kind_name.in(language))
      .field("name", o.name().in(language))
      .field("name_fr", o.name_fr)
      .field("name_ar", o.name_ar)
      .field("name_en", o.name_en)
      .field("acronym", o.acronym)
      .field("country", o.country_code)
      .field("country_name", o.country_code ? optional_name(o.country_name) : std::nullopt)
      .field("iati_identifier", o.iati_identifier)
      .field("parent_id", o.parent_id)
      .field("parent_name", o.parent_id ? optional_name(o.parent_name) : std::nullopt)
      .field("website", o.website)
      .field("address", o.address);
  if (o.contacts_included && org::can_see_contacts(actor, o)) {
    json.key("contacts").begin_array();
    for (const auto& c : o.contacts)
      json.begin_object()
          .field("name", c.name)
          .field("role", c.role)
          .field("email", c.email)
          .field("phone", c.phone)
          .end_object();
    json.end_array();
  }
  json.field("archived", o.archived)
      .field("version", o.version)
      .field("created_at", o.created_at)
      .field("updated_at", o.updated_at)
      .end_object();
}

Response organisation_response(Context& context, bhttp::status status, const org::Organisation& o) {
  JsonWriter json;
  write_organisation(json, o, context.actor(), context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(o.version));
  return response;
}

Result<org::OrganisationDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  org::OrganisationDraft draft;
  // The reader bounds only what it must hold; the domain checks the real limits.
  read_field(body, "kind", draft.kind, body.text("kind", 20));
  read_field(body, "name_fr", draft.name_fr, body.text("name_fr", org::kMaxNameLength));
  read_field(body, "name_ar", draft.name_ar, body.text("name_ar", org::kMaxNameLength));
  read_field(body, "name_en", draft.name_en, body.text("name_en", org::kMaxNameLength));
  read_field(body, "acronym", draft.acronym, body.text("acronym", org::kMaxAcronymLength));
  read_field(body, "country", draft.country, body.text("country", 2));
  read_field(body, "iati_identifier", draft.iati_identifier, body.text("iati_identifier", 100));
  read_field(body, "website", draft.website, body.text("website", org::kMaxWebsiteLength));
  read_field(body, "address", draft.address, body.text("address", org::kMaxAddressLength));
  read_field(body, "parent_id", draft.parent_id, body.integer("parent_id"));
  read_object_list(body, "contacts", org::kMaxContacts, {"name", "role", "email", "phone"}, draft.contacts,
                   [](const nlohmann::json& item, const std::string& path, std::vector<FieldError>& problems) {
                     return org::Contact{nested_text(item, path, "name", 200, problems).value_or(""),
                                         nested_text(item, path, "role", 100, problems).value_or(""),
                                         nested_text(item, path, "email", 254, problems).value_or(""),
                                         nested_text(item, path, "phone", 40, problems).value_or("")};
                   });
  // Shape problems (wrong type, too long, unknown field) go with the draft, so the domain
  // reports them together with its own checks: the user sees every mistake at once.
  draft.input_problems = body.finish_into_list();
  return draft;
}

}  // namespace

namespace {

org::OrganisationFilter read_organisation_filter(QueryReader& query) {
  org::OrganisationFilter filter;
  filter.text = query.text("q");
  filter.kind = query.code("kind", QueryReader::Codes::organisation_type);
  filter.country = query.country("country");
  filter.parent_id = query.integer("parent_id", 1, INT64_MAX);
  auto archived = query.choice("archived", {"false", "true", "all"}, "false");
  if (archived == "true")
    filter.archived = org::OrganisationFilter::Archived::only;
  else if (archived == "all")
    filter.archived = org::OrganisationFilter::Archived::include;
  filter.sort = query.sort("name");
  return filter;
}

}  // namespace

Result<Response> list_organisations(Context& context) {
  QueryReader query(context);
  auto filter = read_organisation_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  // The most read list of all: pages are kept while no organisation changes.
  return cached_json(context, changes::kOrganisations, [&]() -> Result<std::string> {
    TAAWUN_TRY(page, org::list(context.db(), context.actor(), filter));
    return page_json(page, [&](JsonWriter& json, const org::Organisation& o) {
      write_organisation(json, o, context.actor(), context.language);
    });
  });
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_organisations(Context& context) {
  return export_list(
      context, read_organisation_filter, org::kMaxExportRows, org::list,
      [&](const auto& items) { return org::export_table(items, context.language); }, "taawun-organisations");
}

Result<Response> get_organisation(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(organisation, org::get(context.db(), context.actor(), id));
  return organisation_response(context, bhttp::status::ok, organisation);
}

Result<Response> create_organisation(Context& context) {
  // Refuse before reading the body: a role that may not create learns nothing from validation.
  if (!org::can(context.actor(), org::Action::create)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, org::create(context.db(), context.actor(), draft));
  Response response = organisation_response(context, bhttp::status::created, created);
  response.set(bhttp::field::location, "/api/v1/organisations/" + std::to_string(created.id));
  return response;
}

Result<Response> update_organisation(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!org::can(context.actor(), org::Action::update)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, org::update(context.db(), context.actor(), id, version, draft));
  return organisation_response(context, bhttp::status::ok, updated);
}

namespace {
Result<Response> set_archived(Context& context, bool archived) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!org::can(context.actor(), org::Action::archive)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(updated, org::set_archived(context.db(), context.actor(), id, version, archived));
  return organisation_response(context, bhttp::status::ok, updated);
}
}  // namespace

Result<Response> archive_organisation(Context& context) {
  return set_archived(context, true);
}
Result<Response> restore_organisation(Context& context) {
  return set_archived(context, false);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> organisation_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/organisations", h::list_organisations, signed_in, quick, {"organisations", "read"}},
      {verb::post, "/api/v1/organisations", h::create_organisation, signed_in, quick, {"organisations", "create"}},
      {verb::get, "/api/v1/organisations/export", h::export_organisations, signed_in, blocking,
       {"organisations", "read"}},
      {verb::get, "/api/v1/organisations/{id}", h::get_organisation, signed_in, quick, {"organisations", "read"}},
      {verb::patch, "/api/v1/organisations/{id}", h::update_organisation, signed_in, quick,
       {"organisations", "update"}},
      {verb::post, "/api/v1/organisations/{id}/archive", h::archive_organisation, signed_in, quick,
       {"organisations", "archive"}},
      {verb::post, "/api/v1/organisations/{id}/restore", h::restore_organisation, signed_in, quick,
       {"organisations", "archive"}},
  };
}
// clang-format on

}  // namespace taawun::http
