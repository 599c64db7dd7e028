#include "http/app.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/post.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/secrets.hpp"
#include "core/text.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_writer.hpp"
#include "http/messages.hpp"
#include "http/query_string.hpp"

namespace taawun::http {

// ---------------------------------------------------------------- metrics
// Per route: request counts by status and a latency histogram, with atomics only, so that
// measuring costs no lock on the hot path. Rendered as Prometheus text on /metrics.
namespace {
constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};
constexpr std::array<unsigned, 20> kStatuses = {200, 201, 204, 304, 400, 401, 403, 404, 405, 409,
                                                412, 413, 415, 422, 428, 429, 500, 503, 206, 0};
}  // namespace

struct RouteMetrics {
  std::string route, method;
  std::array<std::atomic<std::uint64_t>, kStatuses.size()> by_status{};
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};
  std::atomic<std::uint64_t> count{0};
  std::atomic<std::uint64_t> micros{0};

  void observe(unsigned status, std::chrono::microseconds elapsed) {
    std::size_t s = 0;
    while (s + 1 < kStatuses.size() && kStatuses[s] != status) ++s;
    by_status[s].fetch_add(1, std::memory_order_relaxed);
    double seconds = elapsed.count() / 1e6;
    std::size_t b = 0;
    while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
    buckets[b].fetch_add(1, std::memory_order_relaxed);
    count.fetch_add(1, std::memory_order_relaxed);
    micros.fetch_add(static_cast<std::uint64_t>(elapsed.count()), std::memory_order_relaxed);
  }
};

namespace {
std::shared_ptr<RouteMetrics> make_metrics(std::string route, std::string method) {
  auto metrics = std::make_shared<RouteMetrics>();
  metrics->route = std::move(route);
  metrics->method = std::move(method);
  return metrics;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

std::string_view cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.starts_with(name) && part[name.size()] == '=')
      return part.substr(name.size() + 1);
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

void add_security_headers(Response& response) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("X-Frame-Options", "DENY");
}

bhttp::status status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_request:
    case ErrorCode::malformed_json:
    case ErrorCode::invalid_utf8:
      return bhttp::status::bad_request;
    case ErrorCode::payload_too_large:
      return bhttp::status::payload_too_large;
    case ErrorCode::validation_failed:
      return bhttp::status::unprocessable_entity;
    case ErrorCode::unauthenticated:
      return bhttp::status::unauthorized;
    case ErrorCode::forbidden:
    case ErrorCode::csrf_failed:
      return bhttp::status::forbidden;
    case ErrorCode::not_found:
      return bhttp::status::not_found;
    case ErrorCode::method_not_allowed:
      return bhttp::status::method_not_allowed;
    case ErrorCode::conflict:
      return bhttp::status::conflict;
    case ErrorCode::precondition_failed:
      return bhttp::status::precondition_failed;
    case ErrorCode::precondition_required:
      return bhttp::status::precondition_required;
    case ErrorCode::rate_limited:
      return bhttp::status::too_many_requests;
    case ErrorCode::unsupported_media_type:
      return bhttp::status::unsupported_media_type;
    case ErrorCode::unavailable:
      return bhttp::status::service_unavailable;
    case ErrorCode::internal:
      return bhttp::status::internal_server_error;
  }
  return bhttp::status::internal_server_error;
}

constexpr std::string_view kSessionCookie = "taawun_session";
}  // namespace

// ---------------------------------------------------------------- responses

Language request_language(const Request& request, std::string_view query_lang) {
  if (auto language = parse_language(query_lang)) return *language;
  // Accept-Language: the first of our languages in the client's order of preference.
  std::string_view accept = request[bhttp::field::accept_language];
  while (!accept.empty()) {
    auto comma = accept.find(',');
    std::string_view part = accept.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() >= 2)
      if (auto language = parse_language(part.substr(0, 2))) return *language;
    if (comma == std::string_view::npos) break;
    accept.remove_prefix(comma + 1);
  }
  return Language::fr;
}

