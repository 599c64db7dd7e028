#include "areas/accounts/accounts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "areas/audit/audit.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "core/text.hpp"
#include "domain/drafts.hpp"

namespace taawun::accounts {
namespace {

const char* kUserColumns =
    "id, username, display_name, role, language, disabled, version, created_at, updated_at, last_login_at, "
    "totp_enabled";

User user_from(const db::Row& row) {
  User user;
  user.id = row.integer(0);
  user.username = row.text(1);
  user.display_name = row.text(2);
  user.role = parse_role(row.text(3)).value_or(Role::viewer);
  user.language = parse_language(row.text(4)).value_or(Language::fr);
  user.disabled = row.flag(5);
  user.version = row.integer(6);
  user.created_at = row.text(7);
  user.updated_at = row.text(8);
  user.last_login_at = row.optional_text(9);
  user.totp_enabled = row.flag(10);
  return user;
}

void load_scope(db::Connection& connection, User& user) {
  for (const auto& row : connection
                             .query("SELECT country_code FROM user_countries WHERE user_id = ? ORDER BY country_code",
                                    db::Params(user.id))
                             .rows)
    user.countries.push_back(row.text(0));
  for (const auto& row :
       connection
           .query("SELECT organisation_id FROM user_organisations WHERE user_id = ? ORDER BY organisation_id",
                  db::Params(user.id))
           .rows)
    user.organisations.push_back(row.integer(0));
}

std::optional<User> load_user(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM users WHERE id = ?", kUserColumns), db::Params(id));
  if (rows.empty()) return std::nullopt;
  User user = user_from(rows.front());
  load_scope(connection, user);
  return user;
}

// What the audit trail keeps of a user: never the password hash.
std::string snapshot(const User& user) {
  nlohmann::json json = {{"username", user.username},           {"display_name", user.display_name},
                         {"role", role_name(user.role)},        {"countries", user.countries},
                         {"organisations", user.organisations}, {"language", language_code(user.language)},
                         {"disabled", user.disabled},           {"version", user.version}};
  return json.dump();
}

void check_password(std::string_view field, const std::string& password, std::vector<FieldError>& problems) {
  auto length = text::code_point_count(password);
  if (length < kMinimumPasswordLength)
    problems.push_back({std::string(field), "too_short", {{"min", std::to_string(kMinimumPasswordLength)}}});
  else if (length > kMaximumPasswordLength)
    problems.push_back({std::string(field), "too_long", {{"max", std::to_string(kMaximumPasswordLength)}}});
  else if (is_common_password(password))
    problems.push_back({std::string(field), "common_password"});
}

// Validates role, scope, language and display name of a draft against the stored user (or a new one).
void check_draft(db::Connection& connection, const UserDraft& draft, const User& current,
                 std::vector<FieldError>& problems) {
  Role role = current.role;
  if (draft.role) {
    if (auto parsed = parse_role(*draft.role))
      role = *parsed;
    else
      problems.push_back(
          {"role", "invalid_choice", {{"choices", "admin, manager, officer, finance, partner, host, viewer"}}});
  }
  if (draft.display_name && text::code_point_count(*draft.display_name) > 200)
    problems.push_back({"display_name", "too_long", {{"max", "200"}}});
  if (draft.language && !parse_language(*draft.language))
    problems.push_back({"language", "invalid_choice", {{"choices", "fr, ar, en"}}});
  const auto& countries = draft.countries ? *draft.countries : current.countries;
  const auto& organisations = draft.organisations ? *draft.organisations : current.organisations;
  if (draft.countries) {
    for (std::size_t i = 0; i < draft.countries->size(); ++i)
      if (connection.query("SELECT 1 FROM countries WHERE code = ?", db::Params((*draft.countries)[i])).empty())
        problems.push_back({fmt::format("countries[{}]", i), "unknown_country"});
  }
  if (draft.organisations) {
    for (std::size_t i = 0; i < draft.organisations->size(); ++i)
      if (connection.query("SELECT 1 FROM organisations WHERE id = ?", db::Params((*draft.organisations)[i])).empty())
        problems.push_back({fmt::format("organisations[{}]", i), "unknown_organisation"});
  }
  // Scoped roles need a scope; others must not carry one, so that a scope never leaks rights.
  if (role == Role::partner && countries.empty()) problems.push_back({"countries", "required_for_role"});
  if (role == Role::host && organisations.empty()) problems.push_back({"organisations", "required_for_role"});
  if (role != Role::partner && draft.countries && !draft.countries->empty())
    problems.push_back({"countries", "not_allowed_for_role"});
  if (role != Role::host && draft.organisations && !draft.organisations->empty())
    problems.push_back({"organisations", "not_allowed_for_role"});
}

void write_scope(db::Connection& connection, std::int64_t user_id, Role role, const UserDraft& draft) {
  if (draft.countries || role != Role::partner) {
    connection.query("DELETE FROM user_countries WHERE user_id = ?", db::Params(user_id));
    if (role == Role::partner && draft.countries) {
      auto codes = *draft.countries;
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      for (const auto& code : codes)
        connection.query("INSERT INTO user_countries (user_id, country_code) VALUES (?, ?)", db::Params(user_id, code));
    }
  }
  if (draft.organisations || role != Role::host) {
    connection.query("DELETE FROM user_organisations WHERE user_id = ?", db::Params(user_id));
    if (role == Role::host && draft.organisations) {
      auto ids = *draft.organisations;
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      for (auto id : ids)
        connection.query("INSERT INTO user_organisations (user_id, organisation_id) VALUES (?, ?)",
                         db::Params(user_id, id));
    }
  }
}

Actor actor_of(const User& user) {
  return Actor{user.id, user.username, user.role, user.countries, user.organisations, user.language};
}

// After a password change, whoever held the old password (or a session or token opened with it)
// must sign in again: every session of the user but `keep_session` ends and every API token of
// the user is revoked (OWASP ASVS 4.0 V3.3.3). Inside the caller's transaction.
void end_credentials(db::Connection& connection, std::int64_t user_id, std::optional<std::string_view> keep_session) {
  if (keep_session)
    connection.query("DELETE FROM sessions WHERE user_id = ? AND token_digest <> ?",
                     db::Params(user_id, secrets::token_digest(*keep_session)));
  else
    connection.query("DELETE FROM sessions WHERE user_id = ?", db::Params(user_id));
  connection.query("UPDATE api_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0", db::Params(user_id));
}

}  // namespace

bool can_manage_users(const Actor& actor) {
  return actor.role == Role::admin;
}

bool can_hold_api_tokens(const Actor&) {
  return true;
}

Result<User> create_user(db::Connection& connection, const Actor& actor, const UserDraft& draft) {
  if (!can_manage_users(actor)) return Error::of(ErrorCode::forbidden);
  std::vector<FieldError> problems;
  static const std::regex kUsername("^[a-z0-9][a-z0-9._-]{2,63}$");
  if (!draft.username)
    problems.push_back({"username", "required"});
  else if (!std::regex_match(*draft.username, kUsername))
    problems.push_back({"username", "invalid_username"});
  if (!draft.role) problems.push_back({"role", "required"});
  if (!draft.password)
    problems.push_back({"password", "required"});
  else
    check_password("password", *draft.password, problems);
  User blank;
  check_draft(connection, draft, blank, problems);
  if (!problems.empty()) return Error::validation(std::move(problems));

  std::string hash = secrets::hash_password(*draft.password);  // before the transaction: ~65 ms
  db::Transaction transaction(connection, db::TransactionKind::write);
  if (find_user_by_name(connection, *draft.username)) return Error::validation({{"username", "already_taken"}});
  std::string now = clock::now_iso8601();
  std::string display_name = draft.display_name && !draft.display_name->empty() ? *draft.display_name : *draft.username;
  auto id = connection
                .query(
                    "INSERT INTO users (username, display_name, role, password_hash, language, disabled, version, "
                    "created_at, updated_at, search_key) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                    db::Params(*draft.username, display_name, *draft.role, hash, draft.language.value_or("fr"),
                               draft.disabled.value_or(false), now, now,
                               text::search_key(*draft.username + " " + display_name)))
                .front()
                .integer(0);
  write_scope(connection, id, *parse_role(*draft.role), draft);
  User created = *load_user(connection, id);
  audit::record(connection, actor, "create", "user", std::to_string(id), std::nullopt, snapshot(created));
  transaction.commit();
  return created;
}

