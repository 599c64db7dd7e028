// What GET /api/v1/me says a user may do agrees with what the API does, for every role: a route
// that names a permission refuses the caller (403, before reading the body) exactly when /me
// leaves its verb out. And `taawun routes` prints the whole table with who may call each route.
#include <algorithm>
#include <fstream>
#include <regex>

#include "http/app.hpp"
#include "support/api_test.hpp"
#include "support/process.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Permissions : public ApiTest {
 protected:
  // A signed-in user of `role`, scoped to Senegal (partner) or to a new institution (host).
  Client scoped(const std::string& role) {
    json scope = json::object();
    if (role == "partner") scope["countries"] = {"SN"};
    if (role == "host")
      scope["organisations"] = {
          create_organisation({{"kind", "80"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}})["id"]};
    return signed_in(role, scope);
  }
};

bool holds(const json& me, std::string_view kind, std::string_view verb) {
  const auto& verbs = me["permissions"][std::string(kind)];
  return std::find(verbs.begin(), verbs.end(), std::string(verb)) != verbs.end();
}

// A route's pattern with its parameters filled in: records that do not exist, so that a caller
// holding the permission meets the record's own rules (404, 422, 428), never a 403.
std::string target_of(const std::string& pattern) {
  static const std::regex parameter("\\{([a-z_]+)\\}");
  std::string target;
  auto begin = std::sregex_iterator(pattern.begin(), pattern.end(), parameter);
  std::size_t last = 0;
  for (auto match = begin; match != std::sregex_iterator(); ++match) {
    target += pattern.substr(last, match->position() - last);
    std::string name = (*match)[1];
    target += name == "item" ? "visa" : name == "day" ? "2031-03-02" : name == "code" ? "SN" : "987654321";
    last = match->position() + match->length();
  }
  return target + pattern.substr(last);
}

TEST_P(Permissions, MeListsEveryKindOfTheRegistry) {
  auto me = admin().get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  const auto& permissions = me.json()["permissions"];
  ASSERT_TRUE(permissions.is_object()) << me.body;
  for (const auto& kind : taawun::permissions::kinds()) {
    ASSERT_TRUE(permissions.contains(std::string(kind.name))) << kind.name;
    // The administrator holds every verb but none is invented.
    EXPECT_LE(permissions[std::string(kind.name)].size(), kind.verbs.size()) << kind.name;
  }
  EXPECT_EQ(permissions["organisations"], json::array({"read", "create", "update", "archive"}));
  auto viewer = signed_in("viewer").get("/api/v1/me").json()["permissions"];
  EXPECT_EQ(viewer["organisations"], json::array({"read"}));
  EXPECT_EQ(viewer["people"], json::array());
  EXPECT_EQ(viewer["users"], json::array());
  auto host = scoped("host").get("/api/v1/me").json()["permissions"];
  EXPECT_EQ(host["offers"], json::array({"read", "create", "update"}));
  EXPECT_EQ(host["nominations"], json::array({"read", "attendance"}));
  EXPECT_EQ(host["evaluations"], json::array({"summary"}));
}

TEST_P(Permissions, EveryRouteRefusesExactlyWhenMeLeavesTheVerbOut) {
  auto table = http::route_table();
  for (const char* role : {"admin", "manager", "officer", "finance", "partner", "host", "viewer"}) {
    SCOPED_TRACE(role);
    Client user = scoped(role);
    auto me = user.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    for (const auto& route : table) {
      if (!route.permission.named()) continue;
      std::string method(boost::beast::http::to_string(route.method));
      std::string target = target_of(route.pattern);
      SCOPED_TRACE(method + " " + target);
      bool held = holds(me.json(), route.permission.kind, route.permission.verb);
      Reply reply = route.method == boost::beast::http::verb::get
                        ? user.get(target)
                        : user.send(method, target, "{}", {{"Content-Type", "application/json"}});
      if (held)
        EXPECT_NE(reply.status, 403) << reply.body;
      else
        EXPECT_EQ(reply.status, 403) << reply.body;
    }
  }
}

// The rules behind /me, with real records: creating is refused (403) exactly when /me leaves
// `create` out, and the record is written when it holds it.
TEST_P(Permissions, CreationsAgreeWithMe) {
  for (const char* role : {"admin", "manager", "officer", "finance", "partner", "host", "viewer"}) {
    SCOPED_TRACE(role);
    Client user = scoped(role);
    auto me = user.get("/api/v1/me").json();
    auto organisation =
        user.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Permis ")}, {"country", "SN"}});
    EXPECT_EQ(organisation.status, holds(me, "organisations", "create") ? 201 : 403) << organisation.body;
    auto programme = user.post("/api/v1/programmes", {{"kind", "annual"},
                                                      {"title_fr", unique_name("Programme ")},
                                                      {"country", "SN"},
                                                      {"start_year", 2031},
                                                      {"end_year", 2032}});
    if (holds(me, "programmes", "create"))
      EXPECT_NE(programme.status, 403) << programme.body;
    else
      EXPECT_EQ(programme.status, 403) << programme.body;
    auto person =
        user.post("/api/v1/people", {{"latin_name", "Awa " + unique_family("Ndiaye", 'a')}, {"nationality", "SN"}});
    EXPECT_EQ(person.status, holds(me, "people", "create") ? 201 : 403) << person.body;
    auto audit = user.get("/api/v1/audit");
    EXPECT_EQ(audit.status, holds(me, "audit", "read") ? 200 : 403) << audit.body;
    auto users = user.get("/api/v1/users");
    EXPECT_EQ(users.status, holds(me, "users", "read") ? 200 : 403) << users.body;
  }
}

