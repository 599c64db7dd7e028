// Programmes through the API: create, read, list with filters, update with optimistic locking,
// the validation of every field, the audit trail and who may do what. Each test runs on SQLite
// and on PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Programmes : public ApiTest {
 protected:
  json create_programme(json body) {
    auto reply = admin().post("/api/v1/programmes", body);
    if (reply.status != 201) throw std::runtime_error("could not create a programme: " + reply.body);
    return reply.json();
  }
  static std::string url_of(const json& record) {
    return "/api/v1/programmes/" + std::to_string(record["id"].get<int>());
  }
};

bool has(const std::vector<std::string>& errors, const std::string& expected) {
  return std::find(errors.begin(), errors.end(), expected) != errors.end();
}

std::vector<std::string> titles_of(const Reply& reply) {
  std::vector<std::string> titles;
  for (const auto& item : reply.json()["items"]) titles.push_back(item["title"].get<std::string>());
  return titles;
}

TEST_P(Programmes, CreateReadAndLocate) {
  auto funder = create_organisation(
      {{"kind", "40"}, {"name_fr", unique_name("Agence bailleuse ")}, {"name_en", "Funding agency"}});
  std::string agreement = unique_name("CONV-");
  auto reply = admin().post("/api/v1/programmes", {{"kind", "triangular"},
                                                   {"title_fr", "Programme triangulaire santé"},
                                                   {"title_en", "Triangular health programme"},
                                                   {"country", "sn"},
                                                   {"funder_organisation_id", funder["id"]},
                                                   {"start_year", 2024},
                                                   {"end_year", 2026},
                                                   {"agreement_number", agreement},
                                                   {"commission_session", "12e session, Rabat"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), url_of(created));
  EXPECT_EQ(created["title"], "Programme triangulaire santé");
  EXPECT_EQ(created["country"], "SN");
  EXPECT_EQ(created["country_name"], "Sénégal");
  EXPECT_EQ(created["funder_name"], funder["name_fr"]);
  EXPECT_EQ(created["end_year"], 2026);
  EXPECT_EQ(created["version"], 1);

  auto read = admin().get(url_of(created) + "?lang=en");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.header("etag"), "\"1\"");
  EXPECT_EQ(read.json()["title"], "Triangular health programme");
  EXPECT_EQ(read.json()["country_name"], "Senegal");
  EXPECT_EQ(read.json()["funder_name"], "Funding agency");
  EXPECT_EQ(read.json()["commission_session"], "12e session, Rabat");

  // The agreement number is searched like the titles.
  auto found = admin().get("/api/v1/programmes?q=" + url_encode(agreement));
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json()["total"], 1);
  EXPECT_EQ(found.json()["items"][0]["id"], created["id"]);
}