Result<Page<User>> list_users(db::Connection& connection, const Actor& actor, const UserFilter& filter) {
  if (!can_manage_users(actor)) return Error::of(ErrorCode::forbidden);
  bool descending = filter.sort.starts_with('-');
  std::string field = descending ? filter.sort.substr(1) : filter.sort;
  std::string direction = descending ? "DESC" : "ASC";
  std::string order;
  if (field == "username")
    order = "username " + direction;
  else if (field == "role")
    order = fmt::format("role {}, username", direction);
  else if (field == "created_at")
    order = fmt::format("created_at {0}, id {0}", direction);
  // Accounts never signed in come last either way (SQLite and PostgreSQL place NULLs differently).
  else if (field == "last_login_at")
    order = fmt::format("(last_login_at IS NULL), last_login_at {}, username", direction);
  else
    return Error::validation({{"sort", "invalid_choice", {{"choices", "username, role, created_at, last_login_at"}}}});
  std::string where = " WHERE 1=1";
  db::Params params;
  if (filter.text) append_text_filter(where, params, "search_key", *filter.text);
  if (filter.role) {
    where += " AND role = ?";
    params.add(*filter.role);
  }
  if (filter.disabled) {
    where += " AND disabled = ?";
    params.add(*filter.disabled);
  }
  Page<User> page;
  page.total = connection.query("SELECT COUNT(*) FROM users" + where, params).front().integer(0);
  params.add(filter.page.limit).add(filter.page.offset);
  auto rows = connection.query(
      fmt::format("SELECT {} FROM users{} ORDER BY {} LIMIT ? OFFSET ?", kUserColumns, where, order), params);
  for (const auto& row : rows.rows) {
    User user = user_from(row);
    load_scope(connection, user);
    page.items.push_back(std::move(user));
  }
  return page;
}

