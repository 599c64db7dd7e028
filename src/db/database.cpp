#include "db/database.hpp"

#include <charconv>

namespace taawun::db {

std::int64_t Row::integer(std::size_t column) const {
  const Value& v = values_.at(column);
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Row::real(std::size_t column) const {
  const Value& v = values_.at(column);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
  return 0;
}

std::string Row::text(std::size_t column) const {
  const Value& v = values_.at(column);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::string Row::blob(std::size_t column) const {
  const Value& v = values_.at(column);
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

std::optional<std::string> Row::optional_text(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

Transaction::Transaction(Connection& connection, TransactionKind kind) : connection_(connection) {
  // BEGIN IMMEDIATE takes SQLite's write lock up front, so two writers queue on the busy
  // timeout instead of failing when a read lock would have to be upgraded.
  if (connection.dialect() == Dialect::sqlite && kind == TransactionKind::write)
    connection.query("BEGIN IMMEDIATE");
  else
    connection.query("BEGIN");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.query("ROLLBACK");
  } catch (...) {
    // The connection is gone; the database has rolled back on its own.
  }
}

void Transaction::commit() {
  connection_.query("COMMIT");
  open_ = false;
}

std::optional<DatabaseUrl> parse_url(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.starts_with("//")) path = path.substr(2);
    if (path.empty()) return std::nullopt;
    return DatabaseUrl{Dialect::sqlite, path};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return DatabaseUrl{Dialect::postgres, std::string(url)};
  return std::nullopt;
}

std::unique_ptr<Connection> open(const DatabaseUrl& url) {
  return url.dialect == Dialect::sqlite ? open_sqlite(url.target) : open_postgres(url.target);
}

Pool::Pool(DatabaseUrl url, std::size_t size) : url_(std::move(url)), size_(size == 0 ? 1 : size) {
  // Open one at once so that a wrong URL fails at start-up, not at the first request.
  idle_.push_back(open(url_));
  open_count_ = 1;
}

Pool::Lease Pool::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    if (open_count_ < size_) {
      ++open_count_;
      lock.unlock();
      try {
        return Lease(*this, open(url_));
      } catch (...) {
        std::lock_guard relock(mutex_);
        --open_count_;
        throw;
      }
    }
    available_.wait(lock);
  }
}

void Pool::give_back(std::unique_ptr<Connection> connection, bool broken) {
  {
    std::lock_guard lock(mutex_);
    if (broken || !connection)
      --open_count_;
    else
      idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

Pool::Lease::~Lease() {
  if (pool_ && connection_) pool_->give_back(std::move(connection_), broken_);
}

}  // namespace taawun::db
