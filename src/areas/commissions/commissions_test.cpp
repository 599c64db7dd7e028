// Joint commissions through the API (issue 15): record a session with the agreements it reviews,
// its decisions with what implements them, every rule of a bad draft at its field, the number
// unique per country, a decision never due before its session, the status history, the
// implementation rate and the overdue decisions, the lists' filters and exports, and who sees
// what (partners by country, hosts the decisions of their institution, status only). Each test
// runs on SQLite and PostgreSQL.
#include <atomic>

#include "core/spreadsheet.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

// Session numbers are unique per country across the suite's shared servers.
int next_number() {
  static std::atomic<int> number{1};
  return number++;
}

class Commissions : public ApiTest {
 protected:
  json create_session(json body) {
    if (!body.contains("country")) body["country"] = "SN";
    if (!body.contains("number")) body["number"] = next_number();
    if (!body.contains("start_on")) body["start_on"] = "2020-01-10";
    auto reply = admin().post("/api/v1/joint-commissions", body);
    if (reply.status != 201) throw std::runtime_error("could not create a session: " + reply.body);
    return reply.json();
  }
  json institution() {
    return create_organisation({{"kind", "10"}, {"name_fr", unique_name("Ministère ")}, {"country", "MA"}});
  }
  json create_decision(const json& session, json body) {
    if (!body.contains("text_fr")) body["text_fr"] = unique_name("Décision ");
    if (!body.contains("domain")) body["domain"] = "health";
    auto reply = admin().post(session_url(session) + "/decisions", body);
    if (reply.status != 201) throw std::runtime_error("could not create a decision: " + reply.body);
    return reply.json();
  }
  static std::string id_text(const json& record) { return std::to_string(record["id"].get<std::int64_t>()); }
  static std::string session_url(const json& s) { return "/api/v1/joint-commissions/" + id_text(s); }
  static std::string decision_url(const json& d) { return "/api/v1/commission-decisions/" + id_text(d); }
  static std::map<std::string, std::string> if_match(const json& record) {
    return {{"If-Match", "\"" + std::to_string(record["version"].get<int>()) + "\""}};
  }
  Reply move(Client& as, const json& decision, const std::string& status, const std::string& comment) {
    auto current = admin().get(decision_url(decision)).json();
    return as.post(decision_url(decision) + "/status", {{"status", status}, {"comment", comment}}, if_match(current));
  }
};

TEST_P(Commissions, RecordsASessionWithItsCoChairsAndAgreements) {
  auto agreement = admin().post("/api/v1/agreements", {{"kind", "framework"},
                                                       {"modality", "bilateral"},
                                                       {"title_fr", unique_name("Accord-cadre ")},
                                                       {"parties", {{{"country", "SN"}, {"roles", {"signatory"}}}}}});
  ASSERT_EQ(agreement.status, 201) << agreement.body;
  int number = next_number();
  auto reply =
      admin().post("/api/v1/joint-commissions", {{"country", "sn"},
                                                 {"number", number},
                                                 {"city", "Dakar"},
                                                 {"host_country", "SN"},
                                                 {"start_on", "2024-05-13"},
                                                 {"end_on", "2024-05-15"},
                                                 {"moroccan_chair_name", "Nasser Bourita"},
                                                 {"moroccan_chair_title", "Ministre des Affaires étrangères"},
                                                 {"partner_chair_name", "Yassine Fall"},
                                                 {"partner_chair_title", "Ministre de l'Intégration africaine"},
                                                 {"summary_fr", "Revue de la coopération."},
                                                 {"agreement_ids", {agreement.json()["id"]}}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), session_url(created));
  EXPECT_EQ(created["country"], "SN");
  EXPECT_EQ(created["country_name"], "Sénégal");
  EXPECT_EQ(created["number"], number);
  EXPECT_EQ(created["agreements"].size(), 1u);
  EXPECT_EQ(created["agreements"][0]["title"], agreement.json()["title_fr"]);
  EXPECT_EQ(created["decision_count"], 0);
  EXPECT_TRUE(created["implementation_rate"].is_null());

  // A one-day session ends the day it starts.
  auto day = create_session({{"start_on", "2024-06-01"}});
  EXPECT_EQ(day["end_on"], "2024-06-01");

  // The number is unique per country: another country may have its own.
  auto taken =
      admin().post("/api/v1/joint-commissions", {{"country", "SN"}, {"number", number}, {"start_on", "2025-01-01"}});
  EXPECT_EQ(taken.field_errors(), std::vector<std::string>{"number:already_taken"});
  auto other =
      admin().post("/api/v1/joint-commissions", {{"country", "ML"}, {"number", number}, {"start_on", "2025-01-01"}});
  EXPECT_EQ(other.status, 201) << other.body;

  // Optimistic versions: a stale If-Match changes nothing.
  auto changed = admin().patch(session_url(created), {{"city", "Saly"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["version"], 2);
  EXPECT_EQ(admin().patch(session_url(created), {{"city", "Thiès"}}, {{"If-Match", "\"1\""}}).status, 412);
  EXPECT_EQ(admin().patch(session_url(created), {{"city", "Thiès"}}).status, 428);
}

TEST_P(Commissions, EveryProblemOfASessionIsReportedAtItsField) {
  auto reply = admin().post("/api/v1/joint-commissions", {{"country", "XX"},
                                                          {"number", 0},
                                                          {"host_country", "QQ"},
                                                          {"start_on", "2024-02-30"},
                                                          {"partner_organisation_id", 987654321},
                                                          {"agreement_ids", {987654321}}});
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{"country:unknown_country", "host_country:unknown_country",
                                      "partner_organisation_id:unknown_organisation", "number:out_of_range",
                                      "start_on:invalid_date", "agreement_ids[0]:unknown_record"}));
  auto missing = admin().post("/api/v1/joint-commissions", json::object());
  EXPECT_EQ(missing.field_errors(),
            (std::vector<std::string>{"country:required", "number:required", "start_on:required"}));
  auto order = admin().post("/api/v1/joint-commissions", {{"country", "SN"},
                                                          {"number", next_number()},
                                                          {"start_on", "2024-05-13"},
                                                          {"end_on", "2024-05-12"},
                                                          {"partner_chair_name", std::string(201, 'x')},
                                                          {"colour", "blue"}});
  EXPECT_EQ(order.field_errors(),
            (std::vector<std::string>{"partner_chair_name:too_long", "colour:unknown_field", "end_on:before_start"}));
  // In Arabic and English too.
  auto arabic =
      admin().post("/api/v1/joint-commissions?lang=ar", {{"country", "SN"}, {"number", 0}, {"start_on", "2024-01-01"}});
  EXPECT_FALSE(arabic.json()["errors"][0]["message"].get<std::string>().empty());
}

