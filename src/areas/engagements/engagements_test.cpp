// Multilateral engagements through the API (issue 15): record one with its themes, goals,
// beneficiaries (countries and groups) and notifications, read back the countries it benefits,
// every rule of a bad draft at its field, dates to the year or month, the list's filters, the
// export, the audit trail and who sees what. Each test runs on SQLite and PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Engagements : public ApiTest {
 protected:
  json organisation() {
    return create_organisation({{"kind", "40"}, {"name_fr", unique_name("Organisation multilatérale ")}});
  }
  json create_engagement(json body) {
    if (!body.contains("kind")) body["kind"] = "membership";
    if (!body.contains("organisation_id")) body["organisation_id"] = organisation()["id"];
    auto reply = admin().post("/api/v1/engagements", body);
    if (reply.status != 201) throw std::runtime_error("could not create an engagement: " + reply.body);
    return reply.json();
  }
  static std::string url_of(const json& record) {
    return "/api/v1/engagements/" + std::to_string(record["id"].get<int>());
  }
};

std::vector<std::string> titles_of(const Reply& reply) {
  std::vector<std::string> titles;
  for (const auto& item : reply.json()["items"]) titles.push_back(item["title"].get<std::string>());
  return titles;
}

bool contains(const json& list, const char* value) {
  return std::find(list.begin(), list.end(), json(value)) != list.end();
}

