// Documents use cases, for every owner kind: an upload is checked whole (what the user said of it and its
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

std::string_view name_of(OwnerKind kind) {
  switch (kind) {
    case OwnerKind::action:
      return "action";
    case OwnerKind::agreement:
      return "agreement";
    case OwnerKind::joint_commission:
      return "joint_commission";
    case OwnerKind::engagement:
      return "engagement";
  }
  return "action";
}

std::optional<OwnerKind> owner_kind_named(std::string_view name) {
  for (OwnerKind kind : kOwnerKinds)
    if (name_of(kind) == name) return kind;
  return std::nullopt;
}

std::span<const std::string_view> kinds_of(OwnerKind owner) {
  switch (owner) {
    case OwnerKind::action:
      return kKinds;
    case OwnerKind::agreement:
      return kAgreementKinds;
    case OwnerKind::joint_commission:
      return kSessionKinds;
    case OwnerKind::engagement:
      return kEngagementKinds;
  }
  return kKinds;
}

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

Result<std::vector<Document>> list(db::Connection& connection, const accounts::Actor& actor, const Owner& owner) {
  db::Transaction transaction(connection, db::TransactionKind::read);
  TAAWUN_CHECK(may_manage(connection, actor, owner));
  std::vector<Document> readable;
  for (auto& document : of_owner(connection, owner))
    if (can_read(actor, document)) readable.push_back(std::move(document));
  transaction.commit();
  return readable;
}

Result<Document> add(db::Connection& connection, const accounts::Actor& actor, const Owner& owner,
                     const DocumentDraft& draft) {
  // The bytes are examined before the transaction: hashing 16 MiB takes tens of milliseconds,
  // which the write lock need not wait for.
  auto file_name = bare_file_name(draft.file_name);
  auto type = file_name ? file_type_of(*file_name) : std::nullopt;
  bool content_ok = type && !draft.content.empty() && content_matches(*type, draft.content);
  std::string sha256 = content_ok ? secrets::sha256_hex(draft.content) : std::string();

  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_CHECK(may_add(connection, actor, owner));
  lock_owner(connection, owner);  // the count below holds until the document is written

  std::vector<FieldError> problems;
  Document document;
  document.owner = owner;
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
  check_choice(problems, "kind", kind, kinds_of(owner.kind));
  auto audience = cleaned(draft.audience).value_or("staff");
  check_choice(problems, "audience", audience, kAudiences);
  if (count_of_owner(connection, owner) >= static_cast<std::int64_t>(kMaxDocumentsPerOwner))
    problems.push_back({"file", "too_many_documents", {{"max", std::to_string(kMaxDocumentsPerOwner)}}});
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
  audit::record(connection, actor, "create", record_kind_of(owner.kind), std::to_string(document.id), std::nullopt,
                snapshot_json(document));
  transaction.commit();
  return document;
}

namespace {

// The document and whether the actor may remove it, or not_found when the actor may not read it
// (a document one may not read is 404 before 403, as its owner is).
struct Held {
  Document document;
  bool manages = false;
};
Result<Held> held(db::Connection& connection, const accounts::Actor& actor, Shelf shelf, std::int64_t document_id) {
  auto document = find(connection, shelf, document_id);
  if (!document) return Error::of(ErrorCode::not_found);
  auto manages = may_manage(connection, actor, document->owner);
  if (!manages || !can_read(actor, *document)) return Error::of(ErrorCode::not_found);
  return Held{std::move(*document), *manages};
}

}  // namespace

Result<Download> download(db::Connection& connection, const accounts::Actor& actor, Shelf shelf,
                          std::int64_t document_id) {
  db::Transaction transaction(connection, db::TransactionKind::read);
  TAAWUN_TRY(found, held(connection, actor, shelf, document_id));
  Download result{found.document, content_of(connection, shelf, document_id)};
  transaction.commit();
  return result;
}

Status remove(db::Connection& connection, const accounts::Actor& actor, Shelf shelf, std::int64_t document_id) {
  db::Transaction transaction(connection, db::TransactionKind::write);
  TAAWUN_TRY(found, held(connection, actor, shelf, document_id));
  if (!found.manages) return Error::of(ErrorCode::forbidden);
  erase(connection, shelf, document_id);
  audit::record(connection, actor, "delete", record_kind_of(found.document.owner.kind), std::to_string(document_id),
                snapshot_json(found.document), std::nullopt);
  transaction.commit();
  return ok_status();
}

}  // namespace taawun::documents
