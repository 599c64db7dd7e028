#pragma once
// Settings of the `taawun` command: defaults, then the TOML file, then the command line.
// config/taawun.example.toml documents every key.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace taawun::cli {

struct Settings {
  std::string database = "sqlite:var/taawun.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_dir = "web/dist";  // served when it exists
  std::size_t io_threads = 2;
  std::size_t pool_size = 8;
  std::size_t blocking_threads = 2;
  std::size_t body_limit = 1 << 20;
  std::size_t upload_limit = 16 << 20;
  std::size_t list_cache_bytes = 32 << 20;
  bool secure_cookies = false;
  // Reverse proxies (addresses or CIDR ranges) whose forwarded header names the client; empty:
  // trust none, the socket's peer is the client.
  std::vector<std::string> trusted_proxies;
  std::string forwarded_header = "x-forwarded-for";  // or "forwarded" (RFC 7239)
  std::string log_level = "info";
  // "full" (the default): a commit answered 2xx survives a power cut; "normal": faster writes,
  // the last commits may be lost in a power cut (ADR 0010).
  std::string sqlite_synchronous = "full";
  // The agency's IANA time zone: what "today" means for dates (core/clock.hpp).
  std::string time_zone = "Africa/Casablanca";
  // Who may read /metrics: these socket addresses or ranges (never a forwarded request), or a
  // bearer token; neither configured, nobody.
  std::vector<std::string> metrics_addresses;
  std::string metrics_token;
  // Whose accounts must sign in with a second factor (TOTP): "admin_finance" (the default),
  // "all" or "none" (ADR 0012).
  std::string require_totp = "admin_finance";
};

// Reads a TOML file into settings; a clear message naming the key on a bad value.
std::optional<std::string> read_config(const std::string& path, Settings& settings);

}  // namespace taawun::cli
