// Reference data: countries, currencies and IATI codelists, in three languages, with search
// that ignores case and accents and works in Arabic.
#include <algorithm>
#include <map>
#include <set>

#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

class Reference : public ApiTest {};

TEST_P(Reference, AllCountriesWithRegionsAndGroupings) {
  auto all = admin().get("/api/v1/countries?limit=1");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json()["total"], 249);
  auto senegal = admin().get("/api/v1/countries/SN");
  ASSERT_EQ(senegal.status, 200);
  auto sn = senegal.json();
  EXPECT_EQ(sn["alpha3"], "SEN");
  EXPECT_EQ(sn["numeric"], "686");
  EXPECT_EQ(sn["name"], "Sénégal");
  EXPECT_EQ(sn["region"]["code"], "002");
  EXPECT_EQ(sn["ldc"], true);
  EXPECT_EQ(sn["african_union"], true);
  EXPECT_EQ(admin().get("/api/v1/countries/MA").json()["african_union"], true);
  EXPECT_EQ(admin().get("/api/v1/countries/ZZ").status, 404);
  auto ldc_africa = admin().get("/api/v1/countries?ldc=true&region=002&limit=200");
  EXPECT_GT(ldc_africa.json()["total"].get<int>(), 25);
  for (const auto& country : ldc_africa.json()["items"]) EXPECT_EQ(country["ldc"], true);
}

TEST_P(Reference, SearchIgnoresCaseAndAccents) {
  for (std::string q : {"cote d'ivoire", "CÔTE D’IVOIRE", "cote-d-ivoire"}) {
    auto found = admin().get("/api/v1/countries?q=" + url_encode(q));
    ASSERT_EQ(found.status, 200);
    ASSERT_GE(found.json()["total"].get<int>(), 1) << q;
    EXPECT_EQ(found.json()["items"][0]["code"], "CI") << q;
  }
  auto arabic = admin().get("/api/v1/countries?q=" + url_encode("السنغال") + "&lang=ar");
  ASSERT_EQ(arabic.json()["total"], 1) << arabic.body;
  EXPECT_EQ(arabic.json()["items"][0]["code"], "SN");
  auto alif = admin().get("/api/v1/countries?q=" + url_encode("اثيوبيا"));  // typed without the hamza
  ASSERT_EQ(alif.json()["total"], 1) << alif.body;
  EXPECT_EQ(alif.json()["items"][0]["code"], "ET");
}

TEST_P(Reference, LanguageComesFromTheQueryThenTheHeaderThenFrench) {
  EXPECT_EQ(admin().get("/api/v1/countries/DE").json()["name"], "Allemagne");
  EXPECT_EQ(admin().get("/api/v1/countries/DE", {{"Accept-Language", "en-US,en;q=0.9"}}).json()["name"], "Germany");
  EXPECT_EQ(admin().get("/api/v1/countries/DE?lang=ar", {{"Accept-Language", "en"}}).json()["name"], "ألمانيا");
  EXPECT_EQ(admin().get("/api/v1/countries/DE?lang=xx").status, 422);
  auto sorted = admin().get("/api/v1/countries?sort=name&limit=3&lang=en");
  EXPECT_EQ(sorted.json()["items"][0]["name"], "Afghanistan");
}

TEST_P(Reference, NamesSortAsReadersExpectAccentsIncluded) {
  // In French, Égypte sorts among the E (a byte order would put it after Zimbabwe).
  auto all = admin().get("/api/v1/countries?sort=name&lang=fr&limit=200");
  auto rest = admin().get("/api/v1/countries?sort=name&lang=fr&limit=200&offset=200");
  ASSERT_EQ(all.status, 200) << all.body;
  std::vector<std::string> codes;
  for (const auto* page : {&all, &rest})
    for (const auto& country : page->json()["items"]) codes.push_back(country["code"]);
  ASSERT_EQ(codes.size(), 249u);
  auto at = [&](const char* code) { return std::find(codes.begin(), codes.end(), code) - codes.begin(); };
  EXPECT_LT(at("DK"), at("EG"));  // Danemark < Égypte
  EXPECT_LT(at("EG"), at("ES"));  // Égypte < Espagne
  EXPECT_LT(at("ES"), at("ZW"));  // Espagne < Zimbabwe
  auto descending = admin().get("/api/v1/countries?sort=-name&lang=fr&limit=1");
  EXPECT_EQ(descending.json()["items"][0]["code"], "ZW") << descending.body;
}