Result<User> get_user(db::Connection& connection, const Actor& actor, std::int64_t id) {
  if (!can_manage_users(actor) && actor.user_id != id) return Error::of(ErrorCode::forbidden);
  auto user = load_user(connection, id);
  if (!user) return Error::of(ErrorCode::not_found);
  return *user;
}

std::optional<User> find_user_by_name(db::Connection& connection, std::string_view username) {
  auto rows = connection.query(fmt::format("SELECT {} FROM users WHERE username = ?", kUserColumns),
                               db::Params(std::string(username)));
  if (rows.empty()) return std::nullopt;
  User user = user_from(rows.front());
  load_scope(connection, user);
  return user;
}

Result<User> update_user(db::Connection& connection, const Actor& actor, std::int64_t id, std::int64_t expected_version,
                         const UserDraft& draft) {
  if (!can_manage_users(actor)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto current = load_user(connection, id);
  if (!current) return Error::of(ErrorCode::not_found);
  if (current->version != expected_version) return Error::of(ErrorCode::precondition_failed);
  std::vector<FieldError> problems;
  if (draft.username && *draft.username != current->username) problems.push_back({"username", "read_only"});
  if (draft.password) problems.push_back({"password", "read_only"});
  check_draft(connection, draft, *current, problems);
  // An administrator cannot lock themselves out by mistake.
  if (actor.user_id == id && ((draft.disabled && *draft.disabled) || (draft.role && *draft.role != "admin")))
    problems.push_back({draft.disabled && *draft.disabled ? "disabled" : "role", "cannot_change_own_access"});
  if (!problems.empty()) return Error::validation(std::move(problems));

  Role role = draft.role ? *parse_role(*draft.role) : current->role;
  std::string display_name =
      draft.display_name && !draft.display_name->empty() ? *draft.display_name : current->display_name;
  auto changed = connection.query(
      "UPDATE users SET display_name = ?, role = ?, language = ?, disabled = ?, version = version + 1, updated_at = ?, "
      "search_key = ? WHERE id = ? AND version = ?",
      db::Params(display_name, role_name(role), draft.language.value_or(std::string(language_code(current->language))),
                 draft.disabled.value_or(current->disabled), clock::now_iso8601(),
                 text::search_key(current->username + " " + display_name), id, expected_version));
  if (changed.affected == 0) return Error::of(ErrorCode::precondition_failed);
  write_scope(connection, id, role, draft);
  // A disabled account or a changed role ends the account's sessions at once.
  if ((draft.disabled && *draft.disabled) || role != current->role)
    connection.query("DELETE FROM sessions WHERE user_id = ?", db::Params(id));
  User updated = *load_user(connection, id);
  audit::record(connection, actor, "update", "user", std::to_string(id), snapshot(*current), snapshot(updated));
  transaction.commit();
  return updated;
}

Status reset_password(db::Connection& connection, const Actor& actor, std::int64_t id, std::string_view password) {
  if (!can_manage_users(actor)) return Error::of(ErrorCode::forbidden);
  std::vector<FieldError> problems;
  check_password("password", std::string(password), problems);
  if (!problems.empty()) return Error::validation(std::move(problems));
  std::string hash = secrets::hash_password(password);
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto changed =
      connection.query("UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?",
                       db::Params(hash, clock::now_iso8601(), id));
  if (changed.affected == 0) return Error::of(ErrorCode::not_found);
  end_credentials(connection, id, std::nullopt);
  audit::record(connection, actor, "reset_password", "user", std::to_string(id), std::nullopt, std::nullopt);
  transaction.commit();
  return ok_status();
}

Status change_own_password(db::Connection& connection, const Actor& actor, std::string_view current_password,
                           std::string_view new_password, std::optional<std::string_view> keep_session) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  std::vector<FieldError> problems;
  check_password("new_password", std::string(new_password), problems);
  auto rows = connection.query("SELECT password_hash FROM users WHERE id = ?", db::Params(*actor.user_id));
  if (rows.empty()) return Error::of(ErrorCode::unauthenticated);
  if (!secrets::verify_password(rows.front().text(0), current_password))
    problems.push_back({"current_password", "wrong_password"});
  if (!problems.empty()) return Error::validation(std::move(problems));
  std::string hash = secrets::hash_password(new_password);
  db::Transaction transaction(connection, db::TransactionKind::write);
  connection.query("UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?",
                   db::Params(hash, clock::now_iso8601(), *actor.user_id));
  end_credentials(connection, *actor.user_id, keep_session);
  audit::record(connection, actor, "change_password", "user", std::to_string(*actor.user_id), std::nullopt,
                std::nullopt);
  transaction.commit();
  return ok_status();
}

