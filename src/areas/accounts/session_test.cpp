// Logging in and out, sessions, CSRF, API tokens and the login rate limit.
#include <map>
#include <memory>
#include <thread>

#include "db/database.hpp"
#include "domain/drafts.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Sessions : public ApiTest {};

TEST_P(Sessions, LogInSetsASafeCookieAndMeAnswers) {
  Account account = create_account(admin(), "officer", {{"display_name", "Nadia Benali"}});
  Client client(server());
  auto reply = client.log_in(account.username);
  ASSERT_EQ(reply.status, 200) << reply.body;
  std::string cookie = reply.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_FALSE(reply.json()["csrf_token"].get<std::string>().empty());
  EXPECT_EQ(reply.json()["user"]["role"], "officer");

  auto me = client.get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["username"], account.username);
  EXPECT_EQ(me.json()["display_name"], "Nadia Benali");
  EXPECT_EQ(me.json()["csrf_token"], reply.json()["csrf_token"]);

  auto out = client.del("/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(client.get("/api/v1/me").status, 401);
}

TEST_P(Sessions, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  Account account = create_account(admin(), "viewer");
  Client client(server());
  auto wrong = client.log_in(account.username, "not the password");
  auto unknown = client.log_in(unique_name("nobody"), "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
  EXPECT_FALSE(client.cookie().has_value());
}

TEST_P(Sessions, CookieWritesNeedTheCsrfToken) {
  Client client = signed_in("officer");
  client.forget_csrf();
  auto refused = client.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Csrf ")}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["code"], "csrf_failed");
  auto wrong = client.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Csrf ")}},
                           {{"X-CSRF-Token", "forged"}});
  EXPECT_EQ(wrong.status, 403);
  // Reads need no token.
  EXPECT_EQ(client.get("/api/v1/organisations?limit=1").status, 200);
}

TEST_P(Sessions, ApiTokensWorkWithoutCsrfAndCanBeRevoked) {
  Account account = create_account(admin(), "officer");
  Client owner(server());
  ASSERT_EQ(owner.log_in(account.username).status, 200);
  auto created = owner.post("/api/v1/tokens", {{"name", "integration"}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string secret = created.json()["token"];
  Client integration(server());
  integration.use_token(secret);
  auto write = integration.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Par jeton ")}});
  EXPECT_EQ(write.status, 201) << write.body;
  auto listed = owner.get("/api/v1/tokens");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json()["total"], 1);
  EXPECT_FALSE(listed.json()["items"][0].contains("token")) << "a token is shown only once";
  EXPECT_EQ(owner.del("/api/v1/tokens/" + std::to_string(created.json()["id"].get<int>())).status, 204);
  EXPECT_EQ(integration.get("/api/v1/me").status, 401);
  Client forged(server());
  forged.use_token(secret + "x");
  EXPECT_EQ(forged.get("/api/v1/me").status, 401);
}

TEST_P(Sessions, RepeatedFailuresAreThrottledPerAccount) {
  Account account = create_account(admin(), "viewer");
  Client client(server());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.log_in(account.username, "wrong password").status, 401);
  auto throttled = client.log_in(account.username, kPassword);  // from this address, even the right password waits
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.json()["code"], "rate_limited");
  EXPECT_GT(std::stoi(throttled.header("retry-after")), 0);
  // Another account from the same address is not locked out by this one.
  Account other = create_account(admin(), "viewer");
  EXPECT_EQ(Client(server()).log_in(other.username).status, 200);
}

// This server trusts no proxy: a client cannot pick the address it is counted under.
TEST_P(Sessions, ForwardedHeadersFromAnUntrustedPeerAreIgnored) {
  std::string name = unique_name("nobody");
  for (int i = 0; i < 5; ++i) {
    auto failed = Client(server()).post("/api/v1/session", {{"username", name}, {"password", "wrong password"}},
                                        {{"X-Forwarded-For", "192.0.2." + std::to_string(i + 1)},
                                         {"Forwarded", "for=198.51.100." + std::to_string(i + 1)}});
    EXPECT_EQ(failed.status, 401) << failed.body;
  }
  auto refused = Client(server()).post("/api/v1/session", {{"username", name}, {"password", "wrong password"}},
                                       {{"X-Forwarded-For", "192.0.2.99"}, {"Forwarded", "for=198.51.100.99"}});
  EXPECT_EQ(refused.status, 429) << "five failures of one name from one peer, whatever the headers say";
}

