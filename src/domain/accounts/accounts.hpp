#pragma once
// Users, their roles and scopes, sessions and API tokens.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/spreadsheet.hpp"
#include "core/throttle.hpp"
#include "db/database.hpp"
#include "domain/accounts/actor.hpp"
#include "domain/paging.hpp"

namespace taawun::accounts {

struct User {
  std::int64_t id = 0;
  std::string username, display_name;
  Role role = Role::viewer;
  std::vector<std::string> countries;
  std::vector<std::int64_t> organisations;
  Language language = Language::fr;
  bool disabled = false;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> last_login_at;
};

// Fields of a create or update; absent fields are left as they are.
struct UserDraft {
  std::optional<std::string> username, display_name, role, password, language;
  std::optional<std::vector<std::string>> countries;
  std::optional<std::vector<std::int64_t>> organisations;
  std::optional<bool> disabled;
};

struct UserFilter {
  std::optional<std::string> text, role;
  std::optional<bool> disabled;
  std::string sort = "username";  // username, role, created_at, last_login_at; a leading minus reverses
  PageRequest page;
};

inline constexpr std::size_t kMinimumPasswordLength = 10;
inline constexpr std::size_t kMaximumPasswordLength = 200;
inline constexpr auto kSessionLifetime = std::chrono::hours(12);

// --- access (one place): only administrators manage accounts ---
bool can_manage_users(const Actor& actor);

// --- users (create and password changes hash with argon2id: call off the I/O threads) ---
Result<User> create_user(db::Connection& connection, const Actor& actor, const UserDraft& draft);
Result<Page<User>> list_users(db::Connection& connection, const Actor& actor, const UserFilter& filter);
// The users list as a spreadsheet, one row a user (scopes as "SN;ML" lists).
inline constexpr std::int64_t kMaxUserExportRows = 100'000;
spreadsheet::Table users_table(const std::vector<User>& users);
Result<User> get_user(db::Connection& connection, const Actor& actor, std::int64_t id);
std::optional<User> find_user_by_name(db::Connection& connection, std::string_view username);
Result<User> update_user(db::Connection& connection, const Actor& actor, std::int64_t id, std::int64_t expected_version,
                         const UserDraft& draft);
Status reset_password(db::Connection& connection, const Actor& actor, std::int64_t id, std::string_view password);
Status change_own_password(db::Connection& connection, const Actor& actor, std::string_view current_password,
                           std::string_view new_password);
Result<User> update_own_profile(db::Connection& connection, const Actor& actor, const UserDraft& draft);

// --- sessions ---
struct Session {
  std::string token;  // the cookie value, given to the client once
  std::string csrf_token;
  User user;
};
// unauthenticated for a wrong name or password or a disabled account (the same answer for all).
Result<Session> log_in(db::Connection& connection, std::string_view username, std::string_view password);
void log_out(db::Connection& connection, std::string_view token);

struct Authenticated {
  Actor actor;
  std::optional<std::string> csrf_token;  // set for cookie sessions, which must send it on writes
};
std::optional<Authenticated> authenticate_session(db::Connection& connection, std::string_view token);
std::optional<Authenticated> authenticate_api_token(db::Connection& connection, std::string_view token);

// --- API tokens ---
struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  std::int64_t user_id = 0;
  std::string username, created_at;
  std::optional<std::string> last_used_at;
};
struct CreatedApiToken {
  ApiToken token;
  std::string secret;  // shown once
};
Result<CreatedApiToken> create_api_token(db::Connection& connection, const Actor& actor, std::string_view name,
                                         std::optional<std::int64_t> for_user);
Result<Page<ApiToken>> list_api_tokens(db::Connection& connection, const Actor& actor, const PageRequest& page);
Status revoke_api_token(db::Connection& connection, const Actor& actor, std::int64_t id);

// Failed logins counted per account and per address in a fixed window; past the limit the next
// attempts are refused for the rest of the window without checking the password. An address
// gets more tries than an account: several people may log in from one office behind one NAT.
class LoginThrottle {
 public:
  static constexpr int kMaxAccountFailures = 5;
  static constexpr int kMaxAddressFailures = 30;
  static constexpr std::chrono::seconds kWindow{15 * 60};
  // Seconds to wait, or 0 when an attempt may go ahead.
  int retry_after(std::string_view username, std::string_view address);
  void record_failure(std::string_view username, std::string_view address);
  void record_success(std::string_view username);

 private:
  FailureWindow by_account_{kMaxAccountFailures, kWindow}, by_address_{kMaxAddressFailures, kWindow};
};

}  // namespace taawun::accounts
