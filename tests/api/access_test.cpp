// Who may do what with organisations and joint commissions: every role × every action, and the
// scope of the partner (countries) and host (organisations) roles.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class OrganisationAccess : public ApiTest {};

struct Expectation {
  const char* role;
  bool list, read, create, update, archive, contacts;
};

// The rules of src/domain/organisations/organisation_access.cpp, for a record in the actor's scope.
constexpr Expectation kMatrix[] = {
    {"admin", true, true, true, true, true, true},      {"manager", true, true, true, true, true, true},
    {"officer", true, true, true, true, true, true},    {"finance", true, true, false, false, false, false},
    {"partner", true, true, false, false, false, true}, {"host", true, true, false, true, false, true},
    {"viewer", true, true, false, false, false, false},
};

TEST_P(OrganisationAccess, EveryRoleTimesEveryAction) {
  for (const auto& expected : kMatrix) {
    SCOPED_TRACE(expected.role);
    // A record in the scope of the scoped roles: in Senegal, and the host's own institution.
    auto record =
        create_organisation({{"kind", "10"},
                             {"name_fr", unique_name("Matrice ")},
                             {"country", "SN"},
                             {"contacts", json::array({{{"name", "Fatou Sow"}, {"phone", "+221 33 000 00 00"}}})}});
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    if (std::string(expected.role) == "host") scope["organisations"] = {record["id"]};
    Client user = signed_in(expected.role, scope);
    std::string url = "/api/v1/organisations/" + std::to_string(record["id"].get<int>());

    auto list = user.get("/api/v1/organisations?q=" + url_encode(record["name_fr"].get<std::string>()));
    EXPECT_EQ(list.status == 200 && list.json()["total"] == 1, expected.list) << list.body;
    auto read = user.get(url);
    EXPECT_EQ(read.status == 200, expected.read) << read.body;
    if (read.status == 200) {
      EXPECT_EQ(read.json().contains("contacts"), expected.contacts) << read.body;
    }

    auto create =
        user.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", unique_name("Créé ")}, {"country", "SN"}});
    EXPECT_EQ(create.status, expected.create ? 201 : 403) << create.body;
    auto update = user.patch(url, {{"acronym", "UPD"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.update ? 200 : 403) << update.body;
    std::string version = expected.update ? "\"2\"" : "\"1\"";
    auto archive = user.post(url + "/archive", nullptr, {{"If-Match", version}});
    EXPECT_EQ(archive.status, expected.archive ? 200 : 403) << archive.body;
    if (!expected.update) {
      EXPECT_EQ(admin().get(url).json()["version"], 1) << "a refused write changed the record";
    }
  }
}

TEST_P(OrganisationAccess, PartnersSeeOnlyTheirCountries) {
  std::string marker = unique_name("Scope");
  auto senegal = create_organisation({{"kind", "10"}, {"name_fr", "Sénégal " + marker}, {"country", "SN"}});
  auto mali = create_organisation({{"kind", "10"}, {"name_fr", "Mali " + marker}, {"country", "ML"}});
  auto niger = create_organisation({{"kind", "10"}, {"name_fr", "Niger " + marker}, {"country", "NE"}});
  Client partner = signed_in("partner", {{"countries", {"SN", "ML"}}});
  auto list = partner.get("/api/v1/organisations?sort=name&q=" + marker);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 2) << list.body;
  for (const auto& item : list.json()["items"]) EXPECT_NE(item["country"], "NE");
  EXPECT_EQ(partner.get("/api/v1/organisations/" + std::to_string(niger["id"].get<int>())).status, 404);
  EXPECT_EQ(partner.get("/api/v1/organisations/" + std::to_string(mali["id"].get<int>())).status, 200);
  // Filtering by a country outside the scope shows nothing rather than leaking.
  EXPECT_EQ(partner.get("/api/v1/organisations?country=NE&q=" + marker).json()["total"], 0);
}

TEST_P(OrganisationAccess, HostsSeeAndEditOnlyTheirInstitutions) {
  std::string marker = unique_name("Host");
  auto own = create_organisation({{"kind", "80"}, {"name_fr", "Institut " + marker}, {"country", "MA"}});
  auto other = create_organisation({{"kind", "80"}, {"name_fr", "Autre " + marker}, {"country", "MA"}});
  Client host = signed_in("host", {{"organisations", {own["id"]}}});
  auto list = host.get("/api/v1/organisations?q=" + marker);
  EXPECT_EQ(list.json()["total"], 1) << list.body;
  EXPECT_EQ(host.patch("/api/v1/organisations/" + std::to_string(own["id"].get<int>()), {{"acronym", "OWN"}},
                       {{"If-Match", "\"1\""}})
                .status,
            200);
  EXPECT_EQ(host.patch("/api/v1/organisations/" + std::to_string(other["id"].get<int>()), {{"acronym", "NO"}},
                       {{"If-Match", "\"1\""}})
                .status,
            404);
}

TEST_P(OrganisationAccess, AnonymousRequestsAreRefused) {
  Client anonymous(server());
  EXPECT_EQ(anonymous.get("/api/v1/organisations").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/organisations").json()["code"], "unauthenticated");
  EXPECT_EQ(anonymous.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", "X"}}).status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/countries").status, 401);
}

TAAWUN_ON_BOTH_DATABASES(OrganisationAccess);

// Joint commissions (src/areas/commissions/commission_access.cpp): sessions and their decisions,
// for a session of Gabon and a decision the host's institution is responsible for.
class CommissionAccess : public ApiTest {};

struct CommissionExpectation {
  const char* role;
  bool read_sessions, write_sessions, read_decisions, write_decisions, change_status;
};

constexpr CommissionExpectation kCommissionMatrix[] = {
    {"admin", true, true, true, true, true},      {"manager", true, true, true, true, true},
    {"officer", true, true, true, true, true},    {"finance", true, false, true, false, false},
    {"partner", true, false, true, false, false}, {"host", false, false, true, false, true},
    {"viewer", true, false, true, false, false},
};

TEST_P(CommissionAccess, EveryRoleTimesEveryAction) {
  auto institution = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Ministère ")}, {"country", "MA"}});
  int number = 500;
  for (const auto& expected : kCommissionMatrix) {
    SCOPED_TRACE(expected.role);
    // Gabon is used by no other test of sessions, whose numbers are unique per country.
    auto session = admin().post("/api/v1/joint-commissions",
                                {{"country", "GA"}, {"number", ++number}, {"start_on", "2024-01-10"}});
    ASSERT_EQ(session.status, 201) << session.body;
    std::string url = "/api/v1/joint-commissions/" + std::to_string(session.json()["id"].get<int>());
    auto decision = admin().post(url + "/decisions", {{"text_fr", unique_name("Décision ")},
                                                      {"domain", "health"},
                                                      {"responsible_organisation_id", institution["id"]}});
    ASSERT_EQ(decision.status, 201) << decision.body;
    std::string decision_url = "/api/v1/commission-decisions/" + std::to_string(decision.json()["id"].get<int>());
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"GA"};
    if (std::string(expected.role) == "host") scope["organisations"] = {institution["id"]};
    Client user = signed_in(expected.role, scope);

    auto sessions = user.get("/api/v1/joint-commissions?country=GA&year=2024");
    EXPECT_EQ(sessions.status == 200 && sessions.json()["total"].get<int>() > 0, expected.read_sessions);
    EXPECT_EQ(user.get(url).status, expected.read_sessions ? 200 : 403);
    EXPECT_EQ(user.get("/api/v1/joint-commissions/export?format=csv").status, expected.read_sessions ? 200 : 403);
    auto update = user.patch(url, {{"city", "Libreville"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.write_sessions ? 200 : 403) << update.body;
    auto create = user.post("/api/v1/joint-commissions",
                            {{"country", "GA"}, {"number", 100 + number}, {"start_on", "2024-01-10"}});
    EXPECT_EQ(create.status, expected.write_sessions ? 201 : 403) << create.body;

    auto decisions =
        user.get("/api/v1/commission-decisions?session_id=" + std::to_string(session.json()["id"].get<int>()));
    EXPECT_EQ(decisions.status == 200 && decisions.json()["total"] == 1, expected.read_decisions) << decisions.body;
    EXPECT_EQ(user.get(decision_url).status, expected.read_decisions ? 200 : 403);
    auto edit = user.patch(decision_url, {{"text_en", "Reviewed"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(edit.status, expected.write_decisions ? 200 : 403) << edit.body;
    std::string version = expected.write_decisions ? "\"2\"" : "\"1\"";
    auto status =
        user.post(decision_url + "/status", {{"status", "in_progress"}, {"comment", "Lancé"}}, {{"If-Match", version}});
    EXPECT_EQ(status.status, expected.change_status ? 200 : 403) << status.body;
    if (!expected.change_status)
      EXPECT_EQ(admin().get(decision_url).json()["version"], 1) << "a refused write changed it";
  }
}

TAAWUN_ON_BOTH_DATABASES(CommissionAccess);
// The rules of src/areas/diplomatic_missions/diplomatic_mission_access.cpp: the directory is
// public information, read by every role; administrators and officers keep it.
class DiplomaticMissionAccess : public ApiTest {};

struct MissionExpectation {
  const char* role;
  bool write;
};
constexpr MissionExpectation kMissionMatrix[] = {{"admin", true},    {"manager", false}, {"officer", true},
                                                 {"finance", false}, {"partner", false}, {"host", false},
                                                 {"viewer", false}};

TEST_P(DiplomaticMissionAccess, EveryRoleTimesEveryAction) {
  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  for (const auto& expected : kMissionMatrix) {
    SCOPED_TRACE(expected.role);
    std::string city = unique_name("Matrice ");
    auto created =
        admin().post("/api/v1/diplomatic-missions",
                     {{"kind", "embassy"}, {"sending_country", "ML"}, {"receiving_country", "GH"}, {"city", city}});
    ASSERT_EQ(created.status, 201) << created.body;
    std::string url = "/api/v1/diplomatic-missions/" + std::to_string(created.json()["id"].get<int>());
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    if (std::string(expected.role) == "host") scope["organisations"] = {institute["id"]};
    Client user = signed_in(expected.role, scope);
    auto list = user.get("/api/v1/diplomatic-missions?q=" + url_encode(city));
    EXPECT_EQ(list.status == 200 && list.json()["total"] == 1, true) << list.body;
    EXPECT_EQ(user.get(url).status, 200);
    EXPECT_EQ(user.get("/api/v1/diplomatic-missions/map").status, 200);
    EXPECT_EQ(user.get("/api/v1/diplomatic-missions/export?format=csv&q=" + url_encode(city)).status, 200);
    auto create = user.post("/api/v1/diplomatic-missions",
                            {{"kind", "consulate"}, {"sending_country", "ML"}, {"receiving_country", "GH"}});
    EXPECT_EQ(create.status, expected.write ? 201 : 403) << create.body;
    auto imported =
        user.send("POST", "/api/v1/diplomatic-missions/import?dry_run=true",
                  "kind,sending_country,receiving_country\nconsulate,ML,GH\n", {{"Content-Type", "text/csv"}});
    EXPECT_EQ(imported.status, expected.write ? 200 : 403) << imported.body;
    auto update = user.patch(url, {{"head_name", "Revu"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.write ? 200 : 403) << update.body;
    if (!expected.write) {
      EXPECT_EQ(admin().get(url).json()["version"], 1) << "a refused write changed it";
    }
  }
}

TAAWUN_ON_BOTH_DATABASES(DiplomaticMissionAccess);

}  // namespace
}  // namespace taawun::testing
