#include "support/api_test.hpp"

#include <map>
#include <memory>
#include <mutex>

namespace taawun::testing {

Client& ApiTest::admin() {
  static std::mutex mutex;
  static std::map<Backend, std::unique_ptr<Client>> clients;
  std::lock_guard lock(mutex);
  auto& client = clients[GetParam()];
  if (!client) {
    client = std::make_unique<Client>(server());
    auto reply = client->log_in("admin");
    if (reply.status != 200) throw std::runtime_error("admin cannot log in: " + reply.body);
  }
  return *client;
}

Client ApiTest::signed_in(const std::string& role, const nlohmann::json& extra) {
  Account account = create_account(admin(), role, extra);
  Client client(server());
  auto reply = client.log_in(account.username);
  if (reply.status != 200) throw std::runtime_error("new account cannot log in: " + reply.body);
  return client;
}

nlohmann::json ApiTest::create_organisation(nlohmann::json body) {
  auto reply = admin().post("/api/v1/organisations", body);
  if (reply.status != 201) throw std::runtime_error("could not create an organisation: " + reply.body);
  return reply.json();
}

nlohmann::json ApiTest::create_action(const nlohmann::json& overrides) {
  nlohmann::json body = {{"action_type", "short_training"},
                         {"domain", "meteorology"},
                         {"title_fr", "Prévision météorologique " + unique_name("")},
                         {"start_date", "2031-03-02"},
                         {"end_date", "2031-03-20"},
                         {"seats", 10}};
  body.update(overrides);
  auto reply = admin().post("/api/v1/actions", body);
  if (reply.status != 201) throw std::runtime_error("could not create an action: " + reply.body);
  return reply.json();
}

nlohmann::json ApiTest::move_action(const nlohmann::json& action, std::initializer_list<const char*> statuses) {
  nlohmann::json current = action;
  for (const char* status : statuses) {
    auto reply = admin().post("/api/v1/actions/" + std::to_string(current["id"].get<std::int64_t>()) + "/status",
                              {{"status", status}},
                              {{"If-Match", "\"" + std::to_string(current["version"].get<std::int64_t>()) + "\""}});
    if (reply.status != 200)
      throw std::runtime_error(std::string("could not move the action to ") + status + ": " + reply.body);
    current = reply.json();
  }
  return current;
}

std::string ApiTest::unique_family(const std::string& start, char vowel) {
  std::string name = start;
  for (char c : unique_name("")) {
    name += c >= '0' && c <= '9' ? "bdfgklmnpt"[c - '0'] : 'r';
    name += vowel;
  }
  return name + "z";
}

}  // namespace taawun::testing