void write_field_error(JsonWriter& json, const FieldError& error, Language language) {
  json.begin_object().field("field", error.field).field("code", error.code);
  for (const auto& [name, value] : error.params)
    if (name == "row") json.field("row", static_cast<std::int64_t>(std::stoll(value)));
  for (const auto& [name, value] : error.params)
    if (name == "column") json.field("column", value);
  json.field("message", field_message(error, language)).end_object();
}

Response problem_response(const Request& request, Language language, const Error& error) {
  auto status = status_of(error.code);
  JsonWriter json;
  json.begin_object()
      .field("type", "about:blank")
      .field("status", static_cast<int>(status))
      .field("code", error_code_name(error.code))
      .field("title", error_title(error.code, language))
      .field("detail", error_detail(error.code, error.detail_key, error.params, language));
  if (!error.field_errors.empty()) {
    json.key("errors").begin_array();
    for (const auto& field_error : error.field_errors) write_field_error(json, field_error, language);
    json.end_array();
  }
  json.end_object();
  Response response{status, request.version()};
  response.set(bhttp::field::content_type, "application/problem+json");
  response.set(bhttp::field::content_language, language_code(language));
  response.set(bhttp::field::cache_control, "no-store");
  if (error.code == ErrorCode::rate_limited)
    response.set(bhttp::field::retry_after, std::to_string(error.retry_after_seconds));
  add_security_headers(response);
  response.body() = json.str();
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

Response json_response(Context& context, bhttp::status status, std::string body) {
  Response response{status, context.request.version()};
  response.set(bhttp::field::content_type, "application/json");
  response.set(bhttp::field::cache_control, "no-store");
  add_security_headers(response);
  response.body() = std::move(body);
  response.keep_alive(context.request.keep_alive());
  response.prepare_payload();
  return response;
}

Response text_response(Context& context, bhttp::status status, std::string body, std::string_view content_type) {
  Response response = json_response(context, status, std::move(body));
  response.set(bhttp::field::content_type, content_type);
  return response;
}

Response no_content(Context& context) {
  Response response{bhttp::status::no_content, context.request.version()};
  add_security_headers(response);
  response.keep_alive(context.request.keep_alive());
  response.prepare_payload();
  return response;
}

// ---------------------------------------------------------------- context

db::Connection& Context::db() {
  if (!lease) lease.emplace(app.pool().acquire());
  return **lease;
}

std::optional<std::string> Context::query_value(std::string_view name) const {
  for (const auto& [key, value] : query)
    if (key == name) return value;
  return std::nullopt;
}

std::string_view Context::header(bhttp::field name) const {
  return request[name];
}
std::string_view Context::header(std::string_view name) const {
  return request[name];
}

// ---------------------------------------------------------------- app

App::App(db::Pool& pool, AppConfig config)
    : pool_(pool),
      config_(std::move(config)),
      list_cache_(config_.list_cache_bytes),
      routes_(route_table()),
      blocking_(config_.blocking_threads) {
  for (auto& route : routes_) {
    // A permission the registry does not hold would refuse everyone: a bug in the table.
    if (route.permission.named() && !permissions::exists(route.permission))
      throw std::logic_error(fmt::format("route {} names an unknown permission {}.{}", route.pattern,
                                         route.permission.kind, route.permission.verb));
    route.segments = split_path(route.pattern);
    route.metrics = make_metrics(route.pattern, std::string(bhttp::to_string(route.method)));
  }
  static_metrics_ = make_metrics("static", "GET");
  not_found_metrics_ = make_metrics("unmatched", "ANY");
}

App::~App() {
  blocking_.join();
}

void App::drain() {
  blocking_.join();
}

std::optional<Response> App::authenticate(const Route& route, Context& context) {
  std::string_view authorization = context.header(bhttp::field::authorization);
  if (authorization.starts_with("Bearer ")) {
    context.auth = accounts::authenticate_api_token(context.db(), authorization.substr(7));
  } else if (auto cookie = cookie_value(context.header(bhttp::field::cookie), kSessionCookie); !cookie.empty()) {
    context.auth = accounts::authenticate_session(context.db(), cookie);
    if (context.auth) context.session_token = std::string(cookie);
  }
  if (route.access == Access::signed_in && !context.auth)
    return problem_response(context.request, context.language, Error::of(ErrorCode::unauthenticated));
  // A write authenticated by cookie must prove it comes from our own pages: the browser sends
  // the cookie anywhere, but only our script knows the CSRF token.
  bool safe = route.method == bhttp::verb::get || route.method == bhttp::verb::head;
  if (!safe && route.access == Access::signed_in && context.auth && context.auth->csrf_token &&
      !secrets::constant_time_equal(context.header("X-CSRF-Token"), *context.auth->csrf_token))
    return problem_response(context.request, context.language, Error::of(ErrorCode::csrf_failed));
  // A read-only API token reads, whatever its user's role may write.
  if (!safe && route.access == Access::signed_in && context.auth && context.auth->read_only)
    return problem_response(context.request, context.language, Error::of(ErrorCode::forbidden, "read_only_token"));
  // A role that must sign in with two factors enrols before anything else (ADR 0012).
  if (route.access == Access::signed_in && context.auth &&
      accounts::must_enrol_totp(*context.auth, config_.require_totp) &&
      !handlers::allowed_before_totp_enrolment(route.method, route.pattern))
    return handlers::second_factor_problem(context.request, context.language, ErrorCode::forbidden,
                                           "totp_enrolment_required");
  // The route's kind-level permission, as its use case would refuse it (403): decided here from
  // the header, so that App::admit refuses before a byte of the body is read.
  if (route.permission.named() && context.auth && !permissions::allows(context.auth->actor, route.permission))
    return problem_response(context.request, context.language, Error::of(ErrorCode::forbidden));
  return std::nullopt;
}

Response App::run(const Route& route, Context& context) {
  try {
    if (auto refused = authenticate(route, context)) return std::move(*refused);
    Result<Response> result = route.handler(context);
    if (result.ok()) return std::move(result).value();
    return problem_response(context.request, context.language, result.error());
  } catch (const db::Failure& failure) {
    if (context.lease && failure.kind() == db::Failure::Kind::connection) context.lease->discard();
    spdlog::warn("database failure on {} {}: {}", route.method == bhttp::verb::get ? "GET" : "write", route.pattern,
                 failure.what());
    switch (failure.kind()) {
      case db::Failure::Kind::unique_violation:
      case db::Failure::Kind::foreign_key_violation:
        return problem_response(context.request, context.language, Error::of(ErrorCode::conflict));
      case db::Failure::Kind::busy:
      case db::Failure::Kind::connection: {
        Response response = problem_response(context.request, context.language, Error::of(ErrorCode::unavailable));
        response.set(bhttp::field::retry_after, "1");
        return response;
      }
      default:
        return problem_response(context.request, context.language, Error::of(ErrorCode::internal));
    }
  } catch (const std::exception& error) {
    spdlog::error("unexpected failure on {}: {}", route.pattern, error.what());
    return problem_response(context.request, context.language, Error::of(ErrorCode::internal));
  }
}

const Route* App::match(bhttp::verb method, const std::string& path, std::vector<std::string>& params,
                        std::vector<std::string_view>& allowed) const {
  auto segments = split_path(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> found;
    bool same = true;
    for (std::size_t i = 0; i < segments.size() && same; ++i) {
      if (route.segments[i].starts_with('{'))
        found.push_back(segments[i]);
      else
        same = route.segments[i] == segments[i];
    }
    if (!same) continue;
    if (route.method == method || (method == bhttp::verb::head && route.method == bhttp::verb::get)) {
      params = std::move(found);
      return &route;
    }
    allowed.push_back(bhttp::to_string(route.method));
  }
  return nullptr;
}

std::optional<Response> App::admit(const Request& header, const std::string& remote_address) {
  std::string_view target = header.target();
  auto question = target.find('?');
  std::string path = percent_decode(target.substr(0, question), false);
  if (!text::is_valid_utf8(path)) return std::nullopt;  // answered in full by handle()
  std::vector<std::string> params;
  std::vector<std::string_view> allowed;
  const Route* route = match(header.method(), path, params, allowed);
  // Unknown routes, and routes anyone may call without a guard, read their (small) body as
  // usual: handle() answers them.
  if (!route || (route->access == Access::anyone && !route->guard)) return std::nullopt;
  auto query = question == std::string_view::npos ? std::vector<std::pair<std::string, std::string>>{}
                                                  : parse_query(target.substr(question + 1));
  std::string_view lang;
  for (const auto& [key, value] : query)
    if (key == "lang") lang = value;
  Language language = request_language(header, lang);
  Context context{header,   *this,          std::move(path), std::move(query), std::move(params),
                  language, remote_address, std::nullopt,    std::nullopt,     std::nullopt};
  try {
    std::optional<Response> refused = authenticate(*route, context);
    if (!refused && route->guard) {
      Status allowed_to_send = route->guard.check(context);
      if (!allowed_to_send.ok()) refused = problem_response(header, language, allowed_to_send.error());
    }
    if (refused) route->metrics->observe(static_cast<unsigned>(refused->result_int()), std::chrono::microseconds(0));
    return refused;
  } catch (const std::exception& error) {
    // The database may be down: read the body and let handle() answer as it does.
    spdlog::warn("admission of {} {} failed: {}", std::string(bhttp::to_string(header.method())), route->pattern,
                 error.what());
    return std::nullopt;
  }
}

void App::handle(Request&& request_in, std::string remote_address, Done done) {
  auto started = std::chrono::steady_clock::now();
  auto request = std::make_shared<Request>(std::move(request_in));
  remote_address = client_address(*request, remote_address, config_.trusted_proxies, config_.forwarded_header);
  std::string_view target = request->target();
  auto question = target.find('?');
  std::string path = percent_decode(target.substr(0, question), false);
  auto query = question == std::string_view::npos ? std::vector<std::pair<std::string, std::string>>{}
                                                  : parse_query(target.substr(question + 1));
  std::string_view lang;
  for (const auto& [key, value] : query)
    if (key == "lang") lang = value;
  Language language = request_language(*request, lang);

  auto finish = [started, done](const std::shared_ptr<RouteMetrics>& metrics, Response response) {
    metrics->observe(static_cast<unsigned>(response.result_int()),
                     std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
    done(std::move(response));
  };

  if (!text::is_valid_utf8(path)) {
    finish(not_found_metrics_, problem_response(*request, language, Error::of(ErrorCode::invalid_utf8)));
    return;
  }
  std::vector<std::string> params;
  std::vector<std::string_view> allowed;
  const Route* matched = match(request->method(), path, params, allowed);

  if (!matched) {
    bool api = path.starts_with("/api/") || path == "/api";
    if (!allowed.empty()) {
      auto response = problem_response(
          *request, language,
          Error::of(ErrorCode::method_not_allowed, "", {{"method", std::string(bhttp::to_string(request->method()))}}));
      std::string allow;
      for (auto method : allowed) allow += (allow.empty() ? "" : ", ") + std::string(method);
      response.set(bhttp::field::allow, allow);
      finish(not_found_metrics_, std::move(response));
    } else if (!api && (request->method() == bhttp::verb::get || request->method() == bhttp::verb::head) &&
               !config_.static_dir.empty()) {
      finish(static_metrics_, serve_static(*request, language));
    } else {
      finish(
          not_found_metrics_,
          problem_response(*request, language, Error::of(ErrorCode::not_found, "route_not_found", {{"path", path}})));
    }
    return;
  }

  // A language the client asks for by name must be one we speak (Accept-Language, a preference
  // list, just falls back to French).
  if (!lang.empty() && !parse_language(lang)) {
    finish(matched->metrics,
           problem_response(*request, language,
                            Error::validation({{"lang", "invalid_choice", {{"choices", "fr, ar, en"}}}})));
    return;
  }

  auto work = [this, request, matched, params = std::move(params), path = std::move(path), query = std::move(query),
               language, remote_address = std::move(remote_address), finish]() mutable {
    Context context{*request,          *this,       std::move(path),           std::move(query),
                    std::move(params), language,    std::move(remote_address), std::nullopt,
                    std::nullopt,      std::nullopt};
    Response response = run(*matched, context);
    context.lease.reset();  // give the connection back before the response is written
    if (request->method() == bhttp::verb::head) response.body().clear();
    finish(matched->metrics, std::move(response));
  };
  if (matched->work == Work::blocking)
    boost::asio::post(blocking_, std::move(work));
  else
    work();
}

std::string App::metrics_text() const {
  std::ostringstream out;
  out << "# HELP taawun_http_requests_total HTTP requests answered, by route, method and status.\n"
         "# TYPE taawun_http_requests_total counter\n";
  auto each = [&](auto&& visit) {
    for (const auto& route : routes_) visit(*route.metrics);
    visit(*static_metrics_);
    visit(*not_found_metrics_);
  };
  each([&](const RouteMetrics& m) {
    for (std::size_t s = 0; s < kStatuses.size(); ++s) {
      auto n = m.by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out << "taawun_http_requests_total{route=\"" << m.route << "\",method=\"" << m.method << "\",status=\""
          << (kStatuses[s] ? std::to_string(kStatuses[s]) : "other") << "\"} " << n << "\n";
    }
  });
  out << "# HELP taawun_http_request_duration_seconds Time to answer, from request read to response ready.\n"
         "# TYPE taawun_http_request_duration_seconds histogram\n";
  each([&](const RouteMetrics& m) {
    auto count = m.count.load(std::memory_order_relaxed);
    if (count == 0) return;
    std::uint64_t cumulative = 0;
    std::string labels = "route=\"" + m.route + "\",method=\"" + m.method + "\"";
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += m.buckets[b].load(std::memory_order_relaxed);
      out << "taawun_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[b] << "\"} " << cumulative
          << "\n";
    }
    out << "taawun_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << count << "\n";
    out << "taawun_http_request_duration_seconds_sum{" << labels << "} " << m.micros.load() / 1e6 << "\n";
    out << "taawun_http_request_duration_seconds_count{" << labels << "} " << count << "\n";
  });
  return out.str();
}

// ---------------------------------------------------------------- static files
// The web front end: hashed assets cached for a year, index.html never cached, history-mode
// routes answered with index.html, and precompressed .br/.gz variants when the client takes them.
namespace {
std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string_view mime_type(std::string_view path) {
  auto ends = [&](std::string_view suffix) { return path.ends_with(suffix); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".ttf")) return "font/ttf";
  if (ends(".webmanifest")) return "application/manifest+json";
  return "application/octet-stream";
}
}  // namespace

