#include <nlohmann/json.hpp>

#include "areas/accounts/accounts.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/render.hpp"
#include "http/input.hpp"
#include "http/json_writer.hpp"
#include "http/routes.hpp"

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
      .field("version", user.version)
      .field("totp_enabled", user.totp_enabled)
      .field("totp_enrolment_required",
             !user.totp_enabled && csrf && accounts::totp_required(context.app.config().require_totp, user.role));
  // What the user may do per record kind, from the permission registry (the same decisions the
  // routes and use cases make): the web application shows and hides from this, never from a
  // copy of the rules. Kind-level only: a record's own rules (scope) still decide on it.
  accounts::Actor actor{user.id, user.username, user.role, user.countries, user.organisations, user.language};
  json.key("permissions").begin_object();
  for (const auto& kind : permissions::kinds()) {
    json.key(kind.name).begin_array();
    for (auto verb : permissions::granted(actor, kind.name)) json.value(verb);
    json.end_array();
  }
  json.end_object();
  if (csrf) json.field("csrf_token", *csrf);
  json.end_object();
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
  auto password = body.text("password", accounts::kLongestStoredPassword);
  // The second factor of an account with TOTP: a current code or a recovery code (ADR 0012).
  auto second_factor = body.text("totp", 20);
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
  std::optional<std::string_view> code;
  if (second_factor) code = *second_factor;
  auto session = accounts::log_in(context.db(), *username, *password, code, context.header(bhttp::field::user_agent));
  if (!session.ok()) {
    // The password was right: the client asks for the code and sends both again. Counted as
    // started by admit(), not as a failure.
    if (session.error().detail_key == "totp_required")
      return second_factor_problem(context.request, context.language, ErrorCode::unauthenticated, "totp_required");
    // A wrong password and a wrong code count alike.
    if (session.error().code == ErrorCode::unauthenticated) throttle.record_failure(*username, context.remote_address);
    return session.take_error();
  }
  throttle.record_success(*username, context.remote_address);
  JsonWriter json;
  json.begin_object().field("csrf_token", session->csrf_token).key("user");
  write_user(json, session->user);
  json.field(
      "totp_enrolment_required",
      !session->user.totp_enabled && accounts::totp_required(context.app.config().require_totp, session->user.role));
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

// --- two-factor sign-in (ADR 0012) ---

bool allowed_before_totp_enrolment(bhttp::verb method, std::string_view pattern) {
  if (pattern == "/api/v1/me") return method == bhttp::verb::get || method == bhttp::verb::head;
  if (pattern == "/api/v1/session") return method == bhttp::verb::delete_;
  return pattern == "/api/v1/me/totp" || pattern == "/api/v1/me/totp/confirm";
}

Response second_factor_problem(const Request& request, Language language, ErrorCode base, std::string_view code) {
  Response response = problem_response(request, language, Error::of(base, std::string(code)));
  // Clients branch on the code: the second factor's state, not the plain 401 or 403.
  auto body = nlohmann::json::parse(response.body());
  body["code"] = code;
  response.body() = body.dump();
  response.prepare_payload();
  return response;
}

// Starts (or starts again) an enrolment: the secret is shown here once. Not through an API token.
Result<Response> start_totp(Context& context) {
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(enrolment, accounts::start_totp_enrolment(context.db(), context.actor()));
  JsonWriter json;
  json.begin_object()
      .field("secret", enrolment.secret)
      .field("uri", enrolment.uri)
      .field("qr_svg", enrolment.qr_svg)
      .end_object();
  return json_response(context, bhttp::status::ok, json.str());  // no-store, as every JSON answer
}

Result<Response> confirm_totp(Context& context) {
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto code = body.text("code", 20);
  if (!code) body.problem({"code", "required"});
  TAAWUN_CHECK(body.finish());
  TAAWUN_TRY(codes, accounts::confirm_totp_enrolment(context.db(), context.actor(), *code));
  JsonWriter json;
  json.begin_object().array("recovery_codes", codes).end_object();
  return json_response(context, bhttp::status::ok, json.str());  // no-store, as every JSON answer
}

// Needs a current code (or a recovery code) or the password, in the body.
Result<Response> turn_off_totp(Context& context) {
  TAAWUN_CHECK(accounts::check_credentials_session(*context.auth));
  TAAWUN_TRY(body, BodyReader::parse(context));
  auto code = body.text("code", 20);
  auto password = body.text("password", accounts::kLongestStoredPassword);
  TAAWUN_CHECK(body.finish());
  std::optional<std::string_view> code_view, password_view;
  if (code) code_view = *code;
  if (password) password_view = *password;
  TAAWUN_CHECK(accounts::turn_off_totp(context.db(), context.actor(), code_view, password_view));
  return no_content(context);
}

Result<Response> list_my_sessions(Context& context) {
  std::optional<std::string_view> current;
  if (context.session_token) current = *context.session_token;
  TAAWUN_TRY(sessions, accounts::list_own_sessions(context.db(), context.actor(), current));
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& session : sessions)
    json.begin_object()
        .field("id", session.id)
        .field("created_at", session.created_at)
        .field("last_used_at", session.last_used_at)
        .field("device", session.device)
        .field("current", session.current)
        .end_object();
  json.end_array().field("total", static_cast<std::int64_t>(sessions.size())).end_object();
  return json_response(context, bhttp::status::ok, json.str());
}

Result<Response> end_my_session(Context& context) {
  TAAWUN_TRY(id, id_parameter(context));
  TAAWUN_CHECK(accounts::end_own_session(context.db(), context.actor(), id));
  return no_content(context);
}

}  // namespace taawun::http::handlers

namespace taawun::http {

// This area's part of the route table (src/http/routes.cpp assembles the whole).
// A route table reads as a table: one route a line, as written.
// clang-format off
std::vector<Route> session_routes() {
  using namespace route_words;
  return {
      // session and the signed-in user's own account: no permission beyond being signed in
      {verb::post, "/api/v1/session", h::log_in, anyone, blocking},
      {verb::delete_, "/api/v1/session", h::log_out, signed_in, quick},
      {verb::get, "/api/v1/me", h::me, signed_in, quick},
      {verb::patch, "/api/v1/me", h::update_me, signed_in, quick},
      {verb::post, "/api/v1/me/password", h::change_my_password, signed_in, blocking},
      {verb::post, "/api/v1/me/totp", h::start_totp, signed_in, quick},
      {verb::post, "/api/v1/me/totp/confirm", h::confirm_totp, signed_in, quick},
      {verb::delete_, "/api/v1/me/totp", h::turn_off_totp, signed_in, blocking},
      {verb::get, "/api/v1/me/sessions", h::list_my_sessions, signed_in, quick},
      {verb::delete_, "/api/v1/me/sessions/{id}", h::end_my_session, signed_in, quick},
  };
}
// clang-format on

}  // namespace taawun::http