Result<User> update_own_profile(db::Connection& connection, const Actor& actor, std::int64_t expected_version,
                                const UserDraft& draft) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  std::vector<FieldError> problems;
  if (draft.display_name && text::code_point_count(*draft.display_name) > 200)
    problems.push_back({"display_name", "too_long", {{"max", "200"}}});
  if (draft.language && !parse_language(*draft.language))
    problems.push_back({"language", "invalid_choice", {{"choices", "fr, ar, en"}}});
  if (!problems.empty()) return Error::validation(std::move(problems));
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto current = load_user(connection, *actor.user_id);
  if (!current) return Error::of(ErrorCode::unauthenticated);
  if (current->version != expected_version) return Error::of(ErrorCode::precondition_failed);
  std::string display_name =
      draft.display_name && !draft.display_name->empty() ? *draft.display_name : current->display_name;
  auto changed = connection.query(
      "UPDATE users SET display_name = ?, language = ?, version = version + 1, updated_at = ?, search_key = ? WHERE id "
      "= ? AND version = ?",
      db::Params(display_name, draft.language.value_or(std::string(language_code(current->language))),
                 clock::now_iso8601(), text::search_key(current->username + " " + display_name), *actor.user_id,
                 expected_version));
  if (changed.affected == 0) return Error::of(ErrorCode::precondition_failed);
  User updated = *load_user(connection, *actor.user_id);
  audit::record(connection, actor, "update", "user", std::to_string(updated.id), snapshot(*current), snapshot(updated));
  transaction.commit();
  return updated;
}

