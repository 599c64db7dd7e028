// The register of agreements from CSV and XLSX files (issue 15, "Exports and imports"): every row
// through the form's rules, problems at their row and column, all or nothing unless the valid
// rows are asked for, a dry run writing nothing, each record with its audit entry, and who may
// send a file. Each test runs on SQLite and PostgreSQL.
#include "core/spreadsheet.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class AgreementImport : public ApiTest {
 protected:
  Reply upload(const std::string& body, const std::string& query = "", const std::string& type = "text/csv",
               Client* as = nullptr) {
    return (as ? *as : admin()).send("POST", "/api/v1/agreements/import" + query, body, {{"Content-Type", type}});
  }
  // The agreements whose reference or title holds `marker`.
  json agreements_with(const std::string& marker) {
    auto reply = admin().get("/api/v1/agreements?sort=title&q=" + url_encode(marker));
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

TEST_P(AgreementImport, TemplateListsTheImportColumnsInBothFormats) {
  auto csv = admin().get("/api/v1/agreements/import-template?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  auto table = spreadsheet::read_csv(csv.body);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->columns.front(), "reference");
  EXPECT_NE(std::find(table->columns.begin(), table->columns.end(), "parties"), table->columns.end());
  EXPECT_TRUE(table->rows.empty());
  auto xlsx = admin().get("/api/v1/agreements/import-template");
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = spreadsheet::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->columns, table->columns);
  // The template is for those who may import.
  Client viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get("/api/v1/agreements/import-template").status, 403);
}

TEST_P(AgreementImport, AGoodFileCreatesEveryAgreementWithItsPartiesAndAuditEntry) {
  std::string marker = unique_name("IMPA");
  std::string file =
      "Reference,kind,modality,status,title_fr,title_en,parties,signed_on,in_force_on,expires_on,domains,renewal,"
      "renewal_months\n" +
      marker + "-1,triangular,triangular,in_force,Accord triangulaire " + marker +
      ",,\"MA:signatory,implementer; #ORG:funder:250000.50 USD; SN:beneficiary\",2024-03-12,2024-06-01,2027-05-31,"
      "health,tacit,24\n" +
      marker + "-2,memorandum,bilateral,,Mémorandum " + marker +
      ",Memorandum,MA:signatory;ML:signatory,,,,\"health, education\",,\n";
  auto agency = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Agence ")}});
  file.replace(file.find("#ORG"), 4, "#" + std::to_string(agency["id"].get<int>()));
  auto reply = upload(file);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.json()["written"], true);
  EXPECT_EQ(reply.json()["rows"], 2);
  EXPECT_EQ(reply.json()["created"], 2);
  EXPECT_EQ(reply.json()["rejected_rows"], 0);
  EXPECT_TRUE(reply.json()["errors"].empty());

  auto listed = agreements_with(marker);
  ASSERT_EQ(listed["total"], 2) << listed;
  auto triangular = admin().get("/api/v1/agreements/" + std::to_string(listed["items"][0]["id"].get<int>())).json();
  EXPECT_EQ(triangular["reference"], marker + "-1");
  EXPECT_EQ(triangular["status"], "in_force");
  EXPECT_EQ(triangular["renewal_months"], 24);
  ASSERT_EQ(triangular["parties"].size(), 3u) << triangular;
  EXPECT_EQ(triangular["parties"][0]["country"], "MA");
  EXPECT_EQ(triangular["parties"][0]["roles"], (json{"signatory", "implementer"}));
  EXPECT_EQ(triangular["parties"][1]["organisation_id"], agency["id"]);
  EXPECT_EQ(triangular["parties"][1]["amount"], "250000.50");
  EXPECT_EQ(triangular["parties"][1]["currency"], "USD");
  auto memorandum = admin().get("/api/v1/agreements/" + std::to_string(listed["items"][1]["id"].get<int>())).json();
  EXPECT_EQ(memorandum["status"], "draft");  // an empty cell is the form's default
  EXPECT_EQ(memorandum["domains"], (json{"health", "education"}));
  EXPECT_EQ(memorandum["parties"].size(), 2u);

  for (const auto& item : listed["items"]) {
    auto trail = admin().get("/api/v1/audit?record_kind=agreement&record_id=" + std::to_string(item["id"].get<int>()));
    ASSERT_EQ(trail.status, 200) << trail.body;
    ASSERT_EQ(trail.json()["total"], 1);
    EXPECT_EQ(trail.json()["items"][0]["action"], "import");
  }

  // The export writes the parties as the import reads them: it goes back in whole, where only
  // the references, already taken here, stop it.
  auto exported = admin().get("/api/v1/agreements/export?format=xlsx&q=" + url_encode(marker));
  ASSERT_EQ(exported.status, 200);
  auto table = spreadsheet::read_xlsx(exported.body);
  ASSERT_TRUE(table.ok());
  auto parties = std::find(table->columns.begin(), table->columns.end(), "parties") - table->columns.begin();
  ASSERT_LT(static_cast<std::size_t>(parties), table->columns.size());
  EXPECT_EQ(table->rows[0][parties], "MA:signatory,implementer; #" + std::to_string(agency["id"].get<int>()) +
                                         ":funder:250000.50 USD; SN:beneficiary");
  auto again = upload(exported.body, "?dry_run=true", kXlsx);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(errors_of(again), (std::vector<std::string>{"2:reference:already_taken", "3:reference:already_taken"}))
      << again.body;
}