TEST_P(Commissions, DecisionsAreCheckedAtTheirFieldsAndNeverDueBeforeTheirSession) {
  auto session = create_session({{"start_on", "2024-05-13"}});
  auto ministry = institution();
  auto reply = admin().post(session_url(session) + "/decisions", {{"domain", "astrology"},
                                                                  {"responsible_organisation_id", 987654321},
                                                                  {"partner_organisation_id", ministry["id"]},
                                                                  {"partner_institution", "Ministère de la Santé"},
                                                                  {"due_on", "2024-05-01"},
                                                                  {"status", "forgotten"},
                                                                  {"action_ids", {987654321}},
                                                                  {"programme_ids", json::array()},
                                                                  {"request_ids", {987654321, 987654322}}});
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{
                "text_fr:one_text_required", "domain:unknown_code", "responsible_organisation_id:unknown_organisation",
                "partner_institution:organisation_or_text", "due_on:due_before_session", "status:invalid_choice",
                "action_ids[0]:unknown_record", "request_ids[0]:unknown_record", "request_ids[1]:unknown_record"}));
  auto due_message =
      admin().post(session_url(session) + "/decisions?lang=en", {{"text_en", "Train nurses"},
                                                                 {"domain", "health"},
                                                                 {"responsible_organisation_id", ministry["id"]},
                                                                 {"due_on", "2024-05-01"}});
  EXPECT_EQ(due_message.field_errors(), std::vector<std::string>{"due_on:due_before_session"});
  EXPECT_NE(due_message.json()["errors"][0]["message"].get<std::string>().find("2024-05-13"), std::string::npos);
  // Due on the opening day is fine; nothing was written by the refused ones.
  auto decision = create_decision(session, {{"responsible_organisation_id", ministry["id"]}, {"due_on", "2024-05-13"}});
  EXPECT_EQ(decision["status"], "planned");
  EXPECT_EQ(admin().get(session_url(session)).json()["decision_count"], 1);
  // A session's start cannot move past its decisions' due dates.
  auto moved =
      admin().patch(session_url(session), {{"start_on", "2024-06-01"}, {"end_on", "2024-06-02"}}, if_match(session));
  EXPECT_EQ(moved.field_errors(), std::vector<std::string>{"start_on:after_decisions_due"});
  // The status is not edited in place but by a status change.
  auto in_place = admin().patch(decision_url(decision), {{"status", "done"}}, if_match(decision));
  EXPECT_EQ(in_place.field_errors(), std::vector<std::string>{"status:unknown_field"});
  // An unknown session is not found.
  EXPECT_EQ(admin()
                .post("/api/v1/joint-commissions/987654321/decisions",
                      {{"text_fr", "x"}, {"domain", "health"}, {"responsible_organisation_id", ministry["id"]}})
                .status,
            404);
}

