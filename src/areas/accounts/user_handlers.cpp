#include "areas/accounts/accounts.hpp"
#include "http/handlers/files.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

namespace taawun::http::handlers {
namespace {

Response user_response(Context& context, bhttp::status status, const accounts::User& user) {
  JsonWriter json;
  write_user(json, user);
  Response response = json_response(context, status, json.str());
  response.set(bhttp::field::etag, etag(user.version));
  return response;
}

accounts::UserDraft read_user_draft(BodyReader& body) {
  accounts::UserDraft draft;
  draft.display_name = body.text("display_name", 200);
  draft.role = body.text("role", 20);
  draft.language = body.text("language", 2);
  draft.countries = body.text_list("countries", 300, 2);
  draft.organisations = body.integer_list("organisations", 1000);
  draft.disabled = body.boolean("disabled");
  return draft;
}

}  // namespace

namespace {
// The users list's search, filters and order, shared by the list and its export.
accounts::UserFilter read_user_filter(QueryReader& query) {
  accounts::UserFilter filter;
  filter.text = query.text("q");
  filter.role = query.optional_choice("role", {"admin", "manager", "officer", "finance", "partner", "host", "viewer"});
  filter.disabled = query.boolean("disabled");
  filter.sort = query.sort("username");
  return filter;
}
}  // namespace

Result<Response> list_users(Context& context) {
  QueryReader query(context);
  auto filter = read_user_filter(query);
  filter.page = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, accounts::list_users(context.db(), context.actor(), filter));
  return json_response(context, bhttp::status::ok, page_json(page, write_user));
}

Result<Response> export_users(Context& context) {
  return export_list(context, read_user_filter, accounts::kMaxUserExportRows, accounts::list_users,
                     accounts::users_table, "taawun-users");
}

Result<Response> create_user(Context& context) {
  if (!accounts::can_manage_users(context.actor())) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(body, BodyReader::parse(context));
  accounts::UserDraft draft = read_user_draft(body);
  draft.username = body.text("username", 64);
  draft.password = body.text("password", accounts::kMaximumPasswordLength + 1);
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(user, accounts::create_user(context.db(), context.actor(), draft));
  Response response = user_response(context, bhttp::status::created, user);
  response.set(bhttp::field::location, "/api/v1/users/" + std::to_string(user.id));
  return response;
}

Result<Response> get_user(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!accounts::can_manage_users(context.actor())) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(user, accounts::get_user(context.db(), context.actor(), id));
  return user_response(context, bhttp::status::ok, user);
}

Result<Response> update_user(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!accounts::can_manage_users(context.actor())) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  accounts::UserDraft draft = read_user_draft(body);
  draft.username = body.text("username", 64);
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(user, accounts::update_user(context.db(), context.actor(), id, version, draft));
  return user_response(context, bhttp::status::ok, user);
}

// Ends the user's sessions and revokes their API tokens. Not through an API token.
Result<Response> reset_user_password(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  if (!accounts::can_manage_users(context.actor())) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto password = body.text("password", accounts::kMaximumPasswordLength + 1);
  if (!password) body.problem({"password", "required"});
  TAAWUN_CHECK(body.finish());
  TAAWUN_CHECK(accounts::reset_password(context.db(), context.actor(), id, *password));
  return no_content(context);
}

// Ends every session of the user (a lost laptop); their API tokens stay (revoke them apart).
Result<Response> end_user_sessions(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_CHECK(accounts::end_user_sessions(context.db(), context.actor(), id));
  return no_content(context);
}

Result<Response> list_tokens(Context& context) {
  QueryReader query(context);
  auto page_request = query.page();
  TAAWUN_CHECK(query.status());
  TAAWUN_TRY(page, accounts::list_api_tokens(context.db(), context.actor(), page_request));
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& token : page.items)
    json.begin_object()
        .field("id", token.id)
        .field("name", token.name)
        .field("user_id", token.user_id)
        .field("username", token.username)
        .field("created_at", token.created_at)
        .field("last_used_at", token.last_used_at)
        .field("expires_on", token.expires_on)
        .field("read_only", token.read_only)
        .end_object();
  json.end_array().field("total", page.total).end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

// Only from a session opened with a password: a token never creates tokens.
Result<Response> create_token(Context& context) {
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto name = body.text("name", 100);
  auto user_id = body.integer("user_id");
  accounts::ApiTokenLimits limits;
  limits.expires_on = body.text("expires_on", 10);
  limits.read_only = body.boolean("read_only").value_or(false);
  if (!name) body.problem({"name", "required"});
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(created, accounts::create_api_token(context.db(), context.actor(), *name, user_id, limits));
  JsonWriter json;
  json.begin_object()
      .field("id", created.token.id)
      .field("name", created.token.name)
      .field("user_id", created.token.user_id)
      .field("username", created.token.username)
      .field("created_at", created.token.created_at)
      .field("expires_on", created.token.expires_on)
      .field("read_only", created.token.read_only)
      .field("token", created.secret)
      .end_object();
  return json_response(context, bhttp::status::created, json.str());
}

Result<Response> revoke_token(Context& context) {
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_CHECK(accounts::revoke_api_token(context.db(), context.actor(), id));
  return no_content(context);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> user_routes() {
  using namespace route_words;
  return {
      {verb::get, "/api/v1/users", h::list_users, signed_in, quick, {"users", "read"}},
      {verb::post, "/api/v1/users", h::create_user, signed_in, blocking, {"users", "create"}},
      {verb::get, "/api/v1/users/export", h::export_users, signed_in, blocking, {"users", "read"}},
      // every user reads their own account
      {verb::get, "/api/v1/users/{id}", h::get_user, signed_in, quick},
      {verb::patch, "/api/v1/users/{id}", h::update_user, signed_in, quick, {"users", "update"}},
      {verb::post, "/api/v1/users/{id}/password", h::reset_user_password, signed_in, blocking, {"users", "update"}},
      {verb::delete_, "/api/v1/users/{id}/sessions", h::end_user_sessions, signed_in, quick},
      // tokens: everyone's own; an administrator's, anyone's
      {verb::get, "/api/v1/tokens", h::list_tokens, signed_in, quick, {"tokens", "read"}},
      {verb::post, "/api/v1/tokens", h::create_token, signed_in, quick, {"tokens", "create"}},
      {verb::delete_, "/api/v1/tokens/{id}", h::revoke_token, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
