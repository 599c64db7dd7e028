#pragma once
// Base of the API tests: each test runs once on SQLite and once on PostgreSQL, against the
// real binary over HTTP, the way the web application and integrations use it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "support/client.hpp"
#include "support/environment.hpp"

namespace taawun::testing {

class ApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  Server& server() { return shared_server(GetParam()); }
  // The administrator's session on this backend's server (logged in once).
  Client& admin();
  // A new account of `role`, signed in.
  Client signed_in(const std::string& role, const nlohmann::json& extra = nlohmann::json::object());
  // Creates an organisation as admin; returns its JSON.
  nlohmann::json create_organisation(nlohmann::json body);
  // Creates an action as admin: a short training in Morocco for 10 seats in 2031, with the
  // fields of `overrides` replacing the defaults; returns its JSON.
  nlohmann::json create_action(const nlohmann::json& overrides = nlohmann::json::object());
  // Moves an action along its statuses as admin (each step with the current ETag).
  nlohmann::json move_action(const nlohmann::json& action, std::initializer_list<const char*> statuses);
  // A family name no other test uses, so that searches and duplicate checks see only this test's
  // people: `start`, then each character of a unique marker as a consonant the phonetic skeleton
  // keeps (names::name_tokens) followed by `vowel`, and a final z (used nowhere else) so that no
  // such name begins another.
  std::string unique_family(const std::string& start, char vowel);
};

// The calendar day `days` from today, UTC (tests keep days of margin around any bound that the
// server computes on the agency's calendar day).
inline std::string day_from_today(int days) {
  auto at = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(days);
  std::chrono::year_month_day date{at};
  char text[11];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

inline std::string param_name(const ::testing::TestParamInfo<Backend>& info) {
  return backend_name(info.param);
}

}  // namespace taawun::testing

#define TAAWUN_ON_BOTH_DATABASES(suite)                                                                              \
  INSTANTIATE_TEST_SUITE_P(                                                                                          \
      Databases, suite, ::testing::Values(::taawun::testing::Backend::sqlite, ::taawun::testing::Backend::postgres), \
      ::taawun::testing::param_name)
