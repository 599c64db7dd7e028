// Alumni follow-up through the API: dated records of what former participants became, listed
// newest first, validated, audited, for staff and the focal points of the person's country.
// On SQLite and PostgreSQL.
#include "api/participation.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;
using namespace participation;

class FollowUps : public ApiTest {
 protected:
  json alumnus(const std::string& nationality) {
    return person(admin(), {{"latin_name", "Ancien " + unique_name("A")}, {"nationality", nationality}});
  }
  static std::string path(const json& person) { return "/api/v1/people/" + id_of(person) + "/follow-ups"; }
};

TEST_P(FollowUps, RecordedAndListedNewestFirst) {
  auto who = alumnus("SN");
  auto older = admin().post(path(who), {{"recorded_on", "2025-01-10"},
                                        {"position", "Prévisionniste"},
                                        {"organisation_name", "ANACIM"},
                                        {"contact_consent", true}});
  ASSERT_EQ(older.status, 201) << older.body;
  EXPECT_EQ(older.json()["contact_consent"], true);
  auto today = admin().post(path(who), {{"position", "  Chef de service  "}, {"note", "Promu"}});
  ASSERT_EQ(today.status, 201) << today.body;
  EXPECT_EQ(today.json()["recorded_on"].get<std::string>().size(), 10u);
  EXPECT_EQ(today.json()["position"], "Chef de service");
  EXPECT_EQ(today.json()["contact_consent"], false);

  auto listed = admin().get(path(who));
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json()["total"], 2);
  EXPECT_EQ(listed.json()["items"][0]["id"], today.json()["id"]);
  EXPECT_EQ(listed.json()["items"][1]["organisation_name"], "ANACIM");

  auto audit = admin().get("/api/v1/audit?record_kind=follow_up&record_id=" + id_of(older.json()));
  ASSERT_EQ(audit.json()["total"], 1);
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");
}

TEST_P(FollowUps, FieldsAreChecked) {
  auto who = alumnus("ML");
  auto bad = admin().post(path(who), {{"recorded_on", "2099-01-01"},
                                      {"position", std::string(201, 'p')},
                                      {"contact_consent", "yes"},
                                      {"salary", 100}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  auto errors = bad.field_errors();
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors, (std::vector<std::string>{"contact_consent:wrong_type", "position:too_long",
                                              "recorded_on:future_date", "salary:unknown_field"}));
  EXPECT_EQ(admin().post(path(who), {{"recorded_on", "2025-02-30"}}).field_errors(),
            std::vector<std::string>{"recorded_on:invalid_date"});
  EXPECT_EQ(admin().get(path(who)).json()["total"], 0) << "nothing was written";
  EXPECT_EQ(admin().post("/api/v1/people/999999999/follow-ups", json::object()).status, 404);
}

TEST_P(FollowUps, StaffAndTheFocalPointsOfThePersonsCountry) {
  auto senegalese = alumnus("SN");
  Client focal_point = signed_in("partner", {{"countries", {"SN"}}});
  ASSERT_EQ(focal_point.post(path(senegalese), {{"position", "Ingénieure"}}).status, 201);
  EXPECT_EQ(focal_point.get(path(senegalese)).json()["total"], 1);
  Client other = signed_in("partner", {{"countries", {"GA"}}});
  EXPECT_EQ(other.get(path(senegalese)).status, 404);
  EXPECT_EQ(other.post(path(senegalese), json::object()).status, 404);
  for (const char* role : {"finance", "viewer"})
    EXPECT_EQ(signed_in(role).post(path(senegalese), json::object()).status, 403) << role;
  // A host focal point does not even see people nominated to no action of theirs.
  Client host = signed_in(
      "host", {{"organisations",
                {create_organisation({{"kind", "80"}, {"name_fr", unique_name("H ")}, {"country", "MA"}})["id"]}}});
  EXPECT_EQ(host.get(path(senegalese)).status, 404);
  Client manager = signed_in("manager");
  EXPECT_EQ(manager.get(path(senegalese)).status, 200);

  // A Malian nominated by Senegal: Senegal's focal point sees them, but follows only its nationals.
  auto malian = alumnus("ML");
  auto action = open_action(admin(), {{"quotas", json::array({{{"country", "SN"}, {"seats", 2}}})}});
  ASSERT_EQ(
      admin()
          .post("/api/v1/actions/" + id_of(action) + "/nominations", {{"person_id", malian["id"]}, {"country", "SN"}})
          .status,
      201);
  EXPECT_EQ(focal_point.get("/api/v1/people/" + id_of(malian)).status, 200);
  EXPECT_EQ(focal_point.get(path(malian)).status, 403);
}

TEST_P(FollowUps, AMergedRecordIsFollowedOnTheSurvivor) {
  auto survivor = alumnus("CI");
  auto duplicate = alumnus("CI");
  ASSERT_EQ(admin().post(path(duplicate), {{"recorded_on", "2025-05-01"}, {"position", "Technicien"}}).status, 201);
  auto merged = admin().post("/api/v1/people/" + id_of(survivor) + "/merge",
                             {{"duplicate_id", duplicate["id"]}, {"duplicate_version", duplicate["version"]}},
                             if_match(survivor));
  ASSERT_EQ(merged.status, 200) << merged.body;
  auto listed = admin().get(path(survivor));
  ASSERT_EQ(listed.json()["total"], 1);
  EXPECT_EQ(listed.json()["items"][0]["person_id"], duplicate["id"]);
  EXPECT_EQ(admin().post(path(duplicate), json::object()).field_errors(),
            std::vector<std::string>{"person_id:merged_person"});
}

TAAWUN_ON_BOTH_DATABASES(FollowUps);

}  // namespace
}  // namespace taawun::testing
