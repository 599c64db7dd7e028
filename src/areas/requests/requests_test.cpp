// Cooperation requests through the API: create, read, list with filters, the validation of every
// field, the status life cycle, matching with offers (suggestions, link, unlink), the audit trail
// and who may do what — partners only for their countries. Each test runs on SQLite and on
// PostgreSQL.
#include <chrono>
#include <ctime>

#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Requests : public ApiTest {
 protected:
  json create_request(json body) {
    auto reply = admin().post("/api/v1/requests", body);
    if (reply.status != 201) throw std::runtime_error("could not create a request: " + reply.body);
    return reply.json();
  }
  json create_offer(json body) {
    auto reply = admin().post("/api/v1/offers", body);
    if (reply.status != 201) throw std::runtime_error("could not create an offer: " + reply.body);
    return reply.json();
  }
  // Moves a request along with PATCH, from the version it has now.
  Reply move(const json& request, const std::string& status) {
    std::string url = url_of(request);
    return admin().patch(url, {{"status", status}}, {{"If-Match", admin().get(url).header("etag")}});
  }
  // Every suggestion for a request, all pages.
  std::vector<json> all_suggestions(const json& request) {
    std::vector<json> items;
    for (int offset = 0;; offset += 200) {
      auto page = admin().get(url_of(request) + "/suggested-offers?limit=200&offset=" + std::to_string(offset));
      if (page.status != 200) throw std::runtime_error("suggestions: " + page.body);
      for (const auto& item : page.json()["items"]) items.push_back(item);
      if (offset + 200 >= page.json()["total"].get<int>()) break;
    }
    return items;
  }
  static std::string url_of(const json& record) {
    return "/api/v1/requests/" + std::to_string(record["id"].get<int>());
  }
  static json basic(const std::string& title, const std::string& country = "SN") {
    return {{"country", country}, {"domain", "health"}, {"title", title}, {"channel", "embassy"}};
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

TEST_P(Requests, CreateReadAndLocate) {
  auto ministry = create_organisation({{"kind", "10"},
                                       {"name_fr", unique_name("Ministère de la Santé ")},
                                       {"name_en", "Ministry of Health"},
                                       {"country", "SN"}});
  std::string marker = unique_name("Demande");
  auto reply = admin().post("/api/v1/requests", {{"country", "sn"},
                                                 {"requesting_organisation_id", ministry["id"]},
                                                 {"domain", "health"},
                                                 {"action_type", "short_training"},
                                                 {"title", "Formation en épidémiologie " + marker},
                                                 {"description", "Vingt cadres des districts sanitaires."},
                                                 {"people_count", 20},
                                                 {"period_start", "2026-03-01"},
                                                 {"period_end", "2026-03-15"},
                                                 {"priority", "high"},
                                                 {"channel", "embassy"},
                                                 {"received_on", "2025-11-02"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), url_of(created));
  EXPECT_EQ(created["country"], "SN");
  EXPECT_EQ(created["country_name"], "Sénégal");
  EXPECT_EQ(created["requesting_organisation_name"], ministry["name_fr"]);
  EXPECT_EQ(created["domain_name"], "Santé");
  EXPECT_EQ(created["action_type_name"], "Formation de courte durée au Maroc");
  EXPECT_EQ(created["status"], "received");
  EXPECT_EQ(created["next_statuses"], json::array({"under_study", "declined"}));
  EXPECT_EQ(created["received_on"], "2025-11-02");
  // The detail lists its matched offers and the actions serving it: none yet.
  ASSERT_TRUE(created.contains("matched_offers"));
  EXPECT_EQ(created["matched_offers"], json::array());
  ASSERT_TRUE(created.contains("served_by_actions")) << reply.body;
  EXPECT_EQ(created["served_by_actions"], json::array());

  auto english = admin().get(url_of(created) + "?lang=en");
  ASSERT_EQ(english.status, 200);
  EXPECT_EQ(english.header("etag"), "\"1\"");
  EXPECT_EQ(english.json()["country_name"], "Senegal");
  EXPECT_EQ(english.json()["requesting_organisation_name"], "Ministry of Health");
  EXPECT_EQ(english.json()["domain_name"], "Health");
  EXPECT_EQ(english.json()["description"], "Vingt cadres des districts sanitaires.");
  EXPECT_EQ(english.json()["served_by_actions"], json::array());

  // Defaults: medium priority, received today.
  auto defaults = create_request(basic("Défauts " + marker));
  EXPECT_EQ(defaults["priority"], "medium");
  EXPECT_EQ(defaults["received_on"], day_from_today(0));
  EXPECT_TRUE(defaults["action_type"].is_null());

  auto listed = admin().get("/api/v1/requests?q=epidemiologie%20" + marker);
  ASSERT_EQ(listed.json()["total"], 1) << listed.body;
  EXPECT_FALSE(listed.json()["items"][0].contains("description"));
  EXPECT_FALSE(listed.json()["items"][0].contains("matched_offers"));
}

TEST_P(Requests, ListFiltersSortsAndPaginatesWithTotal) {
  std::string marker = unique_name("Dmd");
  auto alpha = create_request({{"country", "SN"},
                               {"domain", "health"},
                               {"title", "Alpha " + marker},
                               {"channel", "embassy"},
                               {"priority", "low"},
                               {"received_on", "2025-01-10"}});
  create_request({{"country", "ML"},
                  {"domain", "education"},
                  {"action_type", "study_visit"},
                  {"title", "Bravo " + marker},
                  {"channel", "joint_commission"},
                  {"priority", "high"},
                  {"received_on", "2025-03-10"}});
  create_request({{"country", "SN"},
                  {"domain", "education"},
                  {"title", "Charlie " + marker},
                  {"channel", "direct"},
                  {"received_on", "2025-02-10"}});
  ASSERT_EQ(move(alpha, "under_study").status, 200);

  auto all = admin().get("/api/v1/requests?q=" + marker);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["total"], 3);
  EXPECT_EQ(titles_of(all), (std::vector<std::string>{"Bravo " + marker, "Charlie " + marker, "Alpha " + marker}))
      << "latest received first by default";
  EXPECT_EQ(titles_of(admin().get("/api/v1/requests?sort=received_on&q=" + marker)),
            (std::vector<std::string>{"Alpha " + marker, "Charlie " + marker, "Bravo " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/requests?sort=priority&q=" + marker)),
            (std::vector<std::string>{"Bravo " + marker, "Charlie " + marker, "Alpha " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/requests?country=sn&sort=received_on&q=" + marker)),
            (std::vector<std::string>{"Alpha " + marker, "Charlie " + marker}));
  EXPECT_EQ(titles_of(admin().get("/api/v1/requests?status=under_study&q=" + marker)),
            std::vector<std::string>{"Alpha " + marker});
  EXPECT_EQ(admin().get("/api/v1/requests?domain=education&q=" + marker).json()["total"], 2);
  EXPECT_EQ(admin().get("/api/v1/requests?action_type=study_visit&q=" + marker).json()["total"], 1);
  EXPECT_EQ(admin().get("/api/v1/requests?priority=medium&q=" + marker).json()["total"], 1);
  EXPECT_EQ(admin().get("/api/v1/requests?channel=joint_commission&q=" + marker).json()["total"], 1);
  auto page = admin().get("/api/v1/requests?limit=1&offset=2&q=" + marker);
  EXPECT_EQ(page.json()["total"], 3);
  EXPECT_EQ(titles_of(page), std::vector<std::string>{"Alpha " + marker});

  auto bad = admin().get("/api/v1/requests?sort=title");
  EXPECT_EQ(bad.field_errors(), std::vector<std::string>{"sort:invalid_choice"}) << bad.body;
}

TEST_P(Requests, EveryBadFieldIsReportedAtOnceAndNothingIsWritten) {
  std::string marker = unique_name("Refusee");
  auto reply = admin().post("/api/v1/requests", {{"country", "ZZ"},
                                                 {"requesting_organisation_id", 987654321},
                                                 {"domain", "astrology"},
                                                 {"action_type", "flying_lessons"},
                                                 {"title", std::string(301, 't')},
                                                 {"description", marker + std::string(5001, 'd')},
                                                 {"people_count", 0},
                                                 {"period_start", "2023-02-30"},
                                                 {"period_end", "2026-03-15T10:00:00Z"},
                                                 {"priority", "urgent"},
                                                 {"channel", "pigeon"},
                                                 {"received_on", "2023-13-01"},
                                                 {"status", "served"},
                                                 {"colour", "blue"}});
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto errors = reply.field_errors();
  for (const char* expected :
       {"country:unknown_country", "requesting_organisation_id:unknown_organisation", "domain:unknown_code",
        "action_type:unknown_code", "title:too_long", "description:too_long", "people_count:out_of_range",
        "period_start:invalid_date", "period_end:invalid_date", "priority:invalid_choice", "channel:invalid_choice",
        "received_on:invalid_date", "status:read_only", "colour:unknown_field"})
    EXPECT_TRUE(has(errors, expected)) << expected << " in " << reply.body;
  for (const auto& error : reply.json()["errors"]) EXPECT_FALSE(error["message"].get<std::string>().empty());

  auto reversed = admin().post("/api/v1/requests", {{"country", "SN"},
                                                    {"domain", "health"},
                                                    {"title", marker},
                                                    {"channel", "other"},
                                                    {"period_start", "2026-05-02"},
                                                    {"period_end", "2026-05-01"},
                                                    {"people_count", 10001}});
  EXPECT_TRUE(has(reversed.field_errors(), "period_end:before_start")) << reversed.body;
  EXPECT_TRUE(has(reversed.field_errors(), "people_count:out_of_range")) << reversed.body;
  auto leap_day = admin().post("/api/v1/requests", {{"country", "SN"},
                                                    {"domain", "health"},
                                                    {"title", marker},
                                                    {"channel", "other"},
                                                    {"period_start", "2023-02-29"}});
  EXPECT_EQ(leap_day.field_errors(), std::vector<std::string>{"period_start:invalid_date"}) << leap_day.body;
  auto empty = admin().post("/api/v1/requests", {{"title", "  "}, {"priority", nullptr}});
  for (const char* expected :
       {"country:required", "domain:required", "title:required", "channel:required", "priority:required"})
    EXPECT_TRUE(has(empty.field_errors(), expected)) << expected << " in " << empty.body;
  auto wrong_types = admin().post("/api/v1/requests", {{"country", "SN"},
                                                       {"domain", "health"},
                                                       {"title", marker},
                                                       {"channel", "other"},
                                                       {"people_count", "20"},
                                                       {"period_start", 20260101}});
  EXPECT_TRUE(has(wrong_types.field_errors(), "people_count:wrong_type")) << wrong_types.body;
  EXPECT_TRUE(has(wrong_types.field_errors(), "period_start:wrong_type")) << wrong_types.body;

  EXPECT_EQ(admin().get("/api/v1/requests?q=" + marker).json()["total"], 0);
}

TEST_P(Requests, StatusMovesOnlyAlongTheLifeCycle) {
  auto request = create_request(basic(unique_name("Cycle ")));
  std::string url = url_of(request);

  auto skipped = admin().patch(url, {{"status", "served"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(skipped.status, 422) << skipped.body;
  EXPECT_EQ(skipped.field_errors(), std::vector<std::string>{"status:transition_not_allowed"});
  // The message names the allowed next statuses.
  std::string message = skipped.json()["errors"][0]["message"].get<std::string>();
  EXPECT_NE(message.find("under_study"), std::string::npos) << message;
  EXPECT_NE(message.find("declined"), std::string::npos) << message;
  EXPECT_EQ(admin().get(url).json()["status"], "received");
  EXPECT_EQ(admin().patch(url, {{"status", "lost"}}, {{"If-Match", "\"1\""}}).field_errors(),
            std::vector<std::string>{"status:invalid_choice"});

  // Sending the current status is no move.
  ASSERT_EQ(admin().patch(url, {{"status", "received"}, {"people_count", 5}}, {{"If-Match", "\"1\""}}).status, 200);
  for (const char* next : {"under_study", "matched", "served"}) {
    auto moved = move(request, next);
    ASSERT_EQ(moved.status, 200) << next << ": " << moved.body;
    EXPECT_EQ(moved.json()["status"], next);
  }
  auto final_state = move(request, "declined");
  EXPECT_EQ(final_state.field_errors(), std::vector<std::string>{"status:status_final"}) << final_state.body;
  EXPECT_EQ(admin().get(url).json()["next_statuses"], json::array());

  // Declined from any state that is not final, and final too.
  auto declined = create_request(basic(unique_name("Refus ")));
  ASSERT_EQ(move(declined, "under_study").status, 200);
  ASSERT_EQ(move(declined, "declined").status, 200);
  EXPECT_EQ(move(declined, "under_study").field_errors(), std::vector<std::string>{"status:status_final"});
  auto backwards = create_request(basic(unique_name("Retour ")));
  ASSERT_EQ(move(backwards, "under_study").status, 200);
  EXPECT_EQ(move(backwards, "received").field_errors(), std::vector<std::string>{"status:transition_not_allowed"});
}

TEST_P(Requests, UpdateNeedsTheCurrentVersionAndIsAudited) {
  auto request = create_request(basic(unique_name("Versionnée ")));
  std::string url = url_of(request);
  EXPECT_EQ(admin().patch(url, {{"people_count", 3}}).status, 428);
  auto first = admin().patch(url, {{"people_count", 3}, {"status", "under_study"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("etag"), "\"2\"");

  auto stale = admin().patch(url, {{"people_count", 30}, {"status", "declined"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto now = admin().get(url);
  EXPECT_EQ(now.json()["people_count"], 3);
  EXPECT_EQ(now.json()["status"], "under_study");
  EXPECT_EQ(now.json()["version"], 2);

  auto trail = admin().get("/api/v1/audit?record_kind=request&record_id=" + std::to_string(request["id"].get<int>()));
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json()["total"], 2);
  auto update = trail.json()["items"][0];
  EXPECT_EQ(update["action"], "update");
  EXPECT_EQ(update["before"]["status"], "received");
  EXPECT_EQ(update["after"]["status"], "under_study");
  EXPECT_TRUE(update["before"]["people_count"].is_null());
  EXPECT_EQ(update["after"]["people_count"], 3);
  EXPECT_EQ(trail.json()["items"][1]["action"], "create");
}

TEST_P(Requests, SuggestedOffersAreRankedByDomainThenActionType) {
  std::string marker = unique_name("Rang");
  auto host = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Hôte ")}, {"country", "MA"}});
  auto offer = [&](const std::string& title, const char* domain, const char* action_type, bool active = true) {
    return create_offer({{"host_organisation_id", host["id"]},
                         {"action_type", action_type},
                         {"domain", domain},
                         {"title_fr", title + " " + marker},
                         {"active", active}});
  };
  // Titles against the ranking, so that title order alone would be wrong.
  auto both = offer("Zoulou", "statistics", "research_internship");
  auto domain_only = offer("Mike", "statistics", "seminar_workshop");
  auto type_only = offer("Alpha", "justice", "research_internship");
  auto neither = offer("Bravo", "justice", "seminar_workshop");
  auto archived = offer("Charlie", "statistics", "research_internship", false);
  auto request = create_request({{"country", "NE"},
                                 {"domain", "statistics"},
                                 {"action_type", "research_internship"},
                                 {"title", "Statistiques " + marker},
                                 {"channel", "embassy"}});

  auto suggestions = all_suggestions(request);
  auto position = [&](const json& wanted) {
    for (std::size_t i = 0; i < suggestions.size(); ++i)
      if (suggestions[i]["id"] == wanted["id"]) return static_cast<int>(i);
    return -1;
  };
  ASSERT_GE(position(both), 0);
  ASSERT_GE(position(domain_only), 0);
  ASSERT_GE(position(type_only), 0);
  EXPECT_LT(position(both), position(domain_only));
  EXPECT_LT(position(domain_only), position(type_only));
  EXPECT_EQ(position(neither), -1) << "sharing neither domain nor type: not suggested";
  EXPECT_EQ(position(archived), -1) << "archived offers are not suggested";
  // The whole list keeps the classes in order, whatever other offers the database holds.
  int previous_class = 0;
  for (const auto& item : suggestions) {
    int rank_class = item["same_domain"].get<bool>() ? (item["same_action_type"].get<bool>() ? 0 : 1) : 2;
    EXPECT_TRUE(item["same_domain"].get<bool>() || item["same_action_type"].get<bool>()) << item.dump();
    EXPECT_GE(rank_class, previous_class) << item.dump();
    EXPECT_EQ(item["active"], true);
    previous_class = rank_class;
  }
  EXPECT_EQ(suggestions[position(both)]["linked"], false);

  // Without an action type, only the domain's offers.
  auto domain_request = create_request(
      {{"country", "NE"}, {"domain", "statistics"}, {"title", "Sans type " + marker}, {"channel", "embassy"}});
  for (const auto& item : all_suggestions(domain_request)) EXPECT_EQ(item["domain"], "statistics") << item.dump();

  ASSERT_EQ(admin().post(url_of(request) + "/offers", {{"offer_id", both["id"]}}).status, 200);
  bool seen = false;
  for (const auto& item : all_suggestions(request)) {
    if (item["id"] != both["id"]) continue;
    seen = true;
    EXPECT_EQ(item["linked"], true) << item.dump();
  }
  EXPECT_TRUE(seen);
}

TEST_P(Requests, LinkingAndUnlinkingOffers) {
  auto host = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  auto offer = create_offer({{"host_organisation_id", host["id"]},
                             {"action_type", "seminar_workshop"},
                             {"domain", "health"},
                             {"title_fr", unique_name("Séminaire ")}});
  auto second = create_offer({{"host_organisation_id", host["id"]},
                              {"action_type", "study_visit"},
                              {"domain", "health"},
                              {"title_fr", unique_name("Visite ")}});
  auto archived = create_offer({{"host_organisation_id", host["id"]},
                                {"action_type", "study_visit"},
                                {"domain", "health"},
                                {"title_fr", unique_name("Archivée ")},
                                {"active", false}});
  auto request = create_request(basic(unique_name("Appariement ")));
  std::string url = url_of(request);

  auto linked = admin().post(url + "/offers", {{"offer_id", offer["id"]}});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.json()["status"], "matched") << "a received request moves to matched";
  EXPECT_EQ(linked.header("etag"), "\"2\"");
  ASSERT_EQ(linked.json()["matched_offers"].size(), 1u);
  EXPECT_EQ(linked.json()["matched_offers"][0]["id"], offer["id"]);
  EXPECT_EQ(linked.json()["matched_offers"][0]["title"], offer["title_fr"]);
  EXPECT_EQ(linked.json()["matched_offers"][0]["host_name"], host["name_fr"]);
  // Idempotent: linking again changes nothing, not even the version.
  auto again = admin().post(url + "/offers", {{"offer_id", offer["id"]}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["matched_offers"].size(), 1u);
  EXPECT_EQ(again.header("etag"), "\"2\"");
  ASSERT_EQ(admin().post(url + "/offers", {{"offer_id", second["id"]}}).status, 200);
  EXPECT_EQ(admin().get(url).json()["matched_offers"].size(), 2u);

  EXPECT_EQ(admin().post(url + "/offers", {{"offer_id", 987654321}}).field_errors(),
            std::vector<std::string>{"offer_id:unknown_offer"});
  EXPECT_EQ(admin().post(url + "/offers", {{"offer_id", archived["id"]}}).field_errors(),
            std::vector<std::string>{"offer_id:offer_inactive"});
  EXPECT_EQ(admin().post(url + "/offers", json::object()).field_errors(),
            std::vector<std::string>{"offer_id:required"});
  auto odd = admin().post(url + "/offers", {{"offer_id", "one"}, {"note", "x"}});
  EXPECT_TRUE(has(odd.field_errors(), "offer_id:wrong_type")) << odd.body;
  EXPECT_TRUE(has(odd.field_errors(), "note:unknown_field")) << odd.body;
  EXPECT_EQ(admin().post("/api/v1/requests/987654321/offers", {{"offer_id", offer["id"]}}).status, 404);

  auto unlinked = admin().del(url + "/offers/" + std::to_string(offer["id"].get<int>()));
  ASSERT_EQ(unlinked.status, 200) << unlinked.body;
  ASSERT_EQ(unlinked.json()["matched_offers"].size(), 1u);
  EXPECT_EQ(unlinked.json()["matched_offers"][0]["id"], second["id"]);
  EXPECT_EQ(unlinked.json()["status"], "matched") << "the status stays";
  EXPECT_EQ(admin().del(url + "/offers/" + std::to_string(offer["id"].get<int>())).status, 404);

  auto trail = admin().get("/api/v1/audit?record_kind=request&record_id=" + std::to_string(request["id"].get<int>()));
  std::vector<std::string> actions;
  for (const auto& entry : trail.json()["items"]) actions.push_back(entry["action"].get<std::string>());
  EXPECT_EQ(actions, (std::vector<std::string>{"unlink_offer", "link_offer", "link_offer", "create"})) << trail.body;
  EXPECT_EQ(trail.json()["items"][0]["before"]["offer_ids"].size(), 2u);
  EXPECT_EQ(trail.json()["items"][0]["after"]["offer_ids"], json::array({second["id"]}));
  EXPECT_EQ(trail.json()["items"][2]["before"]["status"], "received");
  EXPECT_EQ(trail.json()["items"][2]["after"]["status"], "matched");

  // An under_study request moves to matched too; a closed one takes and gives back nothing.
  auto studied = create_request(basic(unique_name("Étudiée ")));
  ASSERT_EQ(move(studied, "under_study").status, 200);
  EXPECT_EQ(admin().post(url_of(studied) + "/offers", {{"offer_id", offer["id"]}}).json()["status"], "matched");
  ASSERT_EQ(move(request, "served").status, 200);
  auto closed = admin().post(url + "/offers", {{"offer_id", offer["id"]}});
  EXPECT_EQ(closed.status, 409) << closed.body;
  EXPECT_EQ(closed.json()["code"], "conflict");
  EXPECT_EQ(admin().del(url + "/offers/" + std::to_string(second["id"].get<int>())).status, 409);
  EXPECT_EQ(admin().get(url).json()["matched_offers"].size(), 1u);
}

struct Expectation {
  const char* role;
  bool create, update, match;
};
// The rules of src/areas/requests/request_access.cpp, for a request of the partner's country.
constexpr Expectation kMatrix[] = {
    {"admin", true, true, true},      {"manager", true, true, true},   {"officer", true, true, true},
    {"finance", false, false, false}, {"partner", true, false, false}, {"host", false, false, false},
    {"viewer", false, false, false},
};

TEST_P(Requests, EveryRoleTimesEveryAction) {
  auto host_institution =
      create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  auto offer = create_offer({{"host_organisation_id", host_institution["id"]},
                             {"action_type", "seminar_workshop"},
                             {"domain", "health"},
                             {"title_fr", unique_name("Offre ")}});
  for (const auto& expected : kMatrix) {
    SCOPED_TRACE(expected.role);
    auto record = create_request(basic(unique_name("Matrice "), "SN"));
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    if (std::string(expected.role) == "host") scope["organisations"] = {host_institution["id"]};
    Client user = signed_in(expected.role, scope);

    auto list = user.get("/api/v1/requests?q=" + url_encode(record["title"].get<std::string>()));
    EXPECT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.json()["total"], 1) << list.body;
    EXPECT_EQ(user.get(url_of(record)).status, 200);
    EXPECT_EQ(user.get(url_of(record) + "/suggested-offers").status, 200);
    auto create = user.post("/api/v1/requests", basic(unique_name("Créée "), "SN"));
    EXPECT_EQ(create.status, expected.create ? 201 : 403) << create.body;
    auto update = user.patch(url_of(record), {{"status", "under_study"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.update ? 200 : 403) << update.body;
    auto link = user.post(url_of(record) + "/offers", {{"offer_id", offer["id"]}});
    EXPECT_EQ(link.status, expected.match ? 200 : 403) << link.body;
    auto unlink = user.del(url_of(record) + "/offers/" + std::to_string(offer["id"].get<int>()));
    EXPECT_EQ(unlink.status, expected.match ? 200 : 403) << unlink.body;
    if (!expected.update) {
      EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1) << "a refused write changed it";
    }
  }
}

TEST_P(Requests, PartnersWorkOnlyForTheirCountries) {
  std::string marker = unique_name("Pays");
  auto senegal = create_request(basic("Sénégal " + marker, "SN"));
  auto niger = create_request(basic("Niger " + marker, "NE"));
  auto own_ministry = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Ministère ")}, {"country", "SN"}});
  auto foreign_ministry =
      create_organisation({{"kind", "10"}, {"name_fr", unique_name("Ministère ")}, {"country", "NE"}});
  Client partner = signed_in("partner", {{"countries", {"SN", "ML"}}});

  auto list = partner.get("/api/v1/requests?q=" + marker);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(titles_of(list), std::vector<std::string>{"Sénégal " + marker}) << list.body;
  EXPECT_EQ(partner.get("/api/v1/requests?country=NE&q=" + marker).json()["total"], 0);
  EXPECT_EQ(partner.get(url_of(senegal)).status, 200);
  EXPECT_EQ(partner.get(url_of(niger)).status, 404);
  EXPECT_EQ(partner.get(url_of(niger) + "/suggested-offers").status, 404);

  // Another country is refused as such (403), even with other mistakes in the body.
  auto elsewhere = partner.post("/api/v1/requests", basic("Ailleurs " + marker, "NE"));
  EXPECT_EQ(elsewhere.status, 403) << elsewhere.body;
  EXPECT_EQ(partner.post("/api/v1/requests", {{"country", "ne"}, {"title", ""}}).status, 403);
  // An organisation out of the partner's sight reads as unknown.
  json with_foreign = basic("Étrangère " + marker, "SN");
  with_foreign["requesting_organisation_id"] = foreign_ministry["id"];
  EXPECT_EQ(partner.post("/api/v1/requests", with_foreign).field_errors(),
            std::vector<std::string>{"requesting_organisation_id:unknown_organisation"});
  json with_own = basic("Mali " + marker, "ML");
  with_own["country"] = "SN";
  with_own["requesting_organisation_id"] = own_ministry["id"];
  auto created = partner.post("/api/v1/requests", with_own);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["status"], "received");
  EXPECT_EQ(partner.get("/api/v1/requests?q=" + marker).json()["total"], 2);
  EXPECT_EQ(admin().get("/api/v1/requests?q=" + marker).json()["total"], 3) << "nothing written for Niger";

  // Hosts and viewers read all the demand.
  auto host_institution =
      create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  EXPECT_EQ(signed_in("host", {{"organisations", {host_institution["id"]}}})
                .get("/api/v1/requests?q=" + marker)
                .json()["total"],
            3);
}

// Every field error and problem detail the catalogue introduced is worded in the three languages
// (src/http/messages.cpp answers the bare code when a wording is missing).
TEST_P(Requests, CatalogueMessagesSpeakEveryLanguage) {
  auto host = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  auto archived = create_offer({{"host_organisation_id", host["id"]},
                                {"action_type", "study_visit"},
                                {"domain", "health"},
                                {"title_fr", unique_name("Archivée ")},
                                {"active", false}});
  auto served = create_request(basic(unique_name("Servie ")));
  for (const char* next : {"under_study", "matched", "served"}) ASSERT_EQ(move(served, next).status, 200);
  auto fresh = create_request(basic(unique_name("Neuve ")));

  struct Case {
    std::string method, target;
    json body;
    std::string code;  // a field error code, or the problem's code for a detail
  };
  std::vector<Case> cases = {
      {"POST", "/api/v1/programmes", {{"kind", "joint"}, {"start_year", 2024}}, "one_title_required"},
      {"POST",
       "/api/v1/programmes",
       {{"kind", "triangular"}, {"title_fr", "T"}, {"start_year", 2024}},
       "required_for_kind"},
      {"POST",
       "/api/v1/programmes",
       {{"kind", "joint"}, {"title_fr", "T"}, {"start_year", 2024}, {"end_year", 2020}},
       "before_start"},
      {"POST",
       "/api/v1/offers",
       {{"host_organisation_id", host["id"]},
        {"action_type", "study_visit"},
        {"domain", "health"},
        {"title_fr", "T"},
        {"cost_per_participant", 5}},
       "required_with_cost"},
      {"PATCH", url_of(fresh), {{"status", "served"}}, "transition_not_allowed"},
      {"PATCH", url_of(served), {{"status", "declined"}}, "status_final"},
      {"POST", url_of(fresh) + "/offers", {{"offer_id", 987654321}}, "unknown_offer"},
      {"POST", url_of(fresh) + "/offers", {{"offer_id", archived["id"]}}, "offer_inactive"},
      {"POST", url_of(served) + "/offers", {{"offer_id", archived["id"]}}, "conflict"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    std::map<std::string, std::string> wording;
    for (const char* lang : {"fr", "ar", "en"}) {
      std::string target = c.target + "?lang=" + lang;
      auto reply = c.method == "POST"
                       ? admin().post(target, c.body)
                       : admin().patch(target, c.body, {{"If-Match", admin().get(c.target).header("etag")}});
      std::string text;
      if (reply.json()["code"] == c.code) {
        text = reply.json()["detail"].get<std::string>();
      } else {
        for (const auto& error : reply.json()["errors"])
          if (error["code"] == c.code) text = error["message"].get<std::string>();
      }
      ASSERT_FALSE(text.empty()) << reply.body;
      EXPECT_EQ(text.find(c.code), std::string::npos) << "not worded: " << text;
      EXPECT_EQ(text.find('{'), std::string::npos) << "placeholder left: " << text;
      if (c.code == "conflict") {
        EXPECT_NE(text.find("served"), std::string::npos) << "not request_closed: " << text;
      }
      wording[lang] = text;
    }
    EXPECT_NE(wording["fr"], wording["en"]);
    EXPECT_NE(wording["ar"], wording["en"]);
  }
}

TEST_P(Requests, UnknownIdsAreNotFound) {
  EXPECT_EQ(admin().get("/api/v1/requests/987654321").status, 404);
  EXPECT_EQ(admin().get("/api/v1/requests/0").status, 404);
  EXPECT_EQ(admin().get("/api/v1/requests/987654321/suggested-offers").status, 404);
  EXPECT_EQ(admin().patch("/api/v1/requests/987654321", {{"status", "declined"}}, {{"If-Match", "\"1\""}}).status, 404);
  EXPECT_EQ(admin().del("/api/v1/requests/987654321/offers/1").status, 404);
  EXPECT_EQ(admin().del("/api/v1/requests/1/offers/abc").status, 404);
}

TAAWUN_ON_BOTH_DATABASES(Requests);

}  // namespace
}  // namespace taawun::testing
