// Logging in and out, sessions, CSRF, API tokens and the login rate limit.
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
  auto throttled = client.log_in(account.username, kPassword);  // even the right password waits
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.json()["code"], "rate_limited");
  EXPECT_GT(std::stoi(throttled.header("retry-after")), 0);
  // Another account from the same address is not locked out by this one.
  Account other = create_account(admin(), "viewer");
  EXPECT_EQ(Client(server()).log_in(other.username).status, 200);
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
  auto language = client.patch("/api/v1/me", {{"language", "ar"}});
  ASSERT_EQ(language.status, 200) << language.body;
  EXPECT_EQ(language.json()["language"], "ar");
  EXPECT_EQ(client.patch("/api/v1/me", {{"language", "de"}}).status, 422);
  EXPECT_EQ(client.patch("/api/v1/me", {{"role", "admin"}}).status, 422) << "no one raises their own role";
}

TAAWUN_ON_BOTH_DATABASES(Sessions);

}  // namespace
}  // namespace taawun::testing
