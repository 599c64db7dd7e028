// Participants' evaluations through the API: recorded for them by staff or their country's focal
// point once they have arrived, guarded by the nomination's ETag, validated, audited, and
// summarised per action for staff and the host institution. On SQLite and PostgreSQL.
#include "api/participation.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;
using namespace participation;

class Evaluations : public ApiTest {
 protected:
  // An ongoing action hosted by a new institution, with `count` participants of `country`,
  // each walked to `state`.
  struct Course {
    json host, action;
    std::vector<json> nominations;
  };
  Course course(const std::string& country, int count, const char* state = "arrived") {
    Course c;
    c.host = create_organisation({{"kind", "80"}, {"name_fr", "Institut " + unique_name("H")}, {"country", "MA"}});
    c.action = open_action(admin(), {{"host_organisation_id", c.host["id"]},
                                     {"quotas", json::array({{{"country", country}, {"seats", 5}}})}});
    for (int i = 0; i < count; ++i)
      c.nominations.push_back(
          walk(admin(),
               nominate(admin(), c.action,
                        person(admin(), {{"latin_name", "Participant " + unique_name("E")}, {"nationality", country}})),
               {"under_review", "selected", "confirmed"}));
    c.action = advance_action(admin(), c.action, {"selection_closed", "ongoing"});
    for (auto& nomination : c.nominations) {
      nomination = walk(admin(), nomination, {"arrived"});
      if (std::string(state) != "arrived") nomination = walk(admin(), nomination, {state});
    }
    return c;
  }
  static std::string path(const json& nomination) { return "/api/v1/nominations/" + id_of(nomination) + "/evaluation"; }
};

TEST_P(Evaluations, RecordedByTheFocalPointGuardedByTheNominationsETagAndAudited) {
  auto c = course("SN", 1);
  auto& nomination = c.nominations[0];
  Client focal_point = signed_in("partner", {{"countries", {"SN"}}});
  EXPECT_EQ(focal_point.get(path(nomination)).status, 404);  // none yet
  auto missing = focal_point.put(path(nomination), {{"overall", 4}});
  EXPECT_EQ(missing.status, 428);
  auto created = focal_point.put(path(nomination),
                                 {{"overall", 4}, {"content", 5}, {"usefulness", 3}, {"comment", "  Très utile.  "}},
                                 if_match(nomination));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["overall"], 4);
  EXPECT_EQ(created.json()["content"], 5);
  EXPECT_TRUE(created.json()["organisation"].is_null());
  EXPECT_EQ(created.json()["comment"], "Très utile.");
  EXPECT_EQ(created.header("etag"), "\"" + std::to_string(nomination["version"].get<int>() + 1) + "\"");

  auto read = focal_point.get(path(nomination));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json(), created.json());
  EXPECT_EQ(read.header("etag"), created.header("etag"));

  auto stale = admin().put(path(nomination), {{"overall", 2}}, if_match(nomination));
  EXPECT_EQ(stale.status, 412);
  auto replaced =
      admin().put(path(nomination), {{"overall", 2}, {"organisation", 1}}, {{"If-Match", read.header("etag")}});
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["overall"], 2);
  EXPECT_TRUE(replaced.json()["content"].is_null()) << "a recorded evaluation is replaced whole";
  EXPECT_TRUE(replaced.json()["comment"].is_null());

  auto audit = admin().get("/api/v1/audit?record_kind=evaluation&record_id=" + id_of(nomination) + "&sort=at");
  ASSERT_EQ(audit.json()["total"], 2) << audit.body;
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");
  EXPECT_EQ(audit.json()["items"][1]["action"], "update");
}

TEST_P(Evaluations, ScoresAreCheckedAndOnlyThoseWhoCameAreEvaluated) {
  auto c = course("ML", 1);
  auto& nomination = c.nominations[0];
  auto bad = admin().put(path(nomination),
                         {{"content", 0},
                          {"organisation", 6},
                          {"usefulness", "five"},
                          {"comment", std::string(2001, 'x')},
                          {"mood", "good"}},
                         if_match(nomination));
  ASSERT_EQ(bad.status, 422) << bad.body;
  auto errors = bad.field_errors();
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors,
            (std::vector<std::string>{"comment:too_long", "content:out_of_range", "mood:unknown_field",
                                      "organisation:out_of_range", "overall:required", "usefulness:wrong_type"}));
  EXPECT_EQ(admin().put(path(nomination), {{"overall", 9}}, if_match(nomination)).field_errors(),
            std::vector<std::string>{"overall:out_of_range"});

  // Selected but not yet arrived: nothing to evaluate.
  auto action = open_action(admin(), {{"quotas", json::array({{{"country", "ML"}, {"seats", 2}}})}});
  auto selected = walk(
      admin(), nominate(admin(), action, person(admin(), {{"latin_name", unique_name("Sel ")}, {"nationality", "ML"}})),
      {"under_review", "selected"});
  auto early = admin().put(path(selected), {{"overall", 5}}, if_match(selected));
  EXPECT_EQ(early.field_errors(), std::vector<std::string>{"state:not_arrived"});
  // Dropped out: their view still counts.
  auto dropped = walk(admin(), nomination, {"dropped_out"});
  EXPECT_EQ(admin().put(path(dropped), {{"overall", 1}}, if_match(dropped)).status, 201);
}