TEST_P(Engagements, RecordsAMeasureWithItsBeneficiariesAndNotifications) {
  auto wto = organisation();
  auto summit = organisation();
  std::string title = unique_name("Accès en franchise de droits et hors contingent ");
  auto reply = admin().post(
      "/api/v1/engagements",
      {{"organisation_id", summit["id"]},
       {"kind", "trade_measure"},
       {"title_fr", title},
       {"title_en", "Duty-free and quota-free access"},
       {"description_fr", "Pour la plupart des produits."},
       {"starts_on", "2000-04"},
       {"renewed_on", "2009"},
       {"themes", {"trading_system", "developing_countries_needs"}},
       {"sdgs", {17, 8, 17}},
       {"beneficiary_groups", {"african_ldcs"}},
       {"beneficiary_countries", {"cv"}},
       {"amount", "1500000.50"},
       {"currency", "usd"},
       {"notifications",
        {{{"organisation_id", wto["id"]}, {"notified_on", "2001-02-15"}, {"reference", "WT/COMTD/N/1"}}}}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), url_of(created));
  EXPECT_EQ(created["organisation"], summit["name_fr"]);
  EXPECT_EQ(created["sdgs"], json({8, 17}));  // each goal once, in order
  EXPECT_EQ(created["beneficiary_countries"], json({"CV"}));
  EXPECT_EQ(created["amount"], "1500000.50");
  EXPECT_EQ(created["currency"], "USD");
  ASSERT_EQ(created["notifications"].size(), 1u);
  EXPECT_EQ(created["notifications"][0]["organisation"], wto["name_fr"]);
  EXPECT_EQ(created["notifications"][0]["reference"], "WT/COMTD/N/1");
  // Africa's LDCs (Mali, Senegal) through the group, Cabo Verde by name; not Haiti (an LDC
  // outside Africa) nor Morocco.
  const auto& covered = created["covered_countries"];
  EXPECT_TRUE(contains(covered, "ML") && contains(covered, "SN") && contains(covered, "CV")) << covered;
  EXPECT_FALSE(contains(covered, "HT") || contains(covered, "MA")) << covered;

  auto english = admin().get(url_of(created) + "?lang=en");
  ASSERT_EQ(english.status, 200) << english.body;
  EXPECT_EQ(english.json()["title"], "Duty-free and quota-free access");

  auto audit =
      admin().get("/api/v1/audit?record_kind=engagement&record_id=" + std::to_string(created["id"].get<int>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json()["total"], 1);
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");

  // The list leaves the description and the notifications to the detail.
  auto found = admin().get("/api/v1/engagements?q=" + url_encode(title));
  ASSERT_EQ(found.json()["total"], 1) << found.body;
  EXPECT_FALSE(found.json()["items"][0].contains("notifications"));
  EXPECT_TRUE(found.json()["items"][0]["description_fr"].is_null() ||
              !found.json()["items"][0].contains("description_fr"));
}

// The search finds an engagement by a word of its title and a word of its organisation's name,
// and by the organisation's new name once it is renamed (nothing stale is kept on the engagement).
TEST_P(Engagements, SearchReadsTheOrganisationsCurrentName) {
  auto group = organisation();
  std::string marker = unique_name("Présidence ");
  auto engagement = create_engagement({{"organisation_id", group["id"]}, {"title_fr", marker}});
  auto search = [&](const std::string& query) {
    auto reply = admin().get("/api/v1/engagements?q=" + url_encode(query));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["total"].get<int>();
  };
  std::string old_name = group["name_fr"].get<std::string>();
  EXPECT_EQ(search(marker + " " + old_name), 1);
  std::string new_name = unique_name("Groupe renommé ");
  auto renamed = admin().patch("/api/v1/organisations/" + std::to_string(group["id"].get<int>()),
                               {{"name_fr", new_name}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(search(marker + " " + new_name), 1);
  EXPECT_EQ(search(marker + " " + old_name), 0);
  EXPECT_EQ(search(new_name), 1);
  EXPECT_EQ(admin().get(url_of(engagement)).json()["organisation"], new_name);
}

TEST_P(Engagements, EveryProblemOfADraftIsReportedAtItsField) {
  std::string marker = unique_name("Refusé ");
  auto refused = admin().post("/api/v1/engagements", {{"organisation_id", 987654321},
                                                      {"kind", "treaty"},
                                                      {"description_fr", marker},
                                                      {"starts_on", "2003-13"},
                                                      {"ends_on", "2003-02-30"},
                                                      {"themes", {"trading_system", "weather"}},
                                                      {"sdgs", {18}},
                                                      {"beneficiary_groups", {"g77"}},
                                                      {"beneficiary_countries", {"ZZ", "SN", "sn"}},
                                                      {"amount", "10.5"},
                                                      {"currency", "XOF"},
                                                      {"notifications", {{{"reference", "sans destinataire"}}}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  auto errors = refused.field_errors();
  for (const char* expected :
       {"organisation_id:unknown_organisation", "kind:invalid_choice", "title_fr:one_title_required",
        "starts_on:invalid_partial_date", "ends_on:invalid_partial_date", "themes[1]:invalid_choice",
        "sdgs[0]:out_of_range", "beneficiary_groups[0]:invalid_choice", "beneficiary_countries[0]:unknown_country",
        "beneficiary_countries[2]:duplicate", "amount:too_many_decimals", "notifications[0].organisation_id:required"})
    EXPECT_NE(std::find(errors.begin(), errors.end(), expected), errors.end()) << expected << "\n" << refused.body;
  EXPECT_NE(refused.body.find("Trop de décimales pour cette monnaie (0 au plus)."), std::string::npos) << refused.body;

  // Dates in order, read to the year or the month: a presidency "2003 to 2003" is in order, an
  // end the year before its start is not; a renewal or a notification before the start neither.
  auto org = organisation();
  auto dates = admin().post("/api/v1/engagements?lang=en",
                            {{"organisation_id", org["id"]},
                             {"kind", "presidency"},
                             {"title_en", marker},
                             {"starts_on", "2003"},
                             {"ends_on", "2002-12"},
                             {"renewed_on", "2001"},
                             {"amount", "12"},
                             {"notifications", {{{"organisation_id", org["id"]}, {"notified_on", "2002-06-01"}}}}});
  EXPECT_EQ(dates.field_errors(),
            (std::vector<std::string>{"ends_on:before_start", "renewed_on:before_engagement_start",
                                      "notifications[0].notified_on:before_engagement_start",
                                      "currency:required_with_amount"}))
      << dates.body;
  EXPECT_NE(dates.body.find("This date is before the engagement's start."), std::string::npos) << dates.body;
  EXPECT_EQ(admin().get("/api/v1/engagements?q=" + url_encode(marker)).json()["total"], 0) << "nothing stored";
  auto year = admin().post("/api/v1/engagements", {{"organisation_id", org["id"]},
                                                   {"kind", "presidency"},
                                                   {"title_fr", marker},
                                                   {"starts_on", "2003"},
                                                   {"ends_on", "2003"}});
  EXPECT_EQ(year.status, 201) << year.body;

  // Wrong types and unknown fields are the reader's problems.
  auto types = admin().post("/api/v1/engagements", {{"organisation_id", "one"},
                                                    {"kind", "pledge"},
                                                    {"title_fr", "Types"},
                                                    {"sdgs", {"three"}},
                                                    {"amount", 12.5},
                                                    {"colour", "blue"}});
  auto type_errors = types.field_errors();
  EXPECT_EQ(types.status, 422);
  for (const char* expected : {"organisation_id:wrong_type", "amount:wrong_type", "colour:unknown_field"})
    EXPECT_NE(std::find(type_errors.begin(), type_errors.end(), expected), type_errors.end()) << expected << "\n"
                                                                                              << types.body;
}

TEST_P(Engagements, UpdatesNeedTheVersionAndKeepAmountsExact) {
  auto pledge = create_engagement(
      {{"kind", "pledge"}, {"title_fr", unique_name("Contribution ")}, {"amount", "2500000"}, {"currency", "MAD"}});
  EXPECT_EQ(pledge["amount"], "2500000.00");
  auto stale = admin().patch(url_of(pledge), {{"title_en", "Pledge"}}, {{"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  // A new currency with the old amount would change its value: the amount is asked again.
  auto currency = admin().patch(url_of(pledge), {{"currency", "XOF"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(currency.field_errors(), std::vector<std::string>{"amount:required"}) << currency.body;
  auto changed = admin().patch(url_of(pledge), {{"currency", "XOF"}, {"amount", "1000000"}, {"sdgs", {4}}},
                               {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["amount"], "1000000");
  EXPECT_EQ(changed.json()["version"], 2);
  EXPECT_EQ(changed.header("etag"), "\"2\"");
  auto audit = admin().get("/api/v1/audit?record_kind=engagement&record_id=" + std::to_string(pledge["id"].get<int>()));
  EXPECT_EQ(audit.json()["total"], 2) << audit.body;
}

TEST_P(Engagements, ListFiltersByKindThemeGoalBeneficiaryAndYear) {
  std::string marker = unique_name("Flt");
  auto g77 = organisation();
  auto presidency = create_engagement({{"organisation_id", g77["id"]},
                                       {"kind", "presidency"},
                                       {"title_fr", "Présidence " + marker},
                                       {"starts_on", "2003"},
                                       {"ends_on", "2003"},
                                       {"themes", {"developing_countries_needs"}},
                                       {"sdgs", {17}}});
  auto debt = create_engagement({{"kind", "debt_measure"},
                                 {"title_fr", "Dette " + marker},
                                 {"starts_on", "2000-04-03"},
                                 {"themes", {"financing_for_development"}},
                                 {"sdgs", {1, 17}},
                                 {"beneficiary_groups", {"african_ldcs"}}});
  create_engagement({{"kind", "hosting"},
                     {"title_fr", "Conférence " + marker},
                     {"starts_on", "2016-11-07"},
                     {"ends_on", "2016-11-18"},
                     {"themes", {"climate_change"}},
                     {"beneficiary_countries", {"BR"}}});
  auto titles = [&](const std::string& query) {
    auto reply = admin().get("/api/v1/engagements?sort=title&q=" + marker + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return titles_of(reply);
  };
  EXPECT_EQ(titles("&kind=presidency"), std::vector<std::string>{"Présidence " + marker});
  EXPECT_EQ(titles("&theme=climate_change"), std::vector<std::string>{"Conférence " + marker});
  EXPECT_EQ(titles("&sdg=17"), (std::vector<std::string>{"Dette " + marker, "Présidence " + marker}));
  EXPECT_EQ(titles("&sdg=1"), std::vector<std::string>{"Dette " + marker});
  // Mali benefits through Africa's LDCs, Brazil by name; Morocco from none.
  EXPECT_EQ(titles("&benefits=ml"), std::vector<std::string>{"Dette " + marker});
  EXPECT_EQ(titles("&benefits=BR"), std::vector<std::string>{"Conférence " + marker});
  EXPECT_EQ(titles("&benefits=MA"), std::vector<std::string>{});
  // Under way during the year: the presidency in 2003, the measure since 2000 (no end).
  EXPECT_EQ(titles("&year=2003"), (std::vector<std::string>{"Dette " + marker, "Présidence " + marker}));
  EXPECT_EQ(titles("&year=2016"), (std::vector<std::string>{"Conférence " + marker, "Dette " + marker}));
  EXPECT_EQ(titles("&organisation_id=" + std::to_string(g77["id"].get<int>())),
            std::vector<std::string>{"Présidence " + marker});
  // Newest first by default.
  auto newest = admin().get("/api/v1/engagements?q=" + marker);
  EXPECT_EQ(titles_of(newest),
            (std::vector<std::string>{"Conférence " + marker, "Présidence " + marker, "Dette " + marker}));
  // Bad filters are named.
  for (const char* query : {"&kind=treaty", "&theme=x", "&sdg=18", "&benefits=ZZ", "&year=1800", "&sort=colour"}) {
    auto bad = admin().get(std::string("/api/v1/engagements?q=x") + query);
    EXPECT_EQ(bad.status, 422) << query << bad.body;
  }
  // The export has the list's rows and the amounts as typed.
  auto csv = admin().get("/api/v1/engagements/export?format=csv&sort=title&q=" + marker);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("Dette " + marker), std::string::npos);
  EXPECT_NE(csv.body.find("african_ldcs"), std::string::npos);
  EXPECT_EQ(debt["covered_countries"].size() > 20, true) << debt["covered_countries"];
  (void)presidency;
}

TEST_P(Engagements, PartnersSeeWhatBenefitsTheirCountriesAndHostsNothing) {
  std::string marker = unique_name("Scp");
  auto african = create_engagement(
      {{"kind", "debt_measure"}, {"title_fr", "Afrique " + marker}, {"beneficiary_groups", {"african_ldcs"}}});
  auto brazil =
      create_engagement({{"kind", "pledge"}, {"title_fr", "Brésil " + marker}, {"beneficiary_countries", {"BR"}}});
  auto nobody = create_engagement({{"kind", "membership"}, {"title_fr", "Adhésion " + marker}});
  Client partner = signed_in("partner", {{"countries", {"ML"}}});
  auto list = partner.get("/api/v1/engagements?q=" + marker);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(titles_of(list), std::vector<std::string>{"Afrique " + marker});
  EXPECT_EQ(partner.get(url_of(african)).status, 200);
  EXPECT_EQ(partner.get(url_of(brazil)).status, 404);
  EXPECT_EQ(partner.get(url_of(nobody)).status, 404);
  EXPECT_EQ(partner.get("/api/v1/engagements?benefits=BR&q=" + marker).json()["total"], 0);
  auto csv = partner.get("/api/v1/engagements/export?format=csv&q=" + marker);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.find("Brésil " + marker), std::string::npos);
  EXPECT_EQ(csv.body.find("Adhésion " + marker), std::string::npos);

  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  Client host = signed_in("host", {{"organisations", {institute["id"]}}});
  EXPECT_EQ(host.get("/api/v1/engagements").status, 403);
  EXPECT_EQ(host.get(url_of(african)).status, 403);
}

struct Expectation {
  const char* role;
  bool read, write;
};
// The rules of engagement_access.cpp, for an engagement benefiting the partner's country.
constexpr Expectation kMatrix[] = {{"admin", true, true},    {"manager", true, true},  {"officer", true, true},
                                   {"finance", true, false}, {"partner", true, false}, {"host", false, false},
                                   {"viewer", true, false}};

TEST_P(Engagements, EveryRoleTimesEveryAction) {
  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  auto body = organisation();
  for (const auto& expected : kMatrix) {
    SCOPED_TRACE(expected.role);
    auto record = create_engagement(
        {{"organisation_id", body["id"]}, {"title_fr", unique_name("Matrice ")}, {"beneficiary_countries", {"SN"}}});
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    if (std::string(expected.role) == "host") scope["organisations"] = {institute["id"]};
    Client user = signed_in(expected.role, scope);
    auto list = user.get("/api/v1/engagements?q=" + url_encode(record["title_fr"].get<std::string>()));
    EXPECT_EQ(list.status == 200 && list.json()["total"] == 1, expected.read) << list.body;
    EXPECT_EQ(user.get(url_of(record)).status, expected.read ? 200 : 403);
    EXPECT_EQ(user.get("/api/v1/engagements/export?format=csv").status, expected.read ? 200 : 403);
    auto create =
        user.post("/api/v1/engagements",
                  {{"organisation_id", body["id"]}, {"kind", "candidature"}, {"title_fr", unique_name("Créé ")}});
    EXPECT_EQ(create.status, expected.write ? 201 : 403) << create.body;
    auto update = user.patch(url_of(record), {{"description_fr", "Revu"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.write ? 200 : 403) << update.body;
    if (!expected.write) {
      EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1) << "a refused write changed it";
    }
  }
}

TAAWUN_ON_BOTH_DATABASES(Engagements);

}  // namespace
}  // namespace taawun::testing
