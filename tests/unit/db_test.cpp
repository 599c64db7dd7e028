// The database layer's own pieces: the bounded cache of prepared statements.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/statement_cache.hpp"

namespace taawun {
namespace {

TEST(StatementCache, DropsTheLeastRecentlyUsedBeyondItsCapacity) {
  db::StatementCache<int> cache(3);
  std::vector<int> released;
  auto release = [&](int statement) { released.push_back(statement); };
  cache.add("a", 1, release);
  cache.add("b", 2, release);
  cache.add("c", 3, release);
  ASSERT_NE(cache.find("a"), nullptr);  // a is now the most recently used
  cache.add("d", 4, release);
  EXPECT_EQ(released, std::vector<int>{2});
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_EQ(*cache.find("a"), 1);
  EXPECT_EQ(*cache.find("d"), 4);
  EXPECT_EQ(cache.size(), 3u);
  cache.clear(release);
  EXPECT_EQ(released.size(), 4u);
  EXPECT_EQ(cache.size(), 0u);
}

// A connection asked thousands of different statements (IN lists of every length) keeps
// answering them right while its cache stays within bounds.
TEST(StatementCache, SqliteConnectionAnswersBeyondTheCacheCapacity) {
  auto connection = db::open_sqlite(":memory:");
  for (int n = 1; n <= 3 * static_cast<int>(db::StatementCache<int>::kDefaultCapacity); ++n) {
    std::string sql = "SELECT " + std::to_string(n) + " + ?";
    auto rows = connection->query(sql, db::Params(std::int64_t{1}));
    ASSERT_EQ(rows.front().integer(0), n + 1);
  }
  // The first statements were dropped and are prepared again.
  EXPECT_EQ(connection->query("SELECT 1 + ?", db::Params(std::int64_t{1})).front().integer(0), 2);
}

}  // namespace
}  // namespace taawun
