// Diplomatic missions through the API and the loader (issue 15): every rule of a bad draft at its
// field, create and correct with If-Match, the list's filters (covers: a non-resident embassy), the
// map and the export; the Wikidata loader updating instead of duplicating, keeping staff edits,
// reporting what it could not match; the missions between Morocco and a country. Each test runs on
// SQLite and PostgreSQL.
#include <atomic>
#include <chrono>
#include <filesystem>

#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

// A Wikidata QID no other test uses (the loader keys missions by it).
std::string unique_qid() {
  static std::atomic<long long> counter = 0;
  auto now = std::chrono::system_clock::now().time_since_epoch().count() / 1000 % 1'000'000'000;
  return "Q9" + std::to_string(now) + std::to_string(++counter);
}

constexpr const char* kHeader =
    "operator;operatorQID;jurisdictions;jurisdictionQIDs;country;countryQID;city;cityQID;address;latitude;longitude;"
    "phone;email;website;facebook;twitter;youtube;picture;pictureAuthor;pictureLicense;pictureLicenseURL;type;typeQID;"
    "creation;QID;\n";
constexpr const char* kEntity = "http://www.wikidata.org/entity/";

struct Row {
  std::string sending, sending_qid, jurisdiction_names, jurisdiction_qids, receiving, receiving_qid, city, address,
      latitude, longitude, phone, type, qid;
};

std::string line(const Row& r) {
  auto entity = [](const std::string& q) { return q.empty() ? q : std::string(kEntity) + q; };
  std::string jurisdiction;
  std::string rest = r.jurisdiction_qids;
  while (!rest.empty()) {
    auto bar = rest.find('|');
    if (!jurisdiction.empty()) jurisdiction += "|";
    jurisdiction += entity(rest.substr(0, bar));
    rest = bar == std::string::npos ? "" : rest.substr(bar + 1);
  }
  return r.sending + ";" + entity(r.sending_qid) + ";" + r.jurisdiction_names + ";" + jurisdiction + ";" + r.receiving +
         ";" + entity(r.receiving_qid) + ";" + r.city + ";;" + r.address + ";" + r.latitude + ";" + r.longitude + ";" +
         r.phone + ";;;;;;;;;;" + r.type + ";;;" + entity(r.qid) + "\n";
}

class DiplomaticMissions : public ApiTest {
 protected:
  json create_mission(json body) {
    if (!body.contains("kind")) body["kind"] = "embassy";
    auto reply = admin().post("/api/v1/diplomatic-missions", body);
    if (reply.status != 201) throw std::runtime_error("could not create a mission: " + reply.body);
    return reply.json();
  }
  static std::string url_of(const json& record) {
    return "/api/v1/diplomatic-missions/" + std::to_string(record["id"].get<int>());
  }
  static std::string if_match(const json& record) { return "\"" + std::to_string(record["version"].get<int>()) + "\""; }
  // Runs the loader on this backend's database; answers its --json report.
  json load(const std::string& content) {
    std::string path = work_file(unique_name("missions-") + ".csv", content);
    auto result = taawun({"diplomatic-missions", "load", path, "--json", "--database", server().database_url()});
    if (result.exit_code != 0) throw std::runtime_error("the loader failed: " + result.output);
    auto start = result.output.find('{');
    return json::parse(result.output.substr(start, result.output.rfind('}') - start + 1));
  }
  json find_by_qid(const std::string& qid) {
    auto reply = admin().get("/api/v1/diplomatic-missions?q=" + qid);
    if (reply.status != 200 || reply.json()["total"] != 1) throw std::runtime_error("not one mission: " + reply.body);
    return reply.json()["items"][0];
  }
};

const json* problem(const json& report, const std::string& code) {
  for (const auto& p : report["problems"])
    if (p["code"] == code) return &p;
  return nullptr;
}

