// Actions through the API: creation with sectors, funders and quotas, the rules that tie them
// together, the status machine, filters, and who may see what. On SQLite and PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Actions : public ApiTest {
 protected:
  std::string path(const json& action) { return "/api/v1/actions/" + std::to_string(action["id"].get<int>()); }
  std::map<std::string, std::string> if_match(const json& record) {
    return {{"If-Match", "\"" + std::to_string(record["version"].get<int>()) + "\""}};
  }
};

TEST_P(Actions, CreateWithSectorsFundersAndQuotas) {
  auto donor = create_organisation({{"kind", "10"}, {"name_fr", "Agence " + unique_name("D")}, {"country", "JP"}});
  auto action = create_action(
      {{"action_type", "in_situ_training"},
       {"domain", "fisheries"},
       {"country", "SN"},
       {"city", "Dakar"},
       {"modality", "triangular"},
       {"funders", json::array({{{"organisation_id", donor["id"]}, {"share", 100}}})},
       {"sectors", json::array({{{"code", "31310"}, {"percentage", 60}}, {{"code", "31320"}, {"percentage", 40}}})},
       {"quotas", json::array({{{"country", "sn"}, {"seats", 6}}, {{"country", "ML"}, {"seats", 4}}})},
       {"sdg_targets", json::array({"14.b"})},
       {"estimated_cost", 250000}});
  EXPECT_EQ(action["status"], "planned");
  EXPECT_EQ(action["country_name"], "Sénégal");
  EXPECT_EQ(action["action_type_name"], "Formation in situ dans le pays bénéficiaire");
  EXPECT_EQ(action["currency"], "MAD");  // the agency's currency when a cost is given without one
  ASSERT_EQ(action["sectors"].size(), 2u);
  EXPECT_EQ(action["sectors"][0]["code"], "31310");
  EXPECT_EQ(action["funders"][0]["share"], 100);
  ASSERT_EQ(action["quotas"].size(), 2u);
  EXPECT_EQ(action["quotas"][0]["country"], "ML");
  EXPECT_EQ(action["quotas"][1]["country"], "SN");
  EXPECT_EQ(action["next_statuses"], json::array({"open", "cancelled"}));

  auto read = admin().get(path(action) + "?lang=en");
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.header("etag"), "\"1\"");
  EXPECT_EQ(read.json()["country_name"], "Senegal");
  EXPECT_EQ(read.json()["sdg_targets"], json::array({"14.b"}));

  auto audit = admin().get("/api/v1/audit?record_kind=action&record_id=" + std::to_string(action["id"].get<int>()));
  ASSERT_EQ(audit.json()["total"], 1) << audit.body;
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");
}

TEST_P(Actions, TrainingInMoroccoDefaultsPlaceAndSector) {
  auto action = create_action({{"domain", "health"}});
  EXPECT_EQ(action["country"], "MA");
  ASSERT_EQ(action["sectors"].size(), 1u);
  EXPECT_EQ(action["sectors"][0]["percentage"], 100);
}

TEST_P(Actions, RefusesEveryBrokenRuleAtOnce) {
  auto reply = admin().post(
      "/api/v1/actions",
      {{"action_type", "short_training"},
       {"domain", "no_such_domain"},
       {"country", "SN"},
       {"start_date", "2031-02-30"},
       {"end_date", "2031-01-01"},
       {"seats", 5},
       {"modality", "triangular"},
       {"sectors", json::array({{{"code", "31310"}, {"percentage", 70}}, {{"code", "99999"}, {"percentage", 20}}})},
       {"quotas", json::array({{{"country", "SN"}, {"seats", 4}}, {{"country", "SN"}, {"seats", 3}}})},
       {"language", "de"},
       {"colour", "blue"}});
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto errors = reply.field_errors();
  for (const char* expected :
       {"domain:unknown_code", "title_fr:one_name_required", "country:place_must_be_morocco", "start_date:invalid_date",
        "funders:required_for_triangular", "sectors[1].code:unknown_code", "sectors:percentages_not_100",
        "quotas[1].country:duplicate", "quotas:quotas_exceed_seats", "language:invalid_choice", "colour:unknown_field"})
    EXPECT_NE(std::find(errors.begin(), errors.end(), expected), errors.end()) << expected << "\n" << reply.body;

  auto dates = admin().post("/api/v1/actions", {{"action_type", "expert_mission"},
                                                {"domain", "water"},
                                                {"title_fr", "Mission"},
                                                {"country", "MA"},
                                                {"start_date", "2031-02-10"},
                                                {"end_date", "2031-02-01"},
                                                {"seats", 1}});
  ASSERT_EQ(dates.status, 422);
  EXPECT_EQ(dates.field_errors(), (std::vector<std::string>{"country:place_must_be_abroad", "end_date:before_start"}));
}

