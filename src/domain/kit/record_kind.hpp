#pragma once
// The record-kind kernel (docs/adr/0015-record-kind-kernel.md). An area declares its kind of
// record once — table, the SELECT that reads it, row ↔ type mapping, the columns create and
// update write, its sortable fields, its audit snapshot, who may read it, its export columns —
// and the kernel runs what every kind shares: the list (filters, sort, paging, total, scope),
// the read (out of scope reads as not found), the writes inside the caller's transaction
// (INSERT, UPDATE guarded by the version, archive), each with its audit entry and change
// counter, and the list as a spreadsheet. An area keeps only what is really its own: the checks
// of a draft, its access rules, its state machines.
#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "areas/audit/audit.hpp"
#include "areas/reference/reference.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "core/spreadsheet.hpp"
#include "db/database.hpp"
#include "domain/changes.hpp"
#include "domain/drafts.hpp"
#include "domain/paging.hpp"

namespace taawun::kit {

// A column that create and update write, and how its value is taken from the record.
template <typename Record>
struct Column {
  std::string_view name;
  std::function<void(db::Params&, const Record&)> bind;
};

// A member of the record, written as it is.
template <typename Record, typename Member>
Column<Record> column(std::string_view name, Member Record::*member) {
  return {name, [member](db::Params& params, const Record& record) { params.add(record.*member); }};
}

// A column computed from the record (a search key, a sort name, a JSON document).
template <typename Record, typename Compute>
Column<Record> derived(std::string_view name, Compute compute) {
  return {name, [compute](db::Params& params, const Record& record) { params.add(compute(record)); }};
}

// A field the list may be sorted by; `order` is the ORDER BY clause with {0} for ASC or DESC
// (ending with the id, so that pages never overlap).
struct Sort {
  std::string_view name;
  std::string_view order;
};

// A column of the list as a spreadsheet.
template <typename Record>
struct ExportColumn {
  std::string_view name;
  std::function<std::string(const Record&, Language)> cell;
  bool numeric = false;  // written as a number, never guarded as a formula (spreadsheet::Table::numeric)
  // For a cell some readers may not see (a person's passport): the area's access rule, asked of
  // each record for the actor exporting; a cell not shown is left empty. Such a column is empty
  // in every row of an export made without an actor.
  std::function<bool(const accounts::Actor&, const Record&)> shown = nullptr;
};

template <typename Record>
struct Kind {
  std::string_view name;    // the audit trail's word for the kind ("programme")
  std::string_view table;   // "programmes"
  std::string_view alias;   // the table's alias in `select` and in filters ("p")
  std::string select;       // SELECT ... FROM <table> <alias> [JOIN ...], no WHERE
  std::string list_select;  // the same for list items, when they leave columns out (empty: `select`)
  // The FROM clause of the list's count when its filters read joined tables, "FROM <table> <alias>
  // JOIN ..." (empty: the table alone).
  std::string count_from;
  std::function<Record(const db::Row&, const reference::ReferenceNames&)> from_row;
  // What a record holds beyond its row (its links to other records), read on the detail only.
  std::function<void(db::Connection&, Record&)> complete;
  // Writes those parts after the row (the record then carries its id), before it is read back.
  std::function<void(db::Connection&, const Record&)> write_parts;
  std::vector<Column<Record>> columns;  // written by create and update, besides version and dates
  std::vector<Sort> sorts;
  std::function<std::string(const Record&)> snapshot;  // the audit entry's before and after
  // Who may read: any record of the kind, and this one (out of scope reads as not found).
  std::function<bool(const accounts::Actor&)> may_read_kind;
  std::function<bool(const accounts::Actor&, const Record&)> may_read;
  std::optional<std::string_view> change_counter;  // changes::record_change after every write
  std::string_view archived_column;                // for kinds that archive ("archived")
  std::vector<ExportColumn<Record>> export_columns;
  // false for a record that is only ever added, never changed (an alumni follow-up): its table
  // has created_at but no version and no updated_at; kit::update and kit::set_archived are not
  // for it.
  bool versioned = true;
};

// The WHERE clause of a list, built from its filter: each condition with its parameters.
class Where {
 public:
  // "column = ?" when the filter has the value.
  template <typename T>
  Where& equals(std::string_view column, const std::optional<T>& value) {
    if (value) {
      sql_ += fmt::format(" AND {} = ?", column);
      params_.add(*value);
    }
    return *this;
  }
  // A condition written by the area, with its parameters in order.
  template <typename... Values>
  Where& add(std::string_view condition, const Values&... values) {
    sql_ += fmt::format(" AND {}", condition);
    (params_.add(values), ...);
    return *this;
  }
  // Every word of the query in the record's stored search key (paging.hpp).
  Where& text(std::string_view column, const std::optional<std::string>& query) {
    if (query) append_text_filter(sql_, params_, column, *query);
    return *this;
  }
  // Conditions an area writes itself with lists of parameters (a scope over several columns):
  // `conditions(sql, params)` appends " AND ..." to the clause and its parameters in order.
  template <typename Conditions>
  Where& append(Conditions&& conditions) {
    conditions(sql_, params_);
    return *this;
  }
  // A scoped role's values (countries, organisations): an empty scope matches nothing.
  template <typename T>
  Where& in_scope(std::string_view column, const std::vector<T>& values) {
    append_in_scope(sql_, params_, column, values);
    return *this;
  }
  const std::string& sql() const { return sql_; }
  db::Params& params() { return params_; }