TEST_P(DiplomaticMissions, RecordsAndCorrectsAMissionWithItsJurisdiction) {
  std::string city = unique_name("Dakar ");
  auto reply = admin().post("/api/v1/diplomatic-missions", {{"kind", "embassy"},
                                                            {"sending_country", "ma"},
                                                            {"receiving_country", "SN"},
                                                            {"city", city},
                                                            {"address", "Avenue Cheikh Anta Diop"},
                                                            {"latitude", 14.6937},
                                                            {"longitude", -17.4441},
                                                            {"telephone", "+221 33 824 69 27"},
                                                            {"email", "ambassade@example.sn"},
                                                            {"website", "https://dakar.example.ma"},
                                                            {"head_name", "Hassan Naciri"},
                                                            {"head_title", "Ambassadeur"},
                                                            {"jurisdiction", {"GM", "cv", "GM"}},
                                                            {"opened_on", "1961-05-02"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(created["sending_country"], "MA");
  EXPECT_EQ(created["sending_name"], "Maroc");
  EXPECT_EQ(created["receiving_name"], "Sénégal");
  EXPECT_EQ(created["jurisdiction"], json({"CV", "GM"}));
  EXPECT_EQ(created["status"], "active");
  EXPECT_DOUBLE_EQ(created["latitude"].get<double>(), 14.6937);

  // covers: where it sits, or a country of its jurisdiction.
  for (const char* covered : {"SN", "GM", "CV"}) {
    auto found = admin().get("/api/v1/diplomatic-missions?covers=" + std::string(covered) + "&q=" + url_encode(city));
    EXPECT_EQ(found.json()["total"], 1) << covered << found.body;
  }
  EXPECT_EQ(admin().get("/api/v1/diplomatic-missions?covers=ML&q=" + url_encode(city)).json()["total"], 0);
  EXPECT_EQ(admin()
                .get("/api/v1/diplomatic-missions?sending_country=MA&kind=embassy&wikidata=false&q=" + url_encode(city))
                .json()["total"],
            1);
  EXPECT_EQ(admin().get("/api/v1/diplomatic-missions?wikidata=true&q=" + url_encode(city)).json()["total"], 0);

  // Closing it: a date, not before the opening; a stale version changes nothing.
  auto closed = admin().patch(url_of(created), {{"status", "closed"}, {"closed_on", "2020-01-31"}},
                              {{"If-Match", if_match(created)}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["version"], 2);
  auto stale = admin().patch(url_of(created), {{"city", "Thiès"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(admin().patch(url_of(created), {{"city", "Thiès"}}).status, 428);
  EXPECT_EQ(admin().get(url_of(created)).json()["city"], city);
}

TEST_P(DiplomaticMissions, EveryBadFieldIsNamedInTheRequestsLanguage) {
  auto reply = admin().post("/api/v1/diplomatic-missions?lang=en", {{"kind", "palace"},
                                                                    {"sending_country", "MA"},
                                                                    {"receiving_country", "ZZ"},
                                                                    {"latitude", 91.5},
                                                                    {"longitude", -181},
                                                                    {"website", "dakar.example.ma"},
                                                                    {"jurisdiction", {"SN", "MA", "QQ"}},
                                                                    {"status", "closed"},
                                                                    {"opened_on", "2020-02-30"},
                                                                    {"wikidata_qid", "X12"}});
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto errors = reply.field_errors();
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors, (std::vector<std::string>{"closed_on:required_when_closed", "jurisdiction[1]:own_sending_state",
                                              "jurisdiction[2]:unknown_country", "kind:invalid_choice",
                                              "latitude:out_of_range", "longitude:out_of_range",
                                              "opened_on:invalid_date", "receiving_country:unknown_country",
                                              "website:invalid_website", "wikidata_qid:invalid_qid"}))
      << reply.body;
  for (const auto& error : reply.json()["errors"]) {
    if (error["field"] == "jurisdiction[1]") {
      EXPECT_EQ(error["message"], "The jurisdiction cannot include the sending state (MA).");
    }
  }

  // The sides: a state or an organisation sends it; only a permanent mission goes to an organisation.
  auto organisation = create_organisation({{"kind", "40"}, {"name_fr", unique_name("Organisation ")}});
  auto sides = admin().post("/api/v1/diplomatic-missions", {{"kind", "consulate"},
                                                            {"receiving_organisation_id", organisation["id"]},
                                                            {"opened_on", "2021-05-01"},
                                                            {"closed_on", "2020-01-01"},
                                                            {"latitude", 10}});
  EXPECT_EQ(sides.field_errors(),
            (std::vector<std::string>{"sending_country:sending_state_or_organisation", "receiving_country:required",
                                      "receiving_organisation_id:only_for_permanent_mission",
                                      "longitude:coordinates_together", "closed_on:before_opening",
                                      "status:closed_on_needs_closed"}))
      << sides.body;
  auto permanent = admin().post("/api/v1/diplomatic-missions", {{"kind", "permanent_mission"},
                                                                {"sending_country", "MA"},
                                                                {"receiving_organisation_id", organisation["id"]},
                                                                {"city", unique_name("Genève ")}});
  EXPECT_EQ(permanent.status, 201) << permanent.body;
  EXPECT_EQ(permanent.json()["receiving_name"], organisation["name_fr"]);
  EXPECT_EQ(admin().post("/api/v1/diplomatic-missions", {{"kind", "embassy"}, {"latitude", "14"}}).field_errors()[0],
            "latitude:wrong_type");
  // The QID is unique.
  std::string qid = unique_qid();
  create_mission({{"sending_country", "SN"}, {"receiving_country", "MA"}, {"wikidata_qid", qid}});
  auto twice = admin().post(
      "/api/v1/diplomatic-missions",
      {{"kind", "embassy"}, {"sending_country", "ML"}, {"receiving_country", "MA"}, {"wikidata_qid", qid}});
  EXPECT_EQ(twice.field_errors(), std::vector<std::string>{"wikidata_qid:already_taken"}) << twice.body;
  // Western Sahara is part of Morocco here: a consulate in Laayoune sits in Morocco, and no
  // mission is sent by the Sahrawi Arab Democratic Republic.
  auto laayoune = create_mission(
      {{"kind", "consulate_general"}, {"sending_country", "CI"}, {"receiving_country", "EH"}, {"city", "Laâyoune"}});
  EXPECT_EQ(laayoune["receiving_country"], "MA");
  auto sahrawi = admin().post("/api/v1/diplomatic-missions",
                              {{"kind", "embassy"}, {"sending_country", "EH"}, {"receiving_country", "DZ"}});
  EXPECT_EQ(sahrawi.field_errors(), std::vector<std::string>{"sending_country:not_recognised"}) << sahrawi.body;
}

TEST_P(DiplomaticMissions, AReloadUpdatesInsteadOfDuplicatingAndKeepsStaffEdits) {
  std::string embassy = unique_qid(), consulate = unique_qid(), honorary = unique_qid();
  std::string city = unique_name("Bamako");
  Row first{"Morocco",
            "Q1028",
            "Mali|Niger|Morocco|Bavaria",
            "Q912|Q1032|Q1028|Q980",
            "Mali",
            "Q912",
            city,
            "Rue 1",
            "12.6392",
            "-8.0029",
            "+223 20 21 00 00",
            "embassy",
            embassy};
  Row second{"Senegal", "Q1041", "", "", "Morocco", "Q1028", city, "", "", "", "", "consulate general", consulate};
  Row third{"Mali", "Q912", "", "", "Morocco", "Q1028", city, "", "", "", "", "honorary consulate", honorary};
  std::string file = std::string(kHeader) + line(first) + line(second) + line(third);

  auto report = load(file);
  EXPECT_EQ(report["rows"], 3);
  EXPECT_EQ(report["created"], 3);
  auto mission = find_by_qid(embassy);
  EXPECT_EQ(mission["kind"], "embassy");
  EXPECT_EQ(mission["sending_country"], "MA");
  EXPECT_EQ(mission["receiving_country"], "ML");
  EXPECT_EQ(mission["jurisdiction"], json({"ML", "NE"}));  // its own state refused, a region reported
  EXPECT_EQ(find_by_qid(consulate)["kind"], "consulate_general");
  EXPECT_EQ(find_by_qid(honorary)["kind"], "honorary_consulate");
  ASSERT_NE(problem(report, "jurisdiction_own_state"), nullptr) << report.dump();
  ASSERT_NE(problem(report, "jurisdiction_unmatched"), nullptr) << report.dump();
  EXPECT_NE(problem(report, "jurisdiction_unmatched")->dump().find("Bavaria"), std::string::npos);

  // The same file again: nothing new, nothing changed.
  auto again = load(file);
  EXPECT_EQ(again["created"], 0);
  EXPECT_EQ(again["updated"], 0);
  EXPECT_EQ(again["unchanged"], 3);
  EXPECT_EQ(admin().get("/api/v1/diplomatic-missions?q=" + url_encode(city)).json()["total"], 3);

  // Staff correct the address and name the head of mission; the extract changes the address and
  // the telephone: the telephone is taken, the address stays as staff wrote it.
  auto edited = admin().patch(url_of(mission), {{"address", "Hamdallaye ACI 2000"}, {"head_name", "Driss Isbayene"}},
                              {{"If-Match", if_match(mission)}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["edited_fields"], json({"address"}));
  first.address = "Rue 2";
  first.phone = "+223 20 22 22 22";
  auto reloaded = load(std::string(kHeader) + line(first) + line(second) + line(third));
  EXPECT_EQ(reloaded["created"], 0);
  EXPECT_EQ(reloaded["updated"], 1);
  EXPECT_EQ(reloaded["unchanged"], 2);
  EXPECT_EQ(reloaded["kept_staff_edits"], 1);
  auto after = admin().get(url_of(mission)).json();
  EXPECT_EQ(after["address"], "Hamdallaye ACI 2000");
  EXPECT_EQ(after["head_name"], "Driss Isbayene");
  EXPECT_EQ(after["telephone"], "+223 20 22 22 22");
  EXPECT_EQ(after["version"], 3);
}

TEST_P(DiplomaticMissions, TheLoaderReportsWhatItCannotMatch) {
  std::string kosovo = unique_qid(), sahrawi = unique_qid(), palace = unique_qid(), good = unique_qid();
  std::string city = unique_name("Rabat");
  Row from_kosovo{"Kosovo", "Q1246", "", "", "Morocco", "Q1028", city, "", "", "", "", "embassy", kosovo};
  Row from_sadr{
      "Sahrawi Arab Democratic Republic", "Q40362", "", "", "Mali", "Q912", city, "", "", "", "", "embassy", sahrawi};
  Row odd_type{"Mali", "Q912", "", "", "Morocco", "Q1028", city, "", "", "", "", "summer palace", palace};
  Row far_away{"Senegal", "Q1041", "Western Sahara", "Q6250", "Mali", "Q912", city, "", "95",
               "10",      "",      "embassy",        good};
  auto report = load(std::string(kHeader) + line(from_kosovo) + line(from_sadr) + line(odd_type) + line(far_away) +
                     line(far_away));
  EXPECT_EQ(report["rows"], 5);
  EXPECT_EQ(report["created"], 1);
  EXPECT_EQ(report["skipped"], 4);
  for (const char* code : {"unmatched_sending", "not_recognised", "unknown_type", "duplicate_qid", "bad_coordinates"}) {
    const json* found = problem(report, code);
    ASSERT_NE(found, nullptr) << code << report.dump();
    EXPECT_EQ((*found)["count"], 1) << code;
    EXPECT_FALSE((*found)["examples"].empty()) << code;
  }
  EXPECT_NE(problem(report, "unmatched_sending")->dump().find("Kosovo (Q1246)"), std::string::npos);
  // Western Sahara is part of Morocco here; coordinates out of range are left out.
  auto mission = find_by_qid(good);
  EXPECT_EQ(mission["jurisdiction"], json({"MA"}));
  EXPECT_TRUE(mission["latitude"].is_null());
  // A file without the extract's columns is refused whole.
  std::string path = work_file(unique_name("bad-") + ".csv", "name,city\nX,Y\n");
  auto refused = taawun({"diplomatic-missions", "load", path, "--database", server().database_url()});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find("missing_column"), std::string::npos) << refused.output;
  // A file far larger than any extract is refused from its size, before it is read: a sparse
  // file of 65 MB costs the test nothing on disk.
  std::string huge = work_file(unique_name("huge-") + ".csv", std::string(kHeader));
  std::filesystem::resize_file(huge, 65ULL * 1024 * 1024);
  auto too_big = taawun({"diplomatic-missions", "load", huge, "--database", server().database_url()});
  EXPECT_NE(too_big.exit_code, 0);
  EXPECT_NE(too_big.output.find("at most 67108864 bytes"), std::string::npos) << too_big.output;
}

TEST_P(DiplomaticMissions, TheMapHoldsEveryMissionAndFollowsChanges) {
  auto mission = create_mission({{"sending_country", "CI"},
                                 {"receiving_country", "MA"},
                                 {"city", unique_name("Rabat ")},
                                 {"latitude", 34.0},
                                 {"longitude", -6.8},
                                 {"jurisdiction", {"MR"}}});
  auto find_point = [&](const json& map) -> json {
    for (const auto& p : map["items"])
      if (p["id"] == mission["id"]) return p;
    return nullptr;
  };
  auto map = admin().get("/api/v1/diplomatic-missions/map");
  ASSERT_EQ(map.status, 200) << map.body;
  auto point = find_point(map.json());
  ASSERT_FALSE(point.is_null());
  EXPECT_EQ(point["sending"], "CI");
  EXPECT_EQ(point["receiving"], "MA");
  EXPECT_EQ(point["jurisdiction"], "MR");
  EXPECT_DOUBLE_EQ(point["lon"].get<double>(), -6.8);
  // A change is seen at once (the kept answer follows the kind's counter).
  auto moved = admin().patch(url_of(mission), {{"latitude", 33.9}, {"longitude", -6.9}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_DOUBLE_EQ(find_point(admin().get("/api/v1/diplomatic-missions/map").json())["lat"].get<double>(), 33.9);
  Client viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get("/api/v1/diplomatic-missions/map").status, 200);
}

TEST_P(DiplomaticMissions, ExportsTheListsFilters) {
  std::string city = unique_name("Nouakchott ");
  create_mission({{"sending_country", "MA"}, {"receiving_country", "MR"}, {"city", city}, {"jurisdiction", {"GM"}}});
  create_mission({{"kind", "consulate"}, {"sending_country", "MA"}, {"receiving_country", "MR"}, {"city", city}});
  auto reply = admin().get("/api/v1/diplomatic-missions/export?format=csv&kind=embassy&q=" + url_encode(city));
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto table = spreadsheet::read_csv(reply.body, {});
  ASSERT_TRUE(table) << reply.body;
  ASSERT_EQ(table->rows.size(), 1u);
  auto column = [&](const std::string& name) {
    return std::find(table->columns.begin(), table->columns.end(), name) - table->columns.begin();
  };
  EXPECT_EQ(table->rows[0][column("kind")], "embassy");
  EXPECT_EQ(table->rows[0][column("receiving_country")], "MR");
  EXPECT_EQ(table->rows[0][column("jurisdiction")], "GM");
  EXPECT_EQ(table->rows[0][column("city")], city);
  EXPECT_EQ(admin().get("/api/v1/diplomatic-missions/export?format=xlsx&covers=GM").status, 200);
}

TEST_P(DiplomaticMissions, MissionsBetweenMoroccoAndACountry) {
  // A country no other test gives missions to: Bhutan.
  auto moroccan = create_mission({{"sending_country", "MA"}, {"receiving_country", "IN"}, {"jurisdiction", {"BT"}}});
  auto theirs = create_mission({{"sending_country", "BT"}, {"receiving_country", "FR"}, {"jurisdiction", {"MA"}}});
  create_mission({{"sending_country", "BT"}, {"receiving_country", "IN"}});  // not towards Morocco
  auto url = db::parse_url(server().database_url());
  ASSERT_TRUE(url);
  auto connection = db::open(*url);
  auto between = diplomatic_missions::missions_between_morocco_and(*connection, "BT");
  ASSERT_EQ(between.moroccan.size(), 1u);
  EXPECT_EQ(between.moroccan[0].id, moroccan["id"].get<std::int64_t>());
  ASSERT_EQ(between.foreign.size(), 1u);
  EXPECT_EQ(between.foreign[0].id, theirs["id"].get<std::int64_t>());
}

TAAWUN_ON_BOTH_DATABASES(DiplomaticMissions);

}  // namespace
}  // namespace taawun::testing