TEST_P(AgreementImport, OneBadCellRefusesTheFileWithRowAndColumnAndValidOnlyKeepsTheRest) {
  std::string marker = unique_name("IMPB");
  std::string file = "reference,kind,modality,title_fr,parties,signed_on,in_force_on,renewal_months\n" + marker +
                     "-1,framework,bilateral,Cadre " + marker + ",MA:signatory;SN:signatory,2023-01-01,,\n" + marker +
                     "-2,framework,bilateral,Cadre bis " + marker + ",MA:signatory;QQ:signatory,2023-02-30,,\n" +
                     marker + "-3,triangular,triangular,Triangle " + marker +
                     ",MA:signatory;SN:beneficiary,,,twelve\n" + marker + "-4,framework,bilateral,Cadre ter " + marker +
                     ",MA signatory,,,\n" + marker + "-1,treaty,bilateral,Double " + marker +
                     ",MA:signatory,2024-01-10,2024-01-01,\n" + marker + "-6,sectoral,bilateral,Sectoriel " + marker +
                     ",MA:signatory;TN:signatory:100 XYZ,,,\n";
  auto refused = upload(file, "?lang=fr");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(errors_of(refused),
            (std::vector<std::string>{"3:parties:unknown_country", "3:signed_on:invalid_date", "4:parties:needs_funder",
                                      "4:renewal_months:not_an_integer", "5:parties:invalid_party",
                                      "6:in_force_on:before_signature", "6:kind:invalid_choice",
                                      "6:reference:already_taken", "7:parties:unknown_code"}))
      << refused.body;
  // Each problem names its place and is said in the caller's language.
  bool found = false;
  for (const auto& e : refused.json()["errors"])
    if (e["code"] == "invalid_party") {
      found = true;
      EXPECT_EQ(e["field"], "rows[5].parties");
      EXPECT_NE(e["message"].get<std::string>().find("MA signatory"), std::string::npos) << e;
      EXPECT_NE(e["message"].get<std::string>().find("Partie"), std::string::npos) << e;
    } else if (e["code"] == "unknown_country") {
      EXPECT_EQ(e["field"], "rows[3].parties[1].country");
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(agreements_with(marker)["total"], 0) << "nothing was written";

  auto dry = upload(file, "?dry_run=true");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["written"], false);
  EXPECT_EQ(dry.json()["ready"], 1);
  EXPECT_EQ(dry.json()["created"], 0);
  EXPECT_EQ(dry.json()["rejected_rows"], 5);
  EXPECT_EQ(agreements_with(marker)["total"], 0) << "a dry run writes nothing";

  auto kept = upload(file, "?mode=valid_only");
  ASSERT_EQ(kept.status, 201) << kept.body;
  EXPECT_EQ(kept.json()["created"], 1);
  EXPECT_EQ(kept.json()["rejected_rows"], 5);
  EXPECT_EQ(kept.json()["errors"].size(), 9u);
  auto listed = agreements_with(marker);
  ASSERT_EQ(listed["total"], 1);
  EXPECT_EQ(listed["items"][0]["reference"], marker + "-1");
}