TEST_P(Actions, StatusMovesOnlyAlongAllowedTransitions) {
  auto action = create_action();
  auto skipped = admin().post(path(action) + "/status", {{"status", "ongoing"}}, if_match(action));
  ASSERT_EQ(skipped.status, 422) << skipped.body;
  EXPECT_EQ(skipped.field_errors(), std::vector<std::string>{"status:transition_not_allowed"});
  EXPECT_NE(skipped.json()["errors"][0]["message"].get<std::string>().find("open"), std::string::npos) << skipped.body;

  auto stale = admin().post(path(action) + "/status", {{"status", "open"}}, {{"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 412);
  auto moved = move_action(action, {"open", "selection_closed", "ongoing", "completed"});
  EXPECT_EQ(moved["status"], "completed");
  EXPECT_EQ(moved["next_statuses"], json::array());
  auto again = admin().post(path(moved) + "/status", {{"status", "cancelled"}}, if_match(moved));
  EXPECT_EQ(again.status, 422);

  auto history = admin().get("/api/v1/audit?record_kind=action&record_id=" + std::to_string(action["id"].get<int>()));
  EXPECT_EQ(history.json()["total"], 5);  // created, then four status changes
}

TEST_P(Actions, UpdateNeedsTheCurrentVersionAndKeepsQuotasWithinSeats) {
  auto action = create_action({{"quotas", json::array({{{"country", "GA"}, {"seats", 5}}})}});
  auto stale = admin().patch(path(action), {{"seats", 20}}, {{"If-Match", "\"9\""}});
  EXPECT_EQ(stale.status, 412);
  auto shrunk = admin().patch(path(action), {{"seats", 4}}, if_match(action));
  ASSERT_EQ(shrunk.status, 422);
  EXPECT_EQ(shrunk.field_errors(), std::vector<std::string>{"quotas:quotas_exceed_seats"});
  auto unchanged = admin().get(path(action));
  EXPECT_EQ(unchanged.json()["seats"], 10);
  EXPECT_EQ(unchanged.json()["version"], 1);

  auto grown = admin().patch(
      path(action), {{"seats", 20}, {"quotas", json::array({{{"country", "GA"}, {"seats", 12}}})}}, if_match(action));
  ASSERT_EQ(grown.status, 200) << grown.body;
  EXPECT_EQ(grown.json()["version"], 2);
  EXPECT_EQ(grown.json()["quotas"][0]["seats"], 12);
}

TEST_P(Actions, ListFiltersByYearCountryTypeAndStatus) {
  std::string marker = unique_name("Zq");
  auto a = create_action(
      {{"title_fr", "Hydrologie " + marker}, {"quotas", json::array({{{"country", "NE"}, {"seats", 3}}})}});
  create_action({{"title_fr", "Hydrologie " + marker}, {"start_date", "2032-01-10"}, {"end_date", "2032-01-20"}});
  create_action({{"title_fr", "Hydrologie " + marker},
                 {"action_type", "expert_mission"},
                 {"country", "NE"},
                 {"start_date", "2031-05-01"},
                 {"end_date", "2031-05-09"},
                 {"seats", 1}});
  move_action(a, {"open"});
  auto q = "/api/v1/actions?q=" + url_encode(marker);
  EXPECT_EQ(admin().get(q).json()["total"], 3);
  EXPECT_EQ(admin().get(q + "&year=2031").json()["total"], 2);
  EXPECT_EQ(admin().get(q + "&year=2031&country=NE").json()["total"], 2);  // a quota for Niger, or held in Niger
  EXPECT_EQ(admin().get(q + "&country=ne&action_type=expert_mission").json()["total"], 1);
  // The quota's year follows its action's dates: moved to 2032, it leaves 2031 for Niger.
  EXPECT_EQ(admin().get(q + "&year=2032&country=NE").json()["total"], 0);
  auto current = admin().get(path(a)).json();
  auto moved = admin().patch(path(a), {{"start_date", "2032-02-02"}, {"end_date", "2032-02-20"}}, if_match(current));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(admin().get(q + "&year=2031&country=NE").json()["total"], 1);
  EXPECT_EQ(admin().get(q + "&year=2032&country=NE").json()["total"], 1);
  a = moved.json();
  auto open = admin().get(q + "&status=open");
  ASSERT_EQ(open.json()["total"], 1);
  EXPECT_EQ(open.json()["items"][0]["id"], a["id"]);
  EXPECT_FALSE(open.json()["items"][0].contains("sectors"));  // details stay on the detail
  auto sorted = admin().get(q + "&sort=start_date");
  EXPECT_EQ(sorted.json()["items"][0]["start_date"], "2031-05-01");
  auto bad = admin().get(q + "&status=finished&year=1800&sort=colour");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.field_errors().size(), 3u) << bad.body;
}

TEST_P(Actions, PartnersSeeActionsOpenToTheirCountriesHostsTheirOwnAndOnlyStaffWrite) {
  std::string marker = unique_name("Zp");
  auto host_org = create_organisation({{"kind", "80"}, {"name_fr", "Institut " + marker}, {"country", "MA"}});
  auto for_senegal =
      create_action({{"title_fr", "A " + marker}, {"quotas", json::array({{{"country", "SN"}, {"seats", 2}}})}});
  auto for_mali = create_action({{"title_fr", "B " + marker},
                                 {"quotas", json::array({{{"country", "ML"}, {"seats", 2}}})},
                                 {"host_organisation_id", host_org["id"]}});
  auto for_all = create_action({{"title_fr", "C " + marker}});

  Client partner = signed_in("partner", {{"countries", {"SN"}}});
  auto seen = partner.get("/api/v1/actions?sort=title&q=" + url_encode(marker));
  ASSERT_EQ(seen.json()["total"], 2) << seen.body;
  EXPECT_EQ(seen.json()["items"][0]["id"], for_senegal["id"]);
  EXPECT_EQ(seen.json()["items"][1]["id"], for_all["id"]);
  EXPECT_EQ(partner.get(path(for_mali)).status, 404);
  EXPECT_EQ(partner.post("/api/v1/actions", {{"title_fr", "x"}}).status, 403);

  Client host = signed_in("host", {{"organisations", {host_org["id"]}}});
  auto hosted = host.get("/api/v1/actions?q=" + url_encode(marker));
  ASSERT_EQ(hosted.json()["total"], 1);
  EXPECT_EQ(hosted.json()["items"][0]["id"], for_mali["id"]);
  EXPECT_EQ(host.patch(path(for_mali), {{"seats", 3}}, if_match(for_mali)).status, 403);

  for (const char* role : {"finance", "viewer"}) {
    Client reader = signed_in(role);
    EXPECT_EQ(reader.get("/api/v1/actions?q=" + url_encode(marker)).json()["total"], 3) << role;
    EXPECT_EQ(reader.post(path(for_all) + "/status", {{"status", "open"}}, if_match(for_all)).status, 403) << role;
  }
  Client officer = signed_in("officer");
  EXPECT_EQ(officer.post(path(for_all) + "/status", {{"status", "open"}}, if_match(for_all)).status, 200);
}

TAAWUN_ON_BOTH_DATABASES(Actions);

}  // namespace
}  // namespace taawun::testing
