#pragma once
// One SQL path over SQLite and PostgreSQL (ADR 0002): prepared statements with `?` placeholders,
// typed values, transactions, bulk load. The same SQL text runs on both databases.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace taawun::db {

enum class Dialect { sqlite, postgres };

// Binary content (a document's bytes): BLOB on SQLite, BYTEA on PostgreSQL. Text stays
// std::string, so that a blob is never bound as text by mistake.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

// A database failure the caller did not prevent by validation: a constraint hit by a race,
// a lost connection, a busy database. The HTTP layer turns it into 409 or 503, never a crash.
class Failure : public std::runtime_error {
 public:
  enum class Kind { unique_violation, foreign_key_violation, busy, connection, other };
  Failure(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  bool is_null(std::size_t column) const { return std::holds_alternative<std::monostate>(values_.at(column)); }
  std::int64_t integer(std::size_t column) const;
  double real(std::size_t column) const;
  std::string text(std::size_t column) const;  // "" for NULL
  std::string blob(std::size_t column) const;  // a Blob column's bytes; "" for NULL
  std::optional<std::string> optional_text(std::size_t column) const;
  std::optional<std::int64_t> optional_integer(std::size_t column) const;
  bool flag(std::size_t column) const { return integer(column) != 0; }
  const Value& value(std::size_t column) const { return values_.at(column); }
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
  bool empty() const { return rows.empty(); }
  const Row& front() const { return rows.front(); }
};

// Builds the parameter list of a query from plain C++ values.
class Params {
 public:
  Params() = default;
  template <typename... Args>
  explicit Params(Args&&... args) {
    (add(std::forward<Args>(args)), ...);
  }
  Params& add(std::nullptr_t) {
    values_.emplace_back(std::monostate{});
    return *this;
  }
  Params& add(std::int64_t v) {
    values_.emplace_back(v);
    return *this;
  }
  Params& add(int v) {
    values_.emplace_back(static_cast<std::int64_t>(v));
    return *this;
  }
  Params& add(bool v) {
    values_.emplace_back(static_cast<std::int64_t>(v ? 1 : 0));
    return *this;
  }
  Params& add(double v) {
    values_.emplace_back(v);
    return *this;
  }
  Params& add(std::string v) {
    values_.emplace_back(std::move(v));
    return *this;
  }
  Params& add(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  Params& add(const char* v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  Params& add(Blob v) {
    values_.emplace_back(std::move(v));
    return *this;
  }
  Params& add(const Value& v) {
    values_.push_back(v);
    return *this;
  }
  template <typename T>
  Params& add(const std::optional<T>& v) {
    if (v)
      add(*v);
    else
      add(nullptr);
    return *this;
  }
  std::span<const Value> values() const { return values_; }
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Prepares (once per connection, cached by SQL text) and runs one statement.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Appends rows fast: COPY on PostgreSQL, one prepared INSERT on SQLite. Values are text or NULL.
  virtual void bulk_insert(std::string_view table, std::span<const std::string> columns,
                           const std::vector<std::vector<std::optional<std::string>>>& rows) = 0;
  virtual bool healthy() = 0;
};

enum class TransactionKind { read, write };

// Every write is a transaction: commit() or the destructor rolls back.
class Transaction {
 public:
  Transaction(Connection& connection, TransactionKind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  Connection& connection() { return connection_; }

 private:
  Connection& connection_;
  bool open_ = true;
};

struct DatabaseUrl {
  Dialect dialect;
  std::string target;  // a file path for SQLite, a libpq connection string for PostgreSQL
};
// "sqlite:PATH" or "postgresql://..." (also "postgres://...").
std::optional<DatabaseUrl> parse_url(std::string_view url);

// How SQLite makes a commit durable (docs/adr/0010-durable-commits.md). `full` (the default):
// the write-ahead log is synced at every commit, so a transaction answered 2xx survives a power
// cut. `normal`: synced at checkpoints only; a process crash still loses nothing, a power cut
// may lose the last commits — for those who accept that risk for faster writes
// (setting database.sqlite_synchronous).
enum class SqliteDurability { full, normal };
void set_sqlite_durability(SqliteDurability durability);
SqliteDurability sqlite_durability();
std::optional<SqliteDurability> parse_sqlite_durability(std::string_view text);

std::unique_ptr<Connection> open_sqlite(const std::string& path);
std::unique_ptr<Connection> open_postgres(const std::string& conninfo);
std::unique_ptr<Connection> open(const DatabaseUrl& url);

// A fixed set of connections shared by the request threads.
class Pool {
 public:
  Pool(DatabaseUrl url, std::size_t size);
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Connection> connection) : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }
    // A connection that failed mid-use is not returned to the pool; a fresh one replaces it.
    void discard() { broken_ = true; }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
    bool broken_ = false;
  };
  Lease acquire();
  Dialect dialect() const { return url_.dialect; }
  const DatabaseUrl& url() const { return url_; }

 private:
  void give_back(std::unique_ptr<Connection> connection, bool broken);
  DatabaseUrl url_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t size_;
  std::size_t open_count_ = 0;
};

}  // namespace taawun::db
