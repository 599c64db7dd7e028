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
// Ends all the user's sessions and revokes their API tokens.
Status reset_password(db::Connection& connection, const Actor& actor, std::int64_t id, std::string_view password);
// Also ends every other session of the user (all of them when `keep_session` is empty) and
// revokes the user's API tokens: whoever held them must sign in with the new password.
Status change_own_password(db::Connection& connection, const Actor& actor, std::string_view current_password,
                           std::string_view new_password, std::optional<std::string_view> keep_session = std::nullopt);
// Guarded by the user's version like any record (If-Match): 412 when it changed meanwhile.
Result<User> update_own_profile(db::Connection& connection, const Actor& actor, std::int64_t expected_version,
                                const UserDraft& draft);

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
  std::optional<std::string> csrf_token;     // set for cookie sessions, which must send it on writes
  std::optional<std::int64_t> api_token_id;  // set when authenticated by an API token
  bool read_only = false;                    // an API token limited to reading (GET and HEAD)

  bool by_api_token() const { return api_token_id.has_value(); }
};
// Credentials (API tokens, passwords) are managed by someone signed in with their password, never
// through an API token: a leaked token must not mint more tokens or take the account over by
// changing its password. forbidden (detail needs_password_session) for a token.
Status check_credentials_session(const Authenticated& authenticated);
std::optional<Authenticated> authenticate_session(db::Connection& connection, std::string_view token);
// A revoked or expired token (past its expires_on day in the agency's calendar) or a disabled owner: nobody.
std::optional<Authenticated> authenticate_api_token(db::Connection& connection, std::string_view token);

// --- API tokens ---
struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  std::int64_t user_id = 0;
  std::string username, created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> expires_on;  // YYYY-MM-DD: the last day the token works (agency's calendar)
  bool read_only = false;
};
struct CreatedApiToken {
  ApiToken token;
  std::string secret;  // shown once
};
// What a new token may do: until when, and whether only read.
struct ApiTokenLimits {
  std::optional<std::string> expires_on;  // YYYY-MM-DD, today or later; absent: never expires
  bool read_only = false;
};
Result<CreatedApiToken> create_api_token(db::Connection& connection, const Actor& actor, std::string_view name,
                                         std::optional<std::int64_t> for_user, const ApiTokenLimits& limits = {});
Result<Page<ApiToken>> list_api_tokens(db::Connection& connection, const Actor& actor, const PageRequest& page);
Status revoke_api_token(db::Connection& connection, const Actor& actor, std::int64_t id);

// Failed logins, keyed on the client's real address (http/forwarded.hpp), with growing delays
// and never a lock (docs/adr/0003-security.md):
// - per (account, address) pair: 5 failures free, then each further attempt waits
//   2^(n-5) seconds after the previous one (n failures so far), at most 15 minutes; a success
//   from that pair forgets them. Someone who knows a user name can only slow their own
//   guesses: the user logs in from their own address as usual.
// - per address, across every user name: 30 failures free, then the same growing delay, for a
//   client guessing many accounts; it never slows another address.
// One failure is forgiven every 15 minutes (pair) and every 5 minutes (address), so that the
// occasional typo of an office behind one NAT never adds up, while a steady attacker settles at
// about one guess per 15 minutes per account and one per 5 minutes per address.
class LoginThrottle {
 public:
  static constexpr int kFreeAccountFailures = 5;
  static constexpr int kFreeAddressFailures = 30;
  static constexpr std::chrono::seconds kMaxDelay{15 * 60};
  static constexpr std::chrono::seconds kAccountForgiveness{15 * 60}, kAddressForgiveness{5 * 60};
  // Seconds to wait, or 0 when the attempt may go ahead (then counted as started, see
  // FailureBackoff::admit).
  int admit(std::string_view username, std::string_view address);
  // Seconds to wait, or 0, without counting anything.
  int retry_after(std::string_view username, std::string_view address);
  void record_failure(std::string_view username, std::string_view address);
  void record_success(std::string_view username, std::string_view address);

 private:
  FailureBackoff by_pair_{kFreeAccountFailures, kMaxDelay, kAccountForgiveness},
      by_address_{kFreeAddressFailures, kMaxDelay, kAddressForgiveness};
};

}  // namespace taawun::accounts
