#include "areas/alumni/follow_up.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {

namespace {

void write_follow_up(JsonWriter& json, const alumni::FollowUp& f) {
  json.begin_object()
      .field("id", f.id)
      .field("person_id", f.person_id)
      .field("recorded_on", f.recorded_on)
      .field("position", f.position)
      .field("organisation_name", f.organisation_name)
      .field("contact_consent", f.contact_consent)
      .field("note", f.note)
      .field("created_at", f.created_at)
      .end_object();
}

}  // namespace

Result<Response> list_follow_ups(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(follow_ups, alumni::list(context.db(), context.actor(), id));
  return json_response(context, bhttp::status::ok, all_json(follow_ups, write_follow_up));
}

Result<Response> create_follow_up(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  alumni::FollowUpDraft draft;
  draft.recorded_on = body.text("recorded_on", 20);
  draft.position = body.text("position", alumni::kMaxPositionLength);
  draft.organisation_name = body.text("organisation_name", alumni::kMaxOrganisationNameLength);
  draft.contact_consent = body.boolean("contact_consent");
  draft.note = body.text("note", alumni::kMaxNoteLength);
  draft.input_problems = body.finish_into_list();
  TAAWUN_TRY(created, alumni::record(context.db(), context.actor(), id, draft));
  JsonWriter json;
  write_follow_up(json, created);
  return json_response(context, bhttp::status::created, json.str());
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> follow_up_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/people/{id}/follow-ups", h::list_follow_ups, signed_in, quick},
      {verb::post, "/api/v1/people/{id}/follow-ups", h::create_follow_up, signed_in, quick,
       {"follow_ups", "create"}},
  };
}
// clang-format on

}  // namespace taawun::http
