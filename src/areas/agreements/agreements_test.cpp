// Agreements through the API (issue 15): record one with its parties and contributions, read it
// back with the funders' shares and the chain of amendments, every rule of a bad draft at its
// field, the life cycle, the list's filters (country, status, domain, year, expiring within N
// days), the export, the audit trail and who sees what. Each test runs on SQLite and PostgreSQL.
#include <chrono>

#include "api/participation.hpp"
#include "core/spreadsheet.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class Agreements : public ApiTest {
 protected:
  json create_agreement(json body) {
    if (!body.contains("kind")) body["kind"] = "framework";
    if (!body.contains("modality")) body["modality"] = "bilateral";
    auto reply = admin().post("/api/v1/agreements", body);
    if (reply.status != 201) throw std::runtime_error("could not create an agreement: " + reply.body);
    return reply.json();
  }
  static std::string url_of(const json& record) {
    return "/api/v1/agreements/" + std::to_string(record["id"].get<int>());
  }
  static std::string if_match(const json& record) { return "\"" + std::to_string(record["version"].get<int>()) + "\""; }
};

std::vector<std::string> titles_of(const Reply& reply) {
  std::vector<std::string> titles;
  for (const auto& item : reply.json()["items"]) titles.push_back(item["title"].get<std::string>());
  return titles;
}

TEST_P(Agreements, RecordsATriangularAgreementWithItsPartiesAndShares) {
  auto agency = create_organisation(
      {{"kind", "10"}, {"name_fr", unique_name("Agence de coopération ")}, {"name_en", "Cooperation agency"}});
  std::string reference = unique_name("ACC-TRI-");
  auto reply = admin().post("/api/v1/agreements", {{"kind", "triangular"},
                                                   {"modality", "triangular"},
                                                   {"status", "in_force"},
                                                   {"title_fr", "Accord triangulaire pour la santé maternelle"},
                                                   {"title_en", "Triangular agreement on maternal health"},
                                                   {"summary_fr", "Formation de sages-femmes."},
                                                   {"reference", reference},
                                                   {"signature_place", "Rabat"},
                                                   {"signed_on", "2024-03-12"},
                                                   {"in_force_on", "2024-06-01"},
                                                   {"expires_on", "2027-05-31"},
                                                   {"renewal", "tacit"},
                                                   {"renewal_months", 24},
                                                   {"notice_days", 90},
                                                   {"domains", {"health"}},
                                                   {"sectors", {"12261"}},
                                                   {"parties",
                                                    {{{"country", "ma"},
                                                      {"roles", {"signatory", "implementer"}},
                                                      {"amount", "1500000.50"},
                                                      {"currency", "MAD"},
                                                      {"in_kind", "20 places de formation"},
                                                      {"in_kind_value", "400000"}},
                                                     {{"organisation_id", agency["id"]},
                                                      {"roles", {"signatory", "funder"}},
                                                      {"amount", "4500001.50"},
                                                      {"currency", "MAD"}},
                                                     {{"country", "SN"}, {"roles", {"signatory", "beneficiary"}}}}}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto created = reply.json();
  EXPECT_EQ(reply.header("etag"), "\"1\"");
  EXPECT_EQ(reply.header("location"), url_of(created));
  EXPECT_EQ(created["status"], "in_force");
  EXPECT_EQ(created["notice_on"], "2027-03-02");  // 90 days before 31 May 2027
  EXPECT_EQ(created["countries"], json({"MA", "SN"}));
  ASSERT_EQ(created["parties"].size(), 3u);
  EXPECT_EQ(created["parties"][0]["name"], "Maroc");
  EXPECT_EQ(created["parties"][0]["amount"], "1500000.50");
  EXPECT_EQ(created["parties"][0]["in_kind_value"], "400000.00");
  EXPECT_TRUE(created["parties"][0]["funding_share"].is_null());  // Morocco is no funder here
  EXPECT_EQ(created["parties"][1]["name"], agency["name_fr"]);
  EXPECT_DOUBLE_EQ(created["parties"][1]["funding_share"].get<double>(), 100.0);
  EXPECT_EQ(created["parties"][2]["roles"], json({"signatory", "beneficiary"}));

  auto read = admin().get(url_of(created) + "?lang=en");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["title"], "Triangular agreement on maternal health");
  EXPECT_EQ(read.json()["parties"][0]["name"], "Morocco");
  EXPECT_EQ(read.json()["domains"], json({"health"}));

  // The reference number is searched like the titles; the list leaves the parties to the detail.
  auto found = admin().get("/api/v1/agreements?q=" + url_encode(reference));
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json()["total"], 1);
  EXPECT_EQ(found.json()["items"][0]["countries"], json({"MA", "SN"}));
  EXPECT_FALSE(found.json()["items"][0].contains("parties"));
}

