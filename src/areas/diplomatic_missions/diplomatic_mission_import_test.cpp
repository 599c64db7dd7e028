// Diplomatic missions from CSV and XLSX files (issue 15, "Exports and imports"): every row through
// the form's rules, problems at their row and column, all or nothing unless the valid rows are
// asked for, a dry run writing nothing, a QID already known refused, each record with its audit
// entry, the export importing again, and who may send a file. On SQLite and PostgreSQL.
#include <atomic>
#include <chrono>

#include "core/spreadsheet.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string fresh_qid() {
  static std::atomic<long long> counter = 0;
  auto now = std::chrono::system_clock::now().time_since_epoch().count() / 1000 % 1'000'000'000;
  return "Q8" + std::to_string(now) + std::to_string(++counter);
}

class DiplomaticMissionImport : public ApiTest {
 protected:
  Reply upload(const std::string& body, const std::string& query = "", const std::string& type = "text/csv",
               Client* as = nullptr) {
    return (as ? *as : admin())
        .send("POST", "/api/v1/diplomatic-missions/import" + query, body, {{"Content-Type", type}});
  }
  json missions_in(const std::string& city) {
    auto reply = admin().get("/api/v1/diplomatic-missions?sort=kind&q=" + url_encode(city));
    if (reply.status != 200) throw std::runtime_error(reply.body);
    return reply.json();
  }
  static std::vector<std::string> errors_of(const Reply& reply) {
    std::vector<std::string> out;
    for (const auto& e : reply.json()["errors"])
      out.push_back(std::to_string(e.value("row", 0)) + ":" + e.value("column", "") + ":" +
                    e["code"].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_P(DiplomaticMissionImport, TemplateIsTheExportWithoutItsInformationalColumns) {
  auto csv = admin().get("/api/v1/diplomatic-missions/import-template?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  auto table = spreadsheet::read_csv(csv.body);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->columns.front(), "kind");
  EXPECT_EQ(table->columns.back(), "wikidata_qid");
  auto xlsx = admin().get("/api/v1/diplomatic-missions/import-template");
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = spreadsheet::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->columns, table->columns);
  auto exported = admin().get("/api/v1/diplomatic-missions/export?format=csv&q=nothing-matches-this");
  ASSERT_EQ(exported.status, 200);
  auto export_columns = spreadsheet::read_csv(exported.body);
  ASSERT_TRUE(export_columns.ok());
  for (const auto& column : table->columns)
    EXPECT_NE(std::find(export_columns->columns.begin(), export_columns->columns.end(), column),
              export_columns->columns.end())
        << column;
}

TEST_P(DiplomaticMissionImport, AGoodFileCreatesEveryMissionAndAnExportImportsAgain) {
  std::string city = unique_name("Banjul");
  std::string qid = fresh_qid();
  std::string file =
      "kind,sending_country,receiving_country,city,latitude,longitude,jurisdiction,opened_on,wikidata_qid,email\n"
      "embassy,MA,GM," +
      city + ",13.4549,-16.579,\"GW, cv\",1990-01-15," + qid +
      ",amb@example.ma\n"
      "consulate,sn,GM," +
      city + ",,,,,,\n";
  auto reply = upload(file);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.json()["created"], 2);
  auto listed = missions_in(city);
  ASSERT_EQ(listed["total"], 2) << listed;
  const auto& embassy = listed["items"][1]["kind"] == "embassy" ? listed["items"][1] : listed["items"][0];
  EXPECT_EQ(embassy["jurisdiction"], (json{"CV", "GW"}));
  EXPECT_EQ(embassy["wikidata_qid"], qid);
  EXPECT_DOUBLE_EQ(embassy["latitude"].get<double>(), 13.4549);
  for (const auto& item : listed["items"]) {
    auto trail =
        admin().get("/api/v1/audit?record_kind=diplomatic_mission&record_id=" + std::to_string(item["id"].get<int>()));
    ASSERT_EQ(trail.status, 200) << trail.body;
    ASSERT_EQ(trail.json()["total"], 1) << trail.body;
    EXPECT_EQ(trail.json()["items"][0]["action"], "import");
  }

  // The export's file goes back in as it is: its informational columns are ignored, and the
  // missions already known by their QID are refused at that column, not duplicated.
  auto exported = admin().get("/api/v1/diplomatic-missions/export?format=xlsx&q=" + url_encode(city));
  ASSERT_EQ(exported.status, 200);
  auto again = upload(exported.body, "?dry_run=true", kXlsx);
  ASSERT_EQ(again.status, 200) << again.body;
  auto table = spreadsheet::read_xlsx(exported.body);
  ASSERT_TRUE(table.ok());
  auto qid_column = std::find(table->columns.begin(), table->columns.end(), "wikidata_qid") - table->columns.begin();
  std::size_t known_row = 0;
  for (std::size_t r = 0; r < table->rows.size(); ++r)
    if (table->rows[r].size() > static_cast<std::size_t>(qid_column) && table->rows[r][qid_column] == qid)
      known_row = r + 2;
  EXPECT_EQ(errors_of(again), (std::vector<std::string>{std::to_string(known_row) + ":wikidata_qid:already_taken"}))
      << again.body;
  EXPECT_EQ(again.json()["ready"], 1);
  EXPECT_EQ(missions_in(city)["total"], 2);
}

TEST_P(DiplomaticMissionImport, OneBadCellRefusesTheFileAndValidOnlyKeepsTheRest) {
  std::string city = unique_name("Bissau");
  std::string taken = fresh_qid();
  ASSERT_EQ(
      upload("kind,sending_country,receiving_country,city,wikidata_qid\nembassy,MA,GW," + city + "," + taken + "\n")
          .status,
      201);
  std::string twice = fresh_qid();
  std::string file =
      "kind,sending_country,receiving_country,city,latitude,longitude,jurisdiction,wikidata_qid,status,closed_on\n"
      "consulate,MA,GW," +
      city + ",,,,,,\n" + "embassy,SN,GW," + city + ",north,,SN QQ,,,\n" + "palace,MA,GW," + city + ",,,,," +
      "closed,\n" + "embassy,ML,GW," + city + ",,,," + taken + ",,\n" + "embassy,GA,GW," + city + ",,,," + twice +
      ",,\n" + "embassy,TG,GW," + city + ",,,," + twice + ",,\n";
  auto refused = upload(file, "?lang=ar");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(
      errors_of(refused),
      (std::vector<std::string>{"3:jurisdiction:own_sending_state", "3:jurisdiction:unknown_country",
                                "3:latitude:wrong_type", "4:closed_on:required_when_closed", "4:kind:invalid_choice",
                                "5:wikidata_qid:already_taken", "7:wikidata_qid:already_taken"}))
      << refused.body;
  EXPECT_EQ(missions_in(city)["total"], 1) << "nothing was written";
  auto dry = upload(file, "?dry_run=true");
  ASSERT_EQ(dry.status, 200);
  EXPECT_EQ(dry.json()["ready"], 2);
  EXPECT_EQ(missions_in(city)["total"], 1);
  auto kept = upload(file, "?mode=valid_only");
  ASSERT_EQ(kept.status, 201) << kept.body;
  EXPECT_EQ(kept.json()["created"], 2);
  EXPECT_EQ(kept.json()["rejected_rows"], 4);
  EXPECT_EQ(missions_in(city)["total"], 3);
}

TEST_P(DiplomaticMissionImport, OnlyStaffWhoKeepTheNetworkImportAndBadFilesAreRefused) {
  std::string city = unique_name("Lomé");
  std::string file = "kind,sending_country,receiving_country,city\nembassy,MA,TG," + city + "\n";
  Client togo = signed_in("partner", {{"countries", {"TG"}}});
  Client manager = signed_in("manager");
  EXPECT_EQ(upload(file, "", "text/csv", &togo).status, 403);
  EXPECT_EQ(upload(file, "", "text/csv", &manager).status, 403);
  constexpr std::size_t kAnnounced = 10 << 20;
  std::map<std::string, std::string> csv = {{"Content-Type", "text/csv"}};
  EXPECT_EQ(
      togo.send_header_only("POST", "/api/v1/diplomatic-missions/import", kAnnounced, csv, std::chrono::seconds(20))
          .status,
      403);
  EXPECT_EQ(missions_in(city)["total"], 0);
  auto columns = upload("kind,receiving_country,colour\nembassy,TG,blue\n");
  ASSERT_EQ(columns.status, 422) << columns.body;
  EXPECT_EQ(errors_of(columns), (std::vector<std::string>{"0:sending_country | sending_organisation_id:missing_column",
                                                          "1:colour:unknown_column"}));
  EXPECT_EQ(upload("PK\x03\x04 garbage", "", kXlsx).status, 400);
  Client officer = signed_in("officer");
  EXPECT_EQ(upload(file, "", "text/csv", &officer).status, 201);
  EXPECT_EQ(missions_in(city)["total"], 1);
}

TAAWUN_ON_BOTH_DATABASES(DiplomaticMissionImport);

}  // namespace
}  // namespace taawun::testing
