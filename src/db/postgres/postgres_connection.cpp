#include <fmt/format.h>
#include <libpq-fe.h>

#include <unordered_map>

#include "db/database.hpp"
#include "db/statement_cache.hpp"

namespace taawun::db {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat; results come back as text and are typed here.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

// Our SQL uses `?` placeholders (SQLite's); PostgreSQL wants $1, $2 ... Quoted text is left alone.
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += fmt::format("${}", next++);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// A bytea in text results is a backslash, "x", then two hex digits a byte (bytea_output = hex, the
// default since PostgreSQL 9.0).
std::string from_hex_bytea(std::string_view text) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  };
  if (text.starts_with("\\x")) text.remove_prefix(2);
  std::string bytes;
  bytes.reserve(text.size() / 2);
  for (std::size_t i = 0; i + 1 < text.size(); i += 2)
    bytes.push_back(static_cast<char>(digit(text[i]) * 16 + digit(text[i + 1])));
  return bytes;
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& conninfo) {
    handle_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(handle_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(handle_);
      PQfinish(handle_);
      throw Failure(Failure::Kind::connection, "cannot connect to PostgreSQL: " + message);
    }
    execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'; SET bytea_output = 'hex'");
  }
  ~PostgresConnection() override { PQfinish(handle_); }

  Dialect dialect() const override { return Dialect::postgres; }

  Rows query(std::string_view sql, const Params& params) override {
    const std::string& name = prepare(sql, params.size());
    std::vector<std::string> texts;
    texts.reserve(params.size());
    std::vector<const char*> pointers;
    // Values go as text, except blobs: those go in binary (format 1) with their length, so
    // that bytes are neither escaped nor cut at a zero byte.
    std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
    for (const Value& value : params.values()) {
      if (std::holds_alternative<std::monostate>(value)) {
        texts.emplace_back();
        pointers.push_back(nullptr);
        continue;
      }
      if (auto* i = std::get_if<std::int64_t>(&value))
        texts.push_back(std::to_string(*i));
      else if (auto* d = std::get_if<double>(&value))
        texts.push_back(fmt::format("{}", *d));
      else if (auto* b = std::get_if<Blob>(&value)) {
        lengths[texts.size()] = static_cast<int>(b->bytes.size());
        formats[texts.size()] = 1;
        texts.push_back(b->bytes);
      } else
        texts.push_back(std::get<std::string>(value));
      pointers.push_back(nullptr);  // set after texts stops growing
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (!std::holds_alternative<std::monostate>(params.values()[i])) pointers[i] = texts[i].data();
    PGresult* result = PQexecPrepared(handle_, name.c_str(), static_cast<int>(pointers.size()), pointers.data(),
                                      lengths.data(), formats.data(), 0);
    return consume(result);
  }

  void execute_script(std::string_view sql) override {
    std::string text(sql);
    consume(PQexec(handle_, text.c_str()));
  }

  void bulk_insert(std::string_view table, std::span<const std::string> columns,
                   const std::vector<std::vector<std::optional<std::string>>>& rows) override {
    // COPY ... FROM STDIN in text format: about 25 times faster than one INSERT per row.
    std::string command = fmt::format("COPY {} ({}) FROM STDIN", table, fmt::join(columns, ", "));
    PGresult* started = PQexec(handle_, command.c_str());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
      consume(started);
      throw Failure(Failure::Kind::other, "COPY did not start");
    }
    PQclear(started);
    std::string buffer;
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) buffer.push_back('\t');
        if (!row[i]) {
          buffer += "\\N";
          continue;
        }
        for (char c : *row[i]) {
          switch (c) {
            case '\\':
              buffer += "\\\\";
              break;
            case '\t':
              buffer += "\\t";
              break;
            case '\n':
              buffer += "\\n";
              break;
            case '\r':
              buffer += "\\r";
              break;
            default:
              buffer.push_back(c);
          }
        }
      }
      buffer.push_back('\n');
      if (buffer.size() > (1 << 20)) {
        PQputCopyData(handle_, buffer.data(), static_cast<int>(buffer.size()));
        buffer.clear();
      }
    }
    if (!buffer.empty()) PQputCopyData(handle_, buffer.data(), static_cast<int>(buffer.size()));
    PQputCopyEnd(handle_, nullptr);
    consume(PQgetResult(handle_));
    while (PGresult* extra = PQgetResult(handle_)) PQclear(extra);
  }

  bool healthy() override {
    if (PQstatus(handle_) != CONNECTION_OK) return false;
    try {
      query("SELECT 1", {});
      return true;
    } catch (const Failure&) {
      return false;
    }
  }

 private:
  const std::string& prepare(std::string_view sql, std::size_t parameter_count) {
    if (auto found = statements_.find(sql)) return *found;
    std::string key(sql);
    // Names are never reused: an evicted statement's name may still be known to the server if
    // its DEALLOCATE failed.
    std::string name = fmt::format("s{}", ++statements_named_);
    std::string numbered = number_placeholders(sql);
    PGresult* result = PQprepare(handle_, name.c_str(), numbered.c_str(), static_cast<int>(parameter_count), nullptr);
    consume(result);
    return statements_.add(std::move(key), std::move(name), [this](const std::string& old) {
      // Best effort: a failure here leaves one statement on the server until the connection
      // closes, which is harmless; the query being prepared must not fail for it.
      PQclear(PQexec(handle_, ("DEALLOCATE " + old).c_str()));
    });
  }

  Rows consume(PGresult* result) {
    struct Clear {
      PGresult* r;
      ~Clear() { PQclear(r); }
    } clear{result};
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(handle_);
      const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
      std::string sqlstate = state ? state : "";
      if (PQstatus(handle_) != CONNECTION_OK) throw Failure(Failure::Kind::connection, message);
      if (sqlstate == "23505") throw Failure(Failure::Kind::unique_violation, message);
      if (sqlstate == "23503") throw Failure(Failure::Kind::foreign_key_violation, message);
      if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
        throw Failure(Failure::Kind::busy, message);
      throw Failure(Failure::Kind::other, message);
    }
    Rows rows;
    int columns = PQnfields(result), count = PQntuples(result);
    std::vector<Oid> types(columns);
    for (int c = 0; c < columns; ++c) {
      rows.columns.emplace_back(PQfname(result, c));
      types[c] = PQftype(result, c);
    }
    rows.rows.reserve(count);
    for (int r = 0; r < count; ++r) {
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) {
          values.emplace_back(std::monostate{});
          continue;
        }
        const char* text = PQgetvalue(result, r, c);
        int length = PQgetlength(result, r, c);
        switch (types[c]) {
          case kInt8:
          case kInt4:
          case kInt2:
            values.emplace_back(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10)));
            break;
          case kBool:
            values.emplace_back(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0));
            break;
          case kFloat4:
          case kFloat8:
            values.emplace_back(std::strtod(text, nullptr));
            break;
          case kBytea:
            values.emplace_back(Blob{from_hex_bytea(std::string_view(text, length))});
            break;
          default:
            values.emplace_back(std::string(text, length));
        }
      }
      rows.rows.emplace_back(std::move(values));
    }
    const char* affected = PQcmdTuples(result);
    rows.affected = affected && *affected ? std::strtoll(affected, nullptr, 10) : 0;
    return rows;
  }

  PGconn* handle_ = nullptr;
  StatementCache<std::string> statements_;
  std::uint64_t statements_named_ = 0;
};

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& conninfo) {
  return std::make_unique<PostgresConnection>(conninfo);
}

}  // namespace taawun::db
