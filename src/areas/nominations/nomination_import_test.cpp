// Bulk nomination from CSV and XLSX files, and exports that import again without loss.
// On SQLite and PostgreSQL.
#include "core/spreadsheet.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class NominationImport : public ApiTest {
 protected:
  std::string id_of(const json& record) { return std::to_string(record["id"].get<int>()); }
  json open_action(json quotas) { return move_action(create_action({{"seats", 20}, {"quotas", quotas}}), {"open"}); }
  Reply upload(const json& action, const std::string& body, const std::string& query = "",
               const std::string& type = "text/csv", Client* as = nullptr) {
    return (as ? *as : admin())
        .send("POST", "/api/v1/actions/" + id_of(action) + "/nominations/import" + query, body,
              {{"Content-Type", type}});
  }
  int nominations_of(const json& action) {
    return admin().get("/api/v1/nominations?action_id=" + id_of(action)).json()["total"].get<int>();
  }
  std::string family() { return unique_family("Ko", 'o'); }
  std::vector<std::string> fields(const Reply& reply) {
    std::vector<std::string> out;
    for (const auto& e : reply.json()["errors"])
      out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  }
};

TEST_P(NominationImport, TemplateListsTheDocumentedColumns) {
  auto csv = admin().get("/api/v1/nominations/template?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  auto table = spreadsheet::read_csv(csv.body);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->columns.front(), "person_id");
  EXPECT_EQ(table->columns.size(), 15u);
  auto xlsx = admin().get("/api/v1/nominations/template");
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = spreadsheet::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->columns, table->columns);
}

TEST_P(NominationImport, NothingIsWrittenUnlessEveryRowPasses) {
  auto action = open_action(json::array({{{"country", "SN"}, {"seats", 10}}, {{"country", "ML"}, {"seats", 10}}}));
  std::string name = family();
  std::string file =
      "latin_name,arabic_name,birth_date,nationality,category,note\n"
      "Awa " +
      name +
      ",,1990-04-02,SN,manager,\"Ministère, direction \"\"pêches\"\"\"\n"
      "Bakary " +
      name +
      ",,1988-02-30,ML,technician,\n"
      "Chérif " +
      name +
      ",,1985-01-01,QQ,other,\n"
      ",,1980-01-01,SN,other,\n"
      "Awa " +
      name +
      ",,1990-04-02,SN,manager,\n"
      "Dado " +
      name + ",,1991-01-01,GA,chief,\n";
  auto refused = upload(action, file);
  ASSERT_EQ(refused.status, 422) << refused.body;
  auto errors = refused.field_errors();
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors, (std::vector<std::string>{"rows[3].birth_date:invalid_date", "rows[4].country:unknown_country",
                                              "rows[4].nationality:unknown_country",
                                              "rows[5].latin_name:one_person_name_required",
                                              "rows[6].latin_name:duplicate_in_file", "rows[7].category:invalid_choice",
                                              "rows[7].country:no_quota_for_country"}))
      << refused.body;
  EXPECT_EQ(nominations_of(action), 0);
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode(name)).json()["total"], 0);

  auto dry = upload(action, file, "?dry_run=true");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json()["written"]);
  EXPECT_EQ(dry.json()["nominations_ready"], 1);
  EXPECT_EQ(dry.json()["rejected_rows"], 5);
  EXPECT_EQ(nominations_of(action), 0);

  // The user keeps the valid rows.
  auto kept = upload(action, file, "?mode=valid_only");
  ASSERT_EQ(kept.status, 201) << kept.body;
  EXPECT_EQ(kept.json()["nominations_created"], 1);
  EXPECT_EQ(kept.json()["people_created"], 1);
  EXPECT_EQ(fields(kept).size(), 7u);
  EXPECT_EQ(nominations_of(action), 1);
  auto created = admin().get("/api/v1/nominations?action_id=" + id_of(action)).json()["items"][0];
  EXPECT_EQ(created["note"], "Ministère, direction \"pêches\"");
  EXPECT_EQ(created["country"], "SN");
}

