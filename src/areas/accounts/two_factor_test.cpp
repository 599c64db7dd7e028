// Two-factor sign-in (TOTP), recovery codes, the requirement for administrators and finance
// officers, one's own sessions and the password policy (docs/adr/0012-two-factor.md).
#include <chrono>
#include <memory>
#include <thread>

#include "core/totp.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Waits while the clock is within two seconds of a step's end, so that a code computed here is
// still of the same step when the server checks it.
void away_from_step_end() {
  while (unix_now() % totp::kStepSeconds >= totp::kStepSeconds - 2)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
}

// The code of the step `offset` steps from now (the server accepts -1, 0 and +1).
std::string code(const std::string& secret_base32, int offset = 0) {
  return totp::code_at(*totp::base32_decode(secret_base32), unix_now() + offset * totp::kStepSeconds);
}

// A cookie session opened by hand (the test client's log_in sends no second factor).
struct CookieSession {
  Client client;
  std::string cookie, csrf;
  std::map<std::string, std::string> headers(bool write = false) const {
    std::map<std::string, std::string> out{{"Cookie", "taawun_session=" + cookie}};
    if (write) out["X-CSRF-Token"] = csrf;
    return out;
  }
  Reply get(const std::string& target) { return client.get(target, headers()); }
  Reply post(const std::string& target, const json& body) { return client.post(target, body, headers(true)); }
  Reply del(const std::string& target) { return client.del(target, headers(true)); }
};

