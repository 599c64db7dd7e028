#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <chrono>
#include <memory>
#include <thread>

namespace taawun::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  ListenAddress address;
  std::string_view host = text.substr(0, colon), port = text.substr(colon + 1);
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  address.host = host.empty() ? "127.0.0.1" : std::string(host);
  unsigned value = 0;
  auto [end, failure] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (failure != std::errc{} || end != port.data() + port.size() || value > 65535) return std::nullopt;
  address.port = static_cast<unsigned short>(value);
  return address;
}

namespace {

struct ServerState {
  App& app;
  const ServerConfig& config;
  std::atomic<int> busy{0};  // requests read and not yet fully answered
  std::atomic<bool> stopping{false};
};

// One connection: read a request, hand it to the App, write the answer, repeat while kept alive.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, ServerState& state) : stream_(std::move(socket)), state_(state) {
    beast::error_code ignored;
    auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_ = ignored ? std::string("unknown") : endpoint.address().to_string();
  }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

 private:
  void read() {
    if (state_.stopping) return close();
    parser_.emplace();
    // The header first: a file upload may be larger than any JSON body. Beast compares a
    // Content-Length with the limit as soon as the header is parsed, so the parser gets the
    // larger of the two limits here and the request's own limit is applied once its target
    // is known (the Content-Length by hand, a chunked body by the parser).
    const auto& config = state_.app.config();
    parser_->body_limit(std::max(config.body_limit, config.upload_limit));
    parser_->header_limit(16 * 1024);
    stream_.expires_after(state_.config.idle_timeout);
    beast::http::async_read_header(
        stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error, std::size_t) {
          if (error) return self->on_read(error);
          // Who may send this body is decided before a byte of it is read (App::admit).
          if (self->has_body())
            if (auto refused = self->state_.app.admit(self->parser_->get(), self->remote_)) {
              refused->keep_alive(false);
              return self->write(std::move(*refused), Then::drain_and_close);
            }
          std::size_t limit = self->body_limit();
          if (auto length = self->parser_->content_length(); length && *length > limit)
            return self->on_read(beast::http::error::body_limit);
          self->parser_->body_limit(limit);
          beast::http::async_read(self->stream_, self->buffer_, *self->parser_,
                                  [self](beast::error_code error, std::size_t) { self->on_read(error); });
        });
  }

  bool has_body() const {
    if (parser_->chunked()) return true;
    auto length = parser_->content_length();
    return length && *length > 0;
  }

  // The body limit of the request whose header was read: file uploads (paths ending in
  // /import or /documents) get the upload limit, every other request the JSON body limit.
  std::size_t body_limit() const {
    std::string_view target = parser_->get().target();
    target = target.substr(0, target.find('?'));
    bool upload = target.ends_with("/import") || target.ends_with("/documents");
    return upload ? state_.app.config().upload_limit : state_.app.config().body_limit;
  }

  void on_read(beast::error_code error) {
    if (error == beast::http::error::end_of_stream || error == beast::error::timeout ||
        error == net::error::operation_aborted || error == net::error::connection_reset || error == net::error::eof)
      return close();
    if (error == beast::http::error::body_limit) {
      // The body is not read to its end: answer and close rather than resynchronise.
      Request header_only;
      header_only.base() = parser_->get().base();
      auto response =
          problem_response(header_only, request_language(header_only, ""),
                           Error::of(ErrorCode::payload_too_large, "", {{"max", std::to_string(body_limit())}}));
      response.keep_alive(false);
      return write(std::move(response), Then::drain_and_close);
    }
    if (error) {
      Request empty;
      auto response = problem_response(empty, Language::fr, Error::of(ErrorCode::bad_request, "malformed_http"));
      response.keep_alive(false);
      return write(std::move(response), Then::close);
    }
    ++state_.busy;
    Request request = parser_->release();
    bool keep_alive = request.keep_alive();
    unsigned version = request.version();
    stream_.expires_never();
    state_.app.handle(std::move(request), remote_, [self = shared_from_this(), keep_alive, version](Response response) {
      response.version(version);
      response.keep_alive(keep_alive && !self->state_.stopping);
      response.prepare_payload();
      auto shared = std::make_shared<Response>(std::move(response));
      net::post(self->stream_.get_executor(), [self, shared] { self->write_counted(shared); });
    });
  }

  void write_counted(std::shared_ptr<Response> response) {
    stream_.expires_after(state_.config.idle_timeout);
    beast::http::async_write(stream_, *response,
                             [self = shared_from_this(), response](beast::error_code error, std::size_t) {
                               --self->state_.busy;
                               if (error || !response->keep_alive()) return self->close();
                               self->read();
                             });
  }

  enum class Then { close, drain_and_close };
  void write(Response response, Then then) {
    response.prepare_payload();
    auto shared = std::make_shared<Response>(std::move(response));
    stream_.expires_after(state_.config.idle_timeout);
    beast::http::async_write(stream_, *shared,
                             [self = shared_from_this(), shared, then](beast::error_code error, std::size_t) {
                               if (!error && then == Then::drain_and_close) return self->drain_then_close();
                               self->close();
                             });
  }

  // A client refused for a body too large is usually still sending it. Closing at once would
  // reset the connection, and a browser would report a network failure instead of the 413 it
  // has not read yet. So the server stops sending, drops what still arrives for a few
  // seconds (as web servers' "lingering close" does), then closes.
  void drain_then_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(5));
    drain(std::make_shared<std::array<char, 16 * 1024>>());
  }
  void drain(std::shared_ptr<std::array<char, 16 * 1024>> scratch) {
    stream_.async_read_some(net::buffer(*scratch),
                            [self = shared_from_this(), scratch](beast::error_code error, std::size_t) {
                              if (error) return self->close();
                              self->drain(scratch);
                            });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  ServerState& state_;
  beast::flat_buffer buffer_;
  std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
  std::string remote_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& context, tcp::endpoint endpoint, ServerState& state)
      : context_(context), acceptor_(net::make_strand(context)), state_(state) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  void start() { accept(); }
  void stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->acceptor_.close(ignored);
    });
  }

 private:
  void accept() {
    acceptor_.async_accept(net::make_strand(context_),
                           [self = shared_from_this()](beast::error_code error, tcp::socket socket) {
                             if (error == net::error::operation_aborted || !self->acceptor_.is_open()) return;
                             if (!error) {
                               socket.set_option(tcp::no_delay(true));
                               std::make_shared<Connection>(std::move(socket), self->state_)->start();
                             } else {
                               spdlog::warn("accept failed: {}", error.message());
                             }
                             self->accept();
                           });
  }

  net::io_context& context_;
  tcp::acceptor acceptor_;
  ServerState& state_;
};

}  // namespace

