#include "areas/people/person.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace ppl = taawun::people;

namespace {

std::optional<std::string> name_or_null(const LocalisedName& name, Language language) {
  const std::string& text = name.in(language);
  if (text.empty()) return std::nullopt;
  return text;
}

void write_person(JsonWriter& json, const ppl::Person& p, const accounts::Actor& actor, Language language) {
  json.begin_object()
      .field("id", p.id)
      .field("name", p.display_name())
      .field("latin_name", p.latin_name)
      .field("arabic_name", p.arabic_name)
      .field("sex", p.sex)
      .field("birth_date", p.birth_date)
      .field("nationality", p.nationality)
      .field("nationality_name", p.nationality ? name_or_null(p.nationality_name, language) : std::nullopt)
      .field("employer_organisation_id", p.employer_organisation_id)
      .field("employer_name", p.employer_organisation_id ? name_or_null(p.employer_name, language) : std::nullopt)
      .field("position", p.position)
      .field("category", p.category)
      .field("expert", p.expert)
      .field("email", p.email)
      .field("phone", p.phone);
  // Passport data only for the roles that arrange visas; for the others the fields are absent.
  if (ppl::can_see_passport(actor, p))
    json.field("passport_number", p.passport_number).field("passport_expiry", p.passport_expiry);
  json.field("merged_into_id", p.merged_into_id);
  json.key("merged_records").begin_array();
  for (const auto& m : p.merged_records)
    json.begin_object()
        .field("id", m.id)
        .field("latin_name", m.latin_name)
        .field("arabic_name", m.arabic_name)
        .field("merged_at", m.merged_at)
        .field("merged_by", m.merged_by)
        .end_object();
  json.end_array();
  json.field("version", p.version).field("created_at", p.created_at).field("updated_at", p.updated_at).end_object();
}

void write_candidates(JsonWriter& json, const std::vector<ppl::Candidate>& candidates, const accounts::Actor& actor,
                      Language language) {
  json.begin_array();
  for (const auto& c : candidates) {
    json.begin_object()
        .field("score", static_cast<double>(static_cast<int>(c.score * 1000 + 0.5)) / 1000)
        .field("name_score", static_cast<double>(static_cast<int>(c.name_score * 1000 + 0.5)) / 1000)
        .field("likely", c.score >= 0.85)
        .field("same_birth_date", c.same_birth_date)
        .field("same_nationality", c.same_nationality)
        .key("person");
    write_person(json, c.person, actor, language);
    json.end_object();
  }
  json.end_array();
}

Response person_response(Context& context, bhttp::status status, const ppl::Person& p) {
  JsonWriter json;
  write_person(json, p, context.actor(), context.language);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(p.version));
  return response;
}

Result<ppl::PersonDraft> read_draft(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  ppl::PersonDraft draft;
  read_field(body, "latin_name", draft.latin_name, body.text("latin_name", ppl::kMaxNameLength));
  read_field(body, "arabic_name", draft.arabic_name, body.text("arabic_name", ppl::kMaxNameLength));
  read_field(body, "sex", draft.sex, body.text("sex", 10));
  read_field(body, "birth_date", draft.birth_date, body.text("birth_date", 10));
  read_field(body, "nationality", draft.nationality, body.text("nationality", 2));
  read_field(body, "position", draft.position, body.text("position", ppl::kMaxPositionLength));
  read_field(body, "category", draft.category, body.text("category", 20));
  read_field(body, "email", draft.email, body.text("email", 254));
  read_field(body, "phone", draft.phone, body.text("phone", 40));
  read_field(body, "passport_number", draft.passport_number, body.text("passport_number", ppl::kMaxPassportLength));
  read_field(body, "passport_expiry", draft.passport_expiry, body.text("passport_expiry", 10));
  read_field(body, "employer_organisation_id", draft.employer_organisation_id,
             body.integer("employer_organisation_id"));
  read_field(body, "expert", draft.expert, body.boolean("expert"));
  draft.input_problems = body.finish_into_list();
  return draft;
}

}  // namespace

namespace {

ppl::PersonFilter read_person_filter(QueryReader& query) {
  ppl::PersonFilter filter;
  filter.text = query.text("q");
  filter.nationality = query.country("nationality");
  filter.category = query.optional_choice("category", {"manager", "researcher", "technician", "student", "other"});
  filter.sex = query.optional_choice("sex", {"female", "male"});
  filter.employer_organisation_id = query.integer("employer_organisation_id", 1, INT64_MAX);
  filter.expert = query.boolean("expert");
  filter.sort =
      query.choice("sort", {"name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"}, "name");
  return filter;
}

}  // namespace

