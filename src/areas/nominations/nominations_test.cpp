// The participant life cycle through the API: nomination by partner focal points and officers,
// selection within quotas and seats, waitlist promotion, forbidden moves, logistics and
// attendance. On SQLite and PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Nominations : public ApiTest {
 protected:
  std::map<std::string, std::string> if_match(const json& record) {
    return {{"If-Match", "\"" + std::to_string(record["version"].get<int>()) + "\""}};
  }
  json person(const std::string& nationality) {
    auto reply = admin().post("/api/v1/people",
                              {{"latin_name", "Participant " + unique_name("P")}, {"nationality", nationality}});
    if (reply.status != 201) throw std::runtime_error(reply.body);
    return reply.json()["person"];
  }
  // An open action of `seats` seats with these quotas.
  json open_action(int seats, json quotas) {
    return move_action(create_action({{"seats", seats}, {"quotas", quotas}}), {"open"});
  }
  json nominate(const json& action, const json& who, Client* as = nullptr) {
    auto reply = (as ? *as : admin())
                     .post("/api/v1/actions/" + std::to_string(action["id"].get<int>()) + "/nominations",
                           {{"person_id", who["id"]}});
    if (reply.status != 201) throw std::runtime_error("could not nominate: " + reply.body);
    return reply.json();
  }
  Reply move(const json& nomination, const std::string& to, Client* as = nullptr) {
    return (as ? *as : admin())
        .post("/api/v1/nominations/" + std::to_string(nomination["id"].get<int>()) + "/transitions", {{"to", to}},
              if_match(nomination));
  }
  // Moves along several states as admin; returns the nomination in its last state.
  json walk(json nomination, std::initializer_list<const char*> states) {
    for (const char* state : states) {
      auto reply = move(nomination, state);
      if (reply.status != 200) throw std::runtime_error(std::string("could not move to ") + state + ": " + reply.body);
      nomination = reply.json()["nomination"];
    }
    return nomination;
  }
  json read(const json& nomination) {
    return admin().get("/api/v1/nominations/" + std::to_string(nomination["id"].get<int>())).json();
  }
};

TEST_P(Nominations, SelectionRespectsQuotasAndSeats) {
  // 3 seats: Senegal 1, Mali 1, one seat no quota reserves.
  auto action = open_action(3, json::array({{{"country", "SN"}, {"seats", 1}}, {{"country", "ML"}, {"seats", 1}}}));
  auto sn1 = walk(nominate(action, person("SN")), {"under_review", "selected"});
  EXPECT_EQ(sn1["state"], "selected");
  auto sn2 = walk(nominate(action, person("SN")), {"under_review"});
  auto over = walk(sn2, {"selected"});  // beyond Senegal's quota: takes the free seat
  EXPECT_EQ(over["state"], "selected");
  auto sn3 = walk(nominate(action, person("SN")), {"under_review"});
  auto refused = move(sn3, "selected");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.field_errors(), std::vector<std::string>{"to:quota_full"});
  EXPECT_EQ(read(sn3)["state"], "under_review");                                 // nothing changed
  auto ml = walk(nominate(action, person("ML")), {"under_review", "selected"});  // Mali's own seat is still there
  auto gn = walk(nominate(action, person("GN")), {"under_review"});
  auto full = move(gn, "selected");
  EXPECT_EQ(full.field_errors(), std::vector<std::string>{"to:no_seats_left"});

  auto detail = admin().get("/api/v1/actions/" + std::to_string(action["id"].get<int>()));
  EXPECT_EQ(detail.json()["seats_filled"], 3);
  EXPECT_EQ(detail.json()["quotas"][1]["country"], "SN");
  EXPECT_EQ(detail.json()["quotas"][1]["filled"], 2);
}

