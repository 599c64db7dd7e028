// Bad input of every kind gets a clear 4xx problem, never a 500, and writes nothing.
#include "support/api_test.hpp"

namespace taawun::testing {
namespace {

using nlohmann::json;

class BadInput : public ApiTest {
 protected:
  // Counts the organisations whose names contain `marker`.
  int count(const std::string& marker) {
    return admin().get("/api/v1/organisations?archived=all&q=" + marker).json()["total"].get<int>();
  }
  std::map<std::string, std::string> json_headers() { return {{"Content-Type", "application/json"}}; }
};

TEST_P(BadInput, MalformedJsonBadUtf8AndWrongContentType) {
  std::string marker = unique_name("Bad");
  auto malformed =
      admin().send("POST", "/api/v1/organisations", "{\"kind\": \"10\", \"name_fr\": \"" + marker, json_headers());
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json()["code"], "malformed_json");
  auto not_object = admin().send("POST", "/api/v1/organisations", "[1, 2]", json_headers());
  EXPECT_EQ(not_object.status, 400);
  auto bad_utf8 = admin().send("POST", "/api/v1/organisations",
                               "{\"kind\": \"10\", \"name_fr\": \"" + marker + "\xC3\x28\"}", json_headers());
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_EQ(bad_utf8.json()["code"], "invalid_utf8");
  auto form =
      admin().send("POST", "/api/v1/organisations", "kind=10", {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415);
  auto empty = admin().send("POST", "/api/v1/organisations", "", json_headers());
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(count(marker), 0);
}

TEST_P(BadInput, OversizedBodiesAreRefused) {
  std::string marker = unique_name("Big");
  std::string huge =
      "{\"kind\": \"10\", \"name_fr\": \"" + marker + "\", \"address\": \"" + std::string(2 << 20, 'x') + "\"}";
  auto reply = admin().send("POST", "/api/v1/organisations", huge, json_headers());
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.json()["code"], "payload_too_large");
  EXPECT_EQ(reply.json()["detail"].get<std::string>().find('{'), std::string::npos) << "unfilled message parameter";
  EXPECT_EQ(count(marker), 0);
  // The server is still fine.
  EXPECT_EQ(admin().get("/healthz").status, 200);
}

TEST_P(BadInput, DeepNestingAndHugeNumbersDoNotCrash) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto nested = admin().send("POST", "/api/v1/organisations", deep, json_headers());
  EXPECT_GE(nested.status, 400);
  EXPECT_LT(nested.status, 500);
  auto big = admin().send("POST", "/api/v1/organisations",
                          "{\"kind\": \"10\", \"name_fr\": \"N\", \"parent_id\": 123456789012345678901234567890}",
                          json_headers());
  EXPECT_EQ(big.status, 422) << big.body;
  // Above 2^63 - 1 a JSON integer must not wrap to a negative number: out of range, named.
  auto above =
      admin().send("POST", "/api/v1/organisations",
                   "{\"kind\": \"10\", \"name_fr\": \"N\", \"parent_id\": 9223372036854775808}", json_headers());
  EXPECT_EQ(above.field_errors(), std::vector<std::string>{"parent_id:out_of_range"}) << above.body;
  // Shares whose sum would overflow 64 bits are each out of range, and the sum is not taken.
  auto huge_shares =
      admin().post("/api/v1/actions", {{"action_type", "short_training"},
                                       {"domain", "meteorology"},
                                       {"title_fr", "Parts énormes"},
                                       {"start_date", "2031-03-02"},
                                       {"end_date", "2031-03-20"},
                                       {"seats", 10},
                                       {"sectors", json::array({{{"code", "41010"}, {"percentage", INT64_MAX}},
                                                                {{"code", "41020"}, {"percentage", INT64_MAX}}})}});
  EXPECT_EQ(huge_shares.status, 422) << huge_shares.body;
  auto share_errors = huge_shares.field_errors();
  EXPECT_NE(std::find(share_errors.begin(), share_errors.end(), "sectors[0].percentage:out_of_range"),
            share_errors.end());
  EXPECT_EQ(std::find(share_errors.begin(), share_errors.end(), "sectors:percentages_not_100"), share_errors.end());
  auto bad_query = admin().get("/api/v1/organisations?limit=abc&offset=-1");
  EXPECT_EQ(bad_query.status, 422);
  auto bad_percent = admin().get("/api/v1/organisations?q=%ZZ%C3");
  EXPECT_LT(bad_percent.status, 500);
}

TEST_P(BadInput, UnknownRoutesAndMethods) {
  auto unknown = admin().get("/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  EXPECT_EQ(unknown.json()["code"], "not_found");
  auto method = admin().send("PUT", "/api/v1/organisations", "{}", json_headers());
  EXPECT_EQ(method.status, 405);
  EXPECT_NE(method.header("allow").find("GET"), std::string::npos);
}

TAAWUN_ON_BOTH_DATABASES(BadInput);

}  // namespace
}  // namespace taawun::testing
