// People through the API: names in two scripts, fuzzy search, duplicate candidates, merge and
// unmerge, passport visibility and scopes. On SQLite and PostgreSQL.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class People : public ApiTest {
 protected:
  std::string path(const json& person) { return "/api/v1/people/" + std::to_string(person["id"].get<int>()); }
  std::map<std::string, std::string> if_match(const json& record) {
    return {{"If-Match", "\"" + std::to_string(record["version"].get<int>()) + "\""}};
  }
  std::string family() { return unique_family("Sa", 'a'); }
  json create(json body, Client* as = nullptr) {
    auto reply = (as ? *as : admin()).post("/api/v1/people", body);
    if (reply.status != 201) throw std::runtime_error("could not create a person: " + reply.body);
    return reply.json();
  }
};

TEST_P(People, CreateProposesLikelyDuplicatesAcrossSpellingsAndScripts) {
  std::string name = family();
  auto first = create({{"latin_name", "Mohamed Ould " + name},
                       {"sex", "male"},
                       {"birth_date", "1984-05-12"},
                       {"nationality", "MR"},
                       {"category", "manager"}});
  EXPECT_EQ(first["possible_duplicates"].size(), 0u) << first.dump();
  EXPECT_EQ(first["person"]["nationality_name"], "Mauritanie");

  auto second = create({{"latin_name", "Mohammed Ould " + name}, {"birth_date", "1984-05-12"}, {"nationality", "MR"}});
  ASSERT_EQ(second["possible_duplicates"].size(), 1u) << second.dump();
  const auto& candidate = second["possible_duplicates"][0];
  EXPECT_EQ(candidate["person"]["id"], first["person"]["id"]);
  EXPECT_TRUE(candidate["likely"]);
  EXPECT_TRUE(candidate["same_birth_date"]);
  EXPECT_GE(candidate["score"].get<double>(), 0.9);

  // Checked before creating, the way the form does while the officer types.
  auto check =
      admin().get("/api/v1/people/duplicates?latin_name=" + url_encode("Muhammad Ould " + name) + "&nationality=MR");
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_EQ(check.json()["total"], 2);

  auto other = create({{"latin_name", "Aminata " + name}, {"nationality", "ML"}});
  EXPECT_EQ(other["possible_duplicates"].size(), 0u) << other.dump();

  // A partner focal point learns only of the candidates it may read: its own nationals.
  auto malian = create({{"latin_name", "Mohamed Ould " + name}, {"nationality", "ML"}});
  Client mali = signed_in("partner", {{"countries", {"ML"}}});
  auto scoped = mali.get("/api/v1/people/duplicates?latin_name=" + url_encode("Mohamed Ould " + name));
  ASSERT_EQ(scoped.status, 200) << scoped.body;
  ASSERT_EQ(scoped.json()["total"], 1) << scoped.body;
  EXPECT_EQ(scoped.json()["items"][0]["person"]["id"], malian["person"]["id"]);
  EXPECT_EQ(admin().get("/api/v1/people/duplicates?latin_name=" + url_encode("Mohamed Ould " + name)).json()["total"],
            3);
}