Result<Session> log_in(db::Connection& connection, std::string_view username, std::string_view password,
                       std::optional<std::string_view> second_factor, std::string_view user_agent) {
  auto rows = connection.query(fmt::format("SELECT {}, password_hash FROM users WHERE username = ?", kUserColumns),
                               db::Params(std::string(username)));
  // Verify even for an unknown name, so that timing does not tell which names exist.
  static const std::string kDummyHash = secrets::hash_password("taawun-timing-equaliser");
  bool known = !rows.empty();
  bool verified = secrets::verify_password(known ? rows.front().text(11) : kDummyHash, password);
  if (!known || !verified || rows.front().flag(5)) return Error::of(ErrorCode::unauthenticated, "wrong_credentials");
  User user = user_from(rows.front());
  load_scope(connection, user);
  // The password was right: an account with TOTP asks for its second factor.
  if (user.totp_enabled && !second_factor) return Error::of(ErrorCode::unauthenticated, "totp_required");
  Session session{secrets::random_token(), secrets::random_token(), user};
  auto now = std::chrono::system_clock::now();
  db::Transaction transaction(connection, db::TransactionKind::write);
  if (user.totp_enabled) {
    auto used = use_second_factor(connection, user.id, *second_factor);
    if (!used) {
      // Audited and committed on its own: the handler counts it for the throttle like a password.
      audit::record(connection, actor_of(user), "totp_failed", "user", std::to_string(user.id), std::nullopt,
                    std::nullopt);
      transaction.commit();
      return Error::of(ErrorCode::unauthenticated, "wrong_totp");
    }
    if (*used == SecondFactor::recovery_code)
      audit::record(connection, actor_of(user), "recovery_code_used", "user", std::to_string(user.id), std::nullopt,
                    std::nullopt);
  }
  connection.query("DELETE FROM sessions WHERE expires_at < ?", db::Params(clock::iso8601(now)));
  connection.query(
      "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, expires_at, last_used_at, user_agent) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      db::Params(secrets::token_digest(session.token), user.id, session.csrf_token, clock::iso8601(now),
                 clock::iso8601(now + kSessionLifetime), clock::iso8601(now),
                 std::string(user_agent.substr(0, std::min<std::size_t>(user_agent.size(), 300)))));
  connection.query("UPDATE users SET last_login_at = ? WHERE id = ?", db::Params(clock::iso8601(now), user.id));
  audit::record(connection, actor_of(user), "login", "user", std::to_string(user.id), std::nullopt, std::nullopt);
  transaction.commit();
  session.user.last_login_at = clock::iso8601(now);
  return session;
}

void log_out(db::Connection& connection, std::string_view token) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  connection.query("DELETE FROM sessions WHERE token_digest = ?", db::Params(secrets::token_digest(token)));
  transaction.commit();
}

namespace {
Authenticated authenticated_from(db::Connection& connection, const db::Row& row, std::optional<std::string> csrf,
                                 std::optional<std::int64_t> api_token_id = std::nullopt, bool read_only = false) {
  Actor actor;
  actor.user_id = row.integer(0);
  actor.username = row.text(1);
  actor.role = parse_role(row.text(2)).value_or(Role::viewer);
  actor.language = parse_language(row.text(3)).value_or(Language::fr);
  // Only scoped roles pay for the scope queries.
  if (actor.role == Role::partner)
    for (const auto& r : connection
                             .query("SELECT country_code FROM user_countries WHERE user_id = ? ORDER BY country_code",
                                    db::Params(*actor.user_id))
                             .rows)
      actor.countries.push_back(r.text(0));
  if (actor.role == Role::host)
    for (const auto& r :
         connection
             .query("SELECT organisation_id FROM user_organisations WHERE user_id = ? ORDER BY organisation_id",
                    db::Params(*actor.user_id))
             .rows)
      actor.organisations.push_back(r.integer(0));
  return Authenticated{std::move(actor), std::move(csrf), api_token_id, read_only};
}
}  // namespace