Result<Response> list_people(Context& context) {
  QueryReader query(context);
  auto filter = read_person_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, ppl::list(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, [&](JsonWriter& json, const ppl::Person& p) {
                         write_person(json, p, context.actor(), context.language);
                       }));
}

// The list's filters and order, every row (up to kMaxExportRows), as CSV or XLSX.
Result<Response> export_people(Context& context) {
  return export_list(
      context, read_person_filter, ppl::kMaxExportRows, ppl::list,
      [&](const auto& items) { return ppl::export_table(items, context.actor(), context.language); }, "taawun-people");
}

Result<Response> get_person(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(person, ppl::get(context.db(), context.actor(), id));
  return person_response(context, bhttp::status::ok, person);
}

Result<Response> create_person(Context& context) {
  if (!ppl::can(context.actor(), ppl::Operation::create)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(created, ppl::create(context.db(), context.actor(), draft));
  // The new record, and the records that may be the same person: the screen offers to merge.
  JsonWriter json;
  json.begin_object().key("person");
  write_person(json, created.person, context.actor(), context.language);
  json.key("possible_duplicates");
  write_candidates(json, created.duplicates, context.actor(), context.language);
  json.end_object();
  Response response = json_response(context, bhttp::status::created, json.str());
  response.set(bhttp::field::etag, etag(created.person.version));
  response.set(bhttp::field::location, "/api/v1/people/" + std::to_string(created.person.id));
  return response;
}

Result<Response> update_person(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!ppl::can(context.actor(), ppl::Operation::update)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(draft, read_draft(context));
  TAAWUN_TRY(updated, ppl::update(context.db(), context.actor(), id, version, draft));
  return person_response(context, bhttp::status::ok, updated);
}

Result<Response> find_duplicates(Context& context) {
  QueryReader query(context);
  ppl::Person described;
  described.latin_name = query.text("latin_name", ppl::kMaxNameLength);
  described.arabic_name = query.text("arabic_name", ppl::kMaxNameLength);
  described.birth_date = query.date("birth_date");
  described.nationality = query.country("nationality");
  TAAWUN_CHECK(query.status());
  if (!described.latin_name && !described.arabic_name)
    return Error::validation({{"latin_name", "one_person_name_required"}});
  TAAWUN_TRY(candidates, ppl::duplicates(context.db(), context.actor(), described, std::nullopt));
  JsonWriter json;
  json.begin_object().key("items");
  write_candidates(json, candidates, context.actor(), context.language);
  json.field("total", static_cast<std::int64_t>(candidates.size())).end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

Result<Response> person_duplicates(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(person, ppl::get(context.db(), context.actor(), id));
  TAAWUN_TRY(candidates, ppl::duplicates(context.db(), context.actor(), person, id));
  JsonWriter json;
  json.begin_object().key("items");
  write_candidates(json, candidates, context.actor(), context.language);
  json.field("total", static_cast<std::int64_t>(candidates.size())).end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

Result<Response> merge_person(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!ppl::can(context.actor(), ppl::Operation::merge)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto duplicate_id = body.required_integer("duplicate_id");
  auto duplicate_version = body.required_integer("duplicate_version");
  TAAWUN_CHECK(body.finish());
  if (!duplicate_id || !duplicate_version) return Error::validation({{"duplicate_id", "required"}});
  TAAWUN_TRY(survivor, ppl::merge(context.db(), context.actor(), id, version, *duplicate_id, *duplicate_version));
  return person_response(context, bhttp::status::ok, survivor);
}

Result<Response> unmerge_person(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!ppl::can(context.actor(), ppl::Operation::merge)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(restored, ppl::unmerge(context.db(), context.actor(), id, version));
  return person_response(context, bhttp::status::ok, restored);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> people_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/people", h::list_people, signed_in, quick, {"people", "read"}},
      {verb::post, "/api/v1/people", h::create_person, signed_in, quick, {"people", "create"}},
      {verb::get, "/api/v1/people/duplicates", h::find_duplicates, signed_in, quick},
      {verb::get, "/api/v1/people/export", h::export_people, signed_in, blocking, {"people", "read"}},
      {verb::get, "/api/v1/people/{id}", h::get_person, signed_in, quick, {"people", "read"}},
      {verb::patch, "/api/v1/people/{id}", h::update_person, signed_in, quick, {"people", "update"}},
      {verb::get, "/api/v1/people/{id}/duplicates", h::person_duplicates, signed_in, quick},
      {verb::post, "/api/v1/people/{id}/merge", h::merge_person, signed_in, quick, {"people", "merge"}},
      {verb::post, "/api/v1/people/{id}/unmerge", h::unmerge_person, signed_in, quick, {"people", "merge"}},
  };
}
// clang-format on

}  // namespace taawun::http
