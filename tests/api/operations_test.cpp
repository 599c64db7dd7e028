// Health, readiness, metrics, the OpenAPI contract, the command line and shutdown.
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "db/database.hpp"
#include "http/app.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

class Operations : public ApiTest {};

TEST_P(Operations, HealthReadinessAndMetrics) {
  Client anonymous(server());
  EXPECT_EQ(anonymous.get("/healthz").status, 200);
  EXPECT_EQ(anonymous.get("/readyz").status, 200);
  // Metrics go only to the configured monitoring address or token; by default, to nobody.
  EXPECT_EQ(anonymous.get("/metrics").status, 403);
  EXPECT_EQ(admin().get("/metrics").status, 403);
  const std::string token(40, 'm');
  Server own(
      fresh_database_url(GetParam()),
      {"--config", work_file("metrics.toml",
                             "[server]\nmetrics_addresses = [\"127.0.0.1\"]\nmetrics_token = \"" + token + "\"\n")});
  Client monitor(own);
  ASSERT_EQ(monitor.log_in("admin").status, 200);
  monitor.get("/api/v1/countries?limit=1");
  // Through a reverse proxy on the same host the peer is 127.0.0.1 too: forwarded is refused.
  EXPECT_EQ(Client(own).get("/metrics", {{"X-Forwarded-For", "203.0.113.9"}}).status, 403);
  EXPECT_EQ(
      Client(own).get("/metrics", {{"Authorization", "Bearer " + token}, {"X-Forwarded-For", "203.0.113.9"}}).status,
      200);
  EXPECT_EQ(
      Client(own)
          .get("/metrics", {{"Authorization", "Bearer " + std::string(40, 'x')}, {"X-Forwarded-For", "203.0.113.9"}})
          .status,
      403);
  auto metrics = Client(own).get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(metrics.body.find("taawun_http_requests_total{route=\"/api/v1/countries\",method=\"GET\",status=\"200\"}"),
            std::string::npos)
      << metrics.body.substr(0, 2000);
  EXPECT_NE(metrics.body.find("taawun_http_request_duration_seconds_bucket{route=\"/api/v1/countries\""),
            std::string::npos);
}

