// Account administration: only admins manage accounts; roles and scopes are validated.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Users : public ApiTest {};

TEST_P(Users, AdminsCreateListAndUpdateAccounts) {
  std::string name = unique_name("focal");
  auto created = admin().post("/api/v1/users", {{"username", name},
                                                {"display_name", "Point focal Mali"},
                                                {"role", "partner"},
                                                {"countries", {"ML"}},
                                                {"password", kPassword}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["countries"], json::array({"ML"}));
  EXPECT_FALSE(created.json().contains("password"));
  EXPECT_FALSE(created.json().contains("password_hash"));
  auto listed = admin().get("/api/v1/users?q=" + name);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json()["total"], 1);
  std::string url = "/api/v1/users/" + std::to_string(created.json()["id"].get<int>());
  auto updated = admin().patch(url, {{"countries", {"ML", "SN"}}}, {{"If-Match", admin().get(url).header("etag")}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["countries"].size(), 2u);
  EXPECT_EQ(admin().post(url + "/password", {{"password", "reset by admin 1"}}).status, 204);
  EXPECT_EQ(Client(server()).log_in(name, "reset by admin 1").status, 200);
}

TEST_P(Users, RolesAndScopesAreValidated) {
  auto bad = admin().post("/api/v1/users", {{"username", "x y"}, {"role", "emperor"}, {"password", "short"}});
  ASSERT_EQ(bad.status, 422);
  auto errors = bad.field_errors();
  EXPECT_NE(std::find(errors.begin(), errors.end(), "role:invalid_choice"), errors.end()) << bad.body;
  EXPECT_NE(std::find(errors.begin(), errors.end(), "password:too_short"), errors.end()) << bad.body;
  auto partner_without_country =
      admin().post("/api/v1/users", {{"username", unique_name("p")}, {"role", "partner"}, {"password", kPassword}});
  EXPECT_EQ(partner_without_country.status, 422) << partner_without_country.body;
  auto unknown_country = admin().post(
      "/api/v1/users",
      {{"username", unique_name("p")}, {"role", "partner"}, {"countries", {"QQ"}}, {"password", kPassword}});
  EXPECT_EQ(unknown_country.status, 422);
  std::string name = unique_name("dup");
  ASSERT_EQ(admin().post("/api/v1/users", {{"username", name}, {"role", "viewer"}, {"password", kPassword}}).status,
            201);
  auto duplicate = admin().post("/api/v1/users", {{"username", name}, {"role", "viewer"}, {"password", kPassword}});
  EXPECT_EQ(duplicate.status, 422);
  EXPECT_EQ(duplicate.field_errors(), std::vector<std::string>{"username:already_taken"});
}

TEST_P(Users, OnlyAdminsManageAccountsAndOnlyManagersReadTheAudit) {
  for (const char* role : {"manager", "officer", "finance", "viewer"}) {
    SCOPED_TRACE(role);
    Client user = signed_in(role);
    EXPECT_EQ(user.get("/api/v1/users").status, 403);
    EXPECT_EQ(
        user.post("/api/v1/users", {{"username", unique_name("x")}, {"role", "admin"}, {"password", kPassword}}).status,
        403);
    EXPECT_EQ(user.get("/api/v1/audit").status, std::string(role) == "manager" ? 200 : 403);
  }
}

TEST_P(Users, AuditFiltersByUserAndPeriod) {
  Account account = create_account(admin(), "officer");
  Client officer(server());
  ASSERT_EQ(officer.log_in(account.username).status, 200);
  ASSERT_EQ(officer.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Par officier ")}}).status,
            201);
  auto mine = admin().get("/api/v1/audit?user_id=" + std::to_string(account.id));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_GE(mine.json()["total"].get<int>(), 2);  // the login and the creation
  for (const auto& entry : mine.json()["items"]) EXPECT_EQ(entry["username"], account.username);
  EXPECT_EQ(admin().get("/api/v1/audit?user_id=" + std::to_string(account.id) + "&to=2000-01-01").json()["total"], 0);
  EXPECT_EQ(admin().get("/api/v1/audit?from=yesterday").status, 422);
  // Newest first by default; sort=at for the oldest first.
  auto oldest = admin().get("/api/v1/audit?sort=at&user_id=" + std::to_string(account.id));
  ASSERT_EQ(oldest.json()["items"].size(), mine.json()["items"].size());
  EXPECT_GT(mine.json()["items"][0]["id"], mine.json()["items"][1]["id"]);
  EXPECT_LT(oldest.json()["items"][0]["id"], oldest.json()["items"][1]["id"]);
  EXPECT_EQ(admin().get("/api/v1/audit?sort=who").status, 422);
}

TEST_P(Users, ListSortsByNameRoleAndLastSignIn) {
  std::string marker = unique_name("srt");
  auto a = create_account(admin(), "viewer", {{"username", marker + "a"}});
  auto b = create_account(admin(), "admin", {{"username", marker + "b"}});
  auto c = create_account(admin(), "officer", {{"username", marker + "c"}});
  ASSERT_EQ(Client(server()).log_in(b.username).status, 200);
  auto names = [&](const std::string& sort) {
    auto reply = admin().get("/api/v1/users?q=" + marker + "&sort=" + sort);
    std::vector<std::string> found;
    for (const auto& user : reply.json()["items"]) found.push_back(user["username"]);
    return found;
  };
  EXPECT_EQ(names("username"), (std::vector<std::string>{a.username, b.username, c.username}));
  EXPECT_EQ(names("-username"), (std::vector<std::string>{c.username, b.username, a.username}));
  EXPECT_EQ(names("role"), (std::vector<std::string>{b.username, c.username, a.username}));  // admin, officer, viewer
  // Never signed in comes last in both directions, on both databases.
  EXPECT_EQ(names("last_login_at").front(), b.username);
  EXPECT_EQ(names("-last_login_at").front(), b.username);
  auto bad = admin().get("/api/v1/users?sort=password");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.field_errors(), std::vector<std::string>{"sort:invalid_choice"});
}

TAAWUN_ON_BOTH_DATABASES(Users);

}  // namespace
}  // namespace taawun::testing
