// SQL ↔ Document. The bytes are read only by content_of, for a download.
#include "areas/documents/document_store.hpp"

#include <nlohmann/json.hpp>

namespace taawun::documents {

namespace {

constexpr const char* kColumns =
    "SELECT d.id, d.action_id, d.kind, d.title, d.file_name, d.media_type, d.size_bytes, d.sha256, d.audience, "
    "d.uploaded_by, u.username, d.created_at FROM action_documents d LEFT JOIN users u ON u.id = d.uploaded_by ";

Document of_row(const db::Row& row) {
  return Document{row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4),
                  row.text(5),    row.integer(6), row.text(7), row.text(8), row.optional_integer(9),
                  row.text(10),   row.text(11)};
}

}  // namespace

std::vector<Document> of_action(db::Connection& connection, std::int64_t action_id) {
  std::vector<Document> documents;
  for (const auto& row :
       connection
           .query(std::string(kColumns) + "WHERE d.action_id = ? ORDER BY d.created_at DESC, d.id DESC",
                  db::Params(action_id))
           .rows)
    documents.push_back(of_row(row));
  return documents;
}

std::optional<Document> find(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query(std::string(kColumns) + "WHERE d.id = ?", db::Params(id));
  if (rows.empty()) return std::nullopt;
  return of_row(rows.front());
}

std::int64_t count_of_action(db::Connection& connection, std::int64_t action_id) {
  return connection.query("SELECT COUNT(*) FROM action_documents WHERE action_id = ?", db::Params(action_id))
      .front()
      .integer(0);
}

std::int64_t insert(db::Connection& connection, const Document& d, const std::string& content) {
  std::int64_t id =
      connection
          .query(
              "INSERT INTO action_documents (action_id, kind, title, file_name, media_type, size_bytes, sha256, "
              "audience, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              db::Params(d.action_id, d.kind, d.title, d.file_name, d.media_type, d.size_bytes, d.sha256, d.audience,
                         d.uploaded_by, d.created_at))
          .front()
          .integer(0);
  connection.query("INSERT INTO document_contents (document_id, content) VALUES (?, ?)",
                   db::Params(id, db::Blob{content}));
  return id;
}

std::string content_of(db::Connection& connection, std::int64_t id) {
  auto rows = connection.query("SELECT content FROM document_contents WHERE document_id = ?", db::Params(id));
  return rows.empty() ? std::string() : rows.front().blob(0);
}

void erase(db::Connection& connection, std::int64_t id) {
  connection.query("DELETE FROM document_contents WHERE document_id = ?", db::Params(id));
  connection.query("DELETE FROM action_documents WHERE id = ?", db::Params(id));
}

std::string snapshot_json(const Document& d) {
  return nlohmann::json{{"action_id", d.action_id},   {"kind", d.kind},
                        {"title", d.title},           {"file_name", d.file_name},
                        {"media_type", d.media_type}, {"size_bytes", d.size_bytes},
                        {"sha256", d.sha256},         {"audience", d.audience}}
      .dump();
}

}  // namespace taawun::documents
