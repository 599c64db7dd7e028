#include "areas/evaluations/evaluation.hpp"
#include "http/handlers/handlers.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace eval = taawun::evaluations;

namespace {

Response evaluation_response(Context& context, bhttp::status status, const eval::Recorded& recorded) {
  const auto& e = recorded.evaluation;
  JsonWriter json;
  json.begin_object()
      .field("nomination_id", e.nomination_id)
      .field("overall", e.overall)
      .field("content", e.content)
      .field("organisation", e.organisation)
      .field("usefulness", e.usefulness)
      .field("comment", e.comment)
      .field("submitted_at", e.submitted_at)
      .end_object();
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(recorded.nomination_version));  // the nomination's
  return response;
}

void write_score(JsonWriter& json, std::string_view name, const eval::ScoreSummary& score) {
  json.key(name).begin_object().field("answers", score.answers).field("average", score.average).end_object();
}

}  // namespace

Result<Response> get_evaluation(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(recorded, eval::get(context.db(), context.actor(), id));
  return evaluation_response(context, bhttp::status::ok, recorded);
}

Result<Response> put_evaluation(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  eval::EvaluationDraft draft;
  draft.overall = body.integer("overall");
  draft.content = body.integer("content");
  draft.organisation = body.integer("organisation");
  draft.usefulness = body.integer("usefulness");
  draft.comment = body.text("comment", eval::kMaxCommentLength);
  draft.input_problems = body.finish_into_list();
  TAAWUN_TRY(recorded, eval::record(context.db(), context.actor(), id, version, draft));
  return evaluation_response(context, recorded.created ? bhttp::status::created : bhttp::status::ok, recorded);
}

Result<Response> action_evaluations(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(summary, eval::summary(context.db(), context.actor(), id));
  JsonWriter json;
  json.begin_object().field("action_id", summary.action_id).field("count", summary.count);
  json.key("scores").begin_object();
  write_score(json, "overall", summary.overall);
  write_score(json, "content", summary.content);
  write_score(json, "organisation", summary.organisation);
  write_score(json, "usefulness", summary.usefulness);
  json.end_object();
  json.key("comments").begin_array();
  for (const auto& comment : summary.comments)
    json.begin_object()
        .field("comment", comment.text)
        .field("overall", comment.overall)
        .field("submitted_in", comment.submitted_in)
        .end_object();
  json.end_array().end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> evaluation_routes() {
  using namespace route_words;
  return {
      // reading is decided on the nomination or action first (404 before 403): the use case decides
      {verb::get, "/api/v1/nominations/{id}/evaluation", h::get_evaluation, signed_in, quick},
      {verb::put, "/api/v1/nominations/{id}/evaluation", h::put_evaluation, signed_in, quick,
       {"evaluations", "record"}},
      {verb::get, "/api/v1/actions/{id}/evaluations", h::action_evaluations, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
