// Lists exported as CSV and XLSX: the rows and order of the list with the same filters, the
// same content in both formats, personal data as the role may see it, and a people export sent
// back as a nomination file. On SQLite and PostgreSQL.
#include "core/spreadsheet.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Exports : public ApiTest {
 protected:
  std::string id_of(const json& record) { return std::to_string(record["id"].get<int>()); }
  std::string family() { return unique_family("Xe", 'e'); }
  json person(json body) {
    auto reply = admin().post("/api/v1/people", body);
    if (reply.status != 201) throw std::runtime_error("could not create a person: " + reply.body);
    return reply.json()["person"];
  }
  // Both formats of one export, checked to hold the same table.
  spreadsheet::Table exported(Client& as, const std::string& path) {
    auto csv = as.get(path + "&format=csv");
    EXPECT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv.header("content-disposition").find(".csv\""), std::string::npos);
    auto xlsx = as.get(path + "&format=xlsx");
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    auto from_csv = spreadsheet::read_csv(csv.body);
    auto from_xlsx = spreadsheet::read_xlsx(xlsx.body);
    if (!from_csv.ok() || !from_xlsx.ok()) throw std::runtime_error("an export could not be read back");
    EXPECT_EQ(from_csv->columns, from_xlsx->columns);
    EXPECT_EQ(from_csv->rows, from_xlsx->rows);
    return *from_csv;
  }
  static std::string cell(const spreadsheet::Table& table, std::size_t row, const std::string& column) {
    auto at = std::find(table.columns.begin(), table.columns.end(), column);
    if (at == table.columns.end()) throw std::runtime_error("no column " + column);
    return table.rows.at(row).at(static_cast<std::size_t>(at - table.columns.begin()));
  }
};

TEST_P(Exports, PeopleExportHasTheListsRowsAndReimportsAsNominations) {
  std::string name = family();
  auto amadou = person({{"latin_name", "Amadou " + name},
                        {"arabic_name", "أحمدو"},
                        {"birth_date", "1981-02-03"},
                        {"nationality", "SN"},
                        {"category", "researcher"},
                        {"passport_number", "SN1234567"},
                        {"passport_expiry", "2030-01-31"}});
  auto aissata = person({{"latin_name", "Aïssata " + name}, {"nationality", "ML"}, {"sex", "female"}});
  auto list = admin().get("/api/v1/people?sort=name&q=" + url_encode(name));
  ASSERT_EQ(list.json()["total"], 2);

  auto table = exported(admin(), "/api/v1/people/export?sort=name&q=" + url_encode(name));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.columns.front(), "person_id");
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& item = list.json()["items"][i];
    EXPECT_EQ(cell(table, i, "person_id"), id_of(item));
    EXPECT_EQ(cell(table, i, "latin_name"), item["latin_name"]);
  }
  std::size_t first = cell(table, 0, "person_id") == id_of(amadou) ? 0 : 1;
  EXPECT_EQ(cell(table, first, "arabic_name"), "أحمدو");
  EXPECT_EQ(cell(table, first, "birth_date"), "1981-02-03");
  EXPECT_EQ(cell(table, first, "category"), "researcher");
  EXPECT_EQ(cell(table, first, "passport_number"), "SN1234567");
  EXPECT_EQ(cell(table, 1 - first, "latin_name"), "Aïssata " + name);

  // A role that may read people but not handle logistics gets the rows without passports.
  auto manager = signed_in("manager");
  auto without = exported(manager, "/api/v1/people/export?sort=name&q=" + url_encode(name));
  ASSERT_EQ(without.rows.size(), 2u);
  EXPECT_EQ(cell(without, first, "passport_number"), "");
  EXPECT_EQ(cell(without, first, "latin_name"), "Amadou " + name);

  // The export, sent back as a nomination file, nominates the same registered people.
  auto action = move_action(create_action({{"seats", 10}}), {"open"});
  auto csv = admin().get("/api/v1/people/export?format=csv&q=" + url_encode(name));
  auto imported = admin().send("POST", "/api/v1/actions/" + id_of(action) + "/nominations/import", csv.body,
                               {{"Content-Type", "text/csv"}});
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.json()["nominations_created"], 2);
  EXPECT_EQ(imported.json()["people_created"], 0);
  auto nominated = admin().get("/api/v1/nominations?action_id=" + id_of(action));
  std::set<std::string> ids;
  for (const auto& n : nominated.json()["items"]) ids.insert(std::to_string(n["person_id"].get<int>()));
  EXPECT_EQ(ids, (std::set<std::string>{id_of(amadou), id_of(aissata)}));
}

