#include "domain/accounts/accounts.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"

namespace taawun::http::handlers {
namespace {

std::string session_cookie(const Context& context, std::string_view value, bool expire) {
  std::string cookie = "taawun_session=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Strict";
  if (context.app.config().secure_cookies) cookie += "; Secure";
  cookie +=
      expire ? "; Max-Age=0" : "; Max-Age=" + std::to_string(std::chrono::seconds(accounts::kSessionLifetime).count());
  return cookie;
}

// The signed-in user as the front end needs it; the CSRF token only for cookie sessions.
std::string me_json(Context& context, const accounts::User& user, const std::optional<std::string>& csrf) {
  JsonWriter json;
  json.begin_object()
      .field("id", user.id)
      .field("username", user.username)
      .field("display_name", user.display_name)
      .field("role", accounts::role_name(user.role))
      .array("countries", user.countries)
      .array("organisations", user.organisations)
      .field("language", language_code(user.language))
      .field("version", user.version);
  if (csrf) json.field("csrf_token", *csrf);
  json.end_object();
  (void)context;
  return json.str();
}

Response me_response(Context& context, const accounts::User& user) {
  Response response = json_response(context, bhttp::status::ok, me_json(context, user, context.auth->csrf_token));
  response.set(bhttp::field::etag, etag(user.version));
  return response;
}

}  // namespace

Result<Response> log_in(Context& context) {
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto username = body.text("username", 64);
  auto password = body.text("password", accounts::kMaximumPasswordLength);
  if (!username) body.problem({"username", "required"});
  if (!password) body.problem({"password", "required"});
  TAAWUN_CHECK(body.finish());

  // Keyed on the client's real address (behind trusted proxies, their forwarded header): failures
  // from elsewhere never slow this client down (accounts::LoginThrottle).
  auto& throttle = context.app.login_throttle();
  if (int wait = throttle.admit(*username, context.remote_address); wait > 0) {
    Error error = Error::of(ErrorCode::rate_limited, "rate_limited", {{"seconds", std::to_string(wait)}});
    error.retry_after_seconds = wait;
    return error;
  }
  auto session = accounts::log_in(context.db(), *username, *password);
  if (!session.ok()) {
    if (session.error().code == ErrorCode::unauthenticated) throttle.record_failure(*username, context.remote_address);
    return session.take_error();
  }
  throttle.record_success(*username, context.remote_address);
  JsonWriter json;
  json.begin_object().field("csrf_token", session->csrf_token).key("user");
  write_user(json, session->user);
  json.end_object();
  Response response = json_response(context, bhttp::status::ok, json.str());
  response.set(bhttp::field::set_cookie, session_cookie(context, session->token, false));
  return response;
}

Result<Response> log_out(Context& context) {
  if (context.session_token) accounts::log_out(context.db(), *context.session_token);
  Response response = no_content(context);
  response.set(bhttp::field::set_cookie, session_cookie(context, "", true));
  return response;
}

Result<Response> me(Context& context) {
  TAAWUN_TRY(user, accounts::get_user(context.db(), context.actor(), *context.actor().user_id));
  return me_response(context, user);
}

// Like every versioned record: If-Match with the ETag read (428 without, 412 when stale).
Result<Response> update_me(Context& context) {
  TAAWUN_TRY(version, required_version(context));
  TAAWUN_TRY(body, BodyReader::parse(context));
  accounts::UserDraft draft;
  draft.display_name = body.text("display_name", 200);
  draft.language = body.text("language", 2);
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(user, accounts::update_own_profile(context.db(), context.actor(), version, draft));
  return me_response(context, user);
}

// Ends the user's other sessions and revokes their API tokens; this session goes on.
Result<Response> change_my_password(Context& context) {
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto current = body.text("current_password", accounts::kMaximumPasswordLength);
  auto next = body.text("new_password", accounts::kMaximumPasswordLength + 1);
  if (!current) body.problem({"current_password", "required"});
  if (!next) body.problem({"new_password", "required"});
  TAAWUN_CHECK(body.finish());
  std::optional<std::string_view> keep_session;
  if (context.session_token) keep_session = *context.session_token;
  TAAWUN_CHECK(accounts::change_own_password(context.db(), context.actor(), *current, *next, keep_session));
  return no_content(context);
}

}  // namespace taawun::http::handlers
