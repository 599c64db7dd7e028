#pragma once
// An HTTP client that behaves like the web application or an integration: a cookie session
// with its CSRF token, or a bearer token.
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "support/environment.hpp"

namespace taawun::testing {

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  // The parsed body, kept with the reply so `for (auto& x : reply.json()["items"])` iterates
  // over a living object. Throws on a body that is not JSON.
  nlohmann::json& json() const;
  std::string header(const std::string& name) const;
  // The field errors of a problem, as "field:code" strings.
  std::vector<std::string> field_errors() const;

 private:
  mutable std::optional<nlohmann::json> parsed_;
};

class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  explicit Client(Server& server) : port_(server.port()) {}

  // Logs in; returns the reply (200 or a problem). Keeps the cookie and the CSRF token.
  Reply log_in(const std::string& username, const std::string& password = kPassword);
  void use_token(std::string token) { bearer_ = std::move(token); }
  void forget_csrf() { csrf_.reset(); }

  Reply get(const std::string& target, const std::map<std::string, std::string>& headers = {});
  Reply post(const std::string& target, const nlohmann::json& body,
             const std::map<std::string, std::string>& headers = {});
  Reply patch(const std::string& target, const nlohmann::json& body,
              const std::map<std::string, std::string>& headers = {});
  Reply put(const std::string& target, const nlohmann::json& body,
            const std::map<std::string, std::string>& headers = {});
  Reply del(const std::string& target, const std::map<std::string, std::string>& headers = {});
  // Anything: raw body, any method and headers (for malformed input).
  Reply send(const std::string& method, const std::string& target, const std::string& body,
             std::map<std::string, std::string> headers);

  // Sends only the header of a request announcing `content_length` bytes of body, then waits
  // up to `timeout` for an answer without sending the body: what a server that decides before
  // reading the body answers (status 0: no answer in time).
  Reply send_header_only(const std::string& method, const std::string& target, std::size_t content_length,
                         std::map<std::string, std::string> headers, std::chrono::milliseconds timeout);

  const std::optional<std::string>& cookie() const { return cookie_; }

 private:
  unsigned short port_;
  std::optional<std::string> cookie_, csrf_, bearer_;
};

// Percent-encodes a query parameter value.
std::string url_encode(std::string_view text);

// A signed-in client for a new account of some role on the server (created by admin).
struct Account {
  std::int64_t id = 0;
  std::string username;
};
Account create_account(Client& admin, const std::string& role, const nlohmann::json& extra = nlohmann::json::object());

}  // namespace taawun::testing
