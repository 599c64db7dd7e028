// Organisations through the API: create, read, list, update with optimistic locking, archive,
// and the validation of every field. Each test runs on SQLite and on PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Organisations : public ApiTest {};

TEST_P(Organisations, CreateReadAndLocate) {
  std::string iati = unique_name("SN-TEST-");
  auto reply = admin().post("/api/v1/organisations",
                            {{"kind", "10"},
                             {"name_fr", "Ministère de l'Élevage"},
                             {"name_en", "Ministry of Livestock"},
                             {"acronym", "MEL"},
                             {"country", "SN"},
                             {"iati_identifier", iati},
                             {"website", "https://elevage.example.sn"},
                             {"contacts", json::array({{{"name", "Awa Ndiaye"}, {"email", "awa@example.sn"}}})}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), "/api/v1/organisations/" + std::to_string(created["id"].get<int>()));
  EXPECT_EQ(created["name"], "Ministère de l'Élevage");
  EXPECT_EQ(created["country_name"], "Sénégal");
  EXPECT_EQ(created["kind_name"].get<std::string>().empty(), false);
  EXPECT_EQ(created["version"], 1);

  auto read = admin().get("/api/v1/organisations/" + std::to_string(created["id"].get<int>()) + "?lang=en");
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["name"], "Ministry of Livestock");
  EXPECT_EQ(read.json()["country_name"], "Senegal");
  EXPECT_EQ(read.json()["contacts"][0]["email"], "awa@example.sn");
  EXPECT_EQ(read.json()["iati_identifier"], iati);

  // Lists carry the names in the asked language but never the contacts (personal data).
  auto listed = admin().get("/api/v1/organisations?lang=ar&q=" + url_encode(iati));
  ASSERT_EQ(listed.json()["total"], 1) << listed.body;
  const auto& item = listed.json()["items"][0];
  EXPECT_EQ(item["country_name"], "السّنغال");
  EXPECT_FALSE(item["kind_name"].get<std::string>().empty());
  EXPECT_FALSE(item.contains("contacts")) << listed.body;
}

TEST_P(Organisations, SearchIgnoresCaseAndAccentsAndFindsArabic) {
  std::string marker = unique_name("Qz");
  auto created = create_organisation({{"kind", "80"},
                                      {"name_fr", "Université Félix Houphouët-Boigny " + marker},
                                      {"name_ar", "جامعة فيليكس هوفويت بوانيي"},
                                      {"country", "CI"}});
  auto id = created["id"];
  for (std::string q : {"universite felix " + marker, "UNIVERSITÉ FÉLIX " + marker, "houphouet boigny " + marker}) {
    auto found = admin().get("/api/v1/organisations?q=" + url_encode(q));
    ASSERT_EQ(found.status, 200) << found.body;
    ASSERT_EQ(found.json()["total"], 1) << q;
    EXPECT_EQ(found.json()["items"][0]["id"], id);
  }
  // Arabic, without the optional short vowels of the stored name ("فيليكس" typed as is).
  auto arabic = admin().get("/api/v1/organisations?country=CI&q=%D9%81%D9%8A%D9%84%D9%8A%D9%83%D8%B3");
  ASSERT_EQ(arabic.status, 200);
  bool seen = false;
  for (const auto& item : arabic.json()["items"]) seen = seen || item["id"] == id;
  EXPECT_TRUE(seen) << arabic.body;
}

TEST_P(Organisations, ListFiltersSortsAndPaginatesWithTotal) {
  std::string marker = unique_name("Pg");
  for (const char* name : {"Charlie", "alpha", "Bravo", "Delta", "Écho"})
    create_organisation({{"kind", "15"}, {"name_fr", std::string(name) + " " + marker}, {"country", "ML"}});
  create_organisation({{"kind", "10"}, {"name_fr", "Foxtrot " + marker}, {"country", "NE"}});

  auto page = admin().get("/api/v1/organisations?q=" + marker + "&kind=15&country=ML&sort=name&limit=2&offset=0");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["total"], 5);
  ASSERT_EQ(page.json()["items"].size(), 2u);
  EXPECT_EQ(page.json()["items"][0]["name"], "alpha " + marker);
  EXPECT_EQ(page.json()["items"][1]["name"], "Bravo " + marker);
  auto last = admin().get("/api/v1/organisations?q=" + marker + "&kind=15&sort=-name&limit=2&offset=4");
  ASSERT_EQ(last.json()["items"].size(), 1u);
  EXPECT_EQ(last.json()["items"][0]["name"], "alpha " + marker);
  auto descending = admin().get("/api/v1/organisations?q=" + marker + "&kind=15&sort=-name&limit=1");
  EXPECT_EQ(descending.json()["items"][0]["name"], "Écho " + marker);
  auto by_country = admin().get("/api/v1/organisations?q=" + marker + "&country=NE");
  EXPECT_EQ(by_country.json()["total"], 1);

  auto bad = admin().get("/api/v1/organisations?limit=500&sort=colour&archived=maybe");
  EXPECT_EQ(bad.status, 422);
  auto fields = bad.field_errors();
  EXPECT_NE(std::find(fields.begin(), fields.end(), "limit:out_of_range"), fields.end()) << bad.body;
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
}

