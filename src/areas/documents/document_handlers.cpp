// An action's documents. An upload is the file's bytes as the request body (any content type:
// the server decides the media type itself), with what the user says of it in the query.
#include "areas/documents/document.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {

namespace {

void write_document(JsonWriter& json, const documents::Document& d) {
  json.begin_object()
      .field("id", d.id)
      .field("action_id", d.action_id)
      .field("kind", d.kind)
      .field("title", d.title)
      .field("file_name", d.file_name)
      .field("media_type", d.media_type)
      .field("size_bytes", d.size_bytes)
      .field("sha256", d.sha256)
      .field("audience", d.audience)
      .field("uploaded_by", d.uploaded_by)
      .field("uploaded_by_name", d.uploaded_by_name)
      .field("created_at", d.created_at)
      .end_object();
}

}  // namespace

Result<Response> list_action_documents(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(found, documents::list(context.db(), context.actor(), id));
  return json_response(context, bhttp::status::ok, all_json(found, write_document));
}

Status may_add_action_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  return documents::may_add(context.db(), context.actor(), id);
}

Result<Response> add_action_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  QueryReader query(context);
  documents::DocumentDraft draft;
  draft.file_name = query.text("file_name", documents::kMaxFileNameLength);
  draft.title = query.text("title", documents::kMaxTitleLength);
  draft.kind = query.text("kind", 40);
  draft.audience = query.text("audience", 40);
  if (auto status = query.status(); !status.ok()) draft.input_problems = status.error().field_errors;
  draft.content = context.request.body();
  TAAWUN_TRY(created, documents::add(context.db(), context.actor(), id, draft));
  JsonWriter json;
  write_document(json, created);
  return json_response(context, bhttp::status::created, json.str());
}

Result<Response> download_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(found, documents::download(context.db(), context.actor(), id));
  Response response = text_response(context, bhttp::status::ok, std::move(found.content), found.document.media_type);
  response.set(bhttp::field::content_disposition, attachment(found.document.file_name));
  response.set(bhttp::field::etag, "\"" + found.document.sha256 + "\"");
  return response;
}

Result<Response> delete_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_CHECK(documents::remove(context.db(), context.actor(), id));
  return no_content(context);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> document_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/actions/{id}/documents", h::list_action_documents, signed_in, quick, {"documents", "read"}},
      {verb::post, "/api/v1/actions/{id}/documents", h::add_action_document, signed_in, blocking, {"documents", "add"},
       {h::may_add_action_document, "may_add_action_document"}},
      {verb::get, "/api/v1/documents/{id}", h::download_document, signed_in, blocking, {"documents", "read"}},
      // no body, and a document one may not read is 404 before 403: the use case decides
      {verb::delete_, "/api/v1/documents/{id}", h::delete_document, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
