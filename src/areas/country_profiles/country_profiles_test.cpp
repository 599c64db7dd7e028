// A country's whole picture through the API (issue 15): what an agreement, an action with the
// country's participants, a certificate, a request and an engagement add to it (read as
// differences, since other tests write to the same servers), and who may read which country's
// profile. Each test runs on SQLite and PostgreSQL.
#include <chrono>

#include "api/participation.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;
namespace p = participation;

// Comoros: a country the other tests leave alone, so that the differences are this test's own.
constexpr const char* kCountry = "KM";

class CountryProfiles : public ApiTest {
 protected:
  json profile(const std::string& code = kCountry) {
    auto reply = admin().get("/api/v1/countries/" + code + "/profile");
    if (reply.status != 200) throw std::runtime_error("could not read the profile: " + reply.body);
    return reply.json();
  }
};

std::int64_t year_figure(const json& profile, int year, const char* figure) {
  for (const auto& line : profile["by_year"])
    if (line["year"] == year) return line[figure].get<std::int64_t>();
  return 0;
}

const json* find_id(const json& list, const json& id) {
  for (const auto& item : list)
    if (item["id"] == id) return &item;
  return nullptr;
}

TEST_P(CountryProfiles, SumsWhatWasDoneWithTheCountry) {
  json before = profile();
  EXPECT_EQ(before["country"]["name"], "Comores");
  EXPECT_EQ(before["country"]["ldc"], true);

  // An agreement in force expiring within weeks, and an expired one (counted, not listed).
  auto in_force =
      admin().post("/api/v1/agreements", {{"kind", "framework"},
                                          {"modality", "bilateral"},
                                          {"status", "in_force"},
                                          {"title_fr", unique_name("Accord-cadre Comores ")},
                                          {"signed_on", "2021-01-10"},
                                          {"in_force_on", "2021-02-01"},
                                          {"expires_on", day_from_today(30)},
                                          {"parties", {{{"country", kCountry}, {"roles", {"signatory"}}}}}});
  ASSERT_EQ(in_force.status, 201) << in_force.body;
  auto expired = admin().post("/api/v1/agreements", {{"kind", "memorandum"},
                                                     {"modality", "bilateral"},
                                                     {"status", "in_force"},
                                                     {"title_fr", unique_name("Mémorandum ancien ")},
                                                     {"signed_on", "2010-01-10"},
                                                     {"in_force_on", "2010-02-01"},
                                                     {"expires_on", "2015-02-01"},
                                                     {"parties", {{{"country", kCountry}, {"roles", {"signatory"}}}}}});
  ASSERT_EQ(expired.status, 201) << expired.body;
  auto ended =
      admin().patch("/api/v1/agreements/" + p::id_of(expired.json()), {{"status", "expired"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(ended.status, 200) << ended.body;

  // An action of 2031 with two Comorian nominees: one completes with a certificate, the other
  // withdraws before arriving (nominated, not a participant).
  auto action = p::open_action(admin(), {{"quotas", json::array({{{"country", kCountry}, {"seats", 5}}})}});
  auto first = p::person(
      admin(), {{"latin_name", "Said " + unique_family("Moh", 'a')}, {"sex", "male"}, {"nationality", kCountry}});
  auto second = p::person(
      admin(), {{"latin_name", "Zaina " + unique_family("Abd", 'i')}, {"sex", "female"}, {"nationality", kCountry}});
  auto completing = p::walk(admin(), p::nominate(admin(), action, first), {"under_review", "selected"});
  auto withdrawing = p::nominate(admin(), action, second);
  p::walk(admin(), withdrawing, {"withdrawn"});
  p::advance_action(admin(), action, {"selection_closed", "ongoing"});
  completing = p::walk(admin(), completing, {"confirmed", "arrived"});
  completing = p::present(admin(), completing, {"2031-03-02", "2031-03-03"});
  completing = p::walk(admin(), completing, {"completed"});
  ASSERT_EQ(admin().post("/api/v1/nominations/" + p::id_of(completing) + "/certificate", nullptr).status, 201);

  // An open request, and an engagement benefiting the country by name.
  auto request = admin().post("/api/v1/requests", {{"country", kCountry},
                                                   {"domain", "health"},
                                                   {"title", unique_name("Formation de sages-femmes ")},
                                                   {"priority", "high"},
                                                   {"channel", "embassy"},
                                                   {"received_on", "2026-10-02"}});
  ASSERT_EQ(request.status, 201) << request.body;
  auto body = create_organisation({{"kind", "40"}, {"name_fr", unique_name("Organisation ")}});
  auto engagement = admin().post("/api/v1/engagements", {{"organisation_id", body["id"]},
                                                         {"kind", "pledge"},
                                                         {"title_fr", unique_name("Contribution ")},
                                                         {"starts_on", "2024"},
                                                         {"beneficiary_countries", {kCountry}}});
  ASSERT_EQ(engagement.status, 201) << engagement.body;

  // A joint commission session with one decision done of two, and Morocco's embassy in Dar es
  // Salaam accredited to the Comoros (non-resident).
  auto session =
      admin().post("/api/v1/joint-commissions", {{"country", kCountry}, {"number", 901}, {"start_on", "2025-05-12"}});
  ASSERT_EQ(session.status, 201) << session.body;
  std::string session_url = "/api/v1/joint-commissions/" + p::id_of(session.json());
  for (const char* status : {"done", "planned"}) {
    auto decision = admin().post(session_url + "/decisions", {{"text_fr", unique_name("Décision ")},
                                                              {"domain", "health"},
                                                              {"responsible_organisation_id", body["id"]},
                                                              {"status", status}});
    ASSERT_EQ(decision.status, 201) << decision.body;
  }
  auto embassy = admin().post("/api/v1/diplomatic-missions", {{"kind", "embassy"},
                                                              {"sending_country", "MA"},
                                                              {"receiving_country", "TZ"},
                                                              {"city", unique_name("Dar es Salaam ")},
                                                              {"jurisdiction", {kCountry}}});
  ASSERT_EQ(embassy.status, 201) << embassy.body;

  json after = profile("km");
  const json* held = find_id(after["joint_commissions"], session.json()["id"]);
  ASSERT_NE(held, nullptr) << after["joint_commissions"];
  EXPECT_EQ((*held)["decisions"], 2);
  EXPECT_EQ((*held)["done"], 1);
  const json* covering = find_id(after["moroccan_missions"], embassy.json()["id"]);
  ASSERT_NE(covering, nullptr) << after["moroccan_missions"];
  EXPECT_EQ((*covering)["resident"], false);
  const json* listed = find_id(after["agreements"], in_force.json()["id"]);
  ASSERT_NE(listed, nullptr) << after["agreements"];
  EXPECT_EQ((*listed)["expiring"], true);
  EXPECT_EQ((*listed)["status"], "in_force");
  EXPECT_EQ(find_id(after["agreements"], expired.json()["id"]), nullptr) << "an expired agreement is listed";
  auto status_count = [](const json& profile, const char* status) {
    return profile["agreements_by_status"].value(status, 0);
  };
  EXPECT_EQ(status_count(after, "in_force") - status_count(before, "in_force"), 1);
  EXPECT_EQ(status_count(after, "expired") - status_count(before, "expired"), 1);

  EXPECT_EQ(year_figure(after, 2031, "actions") - year_figure(before, 2031, "actions"), 1);
  EXPECT_EQ(year_figure(after, 2031, "participants") - year_figure(before, 2031, "participants"), 1);
  EXPECT_EQ(year_figure(after, 2031, "completed") - year_figure(before, 2031, "completed"), 1);
  for (const char* total : {"actions", "participants", "completed", "people_trained", "certificates"})
    EXPECT_EQ(after["totals"][total].get<std::int64_t>() - before["totals"][total].get<std::int64_t>(), 1) << total;
  bool meteorology = false;
  for (const auto& line : after["by_domain"]) meteorology = meteorology || line["domain"] == "meteorology";
  EXPECT_TRUE(meteorology) << after["by_domain"];

  EXPECT_NE(find_id(after["open_requests"], request.json()["id"]), nullptr) << after["open_requests"];
  const json* benefiting = find_id(after["engagements"], engagement.json()["id"]);
  ASSERT_NE(benefiting, nullptr) << after["engagements"];
  EXPECT_EQ((*benefiting)["organisation"], body["name_fr"]);
  // Counts only: no person's name anywhere in the answer.
  std::string text = after.dump();
  EXPECT_EQ(text.find(first["latin_name"].get<std::string>()), std::string::npos);
}

TEST_P(CountryProfiles, PartnersReadTheirCountriesOnlyAndHostsNone) {
  Client partner = signed_in("partner", {{"countries", {kCountry}}});
  EXPECT_EQ(partner.get("/api/v1/countries/KM/profile").status, 200);
  EXPECT_EQ(partner.get("/api/v1/countries/SN/profile").status, 404);
  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  Client host = signed_in("host", {{"organisations", {institute["id"]}}});
  EXPECT_EQ(host.get("/api/v1/countries/KM/profile").status, 403);
  for (const char* role : {"viewer", "finance", "officer", "manager"}) {
    Client reader = signed_in(role);
    EXPECT_EQ(reader.get("/api/v1/countries/SN/profile").status, 200) << role;
  }
  EXPECT_EQ(admin().get("/api/v1/countries/ZZ/profile").status, 404);
  EXPECT_EQ(admin().get("/api/v1/countries/KM/profile?lang=ar").json()["country"]["name"], "جزر القمر");
}

TAAWUN_ON_BOTH_DATABASES(CountryProfiles);

}  // namespace
}  // namespace taawun::testing