Response App::serve_static(const Request& request, Language language) {
  std::string_view target = request.target();
  std::string path = percent_decode(target.substr(0, target.find('?')), false);
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos)
    return problem_response(request, language, Error::of(ErrorCode::not_found, "route_not_found", {{"path", path}}));
  if (path == "/") path = "/index.html";
  std::string file = config_.static_dir + path;
  bool is_index = false;
  std::optional<std::string> content;
  std::string_view accept = request[bhttp::field::accept_encoding];
  std::string encoding;
  auto try_encoded = [&](const std::string& base) {
    if (accept.find("br") != std::string_view::npos)
      if ((content = read_file(base + ".br"))) return encoding = "br", true;
    if (accept.find("gzip") != std::string_view::npos)
      if ((content = read_file(base + ".gz"))) return encoding = "gzip", true;
    encoding.clear();
    return static_cast<bool>(content = read_file(base));
  };
  if (!try_encoded(file)) {
    // An address of the single-page application (no file extension): answer with index.html.
    auto last = path.rfind('/');
    if (path.find('.', last) != std::string::npos)
      return problem_response(request, language, Error::of(ErrorCode::not_found, "route_not_found", {{"path", path}}));
    file = config_.static_dir + "/index.html";
    if (!try_encoded(file))
      return problem_response(request, language, Error::of(ErrorCode::not_found, "route_not_found", {{"path", path}}));
  }
  is_index = file.ends_with("/index.html");
  Response response{bhttp::status::ok, request.version()};
  response.set(bhttp::field::content_type, mime_type(file));
  if (!encoding.empty()) response.set(bhttp::field::content_encoding, encoding);
  response.set(bhttp::field::vary, "Accept-Encoding");
  response.set(bhttp::field::cache_control,
               path.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  if (is_index)
    response.set("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                 "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'");
  add_security_headers(response);
  response.body() = std::move(*content);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  if (request.method() == bhttp::verb::head) response.body().clear();
  return response;
}

}  // namespace taawun::http
