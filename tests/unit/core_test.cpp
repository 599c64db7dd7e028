// Unit tests of the core helpers everything else leans on.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/generation_cache.hpp"
#include "core/secrets.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"

namespace taawun {
namespace {

TEST(SearchKey, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(text::search_key("Côte d'Ivoire"), text::search_key("COTE D IVOIRE"));
  EXPECT_EQ(text::search_key("Côte d’Ivoire"), text::search_key("cote-d-ivoire"));
  EXPECT_EQ(text::search_key("  Ministère   de l'Éducation "), "ministere de l education");
  EXPECT_NE(text::search_key("Mali"), text::search_key("Malawi"));
}

TEST(SearchKey, FoldsArabicVariants) {
  // Short vowels and shadda, tatweel, and the forms of alif, ya and ta marbuta.
  EXPECT_EQ(text::search_key("السّنغال"), text::search_key("السنغال"));
  EXPECT_EQ(text::search_key("إثيوبيا"), text::search_key("اثيوبيا"));
  EXPECT_EQ(text::search_key("مـصـر"), text::search_key("مصر"));
  EXPECT_EQ(text::search_key("القاهرة"), text::search_key("القاهره"));
}

TEST(LikeContains, EscapesWildcards) {
  EXPECT_EQ(text::like_contains("50%_off"), "%50\\%\\_off%");
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_TRUE(text::is_valid_utf8("Sénégal السنغال"));
  EXPECT_FALSE(text::is_valid_utf8("\xC3\x28"));
  EXPECT_FALSE(text::is_valid_utf8("\xED\xA0\x80"));  // an encoded surrogate
  EXPECT_FALSE(text::is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_EQ(text::code_point_count("Sénégal"), 7u);
}

TEST(Clock, ParsesDatesAndTimesStrictly) {
  auto date = clock::parse_iso8601("2026-11-23");
  ASSERT_TRUE(date);
  EXPECT_EQ(clock::iso8601(*date), "2026-11-23T00:00:00Z");
  EXPECT_TRUE(clock::parse_iso8601("2024-02-29T12:30:00Z"));
  EXPECT_FALSE(clock::parse_iso8601("2023-02-29"));
  EXPECT_FALSE(clock::parse_iso8601("2026-13-01"));
  EXPECT_FALSE(clock::parse_iso8601("yesterday"));
  EXPECT_FALSE(clock::parse_iso8601("2026-11-23T25:00:00Z"));
}

TEST(Csv, ReadsQuotedFieldsAndHeaders) {
  auto rows = csv::parse("code,name\nCI,\"Côte d'Ivoire\"\nX,\"a, \"\"quoted\"\"\nline\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (csv::Row{"code", "name"}));
  EXPECT_EQ(rows[1][1], "Côte d'Ivoire");
  EXPECT_EQ(rows[2][1], "a, \"quoted\"\nline");
}

TEST(Secrets, HashesWithArgon2idAndVerifies) {
  secrets::initialise();
  std::string hash = secrets::hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(secrets::verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(secrets::verify_password(hash, "correct horse batterY"));
  EXPECT_NE(secrets::random_token(), secrets::random_token());
  EXPECT_EQ(secrets::token_digest("a"), secrets::token_digest("a"));
  EXPECT_NE(secrets::token_digest("a"), secrets::token_digest("b"));
  EXPECT_TRUE(secrets::constant_time_equal("abc", "abc"));
  EXPECT_FALSE(secrets::constant_time_equal("abc", "abd"));
  EXPECT_FALSE(secrets::constant_time_equal("abc", "abcd"));
}

TEST(DatabaseUrl, ParsesBothKinds) {
  auto sqlite = db::parse_url("sqlite:var/taawun.db");
  ASSERT_TRUE(sqlite);
  EXPECT_EQ(sqlite->dialect, db::Dialect::sqlite);
  EXPECT_EQ(sqlite->target, "var/taawun.db");
  auto postgres = db::parse_url("postgresql://taawun@127.0.0.1:5432/taawun");
  ASSERT_TRUE(postgres);
  EXPECT_EQ(postgres->dialect, db::Dialect::postgres);
  EXPECT_FALSE(db::parse_url("mysql://x"));
}

TEST(Migrations, IdentityColumnsPerDialect) {
  EXPECT_NE(db::dialect_sql("id {{id}},", db::Dialect::sqlite).find("AUTOINCREMENT"), std::string::npos);
  EXPECT_NE(db::dialect_sql("id {{id}},", db::Dialect::postgres).find("IDENTITY"), std::string::npos);
  EXPECT_EQ(db::dialect_sql("content {{blob}}, other {{blob}}", db::Dialect::postgres), "content BYTEA, other BYTEA");
  EXPECT_EQ(db::dialect_sql("content {{blob}}", db::Dialect::sqlite), "content BLOB");
}

}  // namespace
}  // namespace taawun

namespace taawun {
namespace {

TEST(GenerationCache, ServesAValueOnlyForItsGeneration) {
  GenerationCache cache(1 << 20);
  cache.store("page", 7, "seven");
  EXPECT_EQ(cache.find("page", 7), "seven");
  EXPECT_EQ(cache.find("other", 7), std::nullopt);
  EXPECT_EQ(cache.find("page", 8), std::nullopt) << "a change since";
  EXPECT_EQ(cache.find("page", 7), std::nullopt) << "dropped once found stale";
  cache.store("page", 9, "nine");
  cache.store("page", 8, "eight");  // a slower request that read an older generation
  EXPECT_EQ(cache.find("page", 9), "nine");
}

TEST(GenerationCache, LeastRecentlyUsedLeaveFirstWhenFull) {
  GenerationCache cache(3 * (2 * 1 + 1000 + 64));  // room for three entries of 1,000 bytes
  for (const char* key : {"a", "b", "c"}) cache.store(key, 1, std::string(1000, key[0]));
  EXPECT_TRUE(cache.find("a", 1));  // a is now the most recently used
  cache.store("d", 1, std::string(1000, 'd'));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.find("b", 1)) << "b was the least recently used";
  EXPECT_TRUE(cache.find("a", 1));
  EXPECT_TRUE(cache.find("d", 1));
  EXPECT_LE(cache.bytes(), 3u * (2 + 1000 + 64));
  GenerationCache off(0);
  off.store("a", 1, "x");
  EXPECT_FALSE(off.enabled());
  EXPECT_FALSE(off.find("a", 1));
}

}  // namespace
}  // namespace taawun

namespace taawun {
namespace {

// "Today" follows the agency's time zone: 23:30 UTC on 1 December is already the 2nd in Rabat
// (UTC+1 outside Ramadan), so a follow-up dated the 2nd is not "in the future" there.
TEST(AgencyClock, TodayIsTheAgencysCalendarDay) {
  auto late = *clock::parse_iso8601("2026-12-01T23:30:00Z");
  EXPECT_EQ(clock::date_in_zone(late, "Africa/Casablanca"), "2026-12-02");
  EXPECT_EQ(clock::date_in_zone(late, "UTC"), "2026-12-01");
  EXPECT_EQ(clock::date_in_zone(late, "America/New_York"), "2026-12-01");
  EXPECT_EQ(clock::date_in_zone(*clock::parse_iso8601("2026-12-01T10:00:00Z"), "Pacific/Kiritimati"), "2026-12-02");
  EXPECT_FALSE(clock::set_agency_time_zone("Mars/Olympus_Mons"));
  EXPECT_EQ(clock::agency_time_zone(), clock::kDefaultAgencyTimeZone);
  EXPECT_TRUE(clock::set_agency_time_zone("UTC"));
  EXPECT_EQ(clock::agency_today(), clock::now_iso8601().substr(0, 10));
  EXPECT_TRUE(clock::set_agency_time_zone(clock::kDefaultAgencyTimeZone));
}

}  // namespace
}  // namespace taawun