void serve(App& app, const ServerConfig& config, const std::function<void(unsigned short)>& on_ready) {
  net::io_context context(static_cast<int>(config.io_threads));
  ServerState state{app, config};
  auto address = net::ip::make_address(config.listen.host);
  auto listener = std::make_shared<Listener>(context, tcp::endpoint(address, config.listen.port), state);
  listener->start();

  net::signal_set signals(context, SIGINT, SIGTERM);
  net::steady_timer drain_timer(context);
  auto deadline = std::chrono::steady_clock::now();
  std::function<void()> wait_for_quiet = [&] {
    if (state.busy == 0 || std::chrono::steady_clock::now() > deadline) {
      if (state.busy != 0)
        spdlog::warn("stopping with {} requests unanswered after the grace period", state.busy.load());
      context.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](beast::error_code) { wait_for_quiet(); });
  };
  signals.async_wait([&](beast::error_code error, int signal) {
    if (error) return;
    spdlog::info("signal {} received: finishing {} requests in flight, then stopping", signal, state.busy.load());
    state.stopping = true;
    listener->stop();
    deadline = std::chrono::steady_clock::now() + config.shutdown_grace;
    wait_for_quiet();
  });

  spdlog::info("listening on http://{}:{}", config.listen.host, listener->port());
  if (on_ready) on_ready(listener->port());

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < config.io_threads; ++i) threads.emplace_back([&] { context.run(); });
  context.run();
  for (auto& thread : threads) thread.join();
  app.drain();
  spdlog::info("stopped");
}

}  // namespace taawun::http
