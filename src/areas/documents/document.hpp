#pragma once
// The documents of a record: an action's programme, invitation letters, lists of participants,
// attendance sheets, reports, invoices, photographs; an agreement's signed copy, annexes and
// amendments; a joint commission session's minutes; an engagement's notifications and
// statements. Each one is written once with its bytes and removed whole; nothing edits a
// document in place, so the audit trail's record of an upload (title, file name, size, SHA-256)
// describes exactly the bytes that were kept.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace taawun::documents {

// The records that hold documents. An action's are kept in action_documents (migration 0010),
// the others' in record_documents (0022), each shelf with ids of its own (ADR 0017).
enum class OwnerKind { action, agreement, joint_commission, engagement };
inline constexpr std::array<OwnerKind, 4> kOwnerKinds = {OwnerKind::action, OwnerKind::agreement,
                                                         OwnerKind::joint_commission, OwnerKind::engagement};
struct Owner {
  OwnerKind kind = OwnerKind::action;
  std::int64_t id = 0;
};
std::string_view name_of(OwnerKind kind);  // "action", "agreement", "joint_commission", "engagement"
std::optional<OwnerKind> owner_kind_named(std::string_view name);
// The shelf a document lives on: its id is unique on it, not across shelves.
enum class Shelf { actions, records };
inline Shelf shelf_of(OwnerKind kind) {
  return kind == OwnerKind::action ? Shelf::actions : Shelf::records;
}

// The kinds of document each owner holds.
inline constexpr std::array<std::string_view, 9> kKinds = {"programme",        "invitation", "participant_list",
                                                           "attendance_sheet", "report",     "agreement",
                                                           "invoice",          "photo",      "other"};
inline constexpr std::array<std::string_view, 4> kAgreementKinds = {"signed_copy", "annex", "amendment", "other"};
inline constexpr std::array<std::string_view, 4> kSessionKinds = {"minutes", "agenda", "annex", "other"};
inline constexpr std::array<std::string_view, 4> kEngagementKinds = {"notification", "statement", "report", "other"};
std::span<const std::string_view> kinds_of(OwnerKind owner);
// Who reads a document besides the agency's staff: nobody ("staff"), or also the focal points
// who read the owner record (an action's host institution's and partner countries', an
// agreement's party countries', a session's country's, an engagement's benefiting countries').
inline constexpr std::array<std::string_view, 2> kAudiences = {"staff", "focal_points"};
inline constexpr std::size_t kMaxTitleLength = 200, kMaxFileNameLength = 200;
inline constexpr std::size_t kMaxDocumentsPerOwner = 200;

struct Document {
  std::int64_t id = 0;
  Owner owner;
  std::string kind, title, file_name, media_type;
  std::int64_t size_bytes = 0;
  std::string sha256, audience;
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_by_name;  // joined for display
  std::string created_at;
};

// An upload: the bytes and what the user said of them. The media type is not taken from the
// user: the server decides it from the file name's extension and checks the bytes against it.
struct DocumentDraft {
  std::optional<std::string> kind, title, file_name, audience;
  std::string content;
  std::vector<FieldError> input_problems;
};

// The file types an agency's staff exchange, each with its media type. `signature` is how the
// bytes must begin (empty: UTF-8 text without zero bytes).
struct FileType {
  std::string_view extension, media_type, signature;
};
// The type of a file name's extension (case-insensitive), if it is one the agency accepts.
std::optional<FileType> file_type_of(std::string_view file_name);
std::string accepted_extensions();  // "pdf, png, ..." for messages
bool content_matches(const FileType& type, std::string_view content);

// --- access: the one place that says who may see and change a record's documents ---
// Whoever reads the owner record reads its documents: staff every one, focal points (partner,
// host) those shared with them. Whoever may update the owner record adds and removes them.
// Kind-level (the permission registry: some document of some record of that kind).
bool can_read(const accounts::Actor& actor, OwnerKind owner = OwnerKind::action);
bool can_manage(const accounts::Actor& actor, OwnerKind owner = OwnerKind::action);
// The audience rule, once the owner is known to be readable.
bool can_read(const accounts::Actor& actor, const Document& document);
// The owner record as the actor sees it: not_found when it does not exist or is out of the
// actor's scope, forbidden when the actor's role reads no record of its kind; else whether the
// actor may add and remove its documents. Each owner kind's own access functions decide.
Result<bool> may_manage(db::Connection& connection, const accounts::Actor& actor, const Owner& owner);
// Whether the actor may add a document to this record (404 out of scope, 403 otherwise): asked
// before the upload's bytes are read (http guard) and again by add().
Status may_add(db::Connection& connection, const accounts::Actor& actor, const Owner& owner);

// --- use cases ---
// The record's documents that the actor may read, newest first.
Result<std::vector<Document>> list(db::Connection& connection, const accounts::Actor& actor, const Owner& owner);
Result<Document> add(db::Connection& connection, const accounts::Actor& actor, const Owner& owner,
                     const DocumentDraft& draft);
struct Download {
  Document document;
  std::string content;
};
Result<Download> download(db::Connection& connection, const accounts::Actor& actor, Shelf shelf,
                          std::int64_t document_id);
Status remove(db::Connection& connection, const accounts::Actor& actor, Shelf shelf, std::int64_t document_id);

}  // namespace taawun::documents