TEST_P(Sessions, DisabledAccountsLoseTheirSessions) {
  Account account = create_account(admin(), "officer");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  std::string url = "/api/v1/users/" + std::to_string(account.id);
  auto version = admin().get(url).header("etag");
  ASSERT_EQ(admin().patch(url, {{"disabled", true}}, {{"If-Match", version}}).status, 200);
  EXPECT_EQ(client.get("/api/v1/me").status, 401);
  EXPECT_EQ(Client(server()).log_in(account.username).status, 401);
}

TEST_P(Sessions, UsersChangeTheirOwnPasswordAndLanguage) {
  Account account = create_account(admin(), "viewer");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  EXPECT_EQ(
      client.post("/api/v1/me/password", {{"current_password", "wrong one!!"}, {"new_password", "a new long password"}})
          .status,
      422);
  EXPECT_EQ(client.post("/api/v1/me/password", {{"current_password", kPassword}, {"new_password", "short"}}).status,
            422);
  EXPECT_EQ(
      client.post("/api/v1/me/password", {{"current_password", kPassword}, {"new_password", "a new long password"}})
          .status,
      204);
  EXPECT_EQ(Client(server()).log_in(account.username, "a new long password").status, 200);
  auto version = client.get("/api/v1/me").header("etag");
  auto language = client.patch("/api/v1/me", {{"language", "ar"}}, {{"If-Match", version}});
  ASSERT_EQ(language.status, 200) << language.body;
  EXPECT_EQ(language.json()["language"], "ar");
  version = language.header("etag");
  EXPECT_EQ(client.patch("/api/v1/me", {{"language", "de"}}, {{"If-Match", version}}).status, 422);
  EXPECT_EQ(client.patch("/api/v1/me", {{"role", "admin"}}, {{"If-Match", version}}).status, 422)
      << "no one raises their own role";
}

