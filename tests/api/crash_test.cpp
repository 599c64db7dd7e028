// Durability: kill the server with SIGKILL in the middle of a stream of writes, restart it,
// and check that every write answered 2xx is there and the database is intact.
#include <signal.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

class Crash : public ApiTest {};

TEST_P(Crash, EveryAcknowledgedWriteSurvivesSigkill) {
  std::string url = fresh_database_url(GetParam());
  Server own(url);
  std::mutex mutex;
  std::vector<std::pair<std::int64_t, std::string>> acknowledged;  // id, name
  std::atomic<bool> killed{false};
  std::atomic<int> answered{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      Client client(own);
      if (client.log_in("admin").status != 200) return;
      for (int i = 0; !killed; ++i) {
        std::string name = "Crash " + std::to_string(w) + "-" + std::to_string(i);
        try {
          auto reply = client.post("/api/v1/organisations", {{"kind", "10"}, {"name_fr", name}, {"country", "SN"}});
          if (reply.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged.emplace_back(reply.json()["id"].get<std::int64_t>(), name);
            ++answered;
          }
        } catch (const std::exception&) {
          // The connection died with the server: that write was never acknowledged.
        }
      }
    });
  while (answered < 150) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  own.process().signal(SIGKILL);
  own.process().wait(10000);
  killed = true;
  for (auto& writer : writers) writer.join();

  own.start();
  Client check(own);
  ASSERT_EQ(check.log_in("admin").status, 200);
  for (const auto& [id, name] : acknowledged) {
    auto reply = check.get("/api/v1/organisations/" + std::to_string(id));
    ASSERT_EQ(reply.status, 200) << "lost acknowledged write " << name;
    EXPECT_EQ(reply.json()["name"], name);
  }
  // Every stored organisation has its audit entry: no half-written change.
  auto stored = check.get("/api/v1/organisations?limit=1&q=crash").json()["total"].get<int>();
  auto audited = check.get("/api/v1/audit?record_kind=organisation&action=create&limit=1").json()["total"].get<int>();
  EXPECT_GE(stored, static_cast<int>(acknowledged.size()));
  EXPECT_EQ(stored, audited);
  own.stop(SIGTERM);
  if (GetParam() == Backend::sqlite) {
    auto connection = db::open_sqlite(url.substr(7));
    EXPECT_EQ(connection->query("PRAGMA integrity_check").front().text(0), "ok");
    EXPECT_TRUE(connection->query("PRAGMA foreign_key_check").empty());
  }
}

TAAWUN_ON_BOTH_DATABASES(Crash);

}  // namespace
}  // namespace taawun::testing
