#pragma once
// Internal to the documents area: rows ↔ Document, and the bytes kept apart from them, on the
// shelf of the document's owner kind.
#include "areas/documents/document.hpp"

namespace taawun::documents {

std::vector<Document> of_owner(db::Connection& connection, const Owner& owner);
std::optional<Document> find(db::Connection& connection, Shelf shelf, std::int64_t id);
std::int64_t count_of_owner(db::Connection& connection, const Owner& owner);
// Holds the owner's row until the transaction ends (PostgreSQL; SQLite has one writer).
void lock_owner(db::Connection& connection, const Owner& owner);
std::int64_t insert(db::Connection& connection, const Document& document, const std::string& content);
std::string content_of(db::Connection& connection, Shelf shelf, std::int64_t id);
void erase(db::Connection& connection, Shelf shelf, std::int64_t id);
std::string snapshot_json(const Document& document);
// The audit trail's record kind of a document: "action_document", "agreement_document"...
std::string record_kind_of(OwnerKind owner);

}  // namespace taawun::documents