// The profile is a versioned record like any other: no lost update between two tabs.
TEST_P(Sessions, ProfileChangesNeedTheCurrentVersion) {
  Account account = create_account(admin(), "officer");
  Client client(server());
  ASSERT_EQ(client.log_in(account.username).status, 200);
  auto me = client.get("/api/v1/me");
  std::string read = me.header("etag");
  ASSERT_FALSE(read.empty());
  EXPECT_EQ(read, "\"" + std::to_string(me.json()["version"].get<std::int64_t>()) + "\"");
  auto missing = client.patch("/api/v1/me", {{"display_name", "Sans version"}});
  EXPECT_EQ(missing.status, 428) << missing.body;
  EXPECT_EQ(missing.json()["code"], "precondition_required");
  auto changed = client.patch("/api/v1/me", {{"display_name", "Premier onglet"}}, {{"If-Match", read}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_NE(changed.header("etag"), read);
  auto stale = client.patch("/api/v1/me", {{"display_name", "Second onglet"}}, {{"If-Match", read}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(stale.json()["code"], "precondition_failed");
  EXPECT_EQ(client.get("/api/v1/me").json()["display_name"], "Premier onglet");
  // An administrator's change to the account also moves the version the profile answers.
  std::string url = "/api/v1/users/" + std::to_string(account.id);
  ASSERT_EQ(admin().patch(url, {{"language", "en"}}, {{"If-Match", changed.header("etag")}}).status, 200);
  EXPECT_EQ(client.patch("/api/v1/me", {{"language", "ar"}}, {{"If-Match", changed.header("etag")}}).status, 412);
}

TEST_P(Sessions, ChangingOnesPasswordEndsOtherSessionsAndTokens) {
  Account account = create_account(admin(), "officer");
  Client here(server()), elsewhere(server());
  ASSERT_EQ(here.log_in(account.username).status, 200);
  ASSERT_EQ(elsewhere.log_in(account.username).status, 200);
  auto created = here.post("/api/v1/tokens", {{"name", "sync"}});
  ASSERT_EQ(created.status, 201) << created.body;
  Client integration(server());
  integration.use_token(created.json()["token"]);
  ASSERT_EQ(integration.get("/api/v1/me").status, 200);

  auto changed =
      here.post("/api/v1/me/password", {{"current_password", kPassword}, {"new_password", "a new long password"}});
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(here.get("/api/v1/me").status, 200) << "the session that changed it goes on";
  EXPECT_EQ(elsewhere.get("/api/v1/me").status, 401) << "another session ends";
  EXPECT_EQ(integration.get("/api/v1/me").status, 401) << "API tokens are revoked";
  EXPECT_EQ(here.get("/api/v1/tokens").json()["total"], 0);
  EXPECT_EQ(Client(server()).log_in(account.username, kPassword).status, 401);

  // An administrator's reset ends them all, the user's current session too.
  auto again = here.post("/api/v1/tokens", {{"name", "sync again"}});
  ASSERT_EQ(again.status, 201);
  integration.use_token(again.json()["token"]);
  ASSERT_EQ(integration.get("/api/v1/me").status, 200);
  ASSERT_EQ(admin()
                .post("/api/v1/users/" + std::to_string(account.id) + "/password", {{"password", "set by admin 1"}})
                .status,
            204);
  EXPECT_EQ(here.get("/api/v1/me").status, 401);
  EXPECT_EQ(integration.get("/api/v1/me").status, 401);
}

TEST_P(Sessions, TokensMayExpireAndExpiredOnesAuthenticateNobody) {
  Account account = create_account(admin(), "officer");
  Client owner(server());
  ASSERT_EQ(owner.log_in(account.username).status, 200);
  std::string today = today_iso_date();  // the server's notion of today
  auto past = owner.post("/api/v1/tokens", {{"name", "late"}, {"expires_on", "2020-01-01"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(past.field_errors(), std::vector<std::string>{"expires_on:out_of_range"}) << past.body;
  auto bad = owner.post("/api/v1/tokens", {{"name", "bad"}, {"expires_on", "2031-02-30"}});
  EXPECT_EQ(bad.field_errors(), std::vector<std::string>{"expires_on:invalid_date"}) << bad.body;

  auto created = owner.post("/api/v1/tokens", {{"name", "until today"}, {"expires_on", today}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["expires_on"], today);
  EXPECT_EQ(created.json()["read_only"], false);
  Client integration(server());
  integration.use_token(created.json()["token"]);
  EXPECT_EQ(integration.get("/api/v1/me").status, 200) << "a token works through its last day";
  auto listed = owner.get("/api/v1/tokens");
  EXPECT_EQ(listed.json()["items"][0]["expires_on"], today);

  // The days pass (the clock of the database is the only thing a test can move).
  auto connection = db::open(*db::parse_url(server().database_url()));
  connection->query("UPDATE api_tokens SET expires_on = ? WHERE id = ?",
                    db::Params(std::string("2020-01-01"), created.json()["id"].get<std::int64_t>()));
  auto expired = integration.get("/api/v1/me");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.json()["code"], "unauthenticated");
}

TEST_P(Sessions, ReadOnlyTokensOnlyRead) {
  Account account = create_account(admin(), "officer");
  Client owner(server());
  ASSERT_EQ(owner.log_in(account.username).status, 200);
  auto created = owner.post("/api/v1/tokens", {{"name", "dashboard"}, {"read_only", true}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["read_only"], true);
  EXPECT_EQ(created.json()["expires_on"], nullptr);
  Client dashboard(server());
  dashboard.use_token(created.json()["token"]);
  EXPECT_EQ(dashboard.get("/api/v1/me").status, 200);
  EXPECT_EQ(dashboard.get("/api/v1/organisations?limit=1").status, 200);
  auto write = dashboard.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Lecture seule ")}});
  EXPECT_EQ(write.status, 403) << write.body;
  EXPECT_EQ(write.json()["code"], "forbidden");
  EXPECT_EQ(dashboard.patch("/api/v1/me", {{"language", "en"}}, {{"If-Match", "\"1\""}}).status, 403);
  EXPECT_EQ(dashboard.del("/api/v1/tokens/" + std::to_string(created.json()["id"].get<std::int64_t>())).status, 403);
  EXPECT_EQ(owner.get("/api/v1/tokens").json()["items"][0]["read_only"], true);
}

// A leaked token must not outlive its revocation by minting others, nor take the account over.
TEST_P(Sessions, TokensNeverManageTokensSessionsOrPasswords) {
  Account account = create_account(admin(), "admin");
  Client owner(server());
  ASSERT_EQ(owner.log_in(account.username).status, 200);
  auto created = owner.post("/api/v1/tokens", {{"name", "full rights"}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = std::to_string(created.json()["id"].get<std::int64_t>());
  Client integration(server());
  integration.use_token(created.json()["token"]);
  EXPECT_EQ(integration.get("/api/v1/tokens").status, 200) << "reading is fine";
  auto minted = integration.post("/api/v1/tokens", {{"name", "another"}});
  EXPECT_EQ(minted.status, 403) << minted.body;
  EXPECT_EQ(minted.json()["code"], "forbidden");
  EXPECT_EQ(integration.del("/api/v1/tokens/" + id).status, 403);
  EXPECT_EQ(
      integration.post("/api/v1/me/password", {{"current_password", kPassword}, {"new_password", "taken over now"}})
          .status,
      403);
  Account victim = create_account(admin(), "viewer");
  EXPECT_EQ(
      integration.post("/api/v1/users/" + std::to_string(victim.id) + "/password", {{"password", "taken over now"}})
          .status,
      403);
  EXPECT_EQ(Client(server()).log_in(account.username).status, 200) << "the password did not change";
  EXPECT_EQ(Client(server()).log_in(victim.username).status, 200);
  EXPECT_EQ(integration.get("/api/v1/me").status, 200) << "and the token was not revoked through itself";
}

TAAWUN_ON_BOTH_DATABASES(Sessions);

// Behind a reverse proxy every request comes from its address: the server trusting it reads the
// client's address from X-Forwarded-For, and counts failures per client. One server per database
// for this suite, with `server.trusted_proxies = ["127.0.0.1"]`, whose throttles no other test
// touches.
class ProxiedSessions : public ApiTest {
 protected:
  static std::map<Backend, std::unique_ptr<Server>>& servers() {
    static std::map<Backend, std::unique_ptr<Server>> running;
    return running;
  }
  static void TearDownTestSuite() { servers().clear(); }

  Server& proxied() {
    auto& server = servers()[GetParam()];
    if (!server) {
      std::string config = work_file("proxied.toml", "[server]\ntrusted_proxies = [\"127.0.0.1\", \"::1\"]\n");
      server = std::make_unique<Server>(fresh_database_url(GetParam()), std::vector<std::string>{"--config", config});
    }
    return *server;
  }
  // A login by the client at `address`, as the proxy passes it on.
  Reply log_in_from(const std::string& address, const std::string& username, const std::string& password = kPassword) {
    return Client(proxied()).post("/api/v1/session", {{"username", username}, {"password", password}},
                                  {{"X-Forwarded-For", address}});
  }
};

// The incident: 30 failed logins with made-up names made the administrator's right password
// answer 429 for everyone behind the proxy.
TEST_P(ProxiedSessions, GuessingFromOneClientDoesNotSlowOthers) {
  for (int i = 0; i < 30; ++i)
    ASSERT_EQ(log_in_from("203.0.113.10", unique_name("guess"), "wrong password").status, 401) << i;
  auto slowed = log_in_from("203.0.113.10", unique_name("guess"), "wrong password");
  EXPECT_EQ(slowed.status, 429) << "30 failures across names from one client: that client waits";
  EXPECT_EQ(slowed.header("retry-after"), "1");
  auto admin = log_in_from("198.51.100.20", "admin");
  EXPECT_EQ(admin.status, 200) << admin.body;
  EXPECT_EQ(log_in_from("198.51.100.21", "admin", "wrong password").status, 401) << "not slowed either";
  // Through a chain of proxies, the first address our proxy did not add is the client.
  auto chained = Client(proxied()).post("/api/v1/session", {{"username", "admin"}, {"password", kPassword}},
                                        {{"X-Forwarded-For", "203.0.113.10, 198.51.100.22, 127.0.0.1"}});
  EXPECT_EQ(chained.status, 200) << "a client cannot claim to be the guesser (nor escape as someone else)";
}

TEST_P(ProxiedSessions, AKnownUserUnderAttackStillLogsInFromItsOwnAddress) {
  Client admin_client(proxied());
  ASSERT_EQ(admin_client.log_in("admin").status, 200);
  Account account = create_account(admin_client, "officer");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(log_in_from("203.0.113.30", account.username, "guess " + std::to_string(i)).status, 401);
  EXPECT_EQ(log_in_from("203.0.113.30", account.username).status, 429) << "the attacker waits, right password or not";
  EXPECT_EQ(log_in_from("198.51.100.31", account.username).status, 200) << "the user is never locked out";
  EXPECT_EQ(log_in_from("198.51.100.31", account.username).status, 200);
}

TEST_P(ProxiedSessions, DelaysGrowAndRetryAfterSaysHowLong) {
  std::string name = unique_name("target");
  const std::string address = "203.0.113.40";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(log_in_from(address, name, "wrong password").status, 401);
  for (std::string expected : {"1", "2"}) {
    auto waiting = log_in_from(address, name, "wrong password");
    ASSERT_EQ(waiting.status, 429) << waiting.body;
    EXPECT_EQ(waiting.header("retry-after"), expected);
    EXPECT_EQ(waiting.json()["code"], "rate_limited");
    std::this_thread::sleep_for(std::chrono::seconds(std::stoi(expected)) + std::chrono::milliseconds(150));
    EXPECT_EQ(log_in_from(address, name, "wrong password").status, 401) << "after the delay, one more try";
  }
  EXPECT_EQ(log_in_from(address, name, "wrong password").header("retry-after"), "4");
}

TEST_P(ProxiedSessions, CertificateCodesAreCountedPerClient) {
  Client guesser(proxied());
  for (int i = 0; i < 30; ++i)
    ASSERT_EQ(
        guesser.get("/api/v1/certificates/ABCD-EFGH-JK" + std::to_string(10 + i), {{"X-Forwarded-For", "203.0.113.50"}})
            .status,
        404);
  EXPECT_EQ(guesser.get("/api/v1/certificates/ABCD-EFGH-JKLM", {{"X-Forwarded-For", "203.0.113.50"}}).status, 429);
  EXPECT_EQ(Client(proxied()).get("/api/v1/certificates/ABCD-EFGH-JKLM", {{"X-Forwarded-For", "198.51.100.51"}}).status,
            404)
      << "another client behind the same proxy checks its code";
}

TEST_P(ProxiedSessions, CommandLineCreatesLimitedTokens) {
  std::string url = proxied().database_url();
  auto refused = taawun({"token", "create", "late", "--expires", "2020-01-01", "--database", url});
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("expires_on"), std::string::npos) << refused.output;
  auto created = taawun({"token", "create", "dashboard", "--read-only", "--expires", "2999-12-31", "--database", url});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  auto start = created.output.find("taawun_");
  ASSERT_NE(start, std::string::npos) << created.output;
  Client dashboard(proxied());
  dashboard.use_token(created.output.substr(start, created.output.find('\n', start) - start));
  EXPECT_EQ(dashboard.get("/api/v1/me").status, 200);
  EXPECT_EQ(dashboard.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Non ")}}).status, 403);
  Client admin_client(proxied());
  ASSERT_EQ(admin_client.log_in("admin").status, 200);
  bool found = false;
  auto tokens = admin_client.get("/api/v1/tokens");
  for (const auto& token : tokens.json()["items"])
    if (token["name"] == "dashboard") {
      found = true;
      EXPECT_EQ(token["read_only"], true);
      EXPECT_EQ(token["expires_on"], "2999-12-31");
    }
  EXPECT_TRUE(found);
}

TAAWUN_ON_BOTH_DATABASES(ProxiedSessions);

}  // namespace
}  // namespace taawun::testing