// The route table and the assembled contract list the same operations.
TEST_P(Operations, ContractListsExactlyTheRoutes) {
  auto reply = Client(server()).get("/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  auto document = reply.json();
  EXPECT_EQ(document["openapi"].get<std::string>().substr(0, 3), "3.1");
  std::set<std::string> documented, routed;
  for (const auto& [path, operations] : document["paths"].items())
    for (const auto& [method, operation] : operations.items())
      if (method != "parameters") documented.insert(method + " " + path);
  for (const auto& route : http::route_table()) {
    std::string method(boost::beast::http::to_string(route.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    routed.insert(method + " " + route.pattern);
  }
  EXPECT_EQ(documented, routed);
}

// Every query parameter the contract declares is read with its declared type: a value outside
// it (not an integer, beyond the range, not one of the choices, no calendar date, an unknown
// code, too long) is a 422 naming the parameter, never a 200 with nothing found.
TEST_P(Operations, EveryDeclaredQueryParameterIsReadWithItsType) {
  auto document = Client(server()).get("/api/v1/openapi.json").json();
  auto resolve = [&](nlohmann::json value) {
    while (value.is_object() && value.contains("$ref")) {
      std::string ref = value["$ref"].get<std::string>();  // "#/components/parameters/limit"
      nlohmann::json at = document;
      std::size_t start = 2;
      while (start < ref.size()) {
        auto end = ref.find('/', start);
        if (end == std::string::npos) end = ref.size();
        at = at[ref.substr(start, end - start)];
        start = end + 1;
      }
      value = at;
    }
    return value;
  };
  const std::map<std::string, std::string> path_values = {{"{name}", "Sector"}, {"{code}", "SN"}};
  int checked = 0;
  for (const auto& [pattern, operations] : document["paths"].items()) {
    std::string path = pattern;
    for (const auto& [placeholder, value] : path_values)
      if (auto at = path.find(placeholder); at != std::string::npos) path.replace(at, placeholder.size(), value);
    if (path.find('{') != std::string::npos || !operations.contains("get")) continue;
    std::vector<nlohmann::json> parameters;
    for (const auto& p : operations.value("parameters", nlohmann::json::array())) parameters.push_back(resolve(p));
    for (const auto& p : operations["get"].value("parameters", nlohmann::json::array()))
      parameters.push_back(resolve(p));
    for (const auto& parameter : parameters) {
      if (parameter["in"] != "query" || parameter["name"] == "lang") continue;
      std::string name = parameter["name"];
      auto schema = resolve(parameter.value("schema", nlohmann::json::object()));
      std::vector<std::string> bad;
      if (parameter.contains("x-taawun-codes"))
        bad.push_back(parameter["x-taawun-codes"] == "countries" ? "QQ" : "no_such_code");
      else if (schema.contains("enum"))
        bad.push_back("zz-not-a-choice");
      else if (schema.value("type", "") == "integer") {
        bad.push_back("12abc");
        if (schema.contains("maximum")) bad.push_back(std::to_string(schema["maximum"].get<std::int64_t>() + 1));
        if (schema.contains("minimum")) bad.push_back(std::to_string(schema["minimum"].get<std::int64_t>() - 1));
        bad.push_back("99999999999999999999");  // beyond 64 bits
      } else if (schema.value("format", "") == "date" || schema.contains("pattern"))
        bad.push_back("1980-02-30");
      else if (schema.contains("maxLength"))
        bad.push_back(std::string(schema["maxLength"].get<std::size_t>() + 1, 'a'));
      for (const auto& value : bad) {
        auto reply = admin().get(path + "?" + name + "=" + url_encode(value));
        EXPECT_EQ(reply.status, 422) << "GET " << path << "?" << name << "=" << value << "\n" << reply.body;
        auto errors = reply.field_errors();
        bool named = std::any_of(errors.begin(), errors.end(),
                                 [&](const std::string& error) { return error.starts_with(name + ":"); });
        EXPECT_TRUE(named) << "GET " << path << "?" << name << "=" << value << "\n" << reply.body;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
  // The cases found by the outside check, by name.
  auto impossible = admin().get("/api/v1/people/duplicates?latin_name=Awa&birth_date=1980-02-30");
  EXPECT_EQ(impossible.field_errors(), std::vector<std::string>{"birth_date:invalid_date"});
  auto unknown = admin().get("/api/v1/people/duplicates?latin_name=Awa&nationality=XX");
  EXPECT_EQ(unknown.field_errors(), std::vector<std::string>{"nationality:unknown_country"});
  EXPECT_EQ(admin().get("/api/v1/people/duplicates?latin_name=Awa&nationality=sn").status, 200);
}

TEST_P(Operations, SigtermLetsRequestsInFlightFinish) {
  Server own(fresh_database_url(GetParam()));
  Client client(own);
  ASSERT_EQ(client.log_in("admin").status, 200);
  // A login hashes a password on the worker pool: slow enough to be in flight at the signal.
  std::thread slow([&] { EXPECT_EQ(Client(own).log_in("admin").status, 200); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  int code = own.stop(SIGTERM);
  slow.join();
  EXPECT_EQ(code, 0) << own.process().log();
  EXPECT_NE(own.process().log().find("stopped"), std::string::npos);
}

TEST_P(Operations, CommandLineManagesAccountsAndTokens) {
  std::string url = fresh_database_url(GetParam());
  auto added =
      taawun({"user", "add", "fatou", "--role", "partner", "--country", "SN", "--password-stdin", "--database", url},
             std::string(kPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  auto bad_role =
      taawun({"user", "add", "x", "--role", "emperor", "--password-stdin", "--database", url}, "longpassword1\n");
  EXPECT_EQ(bad_role.exit_code, 1);
  EXPECT_NE(bad_role.output.find("role"), std::string::npos) << bad_role.output;
  auto token = taawun({"token", "create", "sync", "--user", "fatou", "--database", url});
  ASSERT_EQ(token.exit_code, 0) << token.output;
  std::string secret = token.output.substr(0, token.output.find('\n'));
  Server running(url);
  Client integration(running);
  integration.use_token(secret);
  auto me = integration.get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["username"], "fatou");
  EXPECT_EQ(me.json()["countries"], nlohmann::json::array({"SN"}));
  ASSERT_EQ(taawun({"user", "disable", "fatou", "--database", url}).exit_code, 0);
  EXPECT_EQ(integration.get("/api/v1/me").status, 401);
  EXPECT_EQ(taawun({"user", "disable", "nobody", "--database", url}).exit_code, 1);
}

TEST_P(Operations, BackupCopiesALiveSqliteDatabase) {
  if (GetParam() != Backend::sqlite) GTEST_SKIP() << "backup is the SQLite online backup; PostgreSQL uses pg_dump";
  std::string url = fresh_database_url(GetParam());
  Server running(url);
  Client client(running);
  ASSERT_EQ(client.log_in("admin").status, 200);
  ASSERT_EQ(client.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", "Sauvegardée"}}).status, 201);
  std::string copy = url.substr(7) + ".backup";
  std::filesystem::remove(copy);
  auto backup = taawun({"backup", copy, "--database", url});
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  auto connection = db::open_sqlite(copy);
  EXPECT_EQ(connection->query("SELECT COUNT(*) FROM organisations WHERE name_fr = ?", db::Params("Sauvegardée"))
                .front()
                .integer(0),
            1);
  EXPECT_EQ(connection->query("PRAGMA integrity_check").front().text(0), "ok");
  EXPECT_EQ(taawun({"backup", copy, "--database", url}).exit_code, 1) << "never overwrites";
}

// backup while the server writes without pause, then restore into a new database and into the
// old one: every write answered before the backup began is in both, and the restored database
// is sound and served.
TEST_P(Operations, BackupAndRestoreRoundTripUnderConcurrentWrites) {
  if (GetParam() != Backend::sqlite) GTEST_SKIP() << "SQLite's backup and restore; PostgreSQL uses pg_dump";
  std::string url = fresh_database_url(GetParam());
  std::string copy = url.substr(7) + ".round-trip";
  std::string restored_url = url + ".restored";
  for (const auto& file : {copy, restored_url.substr(7)}) std::filesystem::remove(file);
  std::vector<std::string> before_backup;
  {
    Server running(url);
    Client writer(running);
    ASSERT_EQ(writer.log_in("admin").status, 200);
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::string> acknowledged;
    std::thread writes([&] {
      for (int n = 0; !stop; ++n) {
        std::string name = "Écrite pendant la sauvegarde " + std::to_string(n);
        if (writer.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", name}}).status == 201) {
          std::lock_guard lock(mutex);
          acknowledged.push_back(name);
        }
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    {
      std::lock_guard lock(mutex);
      before_backup = acknowledged;
    }
    auto backup = taawun({"backup", copy, "--database", url});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
    writes.join();
    ASSERT_EQ(backup.exit_code, 0) << backup.output;
    ASSERT_GT(before_backup.size(), 5u);
    EXPECT_GT(acknowledged.size(), before_backup.size()) << "the writes went on during the backup";
  }
  // Into a new database, then over the old one (--replace); refused without it.
  auto restored = taawun({"restore", copy, "--database", restored_url});
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  auto refused = taawun({"restore", copy, "--database", url});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("--replace"), std::string::npos) << refused.output;
  auto replaced = taawun({"restore", copy, "--database", url, "--replace"});
  ASSERT_EQ(replaced.exit_code, 0) << replaced.output;
  for (const std::string& target : {restored_url, url}) {
    auto connection = db::open_sqlite(target.substr(7));
    EXPECT_EQ(connection->query("PRAGMA integrity_check").front().text(0), "ok") << target;
    std::int64_t found = 0;
    for (const auto& name : before_backup)
      found += connection->query("SELECT COUNT(*) FROM organisations WHERE name_fr = ?", db::Params(name))
                   .front()
                   .integer(0);
    EXPECT_EQ(found, static_cast<std::int64_t>(before_backup.size())) << target;
  }
  Server served(restored_url);
  Client reader(served);
  ASSERT_EQ(reader.log_in("admin").status, 200);
  auto listed = reader.get("/api/v1/organisations?q=" + url_encode(before_backup.front()));
  EXPECT_EQ(listed.status, 200);
  EXPECT_GE(listed.json()["total"].get<int>(), 1) << listed.body;
  // What is not a sound Taawun database is refused before anything is touched.
  std::string garbage = work_file("not-a-database.db", "these bytes are not SQLite");
  auto bad = taawun({"restore", garbage, "--database", restored_url, "--replace"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("nothing was restored"), std::string::npos) << bad.output;
  EXPECT_EQ(db::open_sqlite(restored_url.substr(7))->query("PRAGMA integrity_check").front().text(0), "ok");
}

TAAWUN_ON_BOTH_DATABASES(Operations);

}  // namespace
}  // namespace taawun::testing