TEST_P(NominationImport, RegistryDuplicatesAreMatchedOrQuestioned) {
  auto action = open_action(json::array());
  std::string name = family();
  auto known = admin().post(
      "/api/v1/people", {{"latin_name", "Mohamed Ould " + name}, {"birth_date", "1979-09-09"}, {"nationality", "MR"}});
  ASSERT_EQ(known.status, 201);
  auto known_id = known.json()["person"]["id"].get<int>();
  // Same person, another spelling, same birth date: the registry's record is used.
  auto matched = upload(action, "latin_name,birth_date,nationality\nMohammed Ould " + name + ",1979-09-09,MR\n");
  ASSERT_EQ(matched.status, 201) << matched.body;
  EXPECT_EQ(matched.json()["people_matched"], 1);
  EXPECT_EQ(matched.json()["people_created"], 0);
  EXPECT_EQ(admin().get("/api/v1/nominations?action_id=" + id_of(action)).json()["items"][0]["person_id"], known_id);

  // No birth date to confirm: the user must say.
  auto other = open_action(json::array());
  auto unsure = upload(other, "latin_name,nationality\nMuhammad Ould " + name + ",MR\n");
  ASSERT_EQ(unsure.status, 422) << unsure.body;
  EXPECT_EQ(unsure.field_errors(), std::vector<std::string>{"rows[2].latin_name:possible_duplicate"});
  EXPECT_NE(unsure.json()["errors"][0]["message"].get<std::string>().find(std::to_string(known_id)), std::string::npos);
  auto forced = upload(other, "latin_name,nationality,new_person\nMuhammad Ould " + name + ",MR,oui\n");
  ASSERT_EQ(forced.status, 201) << forced.body;
  EXPECT_EQ(forced.json()["people_created"], 1);
  auto again = upload(other, "person_id\n" + std::to_string(known_id) + "\n");
  ASSERT_EQ(again.status, 201) << again.body;
  auto twice = upload(other, "person_id\n" + std::to_string(known_id) + "\n");
  EXPECT_EQ(twice.field_errors(), std::vector<std::string>{"rows[2].person_id:already_nominated"});
}