TEST_P(AgreementImport, XlsxFilesImportAndBadFilesAreRefusedClearly) {
  std::string marker = unique_name("IMPC");
  spreadsheet::Table table;
  table.columns = {"reference", "kind", "modality", "title_ar", "parties", "signed_on", "status"};
  // A date typed in a spreadsheet is stored as its day number (45292 is 2024-01-01).
  table.rows = {
      {marker + "-1", "framework", "bilateral", "اتفاق " + marker, "MA:signatory; GA:signatory", "45292", "signed"}};
  auto reply = upload(spreadsheet::to_xlsx(table, "Accords"), "", kXlsx);
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto listed = agreements_with(marker);
  ASSERT_EQ(listed["total"], 1);
  EXPECT_EQ(listed["items"][0]["signed_on"], "2024-01-01");
  EXPECT_EQ(listed["items"][0]["title_ar"], "اتفاق " + marker);

  // The file as a whole: unknown and missing columns, nothing else looked at.
  auto columns = upload("reference,title_fr,shoe_size\nX,Y,42\n");
  ASSERT_EQ(columns.status, 422) << columns.body;
  std::vector<std::string> fields;
  for (const auto& e : columns.json()["errors"])
    fields.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
  EXPECT_EQ(fields, (std::vector<std::string>{"rows[1].shoe_size:unknown_column", "file:missing_column",
                                              "file:missing_column"}))
      << columns.body;
  EXPECT_EQ(upload("").status, 422);
  auto broken = upload("PK\x03\x04 not really a zip", "", kXlsx);
  EXPECT_EQ(broken.status, 400) << broken.body;
  EXPECT_EQ(upload("{}", "", "application/json").status, 415);
  std::string many = "kind,modality,title_fr\n";
  for (int i = 0; i < 5001; ++i) many += "framework,bilateral,T\n";
  auto too_many = upload(many);
  ASSERT_EQ(too_many.status, 422) << too_many.body.substr(0, 500);
  EXPECT_EQ(too_many.json()["errors"][0]["code"], "too_many_rows");
  // Beyond the upload limit (16 MiB): refused whole.
  auto oversized = upload("kind,modality,title_fr\n" + std::string(17 << 20, 'x'));
  EXPECT_EQ(oversized.status, 413) << oversized.body.substr(0, 500);
}

TEST_P(AgreementImport, OnlyThoseWhoMayCreateAgreementsImportAndAreRefusedBeforeTheFile) {
  std::string marker = unique_name("IMPD");
  std::string file =
      "kind,modality,title_fr,parties\nframework,bilateral,Cadre " + marker + ",MA:signatory;SN:signatory\n";
  Client senegal = signed_in("partner", {{"countries", {"SN"}}});
  Client finance = signed_in("finance");
  Client viewer = signed_in("viewer");
  EXPECT_EQ(upload(file, "", "text/csv", &senegal).status, 403);
  EXPECT_EQ(upload(file, "", "text/csv", &finance).status, 403);
  EXPECT_EQ(upload(file, "", "text/csv", &viewer).status, 403);
  EXPECT_EQ(agreements_with(marker)["total"], 0);
  // Refused from the header alone, while the client still holds its 10 MiB.
  constexpr std::size_t kAnnounced = 10 << 20;
  std::map<std::string, std::string> csv = {{"Content-Type", "text/csv"}};
  auto at_once =
      senegal.send_header_only("POST", "/api/v1/agreements/import", kAnnounced, csv, std::chrono::seconds(20));
  EXPECT_EQ(at_once.status, 403) << at_once.body;
  Client anonymous(server());
  EXPECT_EQ(
      anonymous.send_header_only("POST", "/api/v1/agreements/import", kAnnounced, csv, std::chrono::seconds(20)).status,
      401);
  Client officer = signed_in("officer");
  EXPECT_EQ(upload(file, "", "text/csv", &officer).status, 201);
}

TAAWUN_ON_BOTH_DATABASES(AgreementImport);

}  // namespace
}  // namespace taawun::testing