TEST_P(Exports, ActionsAndOrganisationsExportTheirListsFilters) {
  std::string title = "Hydrologie appliquée " + unique_name("");
  auto first =
      create_action({{"title_fr", title + " A"},
                     {"seats", 12},
                     {"quotas", json::array({{{"country", "SN"}, {"seats", 5}}, {{"country", "ML"}, {"seats", 4}}})}});
  create_action({{"title_fr", title + " B"}, {"start_date", "2031-05-04"}, {"end_date", "2031-05-09"}});
  auto actions = exported(admin(), "/api/v1/actions/export?sort=title&q=" + url_encode(title));
  ASSERT_EQ(actions.rows.size(), 2u);
  EXPECT_EQ(cell(actions, 0, "action_id"), id_of(first));
  EXPECT_EQ(cell(actions, 0, "title_fr"), title + " A");
  EXPECT_EQ(cell(actions, 0, "seats"), "12");
  EXPECT_EQ(cell(actions, 0, "quotas"), "ML:4 SN:5");
  EXPECT_EQ(cell(actions, 1, "start_date"), "2031-05-04");
  EXPECT_EQ(cell(actions, 1, "status"), "planned");

  std::string name = "Office de la pêche " + unique_name("");
  auto office = create_organisation({{"kind", "10"}, {"name_fr", name}, {"country", "SN"}, {"acronym", "OP"}});
  create_organisation({{"kind", "10"}, {"name_fr", name + " (Mali)"}, {"country", "ML"}});
  auto organisations = exported(admin(), "/api/v1/organisations/export?country=SN&q=" + url_encode(name));
  ASSERT_EQ(organisations.rows.size(), 1u);
  EXPECT_EQ(cell(organisations, 0, "organisation_id"), id_of(office));
  EXPECT_EQ(cell(organisations, 0, "name_fr"), name);
  EXPECT_EQ(cell(organisations, 0, "acronym"), "OP");
  EXPECT_EQ(cell(organisations, 0, "archived"), "no");
}

TEST_P(Exports, CatalogueListsExportTheirRows) {
  std::string marker = unique_name("Catalogue");
  auto created = [&](const std::string& path, const json& body) {
    auto reply = admin().post(path, body);
    if (reply.status != 201) throw std::runtime_error("could not create " + path + ": " + reply.body);
    return reply.json();
  };
  auto programme = created("/api/v1/programmes", {{"kind", "country_programme"},
                                                  {"title_fr", "Programme " + marker},
                                                  {"country", "SN"},
                                                  {"start_year", 2024},
                                                  {"agreement_number", "AC-2024-17"}});
  auto programmes = exported(admin(), "/api/v1/programmes/export?q=" + url_encode(marker));
  ASSERT_EQ(programmes.rows.size(), 1u);
  EXPECT_EQ(cell(programmes, 0, "programme_id"), id_of(programme));
  EXPECT_EQ(cell(programmes, 0, "country_name"), "Sénégal");
  EXPECT_EQ(cell(programmes, 0, "agreement_number"), "AC-2024-17");

  auto host = create_organisation({{"kind", "10"}, {"name_fr", "Institut " + marker}, {"country", "MA"}});
  auto offer = created("/api/v1/offers", {{"host_organisation_id", host["id"]},
                                          {"action_type", "short_training"},
                                          {"domain", "health"},
                                          {"title_fr", "Épidémiologie " + marker},
                                          {"seats_per_year", 12}});
  auto offers = exported(admin(), "/api/v1/offers/export?q=" + url_encode(marker));
  ASSERT_EQ(offers.rows.size(), 1u);
  EXPECT_EQ(cell(offers, 0, "offer_id"), id_of(offer));
  EXPECT_EQ(cell(offers, 0, "host"), "Institut " + marker);
  EXPECT_EQ(cell(offers, 0, "seats_per_year"), "12");

  auto request = created("/api/v1/requests", {{"country", "ML"},
                                              {"domain", "health"},
                                              {"title", "Demande " + marker},
                                              {"people_count", 20},
                                              {"priority", "high"},
                                              {"channel", "embassy"},
                                              {"received_on", "2025-11-02"}});
  auto requests = exported(admin(), "/api/v1/requests/export?q=" + url_encode(marker) + "&country=ML");
  ASSERT_EQ(requests.rows.size(), 1u);
  EXPECT_EQ(cell(requests, 0, "request_id"), id_of(request));
  EXPECT_EQ(cell(requests, 0, "people_count"), "20");
  EXPECT_EQ(cell(requests, 0, "status"), "received");
  EXPECT_EQ(exported(admin(), "/api/v1/requests/export?q=" + url_encode(marker) + "&country=SN").rows.size(), 0u);
}