TEST_P(People, SearchFindsNamesInEitherScriptWithOrWithoutAccents) {
  std::string name = family();
  auto latin = create({{"latin_name", "Youssouf Traoré " + name}, {"nationality", "ML"}});
  auto arabic = create({{"arabic_name", "يوسف " + std::string("ولد أحمد")},
                        {"latin_name", "Yusuf Ould Ahmed " + name},
                        {"nationality", "MR"}});
  for (std::string q : {"youssouf traore " + name, "TRAORÉ " + name, "Yusuf " + name, "يوسف " + name}) {
    auto found = admin().get("/api/v1/people?q=" + url_encode(q));
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_GE(found.json()["total"].get<int>(), 1) << q;
    bool has_latin = false;
    for (const auto& item : found.json()["items"]) has_latin |= item["id"] == latin["person"]["id"];
    EXPECT_TRUE(has_latin) << q << "\n" << found.body;
  }
  auto ould = admin().get("/api/v1/people?q=" + url_encode("أحمد " + name));
  ASSERT_EQ(ould.json()["total"], 1) << ould.body;
  EXPECT_EQ(ould.json()["items"][0]["id"], arabic["person"]["id"]);
  // A half-typed word still finds.
  auto prefix = admin().get("/api/v1/people?q=" + url_encode(name.substr(0, name.size() - 1)) + "&nationality=ML");
  EXPECT_EQ(prefix.json()["total"], 1) << prefix.body;
  // Two words or more: the first whole and the last begun (answered by the pair index), the
  // first begun (word by word), words in any order, a middle word checked too.
  for (std::string q : {"Youssouf " + name.substr(0, name.size() - 2), "Yous " + name, name + " Trao",
                        "youssouf traore " + name, "Yusuf " + name}) {
    auto found = admin().get("/api/v1/people?q=" + url_encode(q) + "&nationality=ML");
    ASSERT_EQ(found.json()["total"], 1) << q << "\n" << found.body;
    EXPECT_EQ(found.json()["items"][0]["id"], latin["person"]["id"]) << q;
  }
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode("Youssouf Diallo " + name)).json()["total"], 0);
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode("Yusuf " + name)).json()["total"], 2);
  // A particle narrows a name of several words ("Ould"), and alone finds nothing new.
  auto with_particle = admin().get("/api/v1/people?q=" + url_encode("Yusuf Ould " + name));
  ASSERT_EQ(with_particle.json()["total"], 1) << with_particle.body;
  EXPECT_EQ(with_particle.json()["items"][0]["id"], arabic["person"]["id"]);
  // In name order, both ways, and by creation date (the pair index orders by the sort name).
  auto youssoufs = create({{"latin_name", "Youssef Abba " + name}, {"nationality", "ML"}});
  auto ascending = admin().get("/api/v1/people?sort=name&q=" + url_encode("Yusuf " + name));
  ASSERT_EQ(ascending.json()["total"], 3) << ascending.body;
  EXPECT_EQ(ascending.json()["items"][0]["id"], youssoufs["person"]["id"]);
  auto descending = admin().get("/api/v1/people?sort=-name&limit=1&offset=2&q=" + url_encode("Yusuf " + name));
  EXPECT_EQ(descending.json()["items"][0]["id"], youssoufs["person"]["id"]) << descending.body;
  auto newest = admin().get("/api/v1/people?sort=-created_at&limit=1&q=" + url_encode("Yusuf " + name));
  EXPECT_EQ(newest.json()["items"][0]["id"], youssoufs["person"]["id"]) << newest.body;
  EXPECT_EQ(newest.json()["total"], 3);
}

TEST_P(People, ValidationReportsEveryProblem) {
  auto reply = admin().post("/api/v1/people", {{"sex", "x"},
                                               {"birth_date", "1905-01-01"},
                                               {"nationality", "QQ"},
                                               {"category", "chief"},
                                               {"email", "not-an-email"},
                                               {"passport_number", "A1"},
                                               {"passport_expiry", "2030-13-01"},
                                               {"shoe_size", 42}});
  ASSERT_EQ(reply.status, 422);
  auto errors = reply.field_errors();
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors,
            (std::vector<std::string>{
                "birth_date:implausible_birth_date", "category:invalid_choice", "email:invalid_email",
                "latin_name:one_person_name_required", "nationality:unknown_country", "passport_expiry:invalid_date",
                "passport_number:invalid_passport_number", "sex:invalid_choice", "shoe_size:unknown_field"}));
}

