// Two-factor sign-in (TOTP, RFC 6238), recovery codes, one's own sessions and the common-password
// check of the password policy (docs/adr/0012-two-factor.md).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <unordered_set>

#include "areas/accounts/accounts.hpp"
#include "areas/audit/audit.hpp"
#include "core/clock.hpp"
#include "core/embedded.hpp"
#include "core/secrets.hpp"
#include "core/totp.hpp"

namespace taawun::accounts {
namespace {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Recovery codes: 10 characters of an alphabet without look-alikes (50 bits), shown as XXXXX-XXXXX.
constexpr std::string_view kRecoveryAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

std::string normalised_recovery_code(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_totp_code(std::string_view code) {
  return code.size() == static_cast<std::size_t>(totp::kDigits) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct TotpState {
  std::optional<std::string> secret;  // raw bytes
  bool enabled = false;
};

TotpState totp_state(db::Connection& connection, std::int64_t user_id) {
  auto rows = connection.query("SELECT totp_secret, totp_enabled FROM users WHERE id = ?", db::Params(user_id));
  TotpState state;
  if (rows.empty()) return state;
  if (auto encoded = rows.front().optional_text(0)) state.secret = totp::base32_decode(*encoded);
  state.enabled = rows.front().flag(1);
  return state;
}

}  // namespace

// --- the password policy's list ---

bool is_common_password(std::string_view password) {
  static const std::unordered_set<std::string> kCommon = [] {
    std::unordered_set<std::string> words;
    auto content = embedded::find("reference/common-passwords.csv");
    if (!content) return words;
    std::size_t start = 0;
    bool header = true;
    while (start < content->size()) {
      auto end = content->find('\n', start);
      if (end == std::string_view::npos) end = content->size();
      std::string line(content->substr(start, end - start));
      start = end + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (header) {  // the column's name
        header = false;
        continue;
      }
      if (!line.empty()) words.insert(line);
    }
    return words;
  }();
  std::string lowered(password);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return kCommon.contains(lowered);
}

// --- the requirement ---

std::optional<TotpRequirement> parse_totp_requirement(std::string_view name) {
  if (name == "admin_finance") return TotpRequirement::admin_finance;
  if (name == "all") return TotpRequirement::all;
  if (name == "none") return TotpRequirement::none;
  return std::nullopt;
}

bool totp_required(TotpRequirement requirement, Role role) {
  switch (requirement) {
    case TotpRequirement::all:
      return true;
    case TotpRequirement::none:
      return false;
    case TotpRequirement::admin_finance:
      return role == Role::admin || role == Role::finance;
  }
  return false;
}

bool must_enrol_totp(const Authenticated& authenticated, TotpRequirement requirement) {
  // Only cookie sessions: API tokens are single-factor by design (created by an administrator).
  return authenticated.csrf_token && !authenticated.by_api_token() && !authenticated.totp_enabled &&
         totp_required(requirement, authenticated.actor.role);
}

// --- enrolment ---

Result<TotpEnrolment> start_totp_enrolment(db::Connection& connection, const Actor& actor) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  db::Transaction transaction(connection, db::TransactionKind::write);
  if (totp_state(connection, *actor.user_id).enabled) return Error::of(ErrorCode::conflict, "totp_already_enabled");
  TotpEnrolment enrolment;
  enrolment.secret = totp::base32_encode(totp::random_secret());
  enrolment.uri = totp::otpauth_uri(kTotpIssuer, actor.username, enrolment.secret);
  enrolment.qr_svg = totp::qr_svg(enrolment.uri);
  connection.query("UPDATE users SET totp_secret = ?, totp_last_step = 0 WHERE id = ?",
                   db::Params(enrolment.secret, *actor.user_id));
  transaction.commit();
  return enrolment;
}

Result<std::vector<std::string>> confirm_totp_enrolment(db::Connection& connection, const Actor& actor,
                                                        std::string_view code) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto state = totp_state(connection, *actor.user_id);
  if (state.enabled) return Error::of(ErrorCode::conflict, "totp_already_enabled");
  if (!state.secret) return Error::of(ErrorCode::conflict, "totp_not_started");
  auto step = totp::matching_step(*state.secret, code, unix_now());
  if (!step) return Error::validation({{"code", "wrong_code"}});
  connection.query(
      "UPDATE users SET totp_enabled = 1, totp_last_step = ?, version = version + 1, updated_at = ? "
      "WHERE id = ?",
      db::Params(*step, clock::now_iso8601(), *actor.user_id));
  connection.query("DELETE FROM recovery_codes WHERE user_id = ?", db::Params(*actor.user_id));
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    std::string raw = secrets::random_characters(kRecoveryAlphabet, 10);
    connection.query("INSERT INTO recovery_codes (user_id, code_digest) VALUES (?, ?)",
                     db::Params(*actor.user_id, secrets::token_digest(raw)));
    codes.push_back(raw.substr(0, 5) + "-" + raw.substr(5));
  }
  audit::record(connection, actor, "totp_enabled", "user", std::to_string(*actor.user_id), std::nullopt, std::nullopt);
  transaction.commit();
  return codes;
}