TEST_P(NominationImport, ExportedFilesImportAgainWithoutLoss) {
  auto first = open_action(json::array({{{"country", "TD"}, {"seats", 10}}, {{"country", "SN"}, {"seats", 10}}}));
  std::string name = family();
  std::string file =
      "latin_name,arabic_name,sex,birth_date,nationality,category,position,email,phone,passport_number,"
      "passport_expiry,note\n"
      "Mahamat " +
      name + ",محمد " + name +
      ",male,1984-05-06,TD,manager,Directeur,m@example.td,+235 66 00 00 00,"
      "TD1234567,2030-01-01,\"line one\nline two\"\n"
      "Fatou " +
      name + ",,female,1992-12-31,SN,researcher,\"Chercheuse, IRD\",,,,,=not a formula\n";
  ASSERT_EQ(upload(first, file).status, 201);

  for (std::string format : {"xlsx", "csv"}) {
    auto exported = admin().get("/api/v1/nominations/export?format=" + format + "&action_id=" + id_of(first));
    ASSERT_EQ(exported.status, 200) << exported.body;
    auto second = open_action(json::array({{{"country", "TD"}, {"seats", 10}}, {{"country", "SN"}, {"seats", 10}}}));
    auto imported =
        upload(second, exported.body, "",
               format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
    ASSERT_EQ(imported.status, 201) << format << " " << imported.body;
    EXPECT_EQ(imported.json()["nominations_created"], 2);
    EXPECT_EQ(imported.json()["people_created"], 0);  // the same people, by their person_id
    auto original = admin().get("/api/v1/nominations?sort=name&action_id=" + id_of(first)).json()["items"];
    auto copy = admin().get("/api/v1/nominations?sort=name&action_id=" + id_of(second)).json()["items"];
    ASSERT_EQ(copy.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(copy[i]["person_id"], original[i]["person_id"]) << format;
      EXPECT_EQ(copy[i]["country"], original[i]["country"]) << format;
      EXPECT_EQ(copy[i]["note"], original[i]["note"]) << format;
    }
    // The file itself carries every field as stored, Arabic and line breaks included.
    auto table = format == "xlsx" ? spreadsheet::read_xlsx(exported.body) : spreadsheet::read_csv(exported.body);
    ASSERT_TRUE(table.ok());
    bool found = false;
    for (const auto& row : table->rows)
      if (row[1] == "Mahamat " + name) {
        found = true;
        EXPECT_EQ(row[2], "محمد " + name);
        EXPECT_EQ(row[4], "1984-05-06");
        EXPECT_EQ(row[10], "+235 66 00 00 00");
        EXPECT_EQ(row[11], "TD1234567");  // the administrator may see passports
        EXPECT_EQ(row[13], "line one\nline two");
      }
    EXPECT_TRUE(found) << format;
  }
  // The export carries the list's state filter and order too.
  auto names_exported = [&](const std::string& criteria) {
    auto reply = admin().get("/api/v1/nominations/export?format=csv&action_id=" + id_of(first) + criteria);
    EXPECT_EQ(reply.status, 200) << criteria << " " << reply.body;
    auto table = spreadsheet::read_csv(reply.body);
    EXPECT_TRUE(table.ok()) << criteria;
    std::vector<std::string> names;
    if (table.ok())
      for (const auto& row : table->rows) names.push_back(row[1]);
    return names;
  };
  EXPECT_EQ(names_exported("&sort=name"), (std::vector<std::string>{"Fatou " + name, "Mahamat " + name}));
  EXPECT_EQ(names_exported("&sort=-name"), (std::vector<std::string>{"Mahamat " + name, "Fatou " + name}));
  EXPECT_EQ(names_exported("&state=nominated").size(), 2u);
  EXPECT_TRUE(names_exported("&state=rejected").empty());
}

TEST_P(NominationImport, PartnersImportOnlyForTheirCountriesAndBadFilesAreRefused) {
  auto action = open_action(json::array({{{"country", "BJ"}, {"seats", 5}}, {{"country", "TG"}, {"seats", 5}}}));
  Client benin = signed_in("partner", {{"countries", {"BJ"}}});
  std::string name = family();
  auto mixed =
      upload(action, "latin_name,nationality\nAdjoa " + name + ",TG\nKoffi " + name + ",BJ\n", "", "text/csv", &benin);
  ASSERT_EQ(mixed.status, 422) << mixed.body;
  auto errors = mixed.field_errors();
  EXPECT_NE(std::find(errors.begin(), errors.end(), "rows[2].nationality:outside_scope"), errors.end()) << mixed.body;
  EXPECT_NE(std::find(errors.begin(), errors.end(), "rows[2].country:outside_scope"), errors.end()) << mixed.body;
  auto own = upload(action, "latin_name,nationality\nKoffi " + name + ",BJ\n", "", "text/csv", &benin);
  EXPECT_EQ(own.status, 201) << own.body;

  auto columns = upload(action, "latin_name,shoe_size\nX,42\n");
  EXPECT_EQ(columns.field_errors(), std::vector<std::string>{"rows[1].shoe_size:unknown_column"});
  auto broken = upload(action, "PK\x03\x04 not really a zip", "",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(broken.status, 400) << broken.body;
  EXPECT_EQ(broken.json()["code"], "bad_request");
  auto json_body = upload(action, "{}", "", "application/json");
  EXPECT_EQ(json_body.status, 415);
  Client finance = signed_in("finance");
  EXPECT_EQ(upload(action, "person_id\n1\n", "", "text/csv", &finance).status, 403);
}

// Who may send a file is decided from the request's header, before a byte of the body is
// read: the refusal comes while the client still holds its 10 MiB. Document uploads alike.
TEST_P(NominationImport, PermissionIsDecidedBeforeTheFileIsRead) {
  auto action = open_action(json::array({{{"country", "SN"}, {"seats", 5}}}));
  std::string import = "/api/v1/actions/" + id_of(action) + "/nominations/import";
  std::string documents = "/api/v1/actions/" + id_of(action) + "/documents?file_name=list.csv";
  constexpr std::size_t kAnnounced = 10 << 20;
  std::map<std::string, std::string> csv = {{"Content-Type", "text/csv"}};
  auto answered_at_once = [&](Client& as, const std::string& target) {
    return as.send_header_only("POST", target, kAnnounced, csv, std::chrono::seconds(20));
  };
  Client viewer = signed_in("viewer");
  Client finance = signed_in("finance");
  Client mali = signed_in("partner", {{"countries", {"ML"}}});
  Client anonymous(server());
  auto by_viewer = answered_at_once(viewer, import);
  EXPECT_EQ(by_viewer.status, 403) << by_viewer.body;
  EXPECT_EQ(by_viewer.json()["code"], "forbidden");
  EXPECT_EQ(answered_at_once(finance, import).status, 403);
  EXPECT_EQ(answered_at_once(anonymous, import).status, 401);
  // An action the caller cannot see (no quota for Mali) reads as missing, as everywhere else.
  EXPECT_EQ(answered_at_once(mali, import).status, 404);
  EXPECT_EQ(answered_at_once(admin(), "/api/v1/actions/999999999/nominations/import").status, 404);
  EXPECT_EQ(answered_at_once(viewer, documents).status, 403);
  EXPECT_EQ(answered_at_once(finance, documents).status, 403);
  // A cookie write without the CSRF token is refused before its body too.
  Client no_csrf = signed_in("officer");
  no_csrf.forget_csrf();
  EXPECT_EQ(answered_at_once(no_csrf, import).status, 403);
  // Whoever may import gets no answer until the body arrives.
  EXPECT_EQ(admin().send_header_only("POST", import, kAnnounced, csv, std::chrono::milliseconds(800)).status, 0);
  // And the server still serves after the refused uploads.
  EXPECT_EQ(admin().get("/api/v1/actions/" + id_of(action)).status, 200);
}

TAAWUN_ON_BOTH_DATABASES(NominationImport);

}  // namespace
}  // namespace taawun::testing
