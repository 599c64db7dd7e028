// SQL ↔ Document. The bytes are read only by content_of, for a download. An action's documents
// are on their own shelf (action_documents, keyed by action_id); the other owners share
// record_documents, keyed by (owner_kind, owner_id). Every statement is written for both.
#include "areas/documents/document_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace taawun::documents {

namespace {

struct Tables {
  const char* documents;
  const char* contents;
  const char* owner_columns;  // owner_kind, owner_id as selected
};

const Tables& tables_of(Shelf shelf) {
  static const Tables actions{"action_documents", "document_contents", "'action', d.action_id"};
  static const Tables records{"record_documents", "record_document_contents", "d.owner_kind, d.owner_id"};
  return shelf == Shelf::actions ? actions : records;
}

std::string select_of(Shelf shelf) {
  const auto& t = tables_of(shelf);
  return fmt::format(
      "SELECT d.id, {}, d.kind, d.title, d.file_name, d.media_type, d.size_bytes, d.sha256, d.audience, "
      "d.uploaded_by, u.username, d.created_at FROM {} d LEFT JOIN users u ON u.id = d.uploaded_by ",
      t.owner_columns, t.documents);
}

Document of_row(const db::Row& row) {
  Document d;
  d.id = row.integer(0);
  d.owner = Owner{owner_kind_named(row.text(1)).value_or(OwnerKind::action), row.integer(2)};
  d.kind = row.text(3);
  d.title = row.text(4);
  d.file_name = row.text(5);
  d.media_type = row.text(6);
  d.size_bytes = row.integer(7);
  d.sha256 = row.text(8);
  d.audience = row.text(9);
  d.uploaded_by = row.optional_integer(10);
  d.uploaded_by_name = row.text(11);
  d.created_at = row.text(12);
  return d;
}

// `sql` + the condition "of the owner" + `tail`, run with the owner bound.
db::Rows of_owner_query(db::Connection& connection, const std::string& sql, const Owner& owner,
                        std::string_view tail = {}) {
  if (shelf_of(owner.kind) == Shelf::actions)
    return connection.query(sql + "d.action_id = ?" + std::string(tail), db::Params(owner.id));
  return connection.query(sql + "d.owner_kind = ? AND d.owner_id = ?" + std::string(tail),
                          db::Params(std::string(name_of(owner.kind)), owner.id));
}

}  // namespace

std::vector<Document> of_owner(db::Connection& connection, const Owner& owner) {
  std::vector<Document> documents;
  for (const auto& row : of_owner_query(connection, select_of(shelf_of(owner.kind)) + "WHERE ", owner,
                                        " ORDER BY d.created_at DESC, d.id DESC")
                             .rows)
    documents.push_back(of_row(row));
  return documents;
}

std::optional<Document> find(db::Connection& connection, Shelf shelf, std::int64_t id) {
  auto rows = connection.query(select_of(shelf) + "WHERE d.id = ?", db::Params(id));
  if (rows.empty()) return std::nullopt;
  return of_row(rows.front());
}

std::int64_t count_of_owner(db::Connection& connection, const Owner& owner) {
  return of_owner_query(connection,
                        fmt::format("SELECT COUNT(*) FROM {} d WHERE ", tables_of(shelf_of(owner.kind)).documents),
                        owner)
      .front()
      .integer(0);
}

void lock_owner(db::Connection& connection, const Owner& owner) {
  if (connection.dialect() != db::Dialect::postgres) return;
  const char* table = "actions";
  switch (owner.kind) {
    case OwnerKind::action:
      table = "actions";
      break;
    case OwnerKind::agreement:
      table = "agreements";
      break;
    case OwnerKind::joint_commission:
      table = "joint_commission_sessions";
      break;
    case OwnerKind::engagement:
      table = "engagements";
      break;
  }
  connection.query(fmt::format("SELECT id FROM {} WHERE id = ? FOR UPDATE", table), db::Params(owner.id));
}

std::int64_t insert(db::Connection& connection, const Document& d, const std::string& content) {
  Shelf shelf = shelf_of(d.owner.kind);
  const auto& t = tables_of(shelf);
  std::int64_t id = 0;
  if (shelf == Shelf::actions)
    id = connection
             .query(
                 "INSERT INTO action_documents (action_id, kind, title, file_name, media_type, size_bytes, "
                 "sha256, audience, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 db::Params(d.owner.id, d.kind, d.title, d.file_name, d.media_type, d.size_bytes, d.sha256, d.audience,
                            d.uploaded_by, d.created_at))
             .front()
             .integer(0);
  else
    id = connection
             .query(
                 "INSERT INTO record_documents (owner_kind, owner_id, kind, title, file_name, media_type, "
                 "size_bytes, sha256, audience, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "RETURNING id",
                 db::Params(std::string(name_of(d.owner.kind)), d.owner.id, d.kind, d.title, d.file_name, d.media_type,
                            d.size_bytes, d.sha256, d.audience, d.uploaded_by, d.created_at))
             .front()
             .integer(0);
  connection.query(fmt::format("INSERT INTO {} (document_id, content) VALUES (?, ?)", t.contents),
                   db::Params(id, db::Blob{content}));
  return id;
}

std::string content_of(db::Connection& connection, Shelf shelf, std::int64_t id) {
  auto rows = connection.query(fmt::format("SELECT content FROM {} WHERE document_id = ?", tables_of(shelf).contents),
                               db::Params(id));
  return rows.empty() ? std::string() : rows.front().blob(0);
}

void erase(db::Connection& connection, Shelf shelf, std::int64_t id) {
  const auto& t = tables_of(shelf);
  connection.query(fmt::format("DELETE FROM {} WHERE document_id = ?", t.contents), db::Params(id));
  connection.query(fmt::format("DELETE FROM {} WHERE id = ?", t.documents), db::Params(id));
}

std::string snapshot_json(const Document& d) {
  nlohmann::json snapshot{{"kind", d.kind},
                          {"title", d.title},
                          {"file_name", d.file_name},
                          {"media_type", d.media_type},
                          {"size_bytes", d.size_bytes},
                          {"sha256", d.sha256},
                          {"audience", d.audience}};
  // An action's document has always named its action so; the others name their owner.
  if (d.owner.kind == OwnerKind::action)
    snapshot["action_id"] = d.owner.id;
  else
    snapshot[std::string(name_of(d.owner.kind)) + "_id"] = d.owner.id;
  return snapshot.dump();
}

std::string record_kind_of(OwnerKind owner) {
  return std::string(name_of(owner)) + "_document";
}

}  // namespace taawun::documents
