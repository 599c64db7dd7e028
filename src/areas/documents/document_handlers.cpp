// A record's documents (an action's, an agreement's, a joint commission session's, an
// engagement's): the same handlers for every owner kind, instantiated per kind. An upload is the
// file's bytes as the request body (any content type: the server decides the media type
// itself), with what the user says of it in the query.
#include "areas/documents/document.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {

namespace {

using documents::OwnerKind;
using documents::Shelf;

void write_document(JsonWriter& json, const documents::Document& d) {
  json.begin_object().field("id", d.id);
  // An action's document has always named its action so.
  if (d.owner.kind == OwnerKind::action) json.field("action_id", d.owner.id);
  json.field("owner_kind", documents::name_of(d.owner.kind))
      .field("owner_id", d.owner.id)
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

template <OwnerKind kOwner>
Result<Response> list_documents(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(found, documents::list(context.db(), context.actor(), {kOwner, id}));
  return json_response(context, bhttp::status::ok, all_json(found, write_document));
}

template <OwnerKind kOwner>
Status may_add_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  return documents::may_add(context.db(), context.actor(), {kOwner, id});
}

template <OwnerKind kOwner>
Result<Response> add_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  QueryReader query(context);
  documents::DocumentDraft draft;
  draft.file_name = query.text("file_name", documents::kMaxFileNameLength);
  draft.title = query.text("title", documents::kMaxTitleLength);
  draft.kind = query.text("kind", 40);
  draft.audience = query.text("audience", 40);
  if (auto status = query.status(); !status.ok()) draft.input_problems = status.error().field_errors;
  draft.content = context.request.body();
  TAAWUN_TRY(created, documents::add(context.db(), context.actor(), {kOwner, id}, draft));
  JsonWriter json;
  write_document(json, created);
  return json_response(context, bhttp::status::created, json.str());
}

template <Shelf kShelf>
Result<Response> download_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_TRY(found, documents::download(context.db(), context.actor(), kShelf, id));
  Response response = text_response(context, bhttp::status::ok, std::move(found.content), found.document.media_type);
  response.set(bhttp::field::content_disposition, attachment(found.document.file_name));
  response.set(bhttp::field::etag, "\"" + found.document.sha256 + "\"");
  return response;
}

template <Shelf kShelf>
Result<Response> delete_document(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_CHECK(documents::remove(context.db(), context.actor(), kShelf, id));
  return no_content(context);
}

}  // namespace

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written. An action's documents are
// downloaded and removed at /api/v1/documents/{id}, the other owners' at
// /api/v1/record-documents/{id} (another shelf, ids of its own: ADR 0017).
// clang-format off
std::vector<Route> document_routes() {
  using namespace route_words;
  using documents::OwnerKind;
  using documents::Shelf;
  return {
      {verb::get, "/api/v1/actions/{id}/documents", h::list_documents<OwnerKind::action>, signed_in, quick, {"documents", "read"}},
      {verb::post, "/api/v1/actions/{id}/documents", h::add_document<OwnerKind::action>, signed_in, blocking, {"documents", "add"},
       {h::may_add_document<OwnerKind::action>, "may_add_action_document"}},
      {verb::get, "/api/v1/documents/{id}", h::download_document<Shelf::actions>, signed_in, blocking, {"documents", "read"}},
      // no body, and a document one may not read is 404 before 403: the use case decides
      {verb::delete_, "/api/v1/documents/{id}", h::delete_document<Shelf::actions>, signed_in, quick},

      {verb::get, "/api/v1/agreements/{id}/documents", h::list_documents<OwnerKind::agreement>, signed_in, quick, {"agreement_documents", "read"}},
      {verb::post, "/api/v1/agreements/{id}/documents", h::add_document<OwnerKind::agreement>, signed_in, blocking, {"agreement_documents", "add"},
       {h::may_add_document<OwnerKind::agreement>, "may_add_agreement_document"}},
      {verb::get, "/api/v1/joint-commissions/{id}/documents", h::list_documents<OwnerKind::joint_commission>, signed_in, quick, {"joint_commission_documents", "read"}},
      {verb::post, "/api/v1/joint-commissions/{id}/documents", h::add_document<OwnerKind::joint_commission>, signed_in, blocking, {"joint_commission_documents", "add"},
       {h::may_add_document<OwnerKind::joint_commission>, "may_add_joint_commission_document"}},
      {verb::get, "/api/v1/engagements/{id}/documents", h::list_documents<OwnerKind::engagement>, signed_in, quick, {"engagement_documents", "read"}},
      {verb::post, "/api/v1/engagements/{id}/documents", h::add_document<OwnerKind::engagement>, signed_in, blocking, {"engagement_documents", "add"},
       {h::may_add_document<OwnerKind::engagement>, "may_add_engagement_document"}},
      // whoever reads the owner: the use case decides (the owner's kind is known from the row)
      {verb::get, "/api/v1/record-documents/{id}", h::download_document<Shelf::records>, signed_in, blocking},
      {verb::delete_, "/api/v1/record-documents/{id}", h::delete_document<Shelf::records>, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
