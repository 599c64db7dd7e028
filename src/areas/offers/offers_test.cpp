// The catalogue of offers through the API: create, read, list with filters and names in the
// request's language, update with optimistic locking, archive and reactivate, the validation of
// every field, the audit trail, and host focal points limited to their own institutions. Each
// test runs on SQLite and on PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Offers : public ApiTest {
 protected:
  json host_institution() {
    return create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut hôte ")}, {"country", "MA"}});
  }
  json create_offer(json body) {
    auto reply = admin().post("/api/v1/offers", body);
    if (reply.status != 201) throw std::runtime_error("could not create an offer: " + reply.body);
    return reply.json();
  }
  static std::string url_of(const json& record) { return "/api/v1/offers/" + std::to_string(record["id"].get<int>()); }
};

bool has(const std::vector<std::string>& errors, const std::string& expected) {
  return std::find(errors.begin(), errors.end(), expected) != errors.end();
}

std::vector<std::string> titles_of(const Reply& reply) {
  std::vector<std::string> titles;
  for (const auto& item : reply.json()["items"]) titles.push_back(item["title"].get<std::string>());
  return titles;
}

TEST_P(Offers, CreateReadAndListWithNamesInTheRequestLanguage) {
  auto host = create_organisation({{"kind", "10"},
                                   {"name_fr", unique_name("Institut national d'hygiène ")},
                                   {"name_en", "National Institute of Hygiene"},
                                   {"country", "MA"}});
  std::string marker = unique_name("Offre");
  auto reply = admin().post("/api/v1/offers", {{"host_organisation_id", host["id"]},
                                               {"action_type", "short_training"},
                                               {"domain", "health"},
                                               {"title_fr", "Épidémiologie de terrain " + marker},
                                               {"title_en", "Field epidemiology " + marker},
                                               {"description_fr", "Deux semaines à Rabat."},
                                               {"level", "advanced"},
                                               {"duration_days", 14},
                                               {"language", "fr"},
                                               {"seats_per_year", 20},
                                               {"cost_per_participant", 15000},
                                               {"currency", "mad"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), url_of(created));
  EXPECT_EQ(created["host_name"], host["name_fr"]);
  EXPECT_EQ(created["action_type_name"], "Formation de courte durée au Maroc");
  EXPECT_EQ(created["domain_name"], "Santé");
  EXPECT_EQ(created["currency"], "MAD");
  EXPECT_EQ(created["active"], true);
  EXPECT_EQ(created["description_fr"], "Deux semaines à Rabat.");

  auto english = admin().get(url_of(created) + "?lang=en");
  ASSERT_EQ(english.status, 200);
  EXPECT_EQ(english.header("etag"), "\"1\"");
  EXPECT_EQ(english.json()["title"], "Field epidemiology " + marker);
  EXPECT_EQ(english.json()["host_name"], "National Institute of Hygiene");
  EXPECT_EQ(english.json()["action_type_name"], "Short-term training in Morocco");
  EXPECT_EQ(english.json()["domain_name"], "Health");

  // List items carry the names too, in the asked language, but not the long descriptions.
  auto listed = admin().get("/api/v1/offers?lang=ar&q=" + marker);
  ASSERT_EQ(listed.json()["total"], 1) << listed.body;
  const auto& item = listed.json()["items"][0];
  EXPECT_EQ(item["domain_name"], "الصحة");
  EXPECT_EQ(item["action_type_name"], "تكوين قصير الأمد بالمغرب");
  EXPECT_EQ(item["host_name"], host["name_fr"]) << "no Arabic name: the French one";
  EXPECT_FALSE(item.contains("description_fr")) << listed.body;
  // Searching ignores case and accents.
  EXPECT_EQ(admin().get("/api/v1/offers?q=EPIDEMIOLOGIE%20" + marker).json()["total"], 1);
}

TEST_P(Offers, ListFiltersSortsAndPaginatesWithTotal) {
  std::string marker = unique_name("Cat");
  auto first_host = host_institution();
  auto second_host = host_institution();
  create_offer({{"host_organisation_id", first_host["id"]},
                {"action_type", "short_training"},
                {"domain", "health"},
                {"title_fr", "Alpha " + marker},
                {"duration_days", 30},
                {"language", "fr"}});
  create_offer({{"host_organisation_id", first_host["id"]},
                {"action_type", "seminar_workshop"},
                {"domain", "health"},
                {"title_fr", "Bravo " + marker},
                {"duration_days", 5},
                {"language", "en"}});
  create_offer({{"host_organisation_id", second_host["id"]},
                {"action_type", "short_training"},
                {"domain", "education"},
                {"title_fr", "Charlie " + marker},
                {"language", "fr"}});
  auto archived = create_offer({{"host_organisation_id", second_host["id"]},
                                {"action_type", "study_visit"},
                                {"domain", "education"},
                                {"title_fr", "Delta " + marker},
                                {"duration_days", 10},
                                {"active", false}});
  EXPECT_EQ(archived["active"], false);

  auto all = admin().get("/api/v1/offers?q=" + marker);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["total"], 3) << "archived offers are out of the catalogue by default";
  EXPECT_EQ(titles_of(all), (std::vector<std::string>{"Alpha " + marker, "Bravo " + marker, "Charlie " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?active=false&q=" + marker)),
            std::vector<std::string>{"Delta " + marker});
  EXPECT_EQ(admin().get("/api/v1/offers?active=all&q=" + marker).json()["total"], 4);
  EXPECT_EQ(
      titles_of(admin().get("/api/v1/offers?host=" + std::to_string(first_host["id"].get<int>()) + "&q=" + marker)),
      (std::vector<std::string>{"Alpha " + marker, "Bravo " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?action_type=short_training&q=" + marker)),
            (std::vector<std::string>{"Alpha " + marker, "Charlie " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?domain=education&active=all&q=" + marker)),
            (std::vector<std::string>{"Charlie " + marker, "Delta " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?language=en&q=" + marker)),
            std::vector<std::string>{"Bravo " + marker});

  // Shortest first; an offer without a duration comes last either way.
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?sort=duration&q=" + marker)),
            (std::vector<std::string>{"Bravo " + marker, "Alpha " + marker, "Charlie " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?sort=-duration&q=" + marker)),
            (std::vector<std::string>{"Alpha " + marker, "Bravo " + marker, "Charlie " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/offers?sort=-created_at&limit=1&q=" + marker)),
            std::vector<std::string>{"Charlie " + marker});
  auto page = admin().get("/api/v1/offers?sort=-title&limit=2&offset=1&q=" + marker);
  EXPECT_EQ(page.json()["total"], 3);
  EXPECT_EQ(titles_of(page), (std::vector<std::string>{"Bravo " + marker, "Alpha " + marker}));

  auto bad = admin().get("/api/v1/offers?active=maybe&host=abc&sort=price");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(has(bad.field_errors(), "active:invalid_choice")) << bad.body;
  EXPECT_TRUE(has(bad.field_errors(), "host:not_an_integer")) << bad.body;
  EXPECT_EQ(admin().get("/api/v1/offers?sort=price").field_errors(), std::vector<std::string>{"sort:invalid_choice"});
}

TEST_P(Offers, EveryBadFieldIsReportedAtOnceAndNothingIsWritten) {
  std::string marker = unique_name("Refusée");
  auto reply = admin().post("/api/v1/offers", {{"host_organisation_id", 987654321},
                                               {"action_type", "flying_lessons"},
                                               {"domain", "astrology"},
                                               {"title_fr", " "},
                                               {"description_fr", std::string(5001, 'd')},
                                               {"description_en", marker},
                                               {"level", "guru"},
                                               {"duration_days", 0},
                                               {"language", "de"},
                                               {"seats_per_year", 10001},
                                               {"cost_per_participant", -1},
                                               {"currency", "XYZ"},
                                               {"colour", "blue"}});
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto errors = reply.field_errors();
  for (const char* expected :
       {"host_organisation_id:unknown_organisation", "action_type:unknown_code", "domain:unknown_code",
        "title_fr:one_title_required", "description_fr:too_long", "level:invalid_choice", "duration_days:out_of_range",
        "language:invalid_choice", "seats_per_year:out_of_range", "cost_per_participant:out_of_range",
        "currency:unknown_code", "colour:unknown_field"})
    EXPECT_TRUE(has(errors, expected)) << expected << " in " << reply.body;
  for (const auto& error : reply.json()["errors"]) EXPECT_FALSE(error["message"].get<std::string>().empty());

  auto host = host_institution();
  auto no_currency = admin().post("/api/v1/offers", {{"host_organisation_id", host["id"]},
                                                     {"action_type", "study_visit"},
                                                     {"domain", "tourism"},
                                                     {"title_fr", marker},
                                                     {"cost_per_participant", 100}});
  EXPECT_EQ(no_currency.field_errors(), std::vector<std::string>{"currency:required_with_cost"}) << no_currency.body;
  auto too_long = admin().post("/api/v1/offers", {{"host_organisation_id", host["id"]},
                                                  {"action_type", "study_visit"},
                                                  {"domain", "tourism"},
                                                  {"title_en", std::string(301, 't')},
                                                  {"duration_days", 731}});
  EXPECT_TRUE(has(too_long.field_errors(), "title_en:too_long")) << too_long.body;
  EXPECT_TRUE(has(too_long.field_errors(), "duration_days:out_of_range")) << too_long.body;
  auto empty = admin().post("/api/v1/offers", json::object());
  for (const char* expected :
       {"host_organisation_id:required", "action_type:required", "domain:required", "title_fr:one_title_required"})
    EXPECT_TRUE(has(empty.field_errors(), expected)) << expected << " in " << empty.body;
  auto wrong_types = admin().post("/api/v1/offers", {{"host_organisation_id", "one"},
                                                     {"action_type", "study_visit"},
                                                     {"domain", "tourism"},
                                                     {"title_fr", marker},
                                                     {"duration_days", "ten"},
                                                     {"active", "yes"}});
  for (const char* expected : {"host_organisation_id:wrong_type", "duration_days:wrong_type", "active:wrong_type"})
    EXPECT_TRUE(has(wrong_types.field_errors(), expected)) << expected << " in " << wrong_types.body;

  EXPECT_EQ(admin().get("/api/v1/offers?active=all&q=" + url_encode(marker)).json()["total"], 0);
}

TEST_P(Offers, UpdateArchiveAndReactivateNeedTheCurrentVersionAndAreAudited) {
  std::string marker = unique_name("Archivable");
  auto created = create_offer({{"host_organisation_id", host_institution()["id"]},
                               {"action_type", "improvement_internship"},
                               {"domain", "meteorology"},
                               {"title_fr", "Prévision " + marker},
                               {"seats_per_year", 8}});
  std::string url = url_of(created);
  EXPECT_EQ(admin().patch(url, {{"active", false}}).status, 428);

  auto changed = admin().patch(url, {{"seats_per_year", 10}, {"level", "expert"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.header("etag"), "\"2\"");
  EXPECT_EQ(changed.json()["seats_per_year"], 10);

  auto stale = admin().patch(url, {{"seats_per_year", 99}, {"active", false}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto now = admin().get(url);
  EXPECT_EQ(now.json()["seats_per_year"], 10);
  EXPECT_EQ(now.json()["active"], true);
  EXPECT_EQ(now.json()["version"], 2);

  auto archived = admin().patch(url, {{"active", false}}, {{"If-Match", "\"2\""}});
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.json()["active"], false);
  EXPECT_EQ(admin().get("/api/v1/offers?q=" + marker).json()["total"], 0);
  EXPECT_EQ(admin().patch(url, {{"active", nullptr}}, {{"If-Match", "\"3\""}}).field_errors(),
            std::vector<std::string>{"active:required"});
  auto reactivated = admin().patch(url, {{"active", true}}, {{"If-Match", "\"3\""}});
  ASSERT_EQ(reactivated.status, 200) << reactivated.body;
  EXPECT_EQ(admin().get("/api/v1/offers?q=" + marker).json()["total"], 1);

  auto trail = admin().get("/api/v1/audit?record_kind=offer&record_id=" + std::to_string(created["id"].get<int>()));
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json()["total"], 4) << trail.body;
  std::vector<std::string> actions;
  for (const auto& entry : trail.json()["items"]) actions.push_back(entry["action"].get<std::string>());
  EXPECT_EQ(actions, (std::vector<std::string>{"restore", "archive", "update", "create"}));
  EXPECT_EQ(trail.json()["items"][1]["before"]["active"], true);
  EXPECT_EQ(trail.json()["items"][1]["after"]["active"], false);
  EXPECT_EQ(trail.json()["items"][2]["before"]["seats_per_year"], 8);
  EXPECT_EQ(trail.json()["items"][2]["after"]["seats_per_year"], 10);
}

TEST_P(Offers, UnknownIdsAreNotFound) {
  EXPECT_EQ(admin().get("/api/v1/offers/987654321").status, 404);
  EXPECT_EQ(admin().get("/api/v1/offers/-3").status, 404);
  EXPECT_EQ(admin().patch("/api/v1/offers/987654321", {{"active", false}}, {{"If-Match", "\"1\""}}).status, 404);
}

struct Expectation {
  const char* role;
  bool write;
};
constexpr Expectation kMatrix[] = {{"admin", true},    {"manager", true},  {"officer", true},
                                   {"finance", false}, {"partner", false}, {"viewer", false}};

TEST_P(Offers, AgencyStaffWriteAnyOfferAndEveryoneReads) {
  auto host = host_institution();
  for (const auto& expected : kMatrix) {
    SCOPED_TRACE(expected.role);
    auto record = create_offer({{"host_organisation_id", host["id"]},
                                {"action_type", "expert_mission"},
                                {"domain", "water"},
                                {"title_fr", unique_name("Matrice ")}});
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    Client user = signed_in(expected.role, scope);
    auto list = user.get("/api/v1/offers?q=" + url_encode(record["title_fr"].get<std::string>()));
    EXPECT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.json()["total"], 1) << list.body;
    EXPECT_EQ(user.get(url_of(record)).status, 200);
    auto create = user.post("/api/v1/offers", {{"host_organisation_id", host["id"]},
                                               {"action_type", "expert_mission"},
                                               {"domain", "water"},
                                               {"title_fr", unique_name("Créée ")}});
    EXPECT_EQ(create.status, expected.write ? 201 : 403) << create.body;
    auto update = user.patch(url_of(record), {{"active", false}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.write ? 200 : 403) << update.body;
    if (!expected.write) {
      EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1) << "a refused write changed it";
    }
  }
}

TEST_P(Offers, HostFocalPointsPublishOnlyForTheirInstitutions) {
  std::string marker = unique_name("Hote");
  auto own = host_institution();
  auto other = host_institution();
  Client host = signed_in("host", {{"organisations", {own["id"]}}});
  auto body = [&](const json& institution, const std::string& title) {
    return json{{"host_organisation_id", institution["id"]},
                {"action_type", "specialisation_internship"},
                {"domain", "agriculture"},
                {"title_fr", title + " " + marker}};
  };

  auto mine = host.post("/api/v1/offers", body(own, "Mienne"));
  ASSERT_EQ(mine.status, 201) << mine.body;
  auto refused = host.post("/api/v1/offers", body(other, "Autre"));
  EXPECT_EQ(refused.status, 403) << refused.body;
  // Even with other mistakes in the body, another institution is refused as such.
  auto refused_invalid = host.post("/api/v1/offers", {{"host_organisation_id", other["id"]}, {"level", "guru"}});
  EXPECT_EQ(refused_invalid.status, 403) << refused_invalid.body;

  auto theirs = create_offer(body(other, "Leur"));
  // Hosts read the whole catalogue, their peers' offers included ...
  EXPECT_EQ(host.get("/api/v1/offers?q=" + marker).json()["total"], 2);
  EXPECT_EQ(host.get(url_of(theirs)).status, 200);
  // ... but change only their own, and cannot hand their own to another institution.
  EXPECT_EQ(host.patch(url_of(theirs), {{"seats_per_year", 3}}, {{"If-Match", "\"1\""}}).status, 403);
  EXPECT_EQ(admin().get(url_of(theirs)).json()["version"], 1);
  auto moved = host.patch(url_of(mine.json()), {{"host_organisation_id", other["id"]}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(moved.status, 403) << moved.body;
  auto edited = host.patch(url_of(mine.json()), {{"seats_per_year", 3}, {"active", false}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["seats_per_year"], 3);
  EXPECT_EQ(edited.json()["host_organisation_id"], own["id"]);
  EXPECT_EQ(admin().get("/api/v1/offers?active=false&q=" + marker).json()["total"], 1);
}

TAAWUN_ON_BOTH_DATABASES(Offers);

}  // namespace
}  // namespace taawun::testing