TEST_P(Commissions, StatusChangesAreKeptWithDateUserAndComment) {
  auto session = create_session({});
  auto ministry = institution();
  auto decision = create_decision(session, {{"responsible_organisation_id", ministry["id"]}});
  auto started = move(admin(), decision, "in_progress", "Première promotion lancée");
  ASSERT_EQ(started.status, 200) << started.body;
  auto same = move(admin(), decision, "in_progress", "Encore");
  EXPECT_EQ(same.field_errors(), std::vector<std::string>{"status:status_unchanged"});
  auto no_comment = admin().post(decision_url(decision) + "/status", {{"status", "done"}}, if_match(started.json()));
  EXPECT_EQ(no_comment.field_errors(), std::vector<std::string>{"comment:required"});
  auto future =
      admin().post(decision_url(decision) + "/status",
                   {{"status", "done"}, {"comment", "x"}, {"changed_on", "2999-01-01"}}, if_match(started.json()));
  EXPECT_EQ(future.field_errors(), std::vector<std::string>{"changed_on:changed_on_future"});
  auto stale =
      admin().post(decision_url(decision) + "/status", {{"status", "done"}, {"comment", "x"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  auto done = admin().post(decision_url(decision) + "/status",
                           {{"status", "done"}, {"comment", "Formation achevée"}, {"changed_on", "2024-11-30"}},
                           if_match(started.json()));
  ASSERT_EQ(done.status, 200) << done.body;
  auto history = admin().get(decision_url(decision)).json()["history"];
  ASSERT_EQ(history.size(), 3u);
  EXPECT_TRUE(history[0]["from_status"].is_null());
  EXPECT_EQ(history[0]["to_status"], "planned");
  EXPECT_EQ(history[1]["from_status"], "planned");
  EXPECT_EQ(history[1]["comment"], "Première promotion lancée");
  EXPECT_EQ(history[2]["to_status"], "done");
  EXPECT_EQ(history[2]["changed_on"], "2024-11-30");
  EXPECT_EQ(history[2]["username"], "admin");
  // Each change is in the audit trail.
  auto audit = admin().get("/api/v1/audit?record_kind=joint_commission_decision&record_id=" + id_text(decision));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json()["total"], 3);
}

TEST_P(Commissions, ImplementationRateAndOverdueDecisions) {
  std::string marker = unique_name("Rate");
  auto session = create_session({{"city", marker}, {"start_on", "2020-01-10"}});
  auto ministry = institution();
  auto late = create_decision(
      session, {{"responsible_organisation_id", ministry["id"]}, {"domain", "health"}, {"due_on", "2020-06-30"}});
  auto done = create_decision(session, {{"responsible_organisation_id", ministry["id"]},
                                        {"domain", "health"},
                                        {"due_on", "2020-06-30"},
                                        {"status", "done"}});
  create_decision(
      session, {{"responsible_organisation_id", ministry["id"]}, {"domain", "agriculture"}, {"due_on", "2099-12-31"}});
  create_decision(session, {{"responsible_organisation_id", ministry["id"]},
                            {"domain", "agriculture"},
                            {"due_on", "2020-02-01"},
                            {"status", "dropped"}});
  auto page = admin().get(session_url(session)).json();
  EXPECT_EQ(page["decision_count"], 4);
  EXPECT_EQ(page["done_count"], 1);
  EXPECT_EQ(page["overdue_count"], 1);
  EXPECT_DOUBLE_EQ(page["implementation_rate"].get<double>(), 25.0);
  ASSERT_EQ(page["by_domain"].size(), 2u);
  EXPECT_EQ(page["by_domain"][0]["domain"], "agriculture");
  EXPECT_DOUBLE_EQ(page["by_domain"][0]["implementation_rate"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(page["by_domain"][1]["implementation_rate"].get<double>(), 50.0);
  EXPECT_EQ(page["decisions"][0]["overdue"], true);
  EXPECT_EQ(page["decisions"][1]["overdue"], false);

  // Sessions with overdue decisions, with their count.
  auto overdue = admin().get("/api/v1/joint-commissions?overdue=true&q=" + marker);
  ASSERT_EQ(overdue.json()["total"], 1) << overdue.body;
  EXPECT_EQ(overdue.json()["items"][0]["overdue_count"], 1);
  EXPECT_DOUBLE_EQ(overdue.json()["items"][0]["implementation_rate"].get<double>(), 25.0);
  EXPECT_EQ(admin().get("/api/v1/joint-commissions?overdue=false&q=" + marker).json()["total"], 0);
  auto decisions = admin().get("/api/v1/commission-decisions?overdue=true&session_id=" + id_text(session));
  ASSERT_EQ(decisions.json()["total"], 1);
  EXPECT_EQ(decisions.json()["items"][0]["id"], late["id"]);
  // Once done, it is no longer overdue and the rate moves.
  ASSERT_EQ(move(admin(), late, "done", "Achevé").status, 200);
  page = admin().get(session_url(session)).json();
  EXPECT_EQ(page["overdue_count"], 0);
  EXPECT_DOUBLE_EQ(page["implementation_rate"].get<double>(), 50.0);
  EXPECT_EQ(admin().get("/api/v1/joint-commissions?overdue=true&q=" + marker).json()["total"], 0);
  (void)done;
}

TEST_P(Commissions, DecisionsLinkWhatImplementsThem) {
  auto session = create_session({});
  auto ministry = institution();
  auto action = create_action();
  auto programme = admin().post("/api/v1/programmes", {{"kind", "country_programme"},
                                                       {"title_fr", unique_name("Programme ")},
                                                       {"country", "SN"},
                                                       {"start_year", 2024}});
  ASSERT_EQ(programme.status, 201) << programme.body;
  auto decision = create_decision(session, {{"responsible_organisation_id", ministry["id"]},
                                            {"action_ids", {action["id"], action["id"]}},
                                            {"programme_ids", {programme.json()["id"]}}});
  EXPECT_EQ(decision["action_ids"], json({action["id"]}));  // each once
  ASSERT_EQ(decision["actions"].size(), 1u);
  EXPECT_EQ(decision["actions"][0]["title"], action["title_fr"]);
  EXPECT_EQ(decision["programmes"][0]["id"], programme.json()["id"]);
  auto bad = admin().patch(decision_url(decision), {{"action_ids", {action["id"], 987654321}}}, if_match(decision));
  EXPECT_EQ(bad.field_errors(), std::vector<std::string>{"action_ids[1]:unknown_record"});
  // An action's page finds the decisions it implements.
  auto by_action = admin().get("/api/v1/commission-decisions?action_id=" + id_text(action));
  ASSERT_EQ(by_action.json()["total"], 1) << by_action.body;
  EXPECT_EQ(by_action.json()["items"][0]["id"], decision["id"]);
  EXPECT_EQ(admin().get("/api/v1/commission-decisions?programme_id=" + id_text(programme.json())).json()["total"], 1);
  // The session page shows what each decision produced.
  auto page = admin().get(session_url(session)).json();
  EXPECT_EQ(page["decisions"][0]["actions"][0]["id"], action["id"]);
  // Unlinking.
  auto unlinked = admin().patch(decision_url(decision), {{"action_ids", json::array()}}, if_match(decision));
  ASSERT_EQ(unlinked.status, 200) << unlinked.body;
  EXPECT_EQ(admin().get("/api/v1/commission-decisions?action_id=" + id_text(action)).json()["total"], 0);
}

TEST_P(Commissions, ListsFilterAndExport) {
  std::string marker = unique_name("Lst");
  auto senegal = create_session({{"country", "SN"}, {"city", marker}, {"start_on", "2023-03-01"}});
  auto mali = create_session({{"country", "ML"}, {"city", marker}, {"start_on", "2024-03-01"}});
  auto ministry = institution();
  auto other = institution();
  create_decision(senegal, {{"responsible_organisation_id", ministry["id"]}, {"domain", "health"}});
  create_decision(mali,
                  {{"responsible_organisation_id", other["id"]}, {"domain", "agriculture"}, {"status", "in_progress"}});
  auto list = [&](const std::string& query) { return admin().get("/api/v1/joint-commissions?q=" + marker + query); };
  EXPECT_EQ(list("").json()["total"], 2);
  EXPECT_EQ(list("").json()["items"][0]["country"], "ML");  // newest first
  EXPECT_EQ(list("&country=sn").json()["total"], 1);
  EXPECT_EQ(list("&year=2023").json()["items"][0]["id"], senegal["id"]);
  EXPECT_EQ(list("&year=1800").field_errors(), std::vector<std::string>{"year:out_of_range"});
  EXPECT_EQ(list("&overdue=maybe").field_errors(), std::vector<std::string>{"overdue:invalid_boolean"});
  std::string both = "&session_id=" + id_text(senegal);
  auto decisions = [&](const std::string& query) { return admin().get("/api/v1/commission-decisions?" + query); };
  EXPECT_EQ(decisions("responsible_organisation_id=" + id_text(other)).json()["total"], 1);
  EXPECT_EQ(decisions("status=in_progress&session_id=" + id_text(mali)).json()["total"], 1);
  EXPECT_EQ(decisions("domain=agriculture" + both).json()["total"], 0);
  EXPECT_EQ(decisions("country=SN" + both).json()["total"], 1);
  EXPECT_EQ(decisions("status=lost").field_errors(), std::vector<std::string>{"status:invalid_choice"});

  auto csv = admin().get("/api/v1/joint-commissions/export?format=csv&country=SN&q=" + marker);
  ASSERT_EQ(csv.status, 200) << csv.body;
  auto table = spreadsheet::read_csv(csv.body);
  ASSERT_TRUE(table) << csv.body;
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->columns[1], "country");
  EXPECT_EQ(table->rows[0][1], "SN");
  EXPECT_EQ(table->rows[0][14], "1");  // decisions
  auto xlsx = admin().get("/api/v1/commission-decisions/export?format=xlsx&session_id=" + id_text(mali));
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = spreadsheet::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheet);
  ASSERT_EQ(sheet->rows.size(), 1u);
  EXPECT_EQ(sheet->rows[0][2], "ML");
}

TEST_P(Commissions, PartnersSeeTheirCountriesHostsTheirDecisionsStatusOnly) {
  std::string marker = unique_name("Scp");
  auto senegal = create_session({{"country", "SN"}, {"city", marker}});
  auto niger = create_session({{"country", "NE"}, {"city", marker}});
  auto ministry = institution();
  auto other = institution();
  auto ours = create_decision(senegal, {{"responsible_organisation_id", ministry["id"]}});
  auto theirs = create_decision(niger, {{"responsible_organisation_id", other["id"]}});

  Client partner = signed_in("partner", {{"countries", {"SN", "ML"}}});
  auto list = partner.get("/api/v1/joint-commissions?q=" + marker);
  ASSERT_EQ(list.json()["total"], 1) << list.body;
  EXPECT_EQ(partner.get(session_url(senegal)).status, 200);
  EXPECT_EQ(partner.get(session_url(niger)).status, 404);
  EXPECT_EQ(partner.get(decision_url(theirs)).status, 404);
  EXPECT_EQ(partner.get("/api/v1/commission-decisions?session_id=" + id_text(niger)).json()["total"], 0);
  EXPECT_EQ(partner.get("/api/v1/commission-decisions?session_id=" + id_text(senegal)).json()["total"], 1);
  auto csv = partner.get("/api/v1/joint-commissions/export?format=csv&q=" + marker);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(spreadsheet::read_csv(csv.body)->rows.size(), 1u);
  EXPECT_EQ(partner.post("/api/v1/joint-commissions", {{"country", "SN"}}).status, 403);
  EXPECT_EQ(move(partner, ours, "done", "x").status, 403);
  EXPECT_EQ(partner.get("/api/v1/audit").status, 403);

  Client host = signed_in("host", {{"organisations", {ministry["id"]}}});
  EXPECT_EQ(host.get("/api/v1/joint-commissions").status, 403);
  EXPECT_EQ(host.get(session_url(senegal)).status, 403);
  auto mine = host.get("/api/v1/commission-decisions?session_id=" + id_text(senegal));
  ASSERT_EQ(mine.json()["total"], 1) << mine.body;
  EXPECT_EQ(host.get("/api/v1/commission-decisions?session_id=" + id_text(niger)).json()["total"], 0);
  EXPECT_EQ(host.get(decision_url(ours)).status, 200);
  EXPECT_EQ(host.get(decision_url(theirs)).status, 404);
  // The host moves its decisions' status, with a comment, and edits nothing else.
  auto moved = move(host, ours, "in_progress", "Convention signée avec l'hôpital");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["history"][1]["comment"], "Convention signée avec l'hôpital");
  EXPECT_EQ(move(host, theirs, "in_progress", "x").status, 404);
  EXPECT_EQ(host.patch(decision_url(ours), {{"text_fr", "Réécrit"}}, if_match(moved.json())).status, 403);
  EXPECT_EQ(host.post(session_url(senegal) + "/decisions", {{"text_fr", "x"}}).status, 403);
  EXPECT_EQ(admin().get(decision_url(ours)).json()["text_fr"], ours["text_fr"]);
}

TAAWUN_ON_BOTH_DATABASES(Commissions);

}  // namespace
}  // namespace taawun::testing