Status check_credentials_session(const Authenticated& authenticated) {
  if (authenticated.by_api_token()) return Error::of(ErrorCode::forbidden, "needs_password_session");
  return ok_status();
}

std::optional<Authenticated> authenticate_session(db::Connection& connection, std::string_view token) {
  auto now = clock::now_iso8601();
  auto rows = connection.query(
      "SELECT u.id, u.username, u.role, u.language, s.csrf_token, u.totp_enabled, s.id, s.last_used_at "
      "FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.token_digest = ? AND s.expires_at > ? AND u.disabled = 0",
      db::Params(secrets::token_digest(token), now));
  if (rows.empty()) return std::nullopt;
  // last_used_at to the minute: one write a minute per session, not one per request.
  auto last = rows.front().optional_text(7).value_or("");
  if (last.substr(0, 16) != now.substr(0, 16))
    connection.query("UPDATE sessions SET last_used_at = ? WHERE id = ?", db::Params(now, rows.front().integer(6)));
  auto authenticated = authenticated_from(connection, rows.front(), rows.front().text(4));
  authenticated.totp_enabled = rows.front().flag(5);
  return authenticated;
}

std::optional<Authenticated> authenticate_api_token(db::Connection& connection, std::string_view token) {
  auto rows = connection.query(
      "SELECT u.id, u.username, u.role, u.language, t.id, t.last_used_at, t.read_only FROM api_tokens t "
      "JOIN users u ON u.id = t.user_id WHERE t.token_digest = ? AND t.revoked = 0 AND u.disabled = 0 "
      "AND (t.expires_on IS NULL OR t.expires_on >= ?)",
      db::Params(secrets::token_digest(token), today_iso_date()));
  if (rows.empty()) return std::nullopt;
  // last_used_at to the hour: one write an hour per token, not one per request.
  auto now = clock::now_iso8601();
  auto last = rows.front().text(5);
  if (last.substr(0, 13) != now.substr(0, 13))
    connection.query("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", db::Params(now, rows.front().integer(4)));
  return authenticated_from(connection, rows.front(), std::nullopt, rows.front().integer(4), rows.front().flag(6));
}

Result<CreatedApiToken> create_api_token(db::Connection& connection, const Actor& actor, std::string_view name,
                                         std::optional<std::int64_t> for_user, const ApiTokenLimits& limits) {
  // The command line acts as no account, so it must name the token's owner.
  if (!actor.user_id && !for_user) return Error::of(ErrorCode::unauthenticated);
  std::int64_t owner = for_user ? *for_user : *actor.user_id;
  if (owner != actor.user_id && !can_manage_users(actor)) return Error::of(ErrorCode::forbidden);
  std::vector<FieldError> problems;
  std::string trimmed = text::trim(name);
  if (trimmed.empty())
    problems.push_back({"name", "required"});
  else if (text::code_point_count(trimmed) > 100)
    problems.push_back({"name", "too_long", {{"max", "100"}}});
  auto user = load_user(connection, owner);
  if (!user) problems.push_back({"user_id", "unknown_user"});
  if (check_date(problems, "expires_on", limits.expires_on) && *limits.expires_on < today_iso_date())
    problems.push_back({"expires_on", "out_of_range", {{"min", today_iso_date()}, {"max", "9999-12-31"}}});
  if (!problems.empty()) return Error::validation(std::move(problems));
  CreatedApiToken created;
  created.secret = "taawun_" + secrets::random_token();
  db::Transaction transaction(connection, db::TransactionKind::write);
  std::string now = clock::now_iso8601();
  created.token.id = connection
                         .query(
                             "INSERT INTO api_tokens (user_id, name, token_digest, created_at, expires_on, read_only) "
                             "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                             db::Params(owner, trimmed, secrets::token_digest(created.secret), now, limits.expires_on,
                                        limits.read_only))
                         .front()
                         .integer(0);
  created.token.name = trimmed;
  created.token.user_id = owner;
  created.token.username = user->username;
  created.token.created_at = now;
  created.token.expires_on = limits.expires_on;
  created.token.read_only = limits.read_only;
  nlohmann::json after = {{"name", trimmed}, {"user_id", owner}, {"read_only", limits.read_only}};
  if (limits.expires_on) after["expires_on"] = *limits.expires_on;
  audit::record(connection, actor, "create", "api_token", std::to_string(created.token.id), std::nullopt, after.dump());
  transaction.commit();
  return created;
}