TEST_P(Reference, CurrenciesAndCodelists) {
  auto mad = admin().get("/api/v1/currencies?q=dirham%20marocain");
  ASSERT_EQ(mad.status, 200);
  ASSERT_GE(mad.json()["total"].get<int>(), 1);
  EXPECT_EQ(mad.json()["items"][0]["code"], "MAD");
  EXPECT_EQ(mad.json()["items"][0]["numeric"], "504");

  auto lists = admin().get("/api/v1/codelists");
  ASSERT_EQ(lists.status, 200);
  std::vector<std::string> names;
  for (const auto& item : lists.json()["items"]) names.push_back(item["name"]);
  for (const char* expected :
       {"Sector", "SectorCategory", "AidType", "OrganisationType", "OrganisationRole", "CollaborationType", "FlowType",
        "FinanceType", "ActivityStatus", "SDGGoal", "SDGTarget"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;

  auto education = admin().get("/api/v1/codelists/Sector?category=114");
  ASSERT_EQ(education.status, 200);
  EXPECT_GT(education.json()["total"].get<int>(), 0);
  for (const auto& entry : education.json()["items"]) EXPECT_EQ(entry["code"].get<std::string>().substr(0, 3), "114");
  auto e01 = admin().get("/api/v1/codelists/AidType?q=E01");
  ASSERT_EQ(e01.json()["total"], 1);
  EXPECT_EQ(e01.json()["items"][0]["category"], "E");
  auto french = admin().get("/api/v1/codelists/OrganisationType?q=gouvernement");
  EXPECT_GE(french.json()["total"].get<int>(), 1) << french.body;
  EXPECT_EQ(admin().get("/api/v1/codelists/Nonsense").status, 404);
}

TEST_P(Reference, TheElevenActionTypesWithTheirAidTypeAndPlace) {
  auto reply = admin().get("/api/v1/action-types?lang=ar");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_EQ(reply.json()["total"], 11);
  std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"long_training", {"E01", "morocco"}},
      {"medium_training", {"E01", "morocco"}},
      {"short_training", {"E01", "morocco"}},
      {"in_situ_training", {"D02", "partner_country"}},
      {"improvement_internship", {"D02", "morocco"}},
      {"research_internship", {"D02", "morocco"}},
      {"specialisation_internship", {"D02", "morocco"}},
      {"seminar_workshop", {"D02", "morocco"}},
      {"study_visit", {"D02", "morocco"}},
      {"expert_mission", {"D01", "partner_country"}},
      {"joint_programme", {"D02", "partner_country"}}};
  const auto& items = reply.json()["items"];
  EXPECT_EQ(items[0]["code"], "long_training");  // the brief's order
  EXPECT_EQ(items[9]["code"], "expert_mission");
  for (const auto& item : items) {
    auto want = expected.find(item["code"].get<std::string>());
    ASSERT_NE(want, expected.end()) << item.dump();
    EXPECT_EQ(item["aid_type"], want->second.first) << item.dump();
    EXPECT_EQ(item["place"], want->second.second) << item.dump();
    EXPECT_FALSE(item["aid_type_name"].get<std::string>().empty());
    for (const char* language : {"fr", "ar", "en"}) EXPECT_FALSE(item["names"][language].get<std::string>().empty());
  }
  EXPECT_EQ(items[9]["name"], "إيفاد خبراء");
  auto found = admin().get("/api/v1/action-types?q=" + url_encode("sejour etudes VOYAGE"));
  EXPECT_EQ(found.json()["total"], 0) << found.body;  // every word must match
  auto visit = admin().get("/api/v1/action-types?q=" + url_encode("voyage etudes"));
  ASSERT_EQ(visit.json()["total"], 1) << visit.body;
  EXPECT_EQ(visit.json()["items"][0]["code"], "study_visit");
}

TEST_P(Reference, CooperationDomainsMapToExistingDacSectors) {
  auto reply = admin().get("/api/v1/cooperation-domains");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto& items = reply.json()["items"];
  EXPECT_GE(items.size(), 20u);
  EXPECT_EQ(reply.json()["total"], items.size());
  // Every sector named by a domain is a DAC 5-digit code of the Sector codelist.
  auto sectors = admin().get("/api/v1/codelists/Sector?limit=200");
  auto more = admin().get("/api/v1/codelists/Sector?limit=200&offset=200");
  std::set<std::string> known;
  for (const auto* page : {&sectors, &more})
    for (const auto& entry : page->json()["items"]) known.insert(entry["code"]);
  ASSERT_GT(known.size(), 250u);  // the active DAC codes (withdrawn ones are left out)
  for (const auto& domain : items) {
    ASSERT_FALSE(domain["sectors"].empty()) << domain.dump();
    for (const auto& sector : domain["sectors"]) {
      EXPECT_TRUE(known.contains(sector["code"].get<std::string>())) << domain.dump();
      EXPECT_FALSE(sector["name"].get<std::string>().empty()) << domain.dump();
    }
  }
  // Filters: by sector, by text in Arabic, sorted by name in French.
  auto fishing = admin().get("/api/v1/cooperation-domains?sector=31381");
  ASSERT_EQ(fishing.json()["total"], 1) << fishing.body;
  EXPECT_EQ(fishing.json()["items"][0]["code"], "fisheries");
  auto arabic = admin().get("/api/v1/cooperation-domains?q=" + url_encode("الارصاد"));  // typed without hamza
  ASSERT_EQ(arabic.json()["total"], 1) << arabic.body;
  EXPECT_EQ(arabic.json()["items"][0]["code"], "meteorology");
  auto by_name = admin().get("/api/v1/cooperation-domains?sort=name&lang=fr");
  std::vector<std::string> order;
  for (const auto& domain : by_name.json()["items"]) order.push_back(domain["code"]);
  auto at = [&](const char* code) { return std::find(order.begin(), order.end(), code) - order.begin(); };
  EXPECT_EQ(at("public_administration"), 0);  // Administration publique
  EXPECT_EQ(at("agriculture"), 1);
  EXPECT_LT(at("energy"), at("education"));  // Énergie < Enseignement (a byte order would swap them)
  EXPECT_EQ(admin().get("/api/v1/cooperation-domains?sort=colour").status, 422);
}

TAAWUN_ON_BOTH_DATABASES(Reference);

}  // namespace
}  // namespace taawun::testing
