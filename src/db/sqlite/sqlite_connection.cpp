#include <fmt/format.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "db/database.hpp"
#include "db/statement_cache.hpp"

namespace taawun::db {
namespace {

Failure failure_of(sqlite3* handle, int code) {
  std::string message = sqlite3_errmsg(handle);
  int extended = sqlite3_extended_errcode(handle);
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
    return Failure(Failure::Kind::unique_violation, message);
  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) return Failure(Failure::Kind::foreign_key_violation, message);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Failure(Failure::Kind::busy, message);
  return Failure(Failure::Kind::other, message);
}

// One writer mutex per database file in this process.
std::shared_ptr<std::timed_mutex> writer_mutex_of(const std::string& path) {
  static std::mutex guard;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> mutexes;
  std::error_code ignored;
  auto canonical = std::filesystem::weakly_canonical(path, ignored).string();
  std::lock_guard lock(guard);
  auto& slot = mutexes[canonical.empty() ? path : canonical];
  auto mutex = slot.lock();
  if (!mutex) slot = mutex = std::make_shared<std::timed_mutex>();
  return mutex;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr) != SQLITE_OK) {
      std::string message = handle_ ? sqlite3_errmsg(handle_) : "out of memory";
      sqlite3_close(handle_);
      throw Failure(Failure::Kind::connection, fmt::format("cannot open SQLite database {}: {}", path, message));
    }
    sqlite3_extended_result_codes(handle_, 1);
    writers_ = writer_mutex_of(path);
    // WAL lets readers go on while one writer writes. synchronous=FULL syncs the log at every
    // commit: what was acknowledged survives a power cut (tests/unit/power_loss_test.cpp);
    // NORMAL keeps it through a process crash only (ADR 0010).
    execute_script(sqlite_durability() == SqliteDurability::full ? "PRAGMA synchronous=FULL;"
                                                                 : "PRAGMA synchronous=NORMAL;");
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
        "PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32000; "
        // Reads straight from the mapped file instead of copying pages through read(): a
        // scan of 100,000 organisations spent half its time in the kernel without it. Up to
        // 2 GB (Debian's SQLite caps it there), so that a registry of a million people, about
        // 2 GB with its nominations, is read from the page cache without a copy per page.
        "PRAGMA mmap_size=2147418112;");
  }
  ~SqliteConnection() override {
    statements_.clear([](sqlite3_stmt* statement) { sqlite3_finalize(statement); });
    sqlite3_close_v2(handle_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Rows query(std::string_view sql, const Params& params) override {
    // Writers of this process queue on a mutex rather than on SQLite's busy handler, which polls
    // with sleeps of up to 100 ms: with a sync at every commit (synchronous=FULL) the polling
    // made the slowest writes wait a second. The busy timeout still covers other processes
    // (a `taawun demo` or `backup` beside the server). See ADR 0010.
    if (sql == "BEGIN IMMEDIATE") {
      std::unique_lock lock(*writers_, std::defer_lock);
      if (!lock.try_lock_for(std::chrono::seconds(10)))
        throw Failure(Failure::Kind::busy, "another write of this process held the database for 10 s");
      Rows rows = run(sql, params);
      writing_ = std::move(lock);
      return rows;
    }
    if (writing_.owns_lock() && (sql == "COMMIT" || sql == "ROLLBACK")) {
      struct Release {
        std::unique_lock<std::timed_mutex>& lock;
        ~Release() {
          if (lock.owns_lock()) lock.unlock();
        }
      } release{writing_};
      return run(sql, params);
    }
    return run(sql, params);
  }

  Rows run(std::string_view sql, const Params& params) {
    sqlite3_stmt* statement = prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{statement};
    int index = 1;
    for (const Value& value : params.values()) {
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(value))
        rc = sqlite3_bind_null(statement, index);
      else if (auto* i = std::get_if<std::int64_t>(&value))
        rc = sqlite3_bind_int64(statement, index, *i);
      else if (auto* d = std::get_if<double>(&value))
        rc = sqlite3_bind_double(statement, index, *d);
      else if (auto* b = std::get_if<Blob>(&value))
        rc = sqlite3_bind_blob64(statement, index, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
      else {
        const auto& s = std::get<std::string>(value);
        rc = sqlite3_bind_text(statement, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) throw failure_of(handle_, rc);
      ++index;
    }
    Rows rows;
    int column_count = sqlite3_column_count(statement);
    for (int c = 0; c < column_count; ++c) rows.columns.emplace_back(sqlite3_column_name(statement, c));
    for (;;) {
      int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw failure_of(handle_, rc);
      std::vector<Value> values;
      values.reserve(column_count);
      for (int c = 0; c < column_count; ++c) {
        switch (sqlite3_column_type(statement, c)) {
          case SQLITE_NULL:
            values.emplace_back(std::monostate{});
            break;
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, c)));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(statement, c));
            break;
          case SQLITE_BLOB: {
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, c));
            values.emplace_back(Blob{std::string(bytes ? bytes : "", sqlite3_column_bytes(statement, c))});
            break;
          }
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            values.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(statement, c)));
          }
        }
      }
      rows.rows.emplace_back(std::move(values));
    }
    rows.affected = sqlite3_changes64(handle_);
    return rows;
  }

  void execute_script(std::string_view sql) override {
    std::string text(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw Failure(Failure::Kind::other, message);
    }
  }

  void bulk_insert(std::string_view table, std::span<const std::string> columns,
                   const std::vector<std::vector<std::optional<std::string>>>& rows) override {
    std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", table, fmt::join(columns, ", "),
                                  fmt::join(std::vector<std::string>(columns.size(), "?"), ", "));
    for (const auto& row : rows) {
      Params params;
      for (const auto& value : row) params.add(value);
      query(sql, params);
    }
  }

  bool healthy() override {
    try {
      query("SELECT 1", {});
      return true;
    } catch (const Failure&) {
      return false;
    }
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    if (auto found = statements_.find(sql)) return *found;
    std::string key(sql);
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v3(handle_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                                &statement, nullptr);
    if (rc != SQLITE_OK) throw failure_of(handle_, rc);
    return statements_.add(std::move(key), statement, [](sqlite3_stmt* old) { sqlite3_finalize(old); });
  }

  sqlite3* handle_ = nullptr;
  StatementCache<sqlite3_stmt*> statements_;
  std::shared_ptr<std::timed_mutex> writers_;   // shared by this process's connections to the file
  std::unique_lock<std::timed_mutex> writing_;  // held from BEGIN IMMEDIATE to COMMIT or ROLLBACK
};

}  // namespace

namespace {
std::atomic<SqliteDurability> durability_setting{SqliteDurability::full};
}  // namespace

void set_sqlite_durability(SqliteDurability durability) {
  durability_setting = durability;
}

SqliteDurability sqlite_durability() {
  return durability_setting;
}

std::optional<SqliteDurability> parse_sqlite_durability(std::string_view text) {
  if (text == "full") return SqliteDurability::full;
  if (text == "normal") return SqliteDurability::normal;
  return std::nullopt;
}

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace taawun::db
