#pragma once
// The HTTP/1.1 server: Beast over Asio, a few I/O threads, keep-alive, a body limit, and a
// graceful stop. Everything about requests themselves is in App.
#include <boost/asio/ip/tcp.hpp>
#include <string>

#include "http/app.hpp"

namespace taawun::http {

struct ListenAddress {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
};
// "HOST:PORT", "[::1]:PORT" or ":PORT"; nullopt when malformed.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

struct ServerConfig {
  ListenAddress listen;
  std::size_t io_threads = 2;
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds shutdown_grace{30};
};

// Serves until SIGTERM or SIGINT: then stops accepting, lets the requests in flight finish
// (up to shutdown_grace), waits for blocking work, and returns. `on_ready` runs once the port
// is bound, with the port actually used (useful with port 0).
void serve(App& app, const ServerConfig& config, const std::function<void(unsigned short)>& on_ready = {});

}  // namespace taawun::http