TEST_P(Organisations, UpdateNeedsTheCurrentVersion) {
  auto created = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Ministère ")}, {"country", "TD"}});
  std::string url = "/api/v1/organisations/" + std::to_string(created["id"].get<int>());

  auto missing = admin().patch(url, {{"acronym", "MX"}});
  EXPECT_EQ(missing.status, 428) << missing.body;
  EXPECT_EQ(missing.json()["code"], "precondition_required");

  auto first = admin().patch(url, {{"acronym", "M1"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("etag"), "\"2\"");
  EXPECT_EQ(first.json()["acronym"], "M1");

  // A second editor who read version 1 is refused and changes nothing.
  auto stale = admin().patch(url, {{"acronym", "M2"}, {"address", "lost"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(stale.json()["code"], "precondition_failed");
  auto now = admin().get(url);
  EXPECT_EQ(now.json()["acronym"], "M1");
  EXPECT_TRUE(now.json()["address"].is_null());
  EXPECT_EQ(now.json()["version"], 2);

  // null clears a field; absent fields stay.
  auto cleared = admin().patch(url, {{"acronym", nullptr}}, {{"If-Match", "\"2\""}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["acronym"].is_null());
  EXPECT_EQ(cleared.json()["country"], "TD");
}

TEST_P(Organisations, ArchiveAndRestore) {
  std::string name = unique_name("Archivable ");
  auto created = create_organisation({{"kind", "22"}, {"name_fr", name}});
  std::string url = "/api/v1/organisations/" + std::to_string(created["id"].get<int>());
  auto archived = admin().post(url + "/archive", nullptr, {{"If-Match", "\"1\""}});
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.json()["archived"], true);
  EXPECT_EQ(admin().get("/api/v1/organisations?q=" + name.substr(11)).json()["total"], 0);
  EXPECT_EQ(admin().get("/api/v1/organisations?archived=true&q=" + name.substr(11)).json()["total"], 1);
  EXPECT_EQ(admin().post(url + "/restore", nullptr, {{"If-Match", "\"1\""}}).status, 412);
  auto restored = admin().post(url + "/restore", nullptr, {{"If-Match", "\"2\""}});
  ASSERT_EQ(restored.status, 200);
  EXPECT_EQ(restored.json()["archived"], false);
}

TEST_P(Organisations, EveryBadFieldIsReportedAtItsPlaceAndNothingIsWritten) {
  std::string long_name(201, 'a');
  auto taken = create_organisation(
      {{"kind", "10"}, {"name_fr", unique_name("Taken ")}, {"iati_identifier", unique_name("XM-DAC-")}});
  auto reply =
      admin().post("/api/v1/organisations", {{"kind", "99"},
                                             {"name_fr", long_name},
                                             {"country", "ZZ"},
                                             {"iati_identifier", "not an id"},
                                             {"website", "ftp:/nowhere"},
                                             {"parent_id", 999999999},
                                             {"contacts", json::array({{{"name", "X"}, {"email", "no-at-sign"}}})},
                                             {"colour", "blue"}});
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto errors = reply.field_errors();
  for (const char* expected :
       {"kind:unknown_code", "name_fr:too_long", "country:unknown_country", "iati_identifier:invalid_iati_identifier",
        "website:invalid_url", "parent_id:unknown_organisation", "contacts[0].email:invalid_email",
        "colour:unknown_field"})
    EXPECT_NE(std::find(errors.begin(), errors.end(), expected), errors.end()) << expected << " in " << reply.body;
  for (const auto& error : reply.json()["errors"]) EXPECT_FALSE(error["message"].get<std::string>().empty());

  auto duplicate =
      admin().post("/api/v1/organisations",
                   {{"kind", "10"}, {"name_fr", "Duplicate"}, {"iati_identifier", taken["iati_identifier"]}});
  EXPECT_EQ(duplicate.status, 422);
  EXPECT_EQ(duplicate.field_errors(), std::vector<std::string>{"iati_identifier:already_taken"});

  auto no_name = admin().post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", "   "}});
  EXPECT_EQ(no_name.status, 422);

  auto wrong_types =
      admin().post("/api/v1/organisations", {{"kind", 10}, {"name_fr", json::array()}, {"parent_id", "one"}});
  EXPECT_EQ(wrong_types.status, 422);
  auto types = wrong_types.field_errors();
  EXPECT_NE(std::find(types.begin(), types.end(), "kind:wrong_type"), types.end()) << wrong_types.body;
  EXPECT_NE(std::find(types.begin(), types.end(), "parent_id:wrong_type"), types.end()) << wrong_types.body;
}

TEST_P(Organisations, ErrorsSpeakTheRequestLanguage) {
  auto fr = admin().post("/api/v1/organisations", {{"kind", "10"}});
  auto ar = admin().post("/api/v1/organisations?lang=ar", {{"kind", "10"}});
  auto en = admin().post("/api/v1/organisations", {{"kind", "10"}}, {{"Accept-Language", "en-GB,en;q=0.8"}});
  ASSERT_EQ(fr.status, 422);
  EXPECT_NE(fr.json()["title"], en.json()["title"]);
  EXPECT_NE(ar.json()["title"], en.json()["title"]);
  EXPECT_EQ(ar.header("content-language"), "ar");
  EXPECT_EQ(en.header("content-language"), "en");
  EXPECT_EQ(fr.header("content-language"), "fr");
}

TEST_P(Organisations, ParentCycleIsRefused) {
  auto parent = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Parent ")}});
  auto child = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Child ")}, {"parent_id", parent["id"]}});
  EXPECT_EQ(child["parent_name"], parent["name"]);
  auto cycle = admin().patch("/api/v1/organisations/" + std::to_string(parent["id"].get<int>()),
                             {{"parent_id", child["id"]}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(cycle.status, 422) << cycle.body;
  EXPECT_EQ(cycle.field_errors(), std::vector<std::string>{"parent_id:parent_cycle"});
}

TEST_P(Organisations, UnknownIdsAreNotFound) {
  EXPECT_EQ(admin().get("/api/v1/organisations/987654321").status, 404);
  EXPECT_EQ(admin().get("/api/v1/organisations/abc").status, 404);
  EXPECT_EQ(admin().patch("/api/v1/organisations/987654321", {{"acronym", "X"}}, {{"If-Match", "\"1\""}}).status, 404);
}

TEST_P(Organisations, ChangesAreInTheAuditTrailWithBeforeAndAfter) {
  auto created = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Audited ")}});
  std::string id = std::to_string(created["id"].get<int>());
  ASSERT_EQ(admin().patch("/api/v1/organisations/" + id, {{"acronym", "AUD"}}, {{"If-Match", "\"1\""}}).status, 200);
  auto trail = admin().get("/api/v1/audit?record_kind=organisation&record_id=" + id);
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json()["total"], 2);
  auto update = trail.json()["items"][0];  // newest first
  EXPECT_EQ(update["action"], "update");
  EXPECT_EQ(update["username"], "admin");
  EXPECT_TRUE(update["before"]["acronym"].is_null());
  EXPECT_EQ(update["after"]["acronym"], "AUD");
  auto create = trail.json()["items"][1];
  EXPECT_EQ(create["action"], "create");
  EXPECT_TRUE(create["before"].is_null());
  // The trail is read-only through the API.
  EXPECT_EQ(admin().del("/api/v1/audit").status, 405);
  EXPECT_EQ(admin().post("/api/v1/audit", json::object()).status, 405);
}

// Pages of the list are kept in memory while no organisation changes: every change shows at
// once, on this server and on another server over the same database (the counter of changes
// is in the database), and a page kept for one caller is never shown to another.
TEST_P(Organisations, ListPagesFollowEveryChangeOnEveryServer) {
  std::string marker = unique_name("Cachee");
  std::string list = "/api/v1/organisations?sort=name&q=" + marker;
  auto other = Server::beside(server());
  Client elsewhere(*other);
  ASSERT_EQ(elsewhere.log_in("admin").status, 200);
  for (int twice = 0; twice < 2; ++twice) {
    EXPECT_EQ(admin().get(list).json()["total"], 0);
    EXPECT_EQ(elsewhere.get(list).json()["total"], 0);
  }

  auto created = create_organisation({{"kind", "10"}, {"name_fr", "Ministère " + marker}, {"country", "SN"}});
  std::string url = "/api/v1/organisations/" + std::to_string(created["id"].get<int>());
  EXPECT_EQ(admin().get(list).json()["total"], 1);
  EXPECT_EQ(elsewhere.get(list).json()["total"], 1) << "another server sees the creation";

  // Changed through the other server: this one shows the new name.
  ASSERT_EQ(elsewhere.patch(url, {{"name_fr", "Office " + marker}}, {{"If-Match", "\"1\""}}).status, 200);
  EXPECT_EQ(admin().get(list).json()["items"][0]["name"], "Office " + marker);

  // The same address in another language, or for a caller of another scope, is another page.
  EXPECT_EQ(admin().get(list + "&lang=ar").json()["items"][0]["country_name"], "السّنغال");
  EXPECT_EQ(admin().get(list).json()["items"][0]["country_name"], "Sénégal");
  Client partner_here = signed_in("partner", {{"countries", {"SN"}}});
  Client partner_elsewhere = signed_in("partner", {{"countries", {"ML"}}});
  EXPECT_EQ(partner_here.get(list).json()["total"], 1);
  EXPECT_EQ(partner_elsewhere.get(list).json()["total"], 0);

  ASSERT_EQ(admin().post(url + "/archive", nullptr, {{"If-Match", "\"2\""}}).status, 200);
  EXPECT_EQ(admin().get(list).json()["total"], 0);
  EXPECT_EQ(elsewhere.get(list).json()["total"], 0);
  EXPECT_EQ(partner_here.get(list).json()["total"], 0);
}

TAAWUN_ON_BOTH_DATABASES(Organisations);

}  // namespace
}  // namespace taawun::testing