TEST_P(Nominations, WithdrawalPromotesTheFirstWaitlistedOfTheSameCountryThenAny) {
  auto action = open_action(2, json::array({{{"country", "SN"}, {"seats", 1}}, {{"country", "ML"}, {"seats", 1}}}));
  auto sn = walk(nominate(action, person("SN")), {"under_review", "selected"});
  auto ml = walk(nominate(action, person("ML")), {"under_review", "selected"});
  auto ml_waiting = walk(nominate(action, person("ML")), {"under_review", "waitlisted"});
  auto sn_waiting = walk(nominate(action, person("SN")), {"under_review", "waitlisted"});
  auto sn_second = walk(nominate(action, person("SN")), {"under_review", "waitlisted"});

  // Senegal's selected participant withdraws, through their focal point.
  Client focal_point = signed_in("partner", {{"countries", {"SN"}}});
  auto withdrawn = move(sn, "withdrawn", &focal_point);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  ASSERT_EQ(withdrawn.json()["promoted"].size(), 1u);
  EXPECT_EQ(withdrawn.json()["promoted"][0]["id"], sn_waiting["id"]);  // same country first, in waiting order
  EXPECT_EQ(read(sn_second)["state"], "waitlisted");

  // The focal point sees the promotion and why.
  auto seen = focal_point.get("/api/v1/nominations/" + std::to_string(sn_waiting["id"].get<int>()));
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json()["state"], "selected");
  EXPECT_EQ(seen.json()["events"].back()["reason"], "promoted_from_waitlist");
  EXPECT_EQ(seen.json()["allowed_moves"], json::array({"confirmed", "withdrawn"}));

  // Mali's selected withdraws: Mali's waitlisted takes the seat.
  auto ml_out = move(ml, "withdrawn");
  ASSERT_EQ(ml_out.json()["promoted"].size(), 1u);
  EXPECT_EQ(ml_out.json()["promoted"][0]["id"], ml_waiting["id"]);
  // Mali's promoted withdraws too: no Malian waits, and Senegal has no free seat beyond its quota
  // here (every seat is reserved), so nobody is promoted.
  auto ml_again = move(read(ml_waiting), "withdrawn");
  EXPECT_EQ(ml_again.json()["promoted"].size(), 0u) << ml_again.body;
  EXPECT_EQ(read(sn_second)["state"], "waitlisted");
}

TEST_P(Nominations, WithoutQuotasAnyCountryIsPromotedInWaitingOrder) {
  auto action = open_action(1, json::array());
  auto first = walk(nominate(action, person("TD")), {"under_review", "selected"});
  auto niger = walk(nominate(action, person("NE")), {"under_review", "waitlisted"});
  walk(nominate(action, person("BF")), {"under_review", "waitlisted"});
  auto out = move(first, "withdrawn");
  ASSERT_EQ(out.json()["promoted"].size(), 1u) << out.body;
  EXPECT_EQ(out.json()["promoted"][0]["id"], niger["id"]);
}

TEST_P(Nominations, ForbiddenMovesAndWhoMayMakeThem) {
  auto action = open_action(5, json::array({{{"country", "CM"}, {"seats", 5}}}));
  auto nomination = nominate(action, person("CM"));
  auto skip = move(nomination, "confirmed");
  ASSERT_EQ(skip.status, 422);
  EXPECT_EQ(skip.field_errors(), std::vector<std::string>{"to:transition_not_allowed"});
  auto stale = admin().post("/api/v1/nominations/" + std::to_string(nomination["id"].get<int>()) + "/transitions",
                            {{"to", "under_review"}}, {{"If-Match", "\"42\""}});
  EXPECT_EQ(stale.status, 412);

  Client focal_point = signed_in("partner", {{"countries", {"CM"}}});
  EXPECT_EQ(move(nomination, "under_review", &focal_point).status, 403);  // partners do not review
  auto reviewed = walk(nomination, {"under_review", "selected"});
  auto confirmed = move(reviewed, "confirmed", &focal_point);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  // Arrival waits for the action to run.
  auto early = move(confirmed.json()["nomination"], "arrived");
  EXPECT_EQ(early.field_errors(), std::vector<std::string>{"to:action_not_open"});

  Client other = signed_in("partner", {{"countries", {"GA"}}});
  EXPECT_EQ(other.get("/api/v1/nominations/" + std::to_string(nomination["id"].get<int>())).status, 404);
  Client viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get("/api/v1/nominations").status, 403);

  auto events = read(nomination)["events"];
  std::vector<std::string> states;
  for (const auto& e : events) states.push_back(e["to_state"]);
  EXPECT_EQ(states, (std::vector<std::string>{"nominated", "under_review", "selected", "confirmed"}));
  auto audit =
      admin().get("/api/v1/audit?record_kind=nomination&record_id=" + std::to_string(nomination["id"].get<int>()));
  EXPECT_EQ(audit.json()["total"], 4);
}

TEST_P(Nominations, PartnersNominateOnlyForTheirCountriesAndOnlyWhileOpen) {
  auto action = open_action(4, json::array({{{"country", "BJ"}, {"seats", 2}}, {{"country", "TG"}, {"seats", 2}}}));
  Client benin = signed_in("partner", {{"countries", {"BJ"}}});
  auto own = nominate(action, person("BJ"), &benin);
  EXPECT_EQ(own["country"], "BJ");
  auto togolese = person("TG");
  auto foreign = benin.post("/api/v1/actions/" + std::to_string(action["id"].get<int>()) + "/nominations",
                            {{"person_id", togolese["id"]}});
  EXPECT_EQ(foreign.status, 422) << foreign.body;  // they cannot even see that person
  auto listed = benin.get("/api/v1/nominations?action_id=" + std::to_string(action["id"].get<int>()));
  EXPECT_EQ(listed.json()["total"], 1);
  nominate(action, togolese);
  EXPECT_EQ(admin().get("/api/v1/nominations?action_id=" + std::to_string(action["id"].get<int>())).json()["total"], 2);

  auto closed = move_action(admin().get("/api/v1/actions/" + std::to_string(action["id"].get<int>())).json(),
                            {"selection_closed"});
  auto late = admin().post("/api/v1/actions/" + std::to_string(closed["id"].get<int>()) + "/nominations",
                           {{"person_id", person("BJ")["id"]}});
  EXPECT_EQ(late.field_errors(), std::vector<std::string>{"action_id:action_not_open"});
}

