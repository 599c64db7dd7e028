#include "cli/settings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "areas/accounts/accounts.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/forwarded.hpp"

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
  // A list of IP addresses or CIDR ranges (reverse proxies, the monitoring host).
  auto addresses = [&](std::string_view key, std::vector<std::string>& target) {
    auto node = table.at_path(key);
    if (!node) return;
    auto* list = node.as_array();
    if (!list) {
      problem = fmt::format("{}: `{}` must be a list of addresses, such as [\"127.0.0.1\", \"::1\"]", path, key);
      return;
    }
    std::vector<std::string> values;
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto value = list->get(i)->value<std::string>();
      if (!value || !http::parse_address_range(*value)) {
        problem = fmt::format(
            "{}: `{}` entry {} must be an IP address or a CIDR range, such as \"127.0.0.1\" or \"10.0.0.0/8\"", path,
            key, i + 1);
        return;
      }
      values.push_back(*value);
    }
    target = std::move(values);
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
  addresses("server.trusted_proxies", settings.trusted_proxies);
  text("server.forwarded_header", settings.forwarded_header);
  if (!http::parse_forwarded_header(settings.forwarded_header))
    problem = fmt::format("{}: `server.forwarded_header` must be \"x-forwarded-for\" or \"forwarded\"", path);
  text("log.level", settings.log_level);
  text("database.sqlite_synchronous", settings.sqlite_synchronous);
  if (!db::parse_sqlite_durability(settings.sqlite_synchronous))
    problem = fmt::format("{}: `database.sqlite_synchronous` must be \"full\" or \"normal\"", path);
  text("agency.time_zone", settings.time_zone);
  if (!clock::set_agency_time_zone(settings.time_zone))
    problem = fmt::format("{}: `agency.time_zone` must be an IANA time zone such as \"Africa/Casablanca\"", path);
  addresses("server.metrics_addresses", settings.metrics_addresses);
  text("accounts.require_totp", settings.require_totp);
  if (!accounts::parse_totp_requirement(settings.require_totp))
    problem = fmt::format("{}: `accounts.require_totp` must be \"admin_finance\", \"all\" or \"none\"", path);
  text("server.metrics_token", settings.metrics_token);
  if (!settings.metrics_token.empty() && settings.metrics_token.size() < 32)
    problem = fmt::format("{}: `server.metrics_token` must be at least 32 characters (a random secret)", path);
  return problem;
}

}  // namespace taawun::cli
