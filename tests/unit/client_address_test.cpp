// Unit tests of the login throttle's pure parts: the growing delay per key (core/throttle.hpp)
// and the client's address behind trusted reverse proxies (http/forwarded.hpp).
#include <gtest/gtest.h>

#include <boost/beast/http.hpp>

#include "core/throttle.hpp"
#include "http/forwarded.hpp"

namespace taawun {
namespace {

using namespace std::chrono_literals;
using Clock = FailureBackoff::Clock;

TEST(FailureBackoff, DelaysDoubleAfterTheFreeFailuresUpToTheCap) {
  FailureBackoff backoff(5, 900s, 24h);
  auto now = Clock::now();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(backoff.admit("k", now), 0) << "the first five failures cost nothing";
    backoff.record_failure("k", now);
  }
  EXPECT_EQ(backoff.retry_after("k", now), 1);
  EXPECT_EQ(backoff.retry_after("k", now + 999ms), 1);
  EXPECT_EQ(backoff.retry_after("k", now + 1s), 0);
  EXPECT_EQ(backoff.retry_after("other", now), 0) << "other keys are not affected";
  int expected[] = {2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
  for (int wait : expected) {
    now += 1h;  // long past any delay
    ASSERT_EQ(backoff.admit("k", now), 0);
    backoff.record_failure("k", now);
    EXPECT_EQ(backoff.retry_after("k", now), wait);
  }
  backoff.forget("k");
  EXPECT_EQ(backoff.retry_after("k", now), 0);
}

TEST(FailureBackoff, AnAdmittedAttemptWhileDelayedHoldsTheNextOneBack) {
  FailureBackoff backoff(1, 900s, 24h);
  auto now = Clock::now();
  backoff.record_failure("k", now);
  EXPECT_EQ(backoff.admit("k", now + 1s), 0);
  EXPECT_EQ(backoff.admit("k", now + 1s), 1) << "a parallel attempt waits for the first one's delay";
}

TEST(FailureBackoff, ForgivesOneFailurePerPeriod) {
  FailureBackoff backoff(3, 900s, 10min);
  auto now = Clock::now();
  for (int i = 0; i < 4; ++i) backoff.record_failure("k", now);
  EXPECT_EQ(backoff.failures("k", now), 4);
  EXPECT_EQ(backoff.failures("k", now + 10min), 3);
  EXPECT_EQ(backoff.failures("k", now + 25min), 2);
  EXPECT_EQ(backoff.failures("k", now + 40min), 0);
  EXPECT_EQ(backoff.retry_after("k", now + 40min), 0);
}

TEST(FailureBackoff, MemoryStaysBoundedUnderAFloodOfKeys) {
  FailureBackoff backoff(2, 900s, 24h, 100);
  auto now = Clock::now();
  for (int i = 0; i < 3; ++i) backoff.record_failure("attacker", now);
  for (int i = 0; i < 1000; ++i) backoff.record_failure("made-up " + std::to_string(i), now + 1s);
  EXPECT_GT(backoff.retry_after("attacker", now + 1s), 0) << "keys that delay something are dropped last";
}

namespace http = taawun::http;
namespace bhttp = boost::beast::http;

std::vector<http::AddressRange> ranges(std::initializer_list<const char*> texts) {
  std::vector<http::AddressRange> out;
  for (const char* text : texts) out.push_back(*http::parse_address_range(text));
  return out;
}

bhttp::fields headers(std::initializer_list<std::pair<const char*, const char*>> lines) {
  bhttp::fields fields;
  for (const auto& [name, value] : lines) fields.insert(name, value);
  return fields;
}

TEST(ClientAddress, RangesAreAddressesOrCidr) {
  EXPECT_TRUE(http::parse_address_range("127.0.0.1"));
  EXPECT_TRUE(http::parse_address_range("::1"));
  EXPECT_TRUE(http::parse_address_range("10.0.0.0/8"));
  EXPECT_TRUE(http::parse_address_range("fd00::/8"));
  EXPECT_FALSE(http::parse_address_range("10.0.0.0/33"));
  EXPECT_FALSE(http::parse_address_range("10.0.0.0/"));
  EXPECT_FALSE(http::parse_address_range("proxy.example.org"));
  auto range = *http::parse_address_range("10.1.0.0/17");
  EXPECT_TRUE(range.contains(boost::asio::ip::make_address("10.1.127.255")));
  EXPECT_FALSE(range.contains(boost::asio::ip::make_address("10.1.128.0")));
  EXPECT_TRUE(http::parse_address_range("127.0.0.1")->contains(boost::asio::ip::make_address("::ffff:127.0.0.1")));
  EXPECT_FALSE(http::parse_address_range("::/0")->contains(boost::asio::ip::make_address("10.0.0.1")));
}

TEST(ClientAddress, ForwardedHeadersAreReadOnlyFromTrustedProxies) {
  auto trusted = ranges({"127.0.0.1", "10.0.0.0/8"});
  auto xff = http::ForwardedHeader::x_forwarded_for;
  auto forged = headers({{"X-Forwarded-For", "203.0.113.9"}});
  EXPECT_EQ(http::client_address(forged, "198.51.100.7", trusted, xff), "198.51.100.7") << "untrusted peer";
  EXPECT_EQ(http::client_address(forged, "127.0.0.1", {}, xff), "127.0.0.1") << "no proxy trusted";
  EXPECT_EQ(http::client_address(forged, "127.0.0.1", trusted, xff), "203.0.113.9");
  EXPECT_EQ(http::client_address(headers({}), "127.0.0.1", trusted, xff), "127.0.0.1") << "no header";
}

TEST(ClientAddress, WalksFromTheRightSkippingTrustedProxies) {
  auto trusted = ranges({"127.0.0.1", "10.0.0.0/8"});
  auto xff = http::ForwardedHeader::x_forwarded_for;
  // The client wrote "1.2.3.4" itself; 203.0.113.9 is what our outer proxy saw.
  auto chain = headers({{"X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.0.0.5"}});
  EXPECT_EQ(http::client_address(chain, "127.0.0.1", trusted, xff), "203.0.113.9");
  auto lines = headers({{"X-Forwarded-For", "1.2.3.4"}, {"X-Forwarded-For", "203.0.113.9:5123, 10.0.0.5"}});
  EXPECT_EQ(http::client_address(lines, "127.0.0.1", trusted, xff), "203.0.113.9") << "several lines, a port";
  auto inside = headers({{"X-Forwarded-For", "10.0.0.7, 10.0.0.5"}});
  EXPECT_EQ(http::client_address(inside, "127.0.0.1", trusted, xff), "10.0.0.7") << "every hop trusted";
  auto garbage = headers({{"X-Forwarded-For", "203.0.113.9, not-an-address, 10.0.0.5"}});
  EXPECT_EQ(http::client_address(garbage, "127.0.0.1", trusted, xff), "10.0.0.5") << "the hop that wrote it";
  auto v6 = headers({{"X-Forwarded-For", "2001:DB8::17"}});
  EXPECT_EQ(http::client_address(v6, "::ffff:127.0.0.1", trusted, xff), "2001:db8::17");
}

TEST(ClientAddress, ReadsRfc7239Forwarded) {
  auto trusted = ranges({"127.0.0.1"});
  auto forwarded = http::ForwardedHeader::forwarded;
  auto header = headers({{"Forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\""}});
  EXPECT_EQ(http::client_address(header, "127.0.0.1", trusted, forwarded), "2001:db8:cafe::17");
  auto hidden = headers({{"Forwarded", "for=192.0.2.60, for=_hidden"}});
  EXPECT_EQ(http::client_address(hidden, "127.0.0.1", trusted, forwarded), "127.0.0.1");
  auto both = headers({{"Forwarded", "for=192.0.2.60"}, {"X-Forwarded-For", "198.51.100.1"}});
  EXPECT_EQ(http::client_address(both, "127.0.0.1", trusted, forwarded), "192.0.2.60") << "only the chosen header";
  EXPECT_EQ(http::client_address(both, "127.0.0.1", trusted, http::ForwardedHeader::x_forwarded_for), "198.51.100.1");
  EXPECT_EQ(http::parse_forwarded_header("Forwarded"), forwarded);
  EXPECT_FALSE(http::parse_forwarded_header("X-Real-IP"));
}

}  // namespace
}  // namespace taawun
