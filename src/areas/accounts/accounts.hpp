#pragma once
// Users, their roles and scopes, sessions and API tokens.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "core/spreadsheet.hpp"
#include "core/throttle.hpp"
#include "db/database.hpp"
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
  bool totp_enabled = false;  // signs in with a second factor (TOTP)
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

// OWASP ASVS 4.0 V2.1: at least 12 characters, at most 128, no composition rules, and not one
// of the common passwords shipped with the binary (reference/common-passwords.txt).
inline constexpr std::size_t kMinimumPasswordLength = 12;
inline constexpr std::size_t kMaximumPasswordLength = 128;
// Sign-in still reads passwords set before the limit went down to 128.
inline constexpr std::size_t kLongestStoredPassword = 200;
// Whether `password` is in the list of common passwords (compared without case).
bool is_common_password(std::string_view password);
inline constexpr auto kSessionLifetime = std::chrono::hours(12);

// --- access (one place): only administrators manage accounts ---
bool can_manage_users(const Actor& actor);
// Every signed-in user may hold API tokens of their own (listed, created, revoked by them);
// managing anyone's is can_manage_users.
bool can_hold_api_tokens(const Actor& actor);

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
// unauthenticated for a wrong name or password or a disabled account (the same answer for all,
// detail wrong_credentials). An account with TOTP also needs `second_factor`, a current code or
// an unused recovery code: without it, unauthenticated with detail totp_required (the password
// was right); with a wrong, replayed or used one, detail wrong_totp (audited as totp_failed).
Result<Session> log_in(db::Connection& connection, std::string_view username, std::string_view password,
                       std::optional<std::string_view> second_factor = std::nullopt, std::string_view user_agent = {});
void log_out(db::Connection& connection, std::string_view token);

struct Authenticated {
  Actor actor;
  std::optional<std::string> csrf_token;     // set for cookie sessions, which must send it on writes
  std::optional<std::int64_t> api_token_id;  // set when authenticated by an API token
  bool read_only = false;                    // an API token limited to reading (GET and HEAD)
  bool totp_enabled = false;                 // the user signs in with a second factor

  bool by_api_token() const { return api_token_id.has_value(); }
};
// Credentials (API tokens, passwords) are managed by someone signed in with their password, never
// through an API token: a leaked token must not mint more tokens or take the account over by
// changing its password. forbidden (detail needs_password_session) for a token.
Status check_credentials_session(const Authenticated& authenticated);
std::optional<Authenticated> authenticate_session(db::Connection& connection, std::string_view token);
// A revoked or expired token (past its expires_on day in the agency's calendar) or a disabled owner: nobody.
std::optional<Authenticated> authenticate_api_token(db::Connection& connection, std::string_view token);

// --- two-factor sign-in (TOTP, RFC 6238; docs/adr/0012-two-factor.md) ---
// Whose sessions must have a second factor (accounts.require_totp): until they enrol, their
// session may only read GET /me, enrol and sign out (403 totp_enrolment_required otherwise).
// API tokens stay single-factor: an administrator creates them with the command line.
enum class TotpRequirement { admin_finance, all, none };
std::optional<TotpRequirement> parse_totp_requirement(std::string_view name);
bool totp_required(TotpRequirement requirement, Role role);
// A cookie session of a user who must enrol and has not.
bool must_enrol_totp(const Authenticated& authenticated, TotpRequirement requirement);

inline constexpr std::string_view kTotpIssuer = "Taawun";
inline constexpr int kRecoveryCodeCount = 10;
struct TotpEnrolment {
  std::string secret;  // base32, shown once
  std::string uri;     // otpauth://
  std::string qr_svg;  // the URI as a QR code
};
// A fresh secret, kept until confirmed; a new start replaces an unconfirmed one. conflict (detail
// totp_already_enabled) when the user already has TOTP: turn it off first.
Result<TotpEnrolment> start_totp_enrolment(db::Connection& connection, const Actor& actor);
// Turns TOTP on when `code` is the started secret's current code; answers the recovery codes,
// given once (only their digests are kept).
Result<std::vector<std::string>> confirm_totp_enrolment(db::Connection& connection, const Actor& actor,
                                                        std::string_view code);
// Needs a current code, an unused recovery code or the password (argon2id: off the I/O threads).
Status turn_off_totp(db::Connection& connection, const Actor& actor, std::optional<std::string_view> code,
                     std::optional<std::string_view> password);

// Inside the caller's write transaction: accepts a current TOTP code once (none of its step or
// an earlier one again) or an unused recovery code, marking it used; none when neither.
enum class SecondFactor { totp_code, recovery_code };
std::optional<SecondFactor> use_second_factor(db::Connection& connection, std::int64_t user_id, std::string_view code);

// --- one's own sessions ---
struct SessionSummary {
  std::int64_t id = 0;
  std::string created_at;
  std::optional<std::string> last_used_at;  // to the minute
  std::string device;                       // the browser and system, from the User-Agent
  bool current = false;                     // the session asking
};
// A User-Agent in a few words ("Firefox, Windows"); the start of it when unknown.
std::string device_name(std::string_view user_agent);
Result<std::vector<SessionSummary>> list_own_sessions(db::Connection& connection, const Actor& actor,
                                                      std::optional<std::string_view> current_token);
// not_found for a session of someone else.
Status end_own_session(db::Connection& connection, const Actor& actor, std::int64_t id);
// Administrators end every session of a user (a lost laptop); audited.
Status end_user_sessions(db::Connection& connection, const Actor& actor, std::int64_t user_id);

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