TEST_P(Agreements, FundersSharesAreOfTheirMoneyInOneCurrency) {
  auto first = create_organisation({{"kind", "40"}, {"name_fr", unique_name("Bailleur A ")}});
  auto second = create_organisation({{"kind", "40"}, {"name_fr", unique_name("Bailleur B ")}});
  auto agreement = create_agreement(
      {{"kind", "funding"},
       {"title_fr", unique_name("Financement ")},
       {"parties",
        {{{"organisation_id", first["id"]}, {"roles", {"funder"}}, {"amount", "750000"}, {"currency", "EUR"}},
         {{"organisation_id", second["id"]}, {"roles", {"funder"}}, {"amount", "250000"}, {"currency", "EUR"}},
         {{"country", "MA"}, {"roles", {"implementer"}}}}}});
  EXPECT_DOUBLE_EQ(agreement["parties"][0]["funding_share"].get<double>(), 75.0);
  EXPECT_DOUBLE_EQ(agreement["parties"][1]["funding_share"].get<double>(), 25.0);
  // In two currencies the shares would need a rate the agreement does not state: none is shown.
  auto changed = admin().patch(
      url_of(agreement),
      {{"parties",
        {{{"organisation_id", first["id"]}, {"roles", {"funder"}}, {"amount", "750000"}, {"currency", "EUR"}},
         {{"organisation_id", second["id"]}, {"roles", {"funder"}}, {"amount", "250000"}, {"currency", "USD"}}}}},
      {{"If-Match", if_match(agreement)}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.json()["parties"][0]["funding_share"].is_null());
  // A CFA franc has no decimals, a Tunisian dinar three.
  auto currencies =
      admin().patch(url_of(agreement),
                    {{"parties",
                      {{{"country", "SN"}, {"roles", {"funder"}}, {"amount", "1000000"}, {"currency", "XOF"}},
                       {{"country", "TN"}, {"roles", {"funder"}}, {"amount", "1500.250"}, {"currency", "TND"}}}}},
                    {{"If-Match", "\"2\""}});
  ASSERT_EQ(currencies.status, 200) << currencies.body;
  EXPECT_EQ(currencies.json()["parties"][0]["amount"], "1000000");
  EXPECT_EQ(currencies.json()["parties"][1]["amount"], "1500.250");
}

TEST_P(Agreements, EveryProblemOfADraftIsReportedAtItsField) {
  auto refused = admin().post(
      "/api/v1/agreements", {{"kind", "treaty"},
                             {"modality", "triangular"},
                             {"status", "in_force"},
                             {"signed_on", "2024-06-01"},
                             {"in_force_on", "2024-01-01"},
                             {"expires_on", "2023-12-31"},
                             {"renewal", "none"},
                             {"renewal_months", 12},
                             {"domains", {"no-such-domain"}},
                             {"parties",
                              {{{"country", "SN"}, {"roles", {"beneficiary"}}, {"amount", "-5"}, {"currency", "XOF"}},
                               {{"country", "sn"}, {"roles", {"signatory"}}},
                               {{"country", "ZZ"}, {"roles", {"chair"}}},
                               {{"country", "ML"}, {"organisation_id", 1}, {"roles", {"signatory"}}},
                               {{"country", "GN"}, {"roles", {"signatory"}}, {"amount", "10.5"}, {"currency", "XOF"}},
                               {{"country", "CI"}, {"roles", {"signatory"}}, {"amount", "12"}},
                               {{"country", "BJ"}, {"roles", {"signatory"}}, {"amount", "1,5"}, {"currency", "EUR"}},
                               {{"country", "TG"}, {"roles", {"signatory"}}, {"amount", "5"}, {"currency", "ABC"}}}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  auto errors = refused.field_errors();
  for (const char* expected :
       {"kind:invalid_choice", "title_fr:one_title_required", "in_force_on:before_signature",
        "expires_on:before_entry_into_force", "renewal_months:only_with_tacit_renewal", "domains[0]:unknown_code",
        "parties[0].amount:negative_amount", "parties[1]:duplicate", "parties[2].country:unknown_country",
        "parties[2].roles[0]:invalid_choice", "parties[3]:country_or_organisation",
        "parties[4].amount:too_many_decimals", "parties[5].currency:required_with_amount",
        "parties[6].amount:not_an_amount", "parties[7].currency:unknown_code", "parties:needs_funder"})
    EXPECT_NE(std::find(errors.begin(), errors.end(), expected), errors.end()) << expected << "\n" << refused.body;
  // The message is in the user's language, at its field.
  EXPECT_NE(refused.body.find("Trop de décimales pour cette monnaie (0 au plus)."), std::string::npos) << refused.body;
  auto english = admin().post(
      "/api/v1/agreements?lang=en",
      {{"kind", "framework"}, {"modality", "bilateral"}, {"title_en", "Signed without a date"}, {"status", "signed"}});
  EXPECT_EQ(english.field_errors(), std::vector<std::string>{"signed_on:required_for_status"}) << english.body;
  EXPECT_NE(english.body.find("Required for an agreement with status signed."), std::string::npos) << english.body;

  // A triangular agreement without Morocco; a tacit renewal without its length; nothing stored.
  auto triangle = admin().post(
      "/api/v1/agreements",
      {{"kind", "triangular"},
       {"modality", "triangular"},
       {"title_fr", "Sans le Maroc"},
       {"expires_on", "2030-01-01"},
       {"renewal", "tacit"},
       {"parties", {{{"country", "FR"}, {"roles", {"funder"}}}, {{"country", "SN"}, {"roles", {"beneficiary"}}}}}});
  EXPECT_EQ(triangle.field_errors(),
            (std::vector<std::string>{"renewal_months:required_for_tacit_renewal", "parties:needs_morocco"}))
      << triangle.body;
  EXPECT_EQ(admin().get("/api/v1/agreements?q=" + url_encode("Sans le Maroc")).json()["total"], 0);

  // Wrong types and unknown fields are the reader's problems, before any rule.
  auto types = admin().post("/api/v1/agreements", {{"kind", "framework"},
                                                   {"modality", "bilateral"},
                                                   {"title_fr", "Types"},
                                                   {"parties", {{{"country", "SN"}, {"roles", "signatory"}, {"x", 1}}}},
                                                   {"notice_days", "ninety"}});
  auto type_errors = types.field_errors();
  EXPECT_EQ(types.status, 422);
  for (const char* expected : {"parties[0].roles:wrong_type", "parties[0].x:unknown_field", "notice_days:wrong_type"})
    EXPECT_NE(std::find(type_errors.begin(), type_errors.end(), expected), type_errors.end()) << expected << "\n"
                                                                                              << types.body;
}

TEST_P(Agreements, StatusMovesOnlyAlongTheLifeCycle) {
  auto agreement = create_agreement({{"title_fr", unique_name("Cycle ")}});
  EXPECT_EQ(agreement["status"], "draft");
  std::string url = url_of(agreement);
  auto jump = admin().patch(url, {{"status", "in_force"}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(jump.field_errors(), std::vector<std::string>{"status:transition_not_allowed"}) << jump.body;
  auto negotiated = admin().patch(url, {{"status", "negotiated"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(negotiated.status, 200) << negotiated.body;
  auto unsigned_ = admin().patch(url, {{"status", "signed"}}, {{"If-Match", "\"2\""}});
  EXPECT_EQ(unsigned_.field_errors(), std::vector<std::string>{"signed_on:required_for_status"}) << unsigned_.body;
  auto signed_ = admin().patch(url, {{"status", "signed"}, {"signed_on", "2025-01-10"}}, {{"If-Match", "\"2\""}});
  ASSERT_EQ(signed_.status, 200) << signed_.body;
  auto in_force = admin().patch(url, {{"status", "in_force"}, {"in_force_on", "2025-02-01"}}, {{"If-Match", "\"3\""}});
  ASSERT_EQ(in_force.status, 200) << in_force.body;
  EXPECT_EQ(admin().patch(url, {{"status", "suspended"}}, {{"If-Match", "\"4\""}}).status, 200);
  EXPECT_EQ(admin().patch(url, {{"status", "in_force"}}, {{"If-Match", "\"5\""}}).status, 200);
  EXPECT_EQ(admin().patch(url, {{"status", "terminated"}}, {{"If-Match", "\"6\""}}).status, 200);
  auto after = admin().patch(url, {{"status", "in_force"}}, {{"If-Match", "\"7\""}});
  EXPECT_EQ(after.field_errors(), std::vector<std::string>{"status:status_final"}) << after.body;
  // A stale version changes nothing.
  EXPECT_EQ(admin().patch(url, {{"title_fr", "Perdu"}}, {{"If-Match", "\"3\""}}).status, 412);

  auto trail =
      admin().get("/api/v1/audit?record_kind=agreement&record_id=" + std::to_string(agreement["id"].get<int>()));
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json()["total"], 7);
  EXPECT_EQ(trail.json()["items"][0]["before"]["status"], "in_force");
  EXPECT_EQ(trail.json()["items"][0]["after"]["status"], "terminated");
}

TEST_P(Agreements, AmendmentsChainBothWaysAndNeverLoop) {
  auto framework = create_agreement({{"title_fr", unique_name("Cadre ")}, {"reference", unique_name("CADRE-")}});
  auto protocol = create_agreement({{"kind", "protocol"},
                                    {"title_fr", unique_name("Avenant ")},
                                    {"parent_agreement_id", framework["id"]},
                                    {"parent_relation", "amends"}});
  EXPECT_EQ(protocol["parent"]["id"], framework["id"]);
  EXPECT_EQ(protocol["parent"]["relation"], "amends");
  auto parent = admin().get(url_of(framework)).json();
  ASSERT_EQ(parent["amended_or_replaced_by"].size(), 1u);
  EXPECT_EQ(parent["amended_or_replaced_by"][0]["id"], protocol["id"]);

  // The framework cannot amend its own amendment, nor itself; an unknown agreement is named.
  auto loop =
      admin().patch(url_of(framework), {{"parent_agreement_id", protocol["id"]}, {"parent_relation", "replaces"}},
                    {{"If-Match", "\"1\""}});
  EXPECT_EQ(loop.field_errors(), std::vector<std::string>{"parent_agreement_id:parent_cycle"}) << loop.body;
  auto self =
      admin().patch(url_of(framework), {{"parent_agreement_id", framework["id"]}, {"parent_relation", "amends"}},
                    {{"If-Match", "\"1\""}});
  EXPECT_EQ(self.field_errors(), std::vector<std::string>{"parent_agreement_id:parent_cycle"}) << self.body;
  auto unknown = admin().post("/api/v1/agreements", {{"kind", "protocol"},
                                                     {"modality", "bilateral"},
                                                     {"title_fr", "Orphelin"},
                                                     {"parent_agreement_id", 987654321},
                                                     {"parent_relation", "amends"}});
  EXPECT_EQ(unknown.field_errors(), std::vector<std::string>{"parent_agreement_id:unknown_record"}) << unknown.body;
  // A reference number is one agreement's.
  auto taken = admin().post("/api/v1/agreements", {{"kind", "framework"},
                                                   {"modality", "bilateral"},
                                                   {"title_fr", "Doublon"},
                                                   {"reference", framework["reference"]}});
  EXPECT_EQ(taken.field_errors(), std::vector<std::string>{"reference:already_taken"}) << taken.body;
}

TEST_P(Agreements, ListFiltersByCountryStatusDomainYearAndExpiry) {
  std::string marker = unique_name("Flt");
  create_agreement(
      {{"title_fr", "Alpha " + marker},
       {"status", "in_force"},
       {"signed_on", "2019-05-02"},
       {"in_force_on", "2019-06-01"},
       {"expires_on", day_from_today(30)},
       {"domains", {"health"}},
       {"parties", {{{"country", "MA"}, {"roles", {"signatory"}}}, {{"country", "SN"}, {"roles", {"signatory"}}}}}});
  create_agreement({{"title_fr", "Beta " + marker},
                    {"status", "in_force"},
                    {"signed_on", "2020-01-15"},
                    {"in_force_on", "2020-01-15"},
                    {"expires_on", day_from_today(400)},
                    {"renewal", "tacit"},
                    {"renewal_months", 12},
                    {"notice_days", 360},  // the notice date falls within 90 days
                    {"domains", {"agriculture"}},
                    {"parties", {{{"country", "ML"}, {"roles", {"signatory"}}}}}});
  create_agreement({{"title_fr", "Gamma " + marker},
                    {"status", "in_force"},
                    {"signed_on", "2020-03-01"},
                    {"in_force_on", "2020-03-01"},
                    {"expires_on", day_from_today(200)},
                    {"parties", {{{"country", "SN"}, {"roles", {"beneficiary"}}}}}});
  create_agreement({{"title_fr", "Delta " + marker}, {"status", "negotiated"}, {"expires_on", day_from_today(10)}});

  auto list = [&](const std::string& query) { return admin().get("/api/v1/agreements?q=" + marker + query); };
  EXPECT_EQ(titles_of(list("&country=sn")), (std::vector<std::string>{"Alpha " + marker, "Gamma " + marker}));
  EXPECT_EQ(titles_of(list("&status=negotiated")), std::vector<std::string>{"Delta " + marker});
  EXPECT_EQ(titles_of(list("&domain=agriculture")), std::vector<std::string>{"Beta " + marker});
  EXPECT_EQ(titles_of(list("&signed_year=2020")), (std::vector<std::string>{"Beta " + marker, "Gamma " + marker}));
  // Expiring or reaching the notice date within 90 days, and only while running.
  EXPECT_EQ(titles_of(list("&expiring_within=90&sort=expires_on")),
            (std::vector<std::string>{"Alpha " + marker, "Beta " + marker}));
  EXPECT_EQ(titles_of(list("&sort=-signed_on")),
            (std::vector<std::string>{"Gamma " + marker, "Beta " + marker, "Alpha " + marker, "Delta " + marker}));
  auto page = list("&limit=2&offset=2");
  EXPECT_EQ(page.json()["total"], 4);
  EXPECT_EQ(titles_of(page), (std::vector<std::string>{"Delta " + marker, "Gamma " + marker}));
  // Bad filters are named.
  EXPECT_EQ(list("&expiring_within=-1").field_errors(), std::vector<std::string>{"expiring_within:out_of_range"});
  EXPECT_EQ(list("&status=lost").field_errors(), std::vector<std::string>{"status:invalid_choice"});
  EXPECT_EQ(list("&sort=party").field_errors(), std::vector<std::string>{"sort:invalid_choice"});

  // The export carries the list's filters and order.
  auto csv = admin().get("/api/v1/agreements/export?format=csv&country=SN&q=" + marker);
  ASSERT_EQ(csv.status, 200) << csv.body;
  auto table = spreadsheet::read_csv(csv.body);
  ASSERT_TRUE(table) << csv.body;
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->columns[1], "reference");
  EXPECT_EQ(table->rows[0][5], "Alpha " + marker);
  EXPECT_EQ(table->rows[0][8], "MA SN");
}

TEST_P(Agreements, PartnersSeeTheirCountriesAgreementsOnlyAndHostsNone) {
  std::string marker = unique_name("Scp");
  auto senegal = create_agreement(
      {{"title_fr", "Sénégal " + marker}, {"parties", {{{"country", "SN"}, {"roles", {"signatory"}}}}}});
  auto niger =
      create_agreement({{"title_fr", "Niger " + marker}, {"parties", {{{"country", "NE"}, {"roles", {"signatory"}}}}}});
  Client partner = signed_in("partner", {{"countries", {"SN", "ML"}}});
  auto list = partner.get("/api/v1/agreements?q=" + marker);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(titles_of(list), std::vector<std::string>{"Sénégal " + marker});
  EXPECT_EQ(partner.get(url_of(senegal)).status, 200);
  EXPECT_EQ(partner.get(url_of(niger)).status, 404);
  EXPECT_EQ(partner.get("/api/v1/agreements?country=NE&q=" + marker).json()["total"], 0);
  auto csv = partner.get("/api/v1/agreements/export?format=csv&q=" + marker);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.find("Niger " + marker), std::string::npos);
  EXPECT_EQ(partner.post("/api/v1/agreements", {{"kind", "framework"}}).status, 403);
  EXPECT_EQ(partner.patch(url_of(senegal), {{"title_fr", "x"}}, {{"If-Match", "\"1\""}}).status, 403);

  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  Client host = signed_in("host", {{"organisations", {institute["id"]}}});
  EXPECT_EQ(host.get("/api/v1/agreements").status, 403);
  EXPECT_EQ(host.get(url_of(senegal)).status, 403);
  for (const char* role : {"viewer", "finance"}) {
    Client reader = signed_in(role);
    EXPECT_EQ(reader.get("/api/v1/agreements?q=" + marker).json()["total"], 2) << role;
    EXPECT_EQ(reader.post("/api/v1/agreements", {{"kind", "framework"}}).status, 403) << role;
  }
  Client officer = signed_in("officer");
  EXPECT_EQ(officer
                .post("/api/v1/agreements",
                      {{"kind", "memorandum"}, {"modality", "bilateral"}, {"title_fr", "Mémorandum " + marker}})
                .status,
            201);
}

TEST_P(Agreements, OutcomesCountWhatTheAgreementProducedByYear) {
  namespace p = participation;
  auto agreement = create_agreement({{"title_fr", unique_name("Produits ")}});
  std::string url = url_of(agreement);
  auto linked = admin().post("/api/v1/programmes", {{"kind", "country_programme"},
                                                    {"title_fr", unique_name("Programme lié ")},
                                                    {"country", "SN"},
                                                    {"start_year", 2031},
                                                    {"agreement_id", agreement["id"]}});
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_EQ(linked.json()["agreement_reference"], agreement["reference"]);
  // An action of the programme, one naming the agreement itself (both in 2031), one in 2032 that
  // names it and belongs to its programme (counted once), and one that does neither.
  auto through_programme = create_action({{"programme_id", linked.json()["id"]}});
  auto direct = p::open_action(
      admin(), {{"agreement_id", agreement["id"]}, {"quotas", json::array({{{"country", "SN"}, {"seats", 5}}})}});
  EXPECT_EQ(direct["agreement_id"], agreement["id"]);
  create_action({{"agreement_id", agreement["id"]},
                 {"programme_id", linked.json()["id"]},
                 {"start_date", "2032-02-01"},
                 {"end_date", "2032-02-10"}});
  create_action();
  // A participant of the direct action completes it.
  auto who = p::person(admin(),
                       {{"latin_name", "Awa " + unique_family("Ndi", 'a')}, {"sex", "female"}, {"nationality", "SN"}});
  auto nomination = p::walk(admin(), p::nominate(admin(), direct, who), {"under_review", "selected"});
  p::advance_action(admin(), direct, {"selection_closed", "ongoing"});
  nomination = p::walk(admin(), nomination, {"confirmed", "arrived"});
  nomination = p::present(admin(), nomination, {"2031-03-02", "2031-03-03"});
  p::walk(admin(), nomination, {"completed"});

  auto outcomes = admin().get(url + "/outcomes");
  ASSERT_EQ(outcomes.status, 200) << outcomes.body;
  auto body = outcomes.json();
  ASSERT_EQ(body["programmes"].size(), 1u);
  EXPECT_EQ(body["programmes"][0]["id"], linked.json()["id"]);
  EXPECT_EQ(body["by_year"], json::parse(R"([{"year": 2031, "actions": 2, "participants_completed": 1},
                                              {"year": 2032, "actions": 1, "participants_completed": 0}])"));
  EXPECT_EQ(body["actions"], 3);
  EXPECT_EQ(body["participants_completed"], 1);
  // The lists filter by agreement; an unknown agreement is named.
  EXPECT_EQ(admin().get("/api/v1/actions?agreement_id=" + std::to_string(agreement["id"].get<int>())).json()["total"],
            2);
  EXPECT_EQ(
      admin().get("/api/v1/programmes?agreement_id=" + std::to_string(agreement["id"].get<int>())).json()["total"], 1);
  auto unknown = admin().patch("/api/v1/actions/" + std::to_string(through_programme["id"].get<int>()),
                               {{"agreement_id", 987654321}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(unknown.field_errors(), std::vector<std::string>{"agreement_id:unknown_record"}) << unknown.body;
  // Outside a partner's scope the outcomes are not found, as the agreement is.
  Client partner = signed_in("partner", {{"countries", {"ML"}}});
  EXPECT_EQ(partner.get(url + "/outcomes").status, 404);
}

// Finance keeps the parties' money and nothing else: the amounts are checked as any update is,
// one entry per party, the roles and descriptions stay, and the change has its audit entry.
TEST_P(Agreements, FinanceSetsThePartiesContributionsOnly) {
  auto record = create_agreement({{"title_fr", unique_name("Contributions ")},
                                  {"parties",
                                   {{{"country", "MA"}, {"roles", {"signatory"}}, {"in_kind", "20 bourses"}},
                                    {{"country", "SN"}, {"roles", {"signatory", "beneficiary"}}}}}});
  std::string url = url_of(record) + "/contributions";
  Client finance = signed_in("finance");
  // One entry per party, in order.
  auto short_list =
      finance.put(url, {{"parties", {{{"amount", "10.00"}, {"currency", "MAD"}}}}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(short_list.status, 422) << short_list.body;
  EXPECT_EQ(short_list.field_errors(), std::vector<std::string>{"parties:one_per_party"}) << short_list.body;
  // The currency's decimals and codes, at each party's field; nothing is written.
  auto bad = finance.put(
      url, {{"parties", {{{"amount", "1250000.505"}, {"currency", "EUR"}}, {{"amount", "-4"}, {"currency", "XXZ"}}}}},
      {{"If-Match", "\"1\""}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.field_errors(),
            (std::vector<std::string>{"parties[0].amount:too_many_decimals", "parties[1].currency:unknown_code"}))
      << bad.body;
  EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1);
  // A field other than money is refused where it is.
  auto other = finance.put(url, {{"parties", {{{"roles", {"funder"}}}, json::object()}}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1);

  auto done = finance.put(url,
                          {{"parties",
                            {{{"amount", "1250000.50"}, {"currency", "eur"}, {"in_kind_value", "300000"}},
                             {{"amount", "25000"}, {"currency", "XOF"}}}}},
                          {{"If-Match", "\"1\""}});
  ASSERT_EQ(done.status, 200) << done.body;
  auto parties = done.json()["parties"];
  EXPECT_EQ(parties[0]["amount"], "1250000.50");
  EXPECT_EQ(parties[0]["currency"], "EUR");
  EXPECT_EQ(parties[0]["in_kind"], "20 bourses");
  EXPECT_EQ(parties[0]["in_kind_value"], "300000.00");
  EXPECT_EQ(parties[0]["roles"], json({"signatory"}));
  EXPECT_EQ(parties[1]["amount"], "25000");
  EXPECT_EQ(parties[1]["roles"], json({"signatory", "beneficiary"}));
  EXPECT_EQ(done.header("etag"), "\"2\"");
  // A second writer who read version 1 is refused.
  EXPECT_EQ(finance.put(url, {{"parties", {json::object(), json::object()}}}, {{"If-Match", "\"1\""}}).status, 412);
  auto audit = admin().get("/api/v1/audit?record_kind=agreement&record_id=" + std::to_string(record["id"].get<int>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json()["total"], 2);
  // Finance still writes nothing else of the agreement.
  EXPECT_EQ(finance.patch(url_of(record), {{"summary_fr", "x"}}, {{"If-Match", "\"2\""}}).status, 403);
}

struct Expectation {
  const char* role;
  bool read, write, contributions;
};
// The rules of agreement_access.cpp, for an agreement in the scoped roles' scope (Senegal a party).
constexpr Expectation kMatrix[] = {{"admin", true, true, true},     {"manager", true, true, true},
                                   {"officer", true, true, true},   {"finance", true, false, true},
                                   {"partner", true, false, false}, {"host", false, false, false},
                                   {"viewer", true, false, false}};

TEST_P(Agreements, EveryRoleTimesEveryAction) {
  auto institute = create_organisation({{"kind", "10"}, {"name_fr", unique_name("Institut ")}, {"country", "MA"}});
  for (const auto& expected : kMatrix) {
    SCOPED_TRACE(expected.role);
    auto record = create_agreement(
        {{"title_fr", unique_name("Matrice ")}, {"parties", {{{"country", "SN"}, {"roles", {"signatory"}}}}}});
    json scope = json::object();
    if (std::string(expected.role) == "partner") scope["countries"] = {"SN"};
    if (std::string(expected.role) == "host") scope["organisations"] = {institute["id"]};
    Client user = signed_in(expected.role, scope);
    auto list = user.get("/api/v1/agreements?q=" + url_encode(record["title_fr"].get<std::string>()));
    EXPECT_EQ(list.status == 200 && list.json()["total"] == 1, expected.read) << list.body;
    EXPECT_EQ(user.get(url_of(record)).status, expected.read ? 200 : 403);
    EXPECT_EQ(user.get("/api/v1/agreements/export?format=csv").status, expected.read ? 200 : 403);
    auto create = user.post("/api/v1/agreements",
                            {{"kind", "framework"}, {"modality", "bilateral"}, {"title_fr", unique_name("Créé ")}});
    EXPECT_EQ(create.status, expected.write ? 201 : 403) << create.body;
    // The import creates: the same rule (a dry run, so that nothing is left behind).
    auto imported = user.send("POST", "/api/v1/agreements/import?dry_run=true",
                              "kind,modality,title_fr\nframework,bilateral,Importé\n", {{"Content-Type", "text/csv"}});
    EXPECT_EQ(imported.status, expected.write ? 200 : 403) << imported.body;
    EXPECT_EQ(user.get("/api/v1/agreements/import-template").status, expected.write ? 200 : 403);
    auto update = user.patch(url_of(record), {{"summary_fr", "Revu"}}, {{"If-Match", "\"1\""}});
    EXPECT_EQ(update.status, expected.write ? 200 : 403) << update.body;
    if (!expected.write) {
      EXPECT_EQ(admin().get(url_of(record)).json()["version"], 1) << "a refused write changed it";
    }
    auto current = admin().get(url_of(record)).json();
    auto money = user.put(url_of(record) + "/contributions", {{"parties", {{{"amount", "1000"}, {"currency", "MAD"}}}}},
                          {{"If-Match", if_match(current)}});
    EXPECT_EQ(money.status, expected.contributions ? 200 : 403) << money.body;
  }
}

TAAWUN_ON_BOTH_DATABASES(Agreements);

}  // namespace
}  // namespace taawun::testing