TEST_P(People, PassportOnlyForLogisticsRolesAndPartnersOwnNationals) {
  std::string name = family();
  auto person = create({{"latin_name", "Awa " + name},
                        {"nationality", "SN"},
                        {"passport_number", "a1234567"},
                        {"passport_expiry", "2030-01-31"}});
  EXPECT_EQ(person["person"]["passport_number"], "A1234567");
  Client officer = signed_in("officer");
  EXPECT_EQ(officer.get(path(person["person"])).json()["passport_number"], "A1234567");
  for (const char* role : {"manager", "finance"}) {
    Client reader = signed_in(role);
    auto read = reader.get(path(person["person"]));
    ASSERT_EQ(read.status, 200) << role;
    EXPECT_FALSE(read.json().contains("passport_number")) << role;
    EXPECT_EQ(read.json()["latin_name"], "Awa " + name);
  }
  // The audit trail shows the passport to the administrator, not to a manager.
  std::string trail = "/api/v1/audit?record_kind=person&record_id=" + std::to_string(person["person"]["id"].get<int>());
  EXPECT_EQ(admin().get(trail).json()["items"][0]["after"]["passport_number"], "A1234567");
  auto managed = signed_in("manager").get(trail);
  ASSERT_EQ(managed.json()["total"], 1) << managed.body;
  EXPECT_EQ(managed.json()["items"][0]["after"]["passport_number"], "hidden");
  EXPECT_EQ(managed.json()["items"][0]["after"]["passport_expiry"], "hidden");
  EXPECT_EQ(managed.json()["items"][0]["after"]["latin_name"], "Awa " + name);
  EXPECT_EQ(managed.body.find("A1234567"), std::string::npos);

  Client viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get(path(person["person"])).status, 403);
  EXPECT_EQ(viewer.get("/api/v1/people").status, 403);

  Client senegal = signed_in("partner", {{"countries", {"SN"}}});
  EXPECT_EQ(senegal.get(path(person["person"])).json()["passport_number"], "A1234567");
  Client mali = signed_in("partner", {{"countries", {"ML"}}});
  EXPECT_EQ(mali.get(path(person["person"])).status, 404);
  EXPECT_EQ(mali.get("/api/v1/people?q=" + url_encode(name)).json()["total"], 0);
  // A partner registers their own nationals only.
  auto foreign = mali.post("/api/v1/people", {{"latin_name", "Omar " + name}, {"nationality", "SN"}});
  ASSERT_EQ(foreign.status, 422);
  EXPECT_EQ(foreign.field_errors(), std::vector<std::string>{"nationality:outside_scope"});
  auto own = mali.post("/api/v1/people", {{"latin_name", "Oumar " + name}, {"nationality", "ML"}});
  EXPECT_EQ(own.status, 201) << own.body;
}