// A caller without the permission is refused before the body is sent.
TEST_P(Permissions, RefusedBeforeTheBody) {
  Client viewer = signed_in("viewer");
  auto reply = viewer.send_header_only("POST", "/api/v1/organisations", 4096, {{"Content-Type", "application/json"}},
                                       std::chrono::seconds(5));
  EXPECT_EQ(reply.status, 403) << reply.body;
  EXPECT_EQ(reply.json()["code"], "forbidden") << reply.body;
}

TEST(RoutesCommand, PrintsTheWholeTableWithWhoMayCallEachRoute) {
  auto result = run_command({TAAWUN_BINARY, "routes"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const std::string& out = result.output;
  EXPECT_NE(out.find("METHOD"), std::string::npos) << out;
  // One line per route of the table, in its order.
  std::size_t at = 0;
  for (const auto& route : http::route_table()) {
    std::string method(boost::beast::http::to_string(route.method));
    auto line = out.find("\n" + method + " ", at);
    ASSERT_NE(line, std::string::npos) << method << " " << route.pattern;
    auto end = out.find('\n', line + 1);
    std::string text = out.substr(line + 1, end - line - 1);
    EXPECT_NE(text.find(" " + route.pattern + " "), std::string::npos) << text;
    EXPECT_NE(text.find(http::route_callers(route)), std::string::npos) << text;
    at = end;
  }
  auto has_line = [&](const std::string& pattern) {
    return std::regex_search(out, std::regex(pattern)) ? ::testing::AssertionSuccess()
                                                       : ::testing::AssertionFailure() << pattern << "\n"
                                                                                       << out;
  };
  EXPECT_TRUE(has_line(R"(\nGET +/healthz +anyone +quick +-\n)"));
  EXPECT_TRUE(has_line(R"(\nGET +/api/v1/me +signed in +quick)"));
  EXPECT_TRUE(has_line(R"(\nPOST +/api/v1/organisations +admin, manager, officer \(organisations\.create\) +quick)"));
  EXPECT_TRUE(has_line(R"(\nPOST +/api/v1/offers +admin, manager, officer, host \(offers\.create\))"));
  EXPECT_TRUE(has_line(
      R"(\nPOST +/api/v1/actions/\{id\}/nominations/import +admin, manager, officer, partner \(nominations\.import\) +blocking +may_import_nominations\n)"));
  EXPECT_TRUE(has_line(
      R"(\nPOST +/api/v1/actions/\{id\}/documents +admin, manager, officer \(documents\.add\) +blocking +may_add_action_document\n)"));
  EXPECT_TRUE(has_line(
      R"(\nPOST +/api/v1/agreements/\{id\}/documents +admin, manager, officer \(agreement_documents\.add\) +blocking +may_add_agreement_document\n)"));
}

// Every signed-in route with a body names its permission, but one's own account and session.
TEST(RouteTable, EveryRouteWithABodyNamesItsPermission) {
  for (const auto& route : http::route_table()) {
    bool body = route.method == boost::beast::http::verb::post || route.method == boost::beast::http::verb::put ||
                route.method == boost::beast::http::verb::patch;
    bool own = route.pattern.starts_with("/api/v1/me") || route.pattern == "/api/v1/session";
    if (body && route.access == http::Access::signed_in && !own) EXPECT_TRUE(route.permission.named()) << route.pattern;
    if (route.permission.named()) {
      EXPECT_TRUE(taawun::permissions::exists(route.permission)) << route.pattern;
    }
  }
}

// The web's test fixtures (what /me answers per role) are the registry's decisions, so that the
// component tests cannot drift from the server's rules.
TEST(PermissionRegistry, WebFixturesAgree) {
  std::ifstream in(std::string(TAAWUN_SOURCE_DIR) + "/web/tests/permissions.json");
  ASSERT_TRUE(in) << "web/tests/permissions.json";
  auto fixture = json::parse(in);
  for (auto role : accounts::kAllRoles) {
    accounts::Actor actor;
    actor.role = role;
    json expected = json::object();
    for (const auto& kind : taawun::permissions::kinds()) {
      json verbs = json::array();
      for (auto verb : taawun::permissions::granted(actor, kind.name)) verbs.push_back(std::string(verb));
      expected[std::string(kind.name)] = verbs;
    }
    EXPECT_EQ(fixture[std::string(accounts::role_name(role))], expected) << accounts::role_name(role);
  }
}

TAAWUN_ON_BOTH_DATABASES(Permissions);

}  // namespace
}  // namespace taawun::testing
