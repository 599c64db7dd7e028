#include "areas/audit/audit.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {

namespace {
// The trail's filters and order, shared by the list and its export.
audit::Filter read_audit_filter(QueryReader& query) {
  audit::Filter filter;
  filter.record_kind = query.text("record_kind", 50);
  filter.record_id = query.text("record_id", 50);
  filter.user_id = query.integer("user_id", 1, INT64_MAX);
  filter.action = query.text("action", 50);
  filter.from = query.date_or_instant("from");
  filter.to = query.date_or_instant("to");
  // Entries are numbered in the order they were written, so the id orders them by time.
  filter.oldest_first = query.choice("sort", {"-at", "at"}, "-at") == "at";
  return filter;
}
}  // namespace

Result<Response> export_audit(Context& context) {
  if (!audit::can_read(context.actor())) return Error::of(ErrorCode::forbidden);
  return export_list(context, read_audit_filter, audit::kMaxExportRows, audit::list, audit::export_table,
                     "taawun-audit");
}

Result<Response> list_audit(Context& context) {
  if (!audit::can_read(context.actor())) return Error::of(ErrorCode::forbidden);
  QueryReader query(context);
  auto filter = read_audit_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, audit::list(context.db(), context.actor(), filter));
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& entry : page.items) {
    json.begin_object()
        .field("id", entry.id)
        .field("at", entry.at)
        .field("user_id", entry.user_id)
        .field("username", entry.username)
        .field("action", entry.action)
        .field("record_kind", entry.record_kind)
        .field("record_id", entry.record_id);
    json.key("before");
    if (entry.before_json)
      json.raw(*entry.before_json);
    else
      json.null();
    json.key("after");
    if (entry.after_json)
      json.raw(*entry.after_json);
    else
      json.null();
    json.end_object();
  }
  json.end_array().field("total", page.total).end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> audit_routes() {
  using namespace route_words;
  return {
      // read only: nothing changes or deletes an entry
      {verb::get, "/api/v1/audit", h::list_audit, signed_in, quick, {"audit", "read"}},
      {verb::get, "/api/v1/audit/export", h::export_audit, signed_in, blocking, {"audit", "read"}},
  };
}
// clang-format on

}  // namespace taawun::http