Reply sign_in(unsigned short port, const std::string& username, const std::optional<std::string>& second_factor,
              std::unique_ptr<CookieSession>* session = nullptr, const std::string& password = kPassword) {
  Client client(port);
  json body = {{"username", username}, {"password", password}};
  if (second_factor) body["totp"] = *second_factor;
  Reply reply = client.post("/api/v1/session", body, {{"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}});
  if (reply.status == 200 && session) {
    std::string set_cookie = reply.header("set-cookie");
    auto start = set_cookie.find("taawun_session=") + std::string("taawun_session=").size();
    *session = std::make_unique<CookieSession>(
        CookieSession{Client(port), set_cookie.substr(start, set_cookie.find(';', start) - start),
                      reply.json()["csrf_token"].get<std::string>()});
  }
  return reply;
}

struct Enrolled {
  std::string secret;
  std::vector<std::string> recovery_codes;
};

// Enrols the signed-in client's account, confirming with the previous step's code (so that the
// current and next steps are left for signing in).
Enrolled enrol(Client& client) {
  auto started = client.post("/api/v1/me/totp", json::object());
  EXPECT_EQ(started.status, 200) << started.body;
  Enrolled enrolled{started.json()["secret"], {}};
  away_from_step_end();
  auto confirmed = client.post("/api/v1/me/totp/confirm", {{"code", code(enrolled.secret, -1)}});
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  for (const auto& recovery : confirmed.json()["recovery_codes"]) enrolled.recovery_codes.push_back(recovery);
  return enrolled;
}

class TwoFactor : public ApiTest {};

TEST_P(TwoFactor, EnrolmentThenSignInWithACodeUsedOnce) {
  Account account = create_account(admin(), "officer");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  EXPECT_EQ(client.get("/api/v1/me").json()["totp_enabled"], false);

  auto started = client.post("/api/v1/me/totp", json::object());
  ASSERT_EQ(started.status, 200) << started.body;
  std::string secret = started.json()["secret"];
  EXPECT_EQ(totp::base32_decode(secret)->size(), totp::kSecretBytes);
  EXPECT_EQ(started.json()["uri"], "otpauth://totp/Taawun:" + account.username + "?secret=" + secret +
                                       "&issuer=Taawun&algorithm=SHA1&digits=6&period=30");
  EXPECT_TRUE(started.json()["qr_svg"].get<std::string>().starts_with("<svg"));
  EXPECT_EQ(started.header("cache-control"), "no-store");

  auto wrong = client.post("/api/v1/me/totp/confirm", {{"code", "000000"}});
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(wrong.field_errors(), std::vector<std::string>{"code:wrong_code"});

  away_from_step_end();
  auto confirmed = client.post("/api/v1/me/totp/confirm", {{"code", code(secret, -1)}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  ASSERT_EQ(confirmed.json()["recovery_codes"].size(), 10u);
  EXPECT_EQ(client.get("/api/v1/me").json()["totp_enabled"], true);
  EXPECT_EQ(client.post("/api/v1/me/totp", json::object()).status, 409) << "turn it off before enrolling again";

  // The password alone: a clear "second factor needed", and no session.
  auto needs = sign_in(server().port(), account.username, std::nullopt);
  EXPECT_EQ(needs.status, 401);
  EXPECT_EQ(needs.json()["code"], "totp_required") << needs.body;
  EXPECT_TRUE(needs.header("set-cookie").empty());
  // A wrong password with a right code is still a wrong password.
  std::unique_ptr<CookieSession> session;
  EXPECT_EQ(sign_in(server().port(), account.username, code(secret), nullptr, "not the password").json()["code"],
            "unauthenticated");

  away_from_step_end();
  std::string current = code(secret);
  auto signed_in = sign_in(server().port(), account.username, current, &session);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_EQ(session->get("/api/v1/me").status, 200);
  // The same code again, or the spent step before it: refused.
  auto replayed = sign_in(server().port(), account.username, current);
  EXPECT_EQ(replayed.status, 401);
  EXPECT_EQ(replayed.json()["code"], "unauthenticated");
  EXPECT_EQ(sign_in(server().port(), account.username, code(secret, -1)).status, 401);

  // The refusals are in the audit trail, on the account.
  auto audit =
      admin().get("/api/v1/audit?record_kind=user&record_id=" + std::to_string(account.id) + "&action=totp_failed");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_GE(audit.json()["total"].get<int>(), 2);
}

TEST_P(TwoFactor, EachRecoveryCodeWorksOnce) {
  Account account = create_account(admin(), "manager");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  Enrolled enrolled = enrol(client);
  ASSERT_EQ(enrolled.recovery_codes.size(), 10u);
  EXPECT_EQ(enrolled.recovery_codes[0].size(), 11u) << "XXXXX-XXXXX";

  EXPECT_EQ(sign_in(server().port(), account.username, enrolled.recovery_codes[0]).status, 200);
  EXPECT_EQ(sign_in(server().port(), account.username, enrolled.recovery_codes[0]).status, 401) << "used already";
  // Typed without the hyphen and in lower case: still the code.
  std::string typed = enrolled.recovery_codes[1];
  typed.erase(5, 1);
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(sign_in(server().port(), account.username, typed).status, 200);
  auto audit = admin().get("/api/v1/audit?record_kind=user&record_id=" + std::to_string(account.id) +
                           "&action=recovery_code_used");
  EXPECT_EQ(audit.json()["total"], 2);
}

TEST_P(TwoFactor, WrongCodesAreThrottledLikePasswords) {
  Account account = create_account(admin(), "officer");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  Enrolled enrolled = enrol(client);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(sign_in(server().port(), account.username, "000000").status, 401) << "failure " << i + 1;
  auto throttled = sign_in(server().port(), account.username, code(enrolled.secret));
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_FALSE(throttled.header("retry-after").empty());
}

TEST_P(TwoFactor, TurningOffNeedsTheCodeOrThePassword) {
  Account account = create_account(admin(), "officer");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  Enrolled enrolled = enrol(client);
  auto csrf = client.get("/api/v1/me").json()["csrf_token"].get<std::string>();
  auto refused = client.send("DELETE", "/api/v1/me/totp", json{{"password", "not the password"}}.dump(),
                             {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.field_errors(), std::vector<std::string>{"password:wrong_password"});
  auto off = client.send("DELETE", "/api/v1/me/totp", json{{"password", kPassword}}.dump(),
                         {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(off.status, 204) << off.body;
  EXPECT_EQ(client.get("/api/v1/me").json()["totp_enabled"], false);
  EXPECT_EQ(sign_in(server().port(), account.username, std::nullopt).status, 200) << "the password alone again";

  // With a code instead of the password.
  Enrolled again = enrol(client);
  away_from_step_end();
  auto by_code = client.send("DELETE", "/api/v1/me/totp", json{{"code", code(again.secret)}}.dump(),
                             {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(by_code.status, 204) << by_code.body;
}

TEST_P(TwoFactor, OwnSessionsAreListedAndEnded) {
  Account account = create_account(admin(), "viewer");
  std::unique_ptr<CookieSession> laptop, phone;
  ASSERT_EQ(sign_in(server().port(), account.username, std::nullopt, &laptop).status, 200);
  ASSERT_EQ(sign_in(server().port(), account.username, std::nullopt, &phone).status, 200);
  auto listed = laptop->get("/api/v1/me/sessions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["total"], 2);
  const auto& newest = listed.json()["items"][0];
  const auto& oldest = listed.json()["items"][1];
  EXPECT_EQ(newest["current"], false);
  EXPECT_EQ(oldest["current"], true) << "the laptop signed in first";
  EXPECT_EQ(newest["device"], "Firefox, Linux");
  EXPECT_FALSE(newest["created_at"].get<std::string>().empty());
  EXPECT_FALSE(newest.contains("token_digest"));

  // Someone else's session is not found.
  Client stranger = signed_in("viewer");
  EXPECT_EQ(stranger.del("/api/v1/me/sessions/" + std::to_string(newest["id"].get<std::int64_t>())).status, 404);

  EXPECT_EQ(laptop->del("/api/v1/me/sessions/" + std::to_string(newest["id"].get<std::int64_t>())).status, 204);
  EXPECT_EQ(phone->get("/api/v1/me").status, 401);
  EXPECT_EQ(laptop->get("/api/v1/me").status, 200);
  EXPECT_EQ(laptop->get("/api/v1/me/sessions").json()["total"], 1);
}

TEST_P(TwoFactor, AnAdministratorEndsEveryOneOfAUsersSessions) {
  Account account = create_account(admin(), "officer");
  Client first(server()), second(server());
  ASSERT_EQ(first.log_in(account.username).status, 200);
  ASSERT_EQ(second.log_in(account.username).status, 200);
  EXPECT_EQ(first.del("/api/v1/users/" + std::to_string(account.id) + "/sessions").status, 403);
  EXPECT_EQ(admin().del("/api/v1/users/" + std::to_string(account.id) + "/sessions").status, 204);
  EXPECT_EQ(first.get("/api/v1/me").status, 401);
  EXPECT_EQ(second.get("/api/v1/me").status, 401);
  EXPECT_EQ(admin().del("/api/v1/users/999999999/sessions").status, 404);
  auto audit =
      admin().get("/api/v1/audit?record_kind=user&record_id=" + std::to_string(account.id) + "&action=end_sessions");
  EXPECT_EQ(audit.json()["total"], 1);
}

TEST_P(TwoFactor, PasswordPolicy) {
  auto create = [&](const std::string& password) {
    return admin().post("/api/v1/users",
                        {{"username", unique_name("policy")}, {"role", "viewer"}, {"password", password}});
  };
  EXPECT_EQ(create("eleven char").field_errors(), std::vector<std::string>{"password:too_short"});
  EXPECT_EQ(create(std::string(129, 'x')).field_errors(), std::vector<std::string>{"password:too_long"});
  EXPECT_EQ(create("Password1234").field_errors(), std::vector<std::string>{"password:common_password"});
  EXPECT_EQ(create("qwertyuiopasdfgh").field_errors(), std::vector<std::string>{"password:common_password"});
  // No composition rules: twelve lower-case letters and spaces are fine.
  EXPECT_EQ(create("twelve chars").status, 201);
  EXPECT_EQ(create(std::string(128, 'x')).status, 201);
}

TAAWUN_ON_BOTH_DATABASES(TwoFactor);

// Administrators and finance officers must enrol before anything else; on a server of its own,
// since the shared ones start with --require-totp none.
class TwoFactorRequirement : public ApiTest {};

TEST_P(TwoFactorRequirement, AdminAndFinanceEnrolBeforeAnythingElse) {
  Server own(fresh_database_url(GetParam()), {"--require-totp", "admin_finance"});
  for (const char* role : {"finance", "officer"}) {
    auto added = taawun(
        {"user", "add", std::string(role) + "1", "--role", role, "--password-stdin", "--database", own.database_url()},
        std::string(kPassword) + "\n");
    ASSERT_EQ(added.exit_code, 0) << added.output;
  }
  auto token = taawun({"token", "create", "integration", "--user", "admin", "--database", own.database_url()});
  ASSERT_EQ(token.exit_code, 0) << token.output;

  for (const char* name : {"admin", "finance1"}) {
    Client client(own);
    auto signed_in = client.log_in(name);
    ASSERT_EQ(signed_in.status, 200) << "signing in works: the enrolment screen follows";
    EXPECT_EQ(signed_in.json()["totp_enrolment_required"], true);
    auto me = client.get("/api/v1/me");
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(me.json()["totp_enrolment_required"], true);
    auto refused = client.get("/api/v1/organisations");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.json()["code"], "totp_enrolment_required") << refused.body;
    EXPECT_EQ(client.get("/api/v1/me/sessions").status, 403);
    enrol(client);
    EXPECT_EQ(client.get("/api/v1/organisations").status, 200) << "enrolled: everything the role may";
    EXPECT_EQ(client.get("/api/v1/me").json()["totp_enrolment_required"], false);
  }
  // Other roles are not asked.
  Client officer(own);
  EXPECT_EQ(officer.log_in("officer1").json()["totp_enrolment_required"], false);
  EXPECT_EQ(officer.get("/api/v1/organisations").status, 200);
  // API tokens stay single-factor.
  auto begins = token.output.find("taawun_");
  ASSERT_NE(begins, std::string::npos) << token.output;
  std::string secret = token.output.substr(begins, token.output.find('\n', begins) - begins);
  Client integration(own);
  integration.use_token(secret);
  EXPECT_EQ(integration.get("/api/v1/organisations").status, 200) << token.output;
  // Signing out is always possible.
  Client leaving(own);
  ASSERT_EQ(leaving.log_in("finance1").status, 401) << "finance1 now has TOTP";
}

TEST_P(TwoFactorRequirement, EveryoneWithAll) {
  Server own(fresh_database_url(GetParam()), {"--require-totp", "all"});
  auto added =
      taawun({"user", "add", "viewer1", "--role", "viewer", "--password-stdin", "--database", own.database_url()},
             std::string(kPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  Client viewer(own);
  ASSERT_EQ(viewer.log_in("viewer1").status, 200);
  EXPECT_EQ(viewer.get("/api/v1/organisations").json()["code"], "totp_enrolment_required");
  EXPECT_EQ(viewer.del("/api/v1/session").status, 204) << "signing out needs no enrolment";
}

TAAWUN_ON_BOTH_DATABASES(TwoFactorRequirement);

}  // namespace
}  // namespace taawun::testing
