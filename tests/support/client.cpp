#include "support/client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <stdexcept>

namespace taawun::testing {
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;

nlohmann::json& Reply::json() const {
  if (!parsed_) parsed_ = nlohmann::json::parse(body);
  return *parsed_;
}

std::string Reply::header(const std::string& name) const {
  auto found = headers.find(name);
  return found == headers.end() ? "" : found->second;
}

std::vector<std::string> Reply::field_errors() const {
  std::vector<std::string> out;
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object() && parsed.contains("errors"))
    for (const auto& error : parsed["errors"])
      out.push_back(error["field"].get<std::string>() + ":" + error["code"].get<std::string>());
  return out;
}

namespace {
// A response as the tests read it: the status, headers by lower-case name, the body.
Reply reply_of(const bhttp::response<bhttp::string_body>& response) {
  Reply reply;
  reply.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  reply.body = response.body();
  return reply;
}
}  // namespace

Reply Client::send(const std::string& method, const std::string& target, const std::string& body,
                   std::map<std::string, std::string> headers) {
  net::io_context context;
  net::ip::tcp::socket socket(context);
  socket.connect({net::ip::make_address("127.0.0.1"), port_});
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  if (cookie_) request.set(bhttp::field::cookie, "taawun_session=" + *cookie_);
  if (bearer_) request.set(bhttp::field::authorization, "Bearer " + *bearer_);
  if (csrf_ && method != "GET") request.set("X-CSRF-Token", *csrf_);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty()) request.body() = body;
  request.prepare_payload();
  bhttp::write(socket, request);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  bhttp::read(socket, buffer, parser);
  Reply reply = reply_of(parser.get());
  beast::error_code ignored;
  socket.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  return reply;
}

Reply Client::send_header_only(const std::string& method, const std::string& target, std::size_t content_length,
                               std::map<std::string, std::string> headers, std::chrono::milliseconds timeout) {
  net::io_context context;
  beast::tcp_stream stream(context);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  std::string head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (cookie_) head += "Cookie: taawun_session=" + *cookie_ + "\r\n";
  if (bearer_) head += "Authorization: Bearer " + *bearer_ + "\r\n";
  if (csrf_ && method != "GET") head += "X-CSRF-Token: " + *csrf_ + "\r\n";
  for (const auto& [name, value] : headers) head += name + ": " + value + "\r\n";
  head += "Content-Length: " + std::to_string(content_length) + "\r\n\r\n";
  net::write(stream.socket(), net::buffer(head));
  Reply reply;
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  bool done = false;
  beast::error_code error;
  stream.expires_after(timeout);
  bhttp::async_read(stream, buffer, parser, [&](beast::error_code e, std::size_t) {
    error = e;
    done = true;
  });
  context.run();
  if (!done || error) return reply;  // status 0
  return reply_of(parser.get());
}

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Reply Client::get(const std::string& target, const std::map<std::string, std::string>& headers) {
  return send("GET", target, "", headers);
}

Reply Client::post(const std::string& target, const nlohmann::json& body,
                   const std::map<std::string, std::string>& headers) {
  auto all = headers;
  all.emplace("Content-Type", "application/json");
  return send("POST", target, body.is_null() ? "" : body.dump(), all);
}

Reply Client::patch(const std::string& target, const nlohmann::json& body,
                    const std::map<std::string, std::string>& headers) {
  auto all = headers;
  all.emplace("Content-Type", "application/json");
  return send("PATCH", target, body.dump(), all);
}

Reply Client::put(const std::string& target, const nlohmann::json& body,
                  const std::map<std::string, std::string>& headers) {
  auto all = headers;
  all.emplace("Content-Type", "application/json");
  return send("PUT", target, body.dump(), all);
}

Reply Client::del(const std::string& target, const std::map<std::string, std::string>& headers) {
  return send("DELETE", target, "", headers);
}

Reply Client::log_in(const std::string& username, const std::string& password) {
  auto saved_csrf = csrf_;
  csrf_.reset();
  Reply reply = post("/api/v1/session", {{"username", username}, {"password", password}});
  if (reply.status != 200) {
    csrf_ = saved_csrf;
    return reply;
  }
  std::string set_cookie = reply.header("set-cookie");
  auto start = set_cookie.find("taawun_session=");
  if (start == std::string::npos) throw std::runtime_error("login answered 200 without the session cookie");
  start += std::string("taawun_session=").size();
  cookie_ = set_cookie.substr(start, set_cookie.find(';', start) - start);
  csrf_ = reply.json().at("csrf_token").get<std::string>();
  return reply;
}

Account create_account(Client& admin, const std::string& role, const nlohmann::json& extra) {
  nlohmann::json body = {{"username", unique_name(role)}, {"role", role}, {"password", kPassword}};
  for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
  Reply reply = admin.post("/api/v1/users", body);
  if (reply.status != 201) throw std::runtime_error("could not create a " + role + " account: " + reply.body);
  auto json = reply.json();
  return {json.at("id").get<std::int64_t>(), json.at("username").get<std::string>()};
}

}  // namespace taawun::testing
