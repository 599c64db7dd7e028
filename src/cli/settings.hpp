#pragma once
// Settings of the `taawun` command: defaults, then the TOML file, then the command line.
// config/taawun.example.toml documents every key.
#include <optional>
#include <string>

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
  std::string log_level = "info";
};

// Reads a TOML file into settings; a clear message naming the key on a bad value.
std::optional<std::string> read_config(const std::string& path, Settings& settings);

}  // namespace taawun::cli