std::optional<SecondFactor> use_second_factor(db::Connection& connection, std::int64_t user_id, std::string_view code) {
  std::string trimmed;
  for (char c : code)
    if (c != ' ') trimmed += c;
  if (is_totp_code(trimmed)) {
    auto state = totp_state(connection, user_id);
    if (!state.enabled || !state.secret) return std::nullopt;
    auto step = totp::matching_step(*state.secret, trimmed, unix_now());
    if (!step) return std::nullopt;
    // A code is accepted once: its step, and every earlier one, are spent (RFC 6238 section 5.2).
    auto changed = connection.query("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                                    db::Params(*step, user_id, *step));
    if (changed.affected == 0) return std::nullopt;
    return SecondFactor::totp_code;
  }
  auto normalised = normalised_recovery_code(trimmed);
  if (normalised.size() != 10) return std::nullopt;
  auto changed = connection.query(
      "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_digest = ? AND used_at IS NULL",
      db::Params(clock::now_iso8601(), user_id, secrets::token_digest(normalised)));
  if (changed.affected == 0) return std::nullopt;
  return SecondFactor::recovery_code;
}

Status turn_off_totp(db::Connection& connection, const Actor& actor, std::optional<std::string_view> code,
                     std::optional<std::string_view> password) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  if (!code && !password) return Error::validation({{"code", "required"}});
  bool password_ok = false;
  if (password) {
    auto rows = connection.query("SELECT password_hash FROM users WHERE id = ?", db::Params(*actor.user_id));
    if (rows.empty()) return Error::of(ErrorCode::unauthenticated);
    password_ok = secrets::verify_password(rows.front().text(0), *password);  // argon2id, before the transaction
  }
  db::Transaction transaction(connection, db::TransactionKind::write);
  if (!totp_state(connection, *actor.user_id).enabled) return Error::of(ErrorCode::conflict, "totp_not_enabled");
  bool proved = password_ok || (code && use_second_factor(connection, *actor.user_id, *code));
  if (!proved) {
    audit::record(connection, actor, "totp_failed", "user", std::to_string(*actor.user_id), std::nullopt, std::nullopt);
    transaction.commit();
    return Error::validation({{password ? "password" : "code", password ? "wrong_password" : "wrong_code"}});
  }
  connection.query(
      "UPDATE users SET totp_enabled = 0, totp_secret = NULL, totp_last_step = 0, version = version + 1, "
      "updated_at = ? WHERE id = ?",
      db::Params(clock::now_iso8601(), *actor.user_id));
  connection.query("DELETE FROM recovery_codes WHERE user_id = ?", db::Params(*actor.user_id));
  audit::record(connection, actor, "totp_disabled", "user", std::to_string(*actor.user_id), std::nullopt, std::nullopt);
  transaction.commit();
  return ok_status();
}

// --- sessions ---

std::string device_name(std::string_view agent) {
  auto has = [&](std::string_view word) { return agent.find(word) != std::string_view::npos; };
  std::string browser;
  if (has("Edg/"))
    browser = "Edge";
  else if (has("OPR/"))
    browser = "Opera";
  else if (has("Firefox/"))
    browser = "Firefox";
  else if (has("Chromium/"))
    browser = "Chromium";
  else if (has("Chrome/"))
    browser = "Chrome";
  else if (has("Safari/"))
    browser = "Safari";
  std::string system;
  if (has("Android"))
    system = "Android";
  else if (has("iPhone") || has("iPad"))
    system = "iOS";
  else if (has("Windows"))
    system = "Windows";
  else if (has("Mac OS X") || has("Macintosh"))
    system = "macOS";
  else if (has("CrOS"))
    system = "ChromeOS";
  else if (has("Linux"))
    system = "Linux";
  if (!browser.empty() && !system.empty()) return browser + ", " + system;
  if (!browser.empty() || !system.empty()) return browser + system;
  // Unknown (a script, curl): the first words, cut on a character boundary.
  std::string start(agent.substr(0, std::min<std::size_t>(agent.size(), 40)));
  while (!start.empty() && (static_cast<unsigned char>(start.back()) & 0xC0) == 0x80) start.pop_back();
  if (!start.empty() && static_cast<unsigned char>(start.back()) >= 0xC0) start.pop_back();
  return start;
}

Result<std::vector<SessionSummary>> list_own_sessions(db::Connection& connection, const Actor& actor,
                                                      std::optional<std::string_view> current_token) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  std::string current = current_token ? secrets::token_digest(*current_token) : std::string();
  auto rows = connection.query(
      "SELECT id, created_at, last_used_at, user_agent, token_digest FROM sessions WHERE user_id = ? AND expires_at > "
      "? "
      "ORDER BY id DESC",
      db::Params(*actor.user_id, clock::now_iso8601()));
  std::vector<SessionSummary> sessions;
  for (const auto& row : rows.rows)
    sessions.push_back(SessionSummary{row.integer(0), row.text(1), row.optional_text(2),
                                      device_name(row.optional_text(3).value_or("")),
                                      !current.empty() && row.text(4) == current});
  return sessions;
}

Status end_own_session(db::Connection& connection, const Actor& actor, std::int64_t id) {
  if (!actor.user_id) return Error::of(ErrorCode::unauthenticated);
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto changed = connection.query("DELETE FROM sessions WHERE id = ? AND user_id = ?", db::Params(id, *actor.user_id));
  if (changed.affected == 0) return Error::of(ErrorCode::not_found);
  audit::record(connection, actor, "end_session", "user", std::to_string(*actor.user_id), std::nullopt,
                fmt::format("{{\"session\":{}}}", id));
  transaction.commit();
  return ok_status();
}

Status end_user_sessions(db::Connection& connection, const Actor& actor, std::int64_t user_id) {
  if (!can_manage_users(actor)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  if (connection.query("SELECT 1 FROM users WHERE id = ?", db::Params(user_id)).empty())
    return Error::of(ErrorCode::not_found);
  auto ended = connection.query("DELETE FROM sessions WHERE user_id = ?", db::Params(user_id));
  audit::record(connection, actor, "end_sessions", "user", std::to_string(user_id), std::nullopt,
                fmt::format("{{\"sessions\":{}}}", ended.affected));
  transaction.commit();
  return ok_status();
}

}  // namespace taawun::accounts