TEST_P(Evaluations, OnlyStaffAndTheCountrysFocalPointRecordAndRead) {
  auto c = course("CM", 1);
  auto& nomination = c.nominations[0];
  Client host = signed_in("host", {{"organisations", {c.host["id"]}}});
  EXPECT_EQ(host.put(path(nomination), {{"overall", 5}}, if_match(nomination)).status, 403);
  Client finance = signed_in("finance");
  EXPECT_EQ(finance.put(path(nomination), {{"overall", 5}}, if_match(nomination)).status, 403);
  Client viewer = signed_in("viewer");
  EXPECT_EQ(viewer.put(path(nomination), {{"overall", 5}}, if_match(nomination)).status, 403);
  Client other = signed_in("partner", {{"countries", {"GA"}}});
  EXPECT_EQ(other.put(path(nomination), {{"overall", 5}}, if_match(nomination)).status, 404);
  Client officer = signed_in("officer");
  ASSERT_EQ(officer.put(path(nomination), {{"overall", 5}}, if_match(nomination)).status, 201);
  EXPECT_EQ(host.get(path(nomination)).status, 403);  // hosts read the anonymous summary instead
  EXPECT_EQ(other.get(path(nomination)).status, 404);
  EXPECT_EQ(viewer.get(path(nomination)).status, 403);
}

TEST_P(Evaluations, AnActionsSummaryGoesToStaffAndItsHostWithoutNames) {
  auto c = course("BJ", 3, "completed");
  std::string summary_path = "/api/v1/actions/" + id_of(c.action) + "/evaluations";
  auto empty = admin().get(summary_path);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json()["count"], 0);
  EXPECT_TRUE(empty.json()["scores"]["overall"]["average"].is_null());

  ASSERT_EQ(admin()
                .put(path(c.nominations[0]), {{"overall", 5}, {"content", 4}, {"comment", "Excellent"}},
                     if_match(c.nominations[0]))
                .status,
            201);
  ASSERT_EQ(admin().put(path(c.nominations[1]), {{"overall", 4}, {"content", 3}}, if_match(c.nominations[1])).status,
            201);
  ASSERT_EQ(admin()
                .put(path(c.nominations[2]), {{"overall", 4}, {"comment", "Trop court"}}, if_match(c.nominations[2]))
                .status,
            201);
  Client host = signed_in("host", {{"organisations", {c.host["id"]}}});
  auto summary = host.get(summary_path);
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_EQ(summary.json()["count"], 3);
  EXPECT_EQ(summary.json()["scores"]["overall"]["answers"], 3);
  EXPECT_DOUBLE_EQ(summary.json()["scores"]["overall"]["average"].get<double>(), 4.33);
  EXPECT_EQ(summary.json()["scores"]["content"]["answers"], 2);
  EXPECT_DOUBLE_EQ(summary.json()["scores"]["content"]["average"].get<double>(), 3.5);
  EXPECT_TRUE(summary.json()["scores"]["usefulness"]["average"].is_null());
  ASSERT_EQ(summary.json()["comments"].size(), 2u);
  std::set<std::string> comments, keys;
  for (const auto& comment : summary.json()["comments"]) {
    comments.insert(comment["comment"].get<std::string>());
    for (const auto& [key, value] : comment.items()) keys.insert(key);
  }
  EXPECT_EQ(comments, (std::set<std::string>{"Excellent", "Trop court"}));
  EXPECT_EQ(keys, (std::set<std::string>{"comment", "overall", "submitted_in"}));
  // Best score first, whatever the order they were written in.
  EXPECT_EQ(summary.json()["comments"][0]["comment"], "Excellent");
  EXPECT_EQ(summary.json()["comments"][0]["submitted_in"].get<std::string>().size(), 7u);
  // Nothing the host reads joins an evaluation to a participant: the nominations they see
  // keep the time they last changed before the evaluations, and no comment carries a time.
  auto listed = host.get("/api/v1/nominations?action_id=" + id_of(c.action));
  ASSERT_EQ(listed.status, 200) << listed.body;
  for (const auto& n : listed.json()["items"]) {
    for (const auto& before : c.nominations)
      if (before["id"] == n["id"]) {
        EXPECT_EQ(n["updated_at"], before["updated_at"]) << n.dump();
      }
  }

  Client focal_point = signed_in("partner", {{"countries", {"BJ"}}});
  EXPECT_EQ(focal_point.get(summary_path).status, 403);
  Client other_host = signed_in(
      "host", {{"organisations",
                {create_organisation({{"kind", "80"}, {"name_fr", unique_name("Autre ")}, {"country", "MA"}})["id"]}}});
  EXPECT_EQ(other_host.get(summary_path).status, 404);
  EXPECT_EQ(signed_in("viewer").get(summary_path).status, 403);
  EXPECT_EQ(admin().get("/api/v1/actions/999999999/evaluations").status, 404);
}

TAAWUN_ON_BOTH_DATABASES(Evaluations);

}  // namespace
}  // namespace taawun::testing
