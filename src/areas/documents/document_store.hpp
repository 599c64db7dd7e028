#pragma once
// Internal to the documents area: rows ↔ Document, and the bytes kept apart from them.
#include "areas/documents/document.hpp"

namespace taawun::documents {

std::vector<Document> of_action(db::Connection& connection, std::int64_t action_id);
std::optional<Document> find(db::Connection& connection, std::int64_t id);
std::int64_t count_of_action(db::Connection& connection, std::int64_t action_id);
std::int64_t insert(db::Connection& connection, const Document& document, const std::string& content);
std::string content_of(db::Connection& connection, std::int64_t id);
void erase(db::Connection& connection, std::int64_t id);
std::string snapshot_json(const Document& document);

}  // namespace taawun::documents