TEST_P(Nominations, LogisticsChecklistAndAttendance) {
  auto host = create_organisation({{"kind", "80"}, {"name_fr", "Institut " + unique_name("H")}, {"country", "MA"}});
  auto action = move_action(create_action({{"seats", 2}, {"host_organisation_id", host["id"]}}), {"open"});
  auto nomination = walk(nominate(action, person("CI")), {"under_review", "selected"});
  std::string base = "/api/v1/nominations/" + std::to_string(nomination["id"].get<int>());
  auto visa = admin().put(base + "/logistics/visa", {{"status", "done"}, {"cost", 800}}, if_match(nomination));
  ASSERT_EQ(visa.status, 200) << visa.body;
  ASSERT_EQ(visa.json()["logistics"].size(), 6u);
  EXPECT_EQ(visa.json()["logistics"][1]["item"], "visa");
  EXPECT_EQ(visa.json()["logistics"][1]["status"], "done");
  EXPECT_EQ(visa.json()["logistics"][1]["currency"], "MAD");
  EXPECT_EQ(visa.json()["logistics"][0]["status"], "to_do");
  auto stale = admin().put(base + "/logistics/ticket", {{"status", "done"}}, if_match(nomination));
  EXPECT_EQ(stale.status, 412);
  auto bad = admin().put(base + "/logistics/ticket", {{"status", "booked"}, {"cost", -5}}, if_match(visa.json()));
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.field_errors().size(), 2u);
  EXPECT_EQ(admin().put(base + "/logistics/camel", {{"status", "done"}}, if_match(visa.json())).status, 404);
  Client viewer_of_costs = signed_in("finance");
  auto lodging = viewer_of_costs.put(base + "/logistics/lodging", {{"status", "in_progress"}, {"cost", 3000}},
                                     if_match(visa.json()));
  ASSERT_EQ(lodging.status, 200) << lodging.body;

  // Attendance once the action runs, by the host institution.
  auto arrived_too_early = admin().put(base + "/attendance/2031-03-03", {{"present", true}}, if_match(lodging.json()));
  EXPECT_EQ(arrived_too_early.field_errors(), std::vector<std::string>{"day:not_arrived"});
  auto running = move_action(admin().get("/api/v1/actions/" + std::to_string(action["id"].get<int>())).json(),
                             {"selection_closed", "ongoing"});
  auto arrived = walk(read(nomination), {"confirmed", "arrived"});
  Client host_focal_point = signed_in("host", {{"organisations", {host["id"]}}});
  auto day1 = host_focal_point.put(base + "/attendance/2031-03-03", {{"present", true}}, if_match(arrived));
  ASSERT_EQ(day1.status, 200) << day1.body;
  auto day2 = host_focal_point.put(base + "/attendance/2031-03-04", {{"present", false}}, if_match(day1.json()));
  ASSERT_EQ(day2.status, 200);
  EXPECT_EQ(day2.json()["days_present"], 1);
  EXPECT_EQ(day2.json()["attendance"].size(), 2u);
  // null is not a value: refused, nothing recorded (it was once read as an empty value).
  auto null_present =
      host_focal_point.put(base + "/attendance/2031-03-05", {{"present", nullptr}}, if_match(day2.json()));
  EXPECT_EQ(null_present.status, 422) << null_present.body;
  EXPECT_EQ(null_present.field_errors(), std::vector<std::string>{"present:required"});
  auto absent = host_focal_point.put(base + "/attendance/2031-03-05", json::object(), if_match(day2.json()));
  EXPECT_EQ(absent.field_errors(), std::vector<std::string>{"present:required"});
  EXPECT_EQ(read(day2.json())["attendance"].size(), 2u);
  auto outside = host_focal_point.put(base + "/attendance/2031-04-01", {{"present", true}}, if_match(day2.json()));
  EXPECT_EQ(outside.field_errors(), std::vector<std::string>{"day:outside_action_dates"});
  // The host follows its participants but does not select them.
  EXPECT_EQ(move(day2.json(), "completed", &host_focal_point).status, 403);
  auto done = walk(day2.json(), {"completed"});
  EXPECT_EQ(done["state"], "completed");
}

TAAWUN_ON_BOTH_DATABASES(Nominations);

}  // namespace
}  // namespace taawun::testing
