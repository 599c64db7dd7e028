// Action documents use cases: an upload is checked whole (what the user said of it and its
// bytes), then written in one transaction with its audit entry; a removal deletes the bytes
// and leaves in the trail what they were.
#include "areas/audit/audit.hpp"
#include "areas/documents/document.hpp"
#include "areas/documents/document_store.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "core/text.hpp"
#include "domain/drafts.hpp"

namespace taawun::documents {

namespace {

// Browsers send a bare name, but some old ones and scripts send a path ("C:\fakepath\x.pdf").
// Only the last part is kept, without control characters.
std::optional<std::string> bare_file_name(const std::optional<std::string>& sent) {
  auto name = cleaned(sent);
  if (!name) return std::nullopt;
  if (auto slash = name->find_last_of("/\\"); slash != std::string::npos) name = name->substr(slash + 1);
  std::erase_if(*name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
  return cleaned(name);
}

}  // namespace

Result<std::vector<Document>> list(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id) {
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  std::vector<Document> readable;
  for (auto& document : of_action(connection, action_id))
    if (can_read(actor, action, document)) readable.push_back(std::move(document));
  return readable;
}

Result<Document> add(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id,
                     const DocumentDraft& draft) {
  // The bytes are examined before the transaction: hashing 16 MiB takes tens of milliseconds,
  // which the write lock need not wait for.
  auto file_name = bare_file_name(draft.file_name);
  auto type = file_name ? file_type_of(*file_name) : std::nullopt;
  bool content_ok = type && !draft.content.empty() && content_matches(*type, draft.content);
  std::string sha256 = content_ok ? secrets::sha256_hex(draft.content) : std::string();

  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  if (!can_manage(actor, action)) return Error::of(ErrorCode::forbidden);
  actions::lock(connection, action_id);  // the count below holds until the document is written

  std::vector<FieldError> problems;
  Document document;
  document.action_id = action_id;
  if (!file_name) problems.push_back({"file_name", "required"});
  check_length(problems, "file_name", file_name, kMaxFileNameLength);
  if (file_name && !type)
    problems.push_back({"file_name", "file_type_not_allowed", {{"extensions", accepted_extensions()}}});
  if (draft.content.empty())
    problems.push_back({"file", "empty_file"});
  else if (type && !content_ok)
    problems.push_back({"file", "file_content_mismatch", {{"extension", std::string(type->extension)}}});

  // Untitled documents are called after their file, without its extension.
  auto title = cleaned(draft.title);
  if (!title && file_name) title = cleaned(file_name->substr(0, file_name->rfind('.')));
  if (!title) problems.push_back({"title", "required"});
  check_length(problems, "title", title, kMaxTitleLength);
  auto kind = cleaned(draft.kind).value_or("other");
  check_choice(problems, "kind", kind, kKinds);
  auto audience = cleaned(draft.audience).value_or("staff");
  check_choice(problems, "audience", audience, kAudiences);
  if (count_of_action(connection, action_id) >= static_cast<std::int64_t>(kMaxDocumentsPerAction))
    problems.push_back({"file", "too_many_documents", {{"max", std::to_string(kMaxDocumentsPerAction)}}});
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));

  document.kind = kind;
  document.title = *title;
  document.file_name = *file_name;
  document.media_type = std::string(type->media_type);
  document.size_bytes = static_cast<std::int64_t>(draft.content.size());
  document.sha256 = std::move(sha256);
  document.audience = audience;
  document.uploaded_by = actor.user_id;
  document.uploaded_by_name = actor.username;
  document.created_at = clock::now_iso8601();
  document.id = insert(connection, document, draft.content);
  audit::record(connection, actor, "create", "action_document", std::to_string(document.id), std::nullopt,
                snapshot_json(document));
  transaction.commit();
  return document;
}

Result<Download> download(db::Connection& connection, const accounts::Actor& actor, std::int64_t document_id) {
  auto document = find(connection, document_id);
  if (!document) return Error::of(ErrorCode::not_found);
  auto action = actions::find(connection, document->action_id);
  if (!action || !can_read(actor, *action, *document)) return Error::of(ErrorCode::not_found);
  return Download{*document, content_of(connection, document_id)};
}

Status remove(db::Connection& connection, const accounts::Actor& actor, std::int64_t document_id) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  auto document = find(connection, document_id);
  if (!document) return Error::of(ErrorCode::not_found);
  auto action = actions::find(connection, document->action_id);
  if (!action || !can_read(actor, *action, *document)) return Error::of(ErrorCode::not_found);
  if (!can_manage(actor, *action)) return Error::of(ErrorCode::forbidden);
  erase(connection, document_id);
  audit::record(connection, actor, "delete", "action_document", std::to_string(document_id), snapshot_json(*document),
                std::nullopt);
  transaction.commit();
  return ok_status();
}

}  // namespace taawun::documents
