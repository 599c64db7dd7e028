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

}  // namespace taawun::testing
