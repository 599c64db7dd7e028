#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "core/embedded.hpp"
#include "core/secrets.hpp"
#include "http/handlers/handlers.hpp"

namespace taawun::http {

namespace {
// YAML → JSON for the contract. Scalars keep their YAML meaning: numbers and booleans
// unquoted, everything else a string (quoted YAML scalars stay strings).
nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& item : node) object[item.first.as<std::string>()] = to_json(item.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(to_json(item));
      return array;
    }
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (node.Tag() == "!") return text;  // quoted in the source
      if (text == "true") return true;
      if (text == "false") return false;
      if (text == "null" || text == "~") return nullptr;
      try {
        std::size_t used = 0;
        long long integer = std::stoll(text, &used);
        if (used == text.size()) return integer;
        double real = std::stod(text, &used);
        if (used == text.size()) return real;
      } catch (...) {
      }
      return text;
    }
    default:
      return nullptr;
  }
}
}  // namespace

const std::string& App::openapi_json() {
  std::call_once(openapi_once_, [this] {
    // The whole contract, assembled at build time from api/openapi.root.yaml and the areas' fragments.
    auto yaml = embedded::find("api/openapi.yaml");
    openapi_json_ = yaml ? to_json(YAML::Load(std::string(*yaml))).dump() : "{}";
  });
  return openapi_json_;
}

namespace handlers {

Result<Response> healthz(Context& context) {
  return text_response(context, bhttp::status::ok, "ok\n", "text/plain; charset=utf-8");
}

Result<Response> readyz(Context& context) {
  bool ready = context.db().healthy();
  return text_response(context, ready ? bhttp::status::ok : bhttp::status::service_unavailable,
                       ready ? "ready\n" : "database unavailable\n", "text/plain; charset=utf-8");
}

// Request counts and latencies per route tell an outsider what the agency does and when: they
// go to the monitoring host or token the configuration names, to nobody else.
Result<Response> metrics(Context& context) {
  const AppConfig& config = context.app.config();
  bool allowed = false;
  std::string_view authorization = context.header(bhttp::field::authorization);
  if (!config.metrics_token.empty() && authorization.starts_with("Bearer "))
    allowed = secrets::constant_time_equal(authorization.substr(7), config.metrics_token);
  bool forwarded = !context.header("X-Forwarded-For").empty() || !context.header("Forwarded").empty();
  if (!allowed && !forwarded) {
    boost::system::error_code error;
    auto address = boost::asio::ip::make_address(context.remote_address, error);
    if (!error)
      for (const auto& range : config.metrics_addresses) allowed = allowed || range.contains(address);
  }
  if (!allowed) return Error::of(ErrorCode::forbidden, "metrics_not_allowed");
  return text_response(context, bhttp::status::ok, context.app.metrics_text(), "text/plain; version=0.0.4");
}

Result<Response> openapi(Context& context) {
  return json_response(context, bhttp::status::ok, context.app.openapi_json());
}

}  // namespace handlers
}  // namespace taawun::http