Result<Page<ApiToken>> list_api_tokens(db::Connection& connection, const Actor& actor,
                                       const PageRequest& page_request) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  std::string where = " WHERE t.revoked = 0";
  db::Params params;
  if (!can_manage_users(actor)) {
    where += " AND t.user_id = ?";
    params.add(*actor.user_id);
  }
  Page<ApiToken> page;
  page.total = connection.query("SELECT COUNT(*) FROM api_tokens t" + where, params).front().integer(0);
  params.add(page_request.limit).add(page_request.offset);
  auto rows = connection.query(
      "SELECT t.id, t.name, t.user_id, u.username, t.created_at, t.last_used_at, t.expires_on, t.read_only "
      "FROM api_tokens t "
      "JOIN users u ON u.id = t.user_id" +
          where + " ORDER BY t.id LIMIT ? OFFSET ?",
      params);
  for (const auto& row : rows.rows)
    page.items.push_back(ApiToken{row.integer(0), row.text(1), row.integer(2), row.text(3), row.text(4),
                                  row.optional_text(5), row.optional_text(6), row.flag(7)});
  return page;
}

Status revoke_api_token(db::Connection& connection, const Actor& actor, std::int64_t id) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto rows = connection.query("SELECT user_id, name FROM api_tokens WHERE id = ? AND revoked = 0", db::Params(id));
  if (rows.empty()) return Error::of(ErrorCode::not_found);
  if (rows.front().integer(0) != *actor.user_id && !can_manage_users(actor)) return Error::of(ErrorCode::not_found);
  connection.query("UPDATE api_tokens SET revoked = 1 WHERE id = ?", db::Params(id));
  nlohmann::json before = {{"name", rows.front().text(1)}, {"user_id", rows.front().integer(0)}};
  audit::record(connection, actor, "revoke", "api_token", std::to_string(id), before.dump(), std::nullopt);
  transaction.commit();
  return ok_status();
}

namespace {
// The pair's key: the address holds no space, so the first space ends it whatever the name.
std::string pair_key(std::string_view username, std::string_view address) {
  std::string key(address);
  key += ' ';
  key += username;
  return key;
}
}  // namespace

int LoginThrottle::retry_after(std::string_view username, std::string_view address) {
  return std::max(by_pair_.retry_after(pair_key(username, address)), by_address_.retry_after(address));
}

int LoginThrottle::admit(std::string_view username, std::string_view address) {
  // Look first, so that an attempt refused by one key does not count as started on the other.
  if (int wait = retry_after(username, address); wait > 0) return wait;
  return std::max(by_pair_.admit(pair_key(username, address)), by_address_.admit(address));
}

void LoginThrottle::record_failure(std::string_view username, std::string_view address) {
  by_pair_.record_failure(pair_key(username, address));
  by_address_.record_failure(address);
}

void LoginThrottle::record_success(std::string_view username, std::string_view address) {
  // Only the pair: a client guessing many accounts does not clear its count with one of its own.
  by_pair_.forget(pair_key(username, address));
}

}  // namespace taawun::accounts