 private:
  std::string sql_ = " WHERE 1=1";
  db::Params params_;
};

// The ORDER BY clause for a sort field, a leading minus reversing it; an unknown field is the
// `sort` parameter's problem, naming the choices.
template <typename Record>
Result<std::string> order_by(const Kind<Record>& kind, std::string_view sort) {
  bool descending = sort.starts_with('-');
  std::string_view field = descending ? sort.substr(1) : sort;
  std::vector<std::string_view> names;
  for (const Sort& candidate : kind.sorts) {
    if (candidate.name == field) return fmt::format(fmt::runtime(candidate.order), descending ? "DESC" : "ASC");
    names.push_back(candidate.name);
  }
  return Error::validation({{"sort", "invalid_choice", {{"choices", fmt::format("{}", fmt::join(names, ", "))}}}});
}

template <typename Record>
std::vector<Record> records_from(db::Connection& connection, const Kind<Record>& kind, const db::Rows& rows) {
  std::vector<Record> records;
  records.reserve(rows.rows.size());
  auto names = reference::names(connection);
  for (const auto& row : rows.rows) records.push_back(kind.from_row(row, *names));
  return records;
}

// One page of the kind's records matching `where` (which carries the area's filters and the
// actor's scope), in the order asked, with the total.
template <typename Record>
Result<Page<Record>> list(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                          Where where, std::string_view sort, const PageRequest& page_request) {
  if (!kind.may_read_kind(actor)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(order, order_by(kind, sort));
  Page<Record> page;
  page.total = connection
                   .query(kind.count_from.empty()
                              ? fmt::format("SELECT COUNT(*) FROM {} {}{}", kind.table, kind.alias, where.sql())
                              : fmt::format("SELECT COUNT(*) {}{}", kind.count_from, where.sql()),
                          where.params())
                   .front()
                   .integer(0);
  if (page.total == 0 || page_request.offset >= page.total) return page;
  where.params().add(page_request.limit).add(page_request.offset);
  auto rows =
      connection.query(fmt::format("{}{} ORDER BY {} LIMIT ? OFFSET ?",
                                   kind.list_select.empty() ? kind.select : kind.list_select, where.sql(), order),
                       where.params());
  page.items = records_from(connection, kind, rows);
  return page;
}

// The record as stored, whoever asks (for the use cases and the demo generator).
template <typename Record>
std::optional<Record> find(db::Connection& connection, const Kind<Record>& kind, std::int64_t id) {
  auto rows = connection.query(fmt::format("{} WHERE {}.id = ?", kind.select, kind.alias), db::Params(id));
  if (rows.empty()) return std::nullopt;
  Record record = kind.from_row(rows.front(), *reference::names(connection));
  if (kind.complete) kind.complete(connection, record);
  return record;
}

// The record for an actor: forbidden to a role that reads none of the kind, and out of scope
// reads as not found (a partner learns nothing of other countries' records).
template <typename Record>
Result<Record> get(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                   std::int64_t id) {
  if (!kind.may_read_kind(actor)) return Error::of(ErrorCode::forbidden);
  auto record = find(connection, kind, id);
  if (!record || !kind.may_read(actor, *record)) return Error::of(ErrorCode::not_found);
  return *record;
}

// The If-Match the client sent against the version it would change: a stale one changes nothing.
template <typename Record>
Status expect_version(const Record& current, std::int64_t expected_version) {
  if (current.version != expected_version) return Error::of(ErrorCode::precondition_failed);
  return ok_status();
}

namespace detail {
template <typename Record>
Record after_write(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                   std::string_view word, std::int64_t id, const std::optional<Record>& before) {
  Record after = *find(connection, kind, id);
  // Late in the transaction, to hold the counter's row lock briefly (changes.hpp).
  if (kind.change_counter) changes::record_change(connection, *kind.change_counter);
  audit::record(connection, actor, word, kind.name, std::to_string(id),
                before ? std::optional<std::string>(kind.snapshot(*before)) : std::nullopt, kind.snapshot(after));
  return after;
}
}  // namespace detail

// Stores a new record (version 1) inside the caller's write transaction, with its audit entry;
// answers it as read back. `word` names the creation in the audit trail ("import" for a record
// created by a bulk import).
template <typename Record>
Record insert(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor, const Record& record,
              std::string_view word = "create") {
  std::string names, marks;
  db::Params params;
  for (const auto& column : kind.columns) {
    names += fmt::format("{}, ", column.name);
    marks += "?, ";
    column.bind(params, record);
  }
  // A versioned record starts at version 1 with both dates; one only ever added has created_at.
  std::string now = clock::now_iso8601();
  params.add(now);
  if (kind.versioned) params.add(now);
  std::string_view stamps = kind.versioned ? "version, created_at, updated_at" : "created_at";
  std::string_view stamp_marks = kind.versioned ? "1, ?, ?" : "?";
  auto id = connection
                .query(fmt::format("INSERT INTO {} ({}{}) VALUES ({}{}) RETURNING id", kind.table, names, stamps, marks,
                                   stamp_marks),
                       params)
                .front()
                .integer(0);
  if (kind.write_parts) {
    Record stored = record;
    stored.id = id;
    kind.write_parts(connection, stored);
  }
  return detail::after_write(connection, kind, actor, word, id, std::optional<Record>());
}

// Writes `record` over `current` inside the caller's write transaction if nobody changed it since
// `current` was read: the version in the WHERE clause makes the check and the write one step, so
// no update is lost even when two requests pass the checks at once. `word` names the change in
// the audit trail.
template <typename Record>
Result<Record> update(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                      const Record& current, const Record& record, std::string_view word = "update") {
  std::string assignments;
  db::Params params;
  for (const auto& column : kind.columns) {
    assignments += fmt::format("{} = ?, ", column.name);
    column.bind(params, record);
  }
  params.add(clock::now_iso8601()).add(current.id).add(current.version);
  auto changed =
      connection.query(fmt::format("UPDATE {} SET {}version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                                   kind.table, assignments),
                       params);
  if (changed.affected == 0) return Error::of(ErrorCode::precondition_failed);
  if (kind.write_parts) {
    Record stored = record;
    stored.id = current.id;
    kind.write_parts(connection, stored);
  }
  return detail::after_write(connection, kind, actor, word, current.id, std::optional<Record>(current));
}

// Archives or restores a record inside the caller's write transaction; doing what is already
// done changes nothing and is no error.
template <typename Record>
Result<Record> set_archived(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                            const Record& current, bool archived) {
  if (current.archived == archived) return current;
  auto changed = connection.query(
      fmt::format("UPDATE {} SET {} = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                  kind.table, kind.archived_column),
      db::Params(archived, clock::now_iso8601(), current.id, current.version));
  if (changed.affected == 0) return Error::of(ErrorCode::precondition_failed);
  return detail::after_write(connection, kind, actor, archived ? "archive" : "restore", current.id,
                             std::optional<Record>(current));
}

// The plain create of a kind whose only rule is who may create: `allowed` (the area's access
// function), then in one write transaction the draft applied onto a blank record (`apply`
// answers the record or every problem of the draft) and stored with its audit entry.
template <typename Record, typename Apply>
Result<Record> plain_create(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                            bool allowed, Apply apply) {
  if (!allowed) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(record, apply(Record{}));
  Record created = insert(connection, kind, actor, record);
  transaction.commit();
  return created;
}

// The plain update: in one write transaction the record read for the actor (out of scope: not
// found), `may_update` asked of it (forbidden), the If-Match checked (a stale version is answered
// before the draft is looked at), the draft applied and the record stored with its audit entry.
template <typename Record, typename MayUpdate, typename Apply>
Result<Record> plain_update(db::Connection& connection, const Kind<Record>& kind, const accounts::Actor& actor,
                            std::int64_t id, std::int64_t expected_version, MayUpdate may_update, Apply apply) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(current, get(connection, kind, actor, id));
  if (!may_update(current)) return Error::of(ErrorCode::forbidden);
  TAAWUN_CHECK(expect_version(current, expected_version));
  TAAWUN_TRY(record, apply(current));
  TAAWUN_TRY(updated, update(connection, kind, actor, current, record));
  transaction.commit();
  return updated;
}

namespace detail {
template <typename Record>
spreadsheet::Table export_table(const Kind<Record>& kind, const std::vector<Record>& records,
                                const accounts::Actor* actor, Language language) {
  spreadsheet::Table table;
  for (const auto& column : kind.export_columns) {
    table.columns.emplace_back(column.name);
    table.numeric.push_back(column.numeric);
  }
  table.rows.reserve(records.size());
  for (const Record& record : records) {
    std::vector<std::string> row;
    row.reserve(kind.export_columns.size());
    for (const auto& column : kind.export_columns)
      row.push_back(!column.shown || (actor && column.shown(*actor, record)) ? column.cell(record, language)
                                                                             : std::string());
    table.rows.push_back(std::move(row));
  }
  return table;
}
}  // namespace detail

// The list as a spreadsheet, one row a record in the list's order, in the kind's export columns.
template <typename Record>
spreadsheet::Table export_table(const Kind<Record>& kind, const std::vector<Record>& records, Language language) {
  return detail::export_table(kind, records, nullptr, language);
}

// The same for an actor, for kinds with cells not every reader sees (ExportColumn::shown).
template <typename Record>
spreadsheet::Table export_table(const Kind<Record>& kind, const std::vector<Record>& records,
                                const accounts::Actor& actor, Language language) {
  return detail::export_table(kind, records, &actor, language);
}

}  // namespace taawun::kit
