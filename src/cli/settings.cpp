#include "cli/settings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace taawun::cli {

std::optional<std::string> read_config(const std::string& path, Settings& settings) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    return fmt::format("{}:{}:{}: {}", path, error.source().begin.line, error.source().begin.column,
                       error.description());
  }
  std::optional<std::string> problem;
  auto text = [&](std::string_view key, std::string& target) {
    auto node = table.at_path(key);
    if (!node) return;
    if (auto value = node.value<std::string>())
      target = *value;
    else
      problem = fmt::format("{}: `{}` must be a string", path, key);
  };
  auto count = [&](std::string_view key, std::size_t& target, std::int64_t min, std::int64_t max) {
    auto node = table.at_path(key);
    if (!node) return;
    auto value = node.value<std::int64_t>();
    if (!value || *value < min || *value > max)
      problem = fmt::format("{}: `{}` must be a whole number from {} to {}", path, key, min, max);
    else
      target = static_cast<std::size_t>(*value);
  };
  auto flag = [&](std::string_view key, bool& target) {
    auto node = table.at_path(key);
    if (!node) return;
    if (auto value = node.value<bool>())
      target = *value;
    else
      problem = fmt::format("{}: `{}` must be true or false", path, key);
  };
  text("database.url", settings.database);
  count("database.pool_size", settings.pool_size, 1, 256);
  text("server.listen", settings.listen);
  text("server.web_dir", settings.web_dir);
  count("server.io_threads", settings.io_threads, 1, 64);
  count("server.blocking_threads", settings.blocking_threads, 1, 64);
  count("server.body_limit", settings.body_limit, 1024, 64 << 20);
  count("server.upload_limit", settings.upload_limit, 1024, 256 << 20);
  count("server.list_cache_bytes", settings.list_cache_bytes, 0, 1 << 30);
  flag("server.secure_cookies", settings.secure_cookies);
  text("log.level", settings.log_level);
  return problem;
}

}  // namespace taawun::cli