TEST_P(People, MergeKeepsBothHistoriesAndCanBeUndone) {
  std::string name = family();
  auto survivor = create({{"latin_name", "Fatoumata " + name}, {"nationality", "GN"}})["person"];
  auto duplicate =
      create({{"arabic_name", "فاطمة"}, {"latin_name", "Fatoumata " + name}, {"nationality", "GN"}})["person"];
  auto action = create_action({{"quotas", json::array({{{"country", "GN"}, {"seats", 4}}})}});
  action = move_action(action, {"open"});
  std::string nominations = "/api/v1/actions/" + std::to_string(action["id"].get<int>()) + "/nominations";
  ASSERT_EQ(admin().post(nominations, {{"person_id", duplicate["id"]}}).status, 201);

  Client officer = signed_in("officer");
  json merge_body = {{"duplicate_id", duplicate["id"]}, {"duplicate_version", duplicate["version"]}};
  auto stale = officer.post(path(survivor) + "/merge", merge_body, {{"If-Match", "\"9\""}});
  EXPECT_EQ(stale.status, 412);
  // The duplicate's side of the merge takes part in the lost-update rule too: a duplicate
  // edited since it was compared is not merged, and its version is required.
  auto stale_duplicate = officer.post(
      path(survivor) + "/merge", {{"duplicate_id", duplicate["id"]}, {"duplicate_version", 99}}, if_match(survivor));
  EXPECT_EQ(stale_duplicate.status, 412) << stale_duplicate.body;
  EXPECT_NE(stale_duplicate.body.find("compar"), std::string::npos) << stale_duplicate.body;
  auto no_version = officer.post(path(survivor) + "/merge", {{"duplicate_id", duplicate["id"]}}, if_match(survivor));
  EXPECT_EQ(no_version.field_errors(), std::vector<std::string>{"duplicate_version:required"});
  auto merged = officer.post(path(survivor) + "/merge", merge_body, if_match(survivor));
  ASSERT_EQ(merged.status, 200) << merged.body;
  ASSERT_EQ(merged.json()["merged_records"].size(), 1u);
  EXPECT_EQ(merged.json()["merged_records"][0]["id"], duplicate["id"]);

  // The duplicate leaves the lists but its history shows on the survivor.
  auto listed = admin().get("/api/v1/people?q=" + url_encode(name));
  ASSERT_EQ(listed.json()["total"], 1) << listed.body;
  // Also from the pair index (two words), which must forget the merged record.
  auto by_pair = admin().get("/api/v1/people?q=" + url_encode("Fatoumata " + name));
  ASSERT_EQ(by_pair.json()["total"], 1) << by_pair.body;
  EXPECT_EQ(by_pair.json()["items"][0]["id"], survivor["id"]);
  auto history = admin().get("/api/v1/nominations?person_id=" + std::to_string(survivor["id"].get<int>()));
  ASSERT_EQ(history.json()["total"], 1) << history.body;
  EXPECT_EQ(history.json()["items"][0]["person_id"], duplicate["id"]);
  // The same person cannot be nominated twice to one action under two records.
  auto twice = admin().post(nominations, {{"person_id", survivor["id"]}});
  EXPECT_EQ(twice.field_errors(), std::vector<std::string>{"person_id:already_nominated"});
  auto merged_read = admin().get(path(duplicate));
  EXPECT_EQ(merged_read.json()["merged_into_id"], survivor["id"]);
  EXPECT_EQ(officer
                .post(path(survivor) + "/merge", {{"duplicate_id", survivor["id"]}, {"duplicate_version", 1}},
                      if_match(merged.json()))
                .field_errors(),
            std::vector<std::string>{"duplicate_id:same_person"});

  auto undone = officer.post(path(duplicate) + "/unmerge", json::object(), if_match(merged_read.json()));
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_TRUE(undone.json()["merged_into_id"].is_null());
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode(name)).json()["total"], 2);
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode("Fatoumata " + name)).json()["total"], 2);
  EXPECT_EQ(admin().get(path(survivor)).json()["merged_records"].size(), 0u);

  auto audit = admin().get("/api/v1/audit?record_kind=person&record_id=" + std::to_string(duplicate["id"].get<int>()));
  std::vector<std::string> actions;
  for (const auto& entry : audit.json()["items"]) actions.push_back(entry["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"unmerge", "merge", "create"}));
  Client finance = signed_in("finance");
  EXPECT_EQ(finance.post(path(survivor) + "/merge", merge_body, if_match(survivor)).status, 403);
}

TEST_P(People, UpdateNeedsTheCurrentVersionAndReindexesNames) {
  std::string name = family();
  auto person = create({{"latin_name", "Ibrahima " + name}, {"nationality", "SN"}})["person"];
  auto stale = admin().patch(path(person), {{"latin_name", "Ibrahim " + name}}, {{"If-Match", "\"5\""}});
  EXPECT_EQ(stale.status, 412);
  auto renamed = admin().patch(path(person), {{"latin_name", "Cheikh " + name}}, if_match(person));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode("sheikh " + name)).json()["total"], 1);
  EXPECT_EQ(admin().get("/api/v1/people?q=" + url_encode("ibrahima " + name)).json()["total"], 0);
}

TAAWUN_ON_BOTH_DATABASES(People);

}  // namespace
}  // namespace taawun::testing