TEST_P(Programmes, ListFiltersSortsAndPaginatesWithTotal) {
  std::string marker = unique_name("Prg");
  auto funder = create_organisation({{"kind", "40"}, {"name_fr", unique_name("Bailleur ")}});
  create_programme({{"kind", "country_programme"},
                    {"title_fr", "Alpha " + marker},
                    {"country", "SN"},
                    {"start_year", 2020},
                    {"end_year", 2022}});
  create_programme(
      {{"kind", "country_programme"}, {"title_fr", "Bravo " + marker}, {"country", "ML"}, {"start_year", 2023}});
  create_programme({{"kind", "triangular"},
                    {"title_fr", "Charlie " + marker},
                    {"country", "SN"},
                    {"funder_organisation_id", funder["id"]},
                    {"start_year", 2021},
                    {"end_year", 2021}});
  create_programme({{"kind", "joint"}, {"title_en", "Delta " + marker}, {"start_year", 2019}, {"end_year", 2024}});

  auto all = admin().get("/api/v1/programmes?q=" + marker);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["total"], 4);
  EXPECT_EQ(titles_of(all),
            (std::vector<std::string>{"Alpha " + marker, "Bravo " + marker, "Charlie " + marker, "Delta " + marker}));
  EXPECT_EQ(admin().get("/api/v1/programmes?kind=country_programme&q=" + marker).json()["total"], 2);
  EXPECT_EQ(admin().get("/api/v1/programmes?kind=joint&q=" + marker).json()["total"], 1);
  EXPECT_EQ(titles_of(admin().get("/api/v1/programmes?country=sn&q=" + marker)),
            (std::vector<std::string>{"Alpha " + marker, "Charlie " + marker}));
  // Programmes covering a year: started by then and not ended before; no end year runs on.
  EXPECT_EQ(titles_of(admin().get("/api/v1/programmes?year=2021&q=" + marker)),
            (std::vector<std::string>{"Alpha " + marker, "Charlie " + marker, "Delta " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/programmes?year=2030&q=" + marker)),
            std::vector<std::string>{"Bravo " + marker});
  EXPECT_EQ(admin().get("/api/v1/programmes?year=2018&q=" + marker).json()["total"], 0);

  auto newest = admin().get("/api/v1/programmes?sort=-start_year&limit=2&q=" + marker);
  EXPECT_EQ(newest.json()["total"], 4);
  EXPECT_EQ(titles_of(newest), (std::vector<std::string>{"Bravo " + marker, "Charlie " + marker}));
  auto oldest = admin().get("/api/v1/programmes?sort=start_year&limit=2&offset=1&q=" + marker);
  EXPECT_EQ(oldest.json()["total"], 4);
  EXPECT_EQ(titles_of(oldest), (std::vector<std::string>{"Alpha " + marker, "Charlie " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/programmes?sort=-title&limit=1&q=" + marker)),
            std::vector<std::string>{"Delta " + marker});

  auto bad = admin().get("/api/v1/programmes?sort=colour&year=1800&limit=0");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(has(bad.field_errors(), "year:out_of_range")) << bad.body;
  EXPECT_TRUE(has(bad.field_errors(), "limit:out_of_range")) << bad.body;
  auto bad_sort = admin().get("/api/v1/programmes?sort=colour");
  EXPECT_EQ(bad_sort.field_errors(), std::vector<std::string>{"sort:invalid_choice"}) << bad_sort.body;
}

TEST_P(Programmes, EveryBadFieldIsReportedAtOnceAndNothingIsWritten) {
  std::string marker = unique_name("Refused");
  auto reply = admin().post("/api/v1/programmes", {{"kind", "annual"},
                                                   {"title_fr", std::string(301, 'a')},
                                                   {"title_en", marker},
                                                   {"country", "ZZ"},
                                                   {"funder_organisation_id", 987654321},
                                                   {"start_year", 1980},
                                                   {"end_year", 2200},
                                                   {"agreement_number", std::string(101, '7')},
                                                   {"commission_session", std::string(201, 's')},
                                                   {"colour", "blue"}});
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto errors = reply.field_errors();
  for (const char* expected :
       {"kind:invalid_choice", "title_fr:too_long", "country:unknown_country",
        "funder_organisation_id:unknown_organisation", "start_year:out_of_range", "end_year:out_of_range",
        "agreement_number:too_long", "commission_session:too_long", "colour:unknown_field"})
    EXPECT_TRUE(has(errors, expected)) << expected << " in " << reply.body;
  for (const auto& error : reply.json()["errors"]) EXPECT_FALSE(error["message"].get<std::string>().empty());

  // What each kind needs, titles, years in order.
  auto country_programme =
      admin().post("/api/v1/programmes", {{"kind", "country_programme"}, {"title_fr", marker}, {"start_year", 2024}});
  EXPECT_EQ(country_programme.field_errors(), std::vector<std::string>{"country:required_for_kind"})
      << country_programme.body;
  auto triangular =
      admin().post("/api/v1/programmes", {{"kind", "triangular"}, {"title_fr", marker}, {"start_year", 2024}});
  EXPECT_EQ(triangular.field_errors(), std::vector<std::string>{"funder_organisation_id:required_for_kind"})
      << triangular.body;
  auto untitled = admin().post("/api/v1/programmes", {{"kind", "joint"}, {"title_fr", "  "}, {"start_year", 2024}});
  EXPECT_EQ(untitled.field_errors(), std::vector<std::string>{"title_fr:one_title_required"}) << untitled.body;
  auto reversed = admin().post("/api/v1/programmes",
                               {{"kind", "joint"}, {"title_fr", marker}, {"start_year", 2024}, {"end_year", 2023}});
  EXPECT_EQ(reversed.field_errors(), std::vector<std::string>{"end_year:before_start"}) << reversed.body;
  auto empty = admin().post("/api/v1/programmes", json::object());
  EXPECT_TRUE(has(empty.field_errors(), "kind:required")) << empty.body;
  EXPECT_TRUE(has(empty.field_errors(), "start_year:required")) << empty.body;
  EXPECT_TRUE(has(empty.field_errors(), "title_fr:one_title_required")) << empty.body;
  auto wrong_types = admin().post("/api/v1/programmes", {{"kind", 3}, {"title_fr", marker}, {"start_year", "2024"}});
  EXPECT_TRUE(has(wrong_types.field_errors(), "kind:wrong_type")) << wrong_types.body;
  EXPECT_TRUE(has(wrong_types.field_errors(), "start_year:wrong_type")) << wrong_types.body;

  EXPECT_EQ(admin().get("/api/v1/programmes?q=" + marker).json()["total"], 0);
}

TEST_P(Programmes, UpdateNeedsTheCurrentVersionAndIsAudited) {
  auto created = create_programme({{"kind", "country_programme"},
                                   {"title_fr", unique_name("Programme annuel ")},
                                   {"country", "TD"},
                                   {"start_year", 2025}});
  std::string url = url_of(created);

  EXPECT_EQ(admin().patch(url, {{"end_year", 2026}}).status, 428);
  auto first = admin().patch(url, {{"end_year", 2026}, {"agreement_number", "A-1"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("etag"), "\"2\"");
  EXPECT_EQ(first.json()["end_year"], 2026);

  // A second editor who read version 1 is refused and changes nothing.
  auto stale = admin().patch(url, {{"end_year", 2030}, {"commission_session", "lost"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto now = admin().get(url);
  EXPECT_EQ(now.json()["end_year"], 2026);
  EXPECT_TRUE(now.json()["commission_session"].is_null());
  EXPECT_EQ(now.json()["version"], 2);

  // The record stays valid as a whole: a country programme keeps its country.
  auto cleared = admin().patch(url, {{"country", nullptr}}, {{"If-Match", "\"2\""}});
  EXPECT_EQ(cleared.field_errors(), std::vector<std::string>{"country:required_for_kind"}) << cleared.body;
  auto emptied = admin().patch(url, {{"agreement_number", nullptr}}, {{"If-Match", "\"2\""}});
  ASSERT_EQ(emptied.status, 200) << emptied.body;
  EXPECT_TRUE(emptied.json()["agreement_number"].is_null());
  EXPECT_EQ(emptied.json()["country"], "TD");

  auto trail = admin().get("/api/v1/audit?record_kind=programme&record_id=" + std::to_string(created["id"].get<int>()));
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json()["total"], 3);
  auto last = trail.json()["items"][0];
  EXPECT_EQ(last["action"], "update");
  EXPECT_EQ(last["before"]["agreement_number"], "A-1");
  EXPECT_TRUE(last["after"]["agreement_number"].is_null());
  auto creation = trail.json()["items"][2];
  EXPECT_EQ(creation["action"], "create");
  EXPECT_TRUE(creation["before"].is_null());
  EXPECT_EQ(creation["after"]["country"], "TD");
}

TEST_P(Programmes, UnknownIdsAreNotFound) {
  EXPECT_EQ(admin().get("/api/v1/programmes/987654321").status, 404);
  EXPECT_EQ(admin().get("/api/v1/programmes/x1").status, 404);
  EXPECT_EQ(admin().patch("/api/v1/programmes/987654321", {{"end_year", 2030}}, {{"If-Match", "\"1\""}}).status, 404);
}

struct Expectation {
  const char* role;
  bool write;
};
constexpr Expectation kMatrix[] = {{"admin", true},    {"manager", true}, {"officer", true}, {"finance", false},
                                   {"partner", false}, {"host", false},   {"viewer", false}};

TEST_P(Programmes, EveryRoleReadsAndOnlyAgencyStaffWrite) {
  auto host_institution =
      create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  for (const auto& expected : kMatrix) {
    SCOPED_TRACE(expected.role);
    auto record = create_programme({{"kind", "country_programme"},
                                    {"title_fr", unique_name("Matrice ")},
                                    {"country", "SN"},
                                    {"start_year", 2024}});
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    if (std::string(expected.role) == "host") scope["organisations"] = {host_institution["id"]};
    Client user = signed_in(expected.role, scope);

    auto list = user.get("/api/v1/programmes?q=" + url_encode(record["title_fr"].get<std::string>()));
    EXPECT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.json()["total"], 1) << list.body;
    EXPECT_EQ(user.get(url_of(record)).status, 200);
    auto create =
        user.post("/api/v1/programmes", {{"kind", "joint"}, {"title_fr", unique_name("Créé ")}, {"start_year", 2024}});
    EXPECT_EQ(create.status, expected.write ? 201 : 403) << create.body;
    auto update = user.patch(url_of(record), {{"end_year", 2025}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.write ? 200 : 403) << update.body;
    if (!expected.write) {
      EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1) << "a refused write changed it";
    }
  }
}

TEST_P(Programmes, PartnersSeeOnlyTheProgrammesOfTheirCountries) {
  std::string marker = unique_name("Scope");
  auto funder = create_organisation({{"kind", "40"}, {"name_fr", unique_name("Bailleur ")}});
  auto senegal = create_programme(
      {{"kind", "country_programme"}, {"title_fr", "Sénégal " + marker}, {"country", "SN"}, {"start_year", 2024}});
  auto niger = create_programme(
      {{"kind", "country_programme"}, {"title_fr", "Niger " + marker}, {"country", "NE"}, {"start_year", 2024}});
  auto triangular = create_programme({{"kind", "triangular"},
                                      {"title_fr", "Triangulaire " + marker},
                                      {"funder_organisation_id", funder["id"]},
                                      {"start_year", 2024}});
  Client partner = signed_in("partner", {{"countries", {"SN", "ML"}}});
  auto list = partner.get("/api/v1/programmes?q=" + marker);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 1) << list.body;
  EXPECT_EQ(titles_of(list), std::vector<std::string>{"Sénégal " + marker});
  EXPECT_EQ(partner.get(url_of(senegal)).status, 200);
  EXPECT_EQ(partner.get(url_of(niger)).status, 404);
  EXPECT_EQ(partner.get(url_of(triangular)).status, 404);
  EXPECT_EQ(partner.get("/api/v1/programmes?country=NE&q=" + marker).json()["total"], 0);
  // Everyone else sees all three.
  EXPECT_EQ(signed_in("viewer").get("/api/v1/programmes?q=" + marker).json()["total"], 3);
}

TAAWUN_ON_BOTH_DATABASES(Programmes);

}  // namespace
}  // namespace taawun::testing