TEST_P(Exports, UsersAndTheAuditTrailExportForTheRolesThatReadThem) {
  std::string marker = unique_name("exp");
  Client partner = signed_in("partner", {{"countries", {"SN", "ML"}}});
  ASSERT_EQ(admin()
                .post("/api/v1/users", {{"username", marker + "-a"},
                                        {"display_name", "Awa " + marker},
                                        {"role", "partner"},
                                        {"countries", {"SN", "ML"}},
                                        {"password", "correct horse battery"}})
                .status,
            201);
  ASSERT_EQ(admin()
                .post("/api/v1/users",
                      {{"username", marker + "-b"}, {"role", "officer"}, {"password", "correct horse battery"}})
                .status,
            201);
  auto users = exported(admin(), "/api/v1/users/export?sort=username&q=" + marker);
  ASSERT_EQ(users.rows.size(), 2u);
  EXPECT_EQ(cell(users, 0, "username"), marker + "-a");
  EXPECT_EQ(cell(users, 0, "role"), "partner");
  EXPECT_EQ(cell(users, 0, "countries"), "ML;SN");
  EXPECT_EQ(cell(users, 1, "role"), "officer");
  EXPECT_EQ(cell(users, 1, "disabled"), "no");
  EXPECT_EQ(std::find(users.columns.begin(), users.columns.end(), "password_hash"), users.columns.end());
  EXPECT_EQ(signed_in("manager").get("/api/v1/users/export?format=csv").status, 403);

  // The trail of one person: the administrator sees the passport, a manager does not.
  auto created = admin().post(
      "/api/v1/people",
      {{"latin_name", "Binta " + unique_family("Xa", 'a')}, {"nationality", "SN"}, {"passport_number", "SN7654321"}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string trail = "/api/v1/audit/export?record_kind=person&record_id=" + id_of(created.json()["person"]);
  auto entries = exported(admin(), trail);
  ASSERT_EQ(entries.rows.size(), 1u);
  EXPECT_EQ(cell(entries, 0, "action"), "create");
  EXPECT_EQ(cell(entries, 0, "username"), "admin");
  EXPECT_EQ(json::parse(cell(entries, 0, "after"))["passport_number"], "SN7654321");
  Client manager = signed_in("manager");
  auto seen = exported(manager, trail);
  ASSERT_EQ(seen.rows.size(), 1u);
  EXPECT_EQ(json::parse(cell(seen, 0, "after"))["passport_number"], "hidden");
  EXPECT_EQ(partner.get(trail + "&format=csv").status, 403);
}

// One passport rule for every reader of a person: a partner focal point sees the passports of
// their own nationals only, not of another country's people their country nominated.
TEST_P(Exports, NominatingPartnerDoesNotSeeAnotherNationalsPassport) {
  std::string name = family();
  auto malian = person({{"latin_name", "Moussa " + name},
                        {"nationality", "ML"},
                        {"passport_number", "ML1234567"},
                        {"passport_expiry", "2031-05-31"}});
  auto senegalese = person({{"latin_name", "Astou " + name}, {"nationality", "SN"}, {"passport_number", "SN2345678"}});
  auto action = move_action(create_action({{"quotas", json::array({{{"country", "SN"}, {"seats", 4}}})}}), {"open"});
  std::string nominations = "/api/v1/actions/" + id_of(action) + "/nominations";
  for (const auto& who : {malian, senegalese}) {
    auto nominated = admin().post(nominations, {{"person_id", who["id"]}, {"country", "SN"}});
    ASSERT_EQ(nominated.status, 201) << nominated.body;
  }
  Client senegal = signed_in("partner", {{"countries", {"SN"}}});
  auto detail = senegal.get("/api/v1/people/" + id_of(malian));
  ASSERT_EQ(detail.status, 200) << detail.body;  // in scope: Senegal nominated him
  EXPECT_FALSE(detail.json().contains("passport_number")) << detail.body;
  EXPECT_FALSE(detail.json().contains("passport_expiry")) << detail.body;
  EXPECT_EQ(senegal.get("/api/v1/people/" + id_of(senegalese)).json()["passport_number"], "SN2345678");

  auto listed = senegal.get("/api/v1/people?q=" + url_encode(name));
  ASSERT_EQ(listed.json()["total"], 2) << listed.body;
  EXPECT_EQ(listed.body.find("ML1234567"), std::string::npos);

  for (const std::string& path :
       {"/api/v1/nominations/export?action_id=" + id_of(action), "/api/v1/people/export?q=" + url_encode(name)}) {
    auto table = exported(senegal, path);
    ASSERT_EQ(table.rows.size(), 2u) << path;
    for (std::size_t row = 0; row < 2; ++row) {
      bool is_malian = cell(table, row, "person_id") == id_of(malian);
      EXPECT_EQ(cell(table, row, "passport_number"), is_malian ? "" : "SN2345678") << path;
      EXPECT_EQ(cell(table, row, "passport_expiry"), "") << path;
    }
  }
  // Logistics and the audit trail are not the partner's to read.
  EXPECT_EQ(senegal.get("/api/v1/audit?record_kind=person&record_id=" + id_of(malian)).status, 403);
  // Staff handling logistics still see it in the nominations export.
  auto staff = exported(admin(), "/api/v1/nominations/export?action_id=" + id_of(action));
  std::size_t row = cell(staff, 0, "person_id") == id_of(malian) ? 0 : 1;
  EXPECT_EQ(cell(staff, row, "passport_number"), "ML1234567");
}

TEST_P(Exports, BadFormatsAndForbiddenRolesAreRefused) {
  auto bad = admin().get("/api/v1/people/export?format=pdf");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.field_errors(), std::vector<std::string>{"format:invalid_choice"});
  auto bad_filter = admin().get("/api/v1/actions/export?year=1800");
  EXPECT_EQ(bad_filter.status, 422) << bad_filter.body;
  auto viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get("/api/v1/people/export?format=csv").status, 403);
}

TAAWUN_ON_BOTH_DATABASES(Exports);

}  // namespace
}  // namespace taawun::testing
