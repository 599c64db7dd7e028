#pragma once
// The HTTP application: routing, authentication, CSRF, language, errors, metrics. The only
// code that knows Beast and JSON is under src/http (engineering guide, layout).
#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "areas/accounts/accounts.hpp"
#include "core/error.hpp"
#include "core/generation_cache.hpp"
#include "core/language.hpp"
#include "core/throttle.hpp"
#include "db/database.hpp"
#include "domain/permissions.hpp"
#include "http/forwarded.hpp"

namespace taawun::http {

class JsonWriter;

namespace bhttp = boost::beast::http;
using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

struct AppConfig {
  std::string static_dir;                   // the built web front end (web/dist); empty: none
  bool secure_cookies = false;              // true when served over TLS (directly or behind a proxy)
  std::size_t body_limit = 1 << 20;         // bytes
  std::size_t upload_limit = 16 << 20;      // bytes, for file uploads (routes ending in /import or /documents)
  std::size_t blocking_threads = 2;         // for argon2id, off the I/O threads
  std::size_t list_cache_bytes = 32 << 20;  // rendered list pages kept while their records are unchanged; 0: off
  // Reverse proxies whose forwarded header names the client (server.trusted_proxies); empty:
  // the socket's peer is the client (http/forwarded.hpp).
  std::vector<AddressRange> trusted_proxies;
  ForwardedHeader forwarded_header = ForwardedHeader::x_forwarded_for;
  // Who reads /metrics (server.metrics_addresses, server.metrics_token): a request from one of
  // these addresses that no proxy forwarded, or one bearing this token; neither set, nobody.
  std::vector<AddressRange> metrics_addresses;
  std::string metrics_token;
  // Whose sessions must enrol a second factor before anything else (accounts.require_totp, ADR 0012).
  accounts::TotpRequirement require_totp = accounts::TotpRequirement::admin_finance;
};

class App;

struct Context {
  const Request& request;
  App& app;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::string> path_params;
  Language language = Language::fr;
  std::string remote_address;  // the client's: behind a trusted proxy, from its forwarded header
  std::optional<accounts::Authenticated> auth;
  std::optional<std::string> session_token;  // the cookie value, when authenticated by cookie

  db::Connection& db();
  const accounts::Actor& actor() const { return auth->actor; }
  std::optional<std::string> query_value(std::string_view name) const;
  std::string_view header(bhttp::field name) const;
  std::string_view header(std::string_view name) const;

  std::optional<db::Pool::Lease> lease;  // taken on first use of db()
};

enum class Access { anyone, signed_in };
// Unknown codes an address may submit to the public certificate check in 15 minutes: plenty for
// people typing codes from paper, nothing for guessing among 2^60.
inline constexpr int kMaxUnknownCertificateCodes = 30;
enum class Work { quick, blocking };  // blocking: run on the worker pool (password hashing, PDF)

using Handler = Result<Response> (*)(Context&);
// Decides, from the request's header alone, whether the caller may send its body to this record:
// run once the header is read and the route's permission is held, before a byte of the body is
// (an upload to an action out of the caller's scope is refused without reading it). The
// handler still decides again with the body: the guard calls the same access function of the
// record kind. Named, for `taawun routes`.
struct Guard {
  Status (*check)(Context&) = nullptr;
  std::string_view name;
  explicit operator bool() const { return check != nullptr; }
};

struct RouteMetrics;

struct Route {
  bhttp::verb method;
  std::string pattern;  // "/api/v1/organisations/{id}"
  Handler handler;
  Access access = Access::signed_in;
  Work work = Work::quick;
  // The kind-level permission a caller must hold (domain/permissions.hpp): App::admit refuses
  // anyone without it (403 forbidden) before reading the body, as the use case would. Every
  // signed-in route with a body names one, except one's own account (/me, the session).
  permissions::Permission permission{};
  Guard guard{};  // beyond the permission: who may send a body to this record (see Guard)
  std::vector<std::string> segments;
  std::shared_ptr<RouteMetrics> metrics;
};

// The whole API at a glance: src/http/routes.cpp assembles each area's routes (declared beside
// its handlers, http/routes.hpp); `taawun routes` prints it with who may call each route.
std::vector<Route> route_table();
// Who may call a route, in words: "anyone", "signed in", or the roles holding its permission.
std::string route_callers(const Route& route);

class App {
 public:
  App(db::Pool& pool, AppConfig config);
  ~App();
  using Done = std::function<void(Response)>;
  // Answers one request; `done` may run on another thread (for blocking routes).
  void handle(Request&& request, std::string remote_address, Done done);
  // Waits for blocking work in flight (graceful shutdown).
  void drain();
  // Called with a request whose header only has been read: the refusal to send instead of
  // reading its body (unknown route, not signed in, CSRF, the route's guard), or nothing when
  // the body may be read. Runs on the I/O thread.
  std::optional<Response> admit(const Request& header, const std::string& remote_address);

  db::Pool& pool() { return pool_; }
  const AppConfig& config() const { return config_; }
  accounts::LoginThrottle& login_throttle() { return throttle_; }
  // Unknown certificate codes per address (the public verification endpoint).
  FailureWindow& verification_throttle() { return verification_throttle_; }
  // Rendered list pages (http/handlers/cached.hpp).
  GenerationCache& list_cache() { return list_cache_; }
  const std::vector<Route>& routes() const { return routes_; }
  std::string metrics_text() const;
  const std::string& openapi_json();
  std::atomic<int>& in_flight() { return in_flight_; }

 private:
  Response run(const Route& route, Context& context);
  Response serve_static(const Request& request, Language language);
  std::optional<Response> authenticate(const Route& route, Context& context);
  // The route for a method and decoded path, its path parameters, and the methods the path
  // allows (for 405) when none matches.
  const Route* match(bhttp::verb method, const std::string& path, std::vector<std::string>& params,
                     std::vector<std::string_view>& allowed) const;

  db::Pool& pool_;
  AppConfig config_;
  accounts::LoginThrottle throttle_;
  FailureWindow verification_throttle_{kMaxUnknownCertificateCodes, std::chrono::minutes(15)};
  GenerationCache list_cache_;
  std::vector<Route> routes_;
  std::shared_ptr<RouteMetrics> static_metrics_, not_found_metrics_;
  boost::asio::thread_pool blocking_;
  std::atomic<int> in_flight_{0};
  std::once_flag openapi_once_;
  std::string openapi_json_;
};

// --- response helpers, used by the handlers ---
Response json_response(Context& context, bhttp::status status, std::string body);
Response no_content(Context& context);
Response problem_response(const Request& request, Language language, const Error& error);
// One entry of a problem's "errors": field, code, the message in `language`, and for a problem of
// an imported file its row and column (FieldError params "row" and "column").
void write_field_error(JsonWriter& json, const FieldError& error, Language language);
Response text_response(Context& context, bhttp::status status, std::string body, std::string_view content_type);
Language request_language(const Request& request, std::string_view query_lang);

}  // namespace taawun::http
