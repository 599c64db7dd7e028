// Reference data: countries, currencies and IATI codelists, in three languages, with search
// that ignores case and accents and works in Arabic.
#include <algorithm>

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
  for (const char* expected : {"Sector", "SectorCategory", "AidType", "OrganisationType", "OrganisationRole",
                               "CollaborationType", "FlowType", "FinanceType", "ActivityStatus", "SDGGoal", "SDGTarget"})
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

TAAWUN_ON_BOTH_DATABASES(Reference);

}  // namespace
}  // namespace taawun::testing
