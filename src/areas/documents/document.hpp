#pragma once
// The documents of an action: its programme, invitation letters, lists of participants,
// attendance sheets, reports, the agreement behind it, invoices, photographs. Each one is
// written once with its bytes and removed whole; nothing edits a document in place, so the
// audit trail's record of an upload (title, file name, size, SHA-256) describes exactly the
// bytes that were kept.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "areas/actions/action.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace taawun::documents {

inline constexpr std::array<std::string_view, 9> kKinds = {"programme",        "invitation", "participant_list",
                                                           "attendance_sheet", "report",     "agreement",
                                                           "invoice",          "photo",      "other"};
// Who reads a document besides the agency's staff: nobody ("staff"), or also the focal points
// who see the action (its host institution's and its partner countries').
inline constexpr std::array<std::string_view, 2> kAudiences = {"staff", "focal_points"};
inline constexpr std::size_t kMaxTitleLength = 200, kMaxFileNameLength = 200;
inline constexpr std::size_t kMaxDocumentsPerAction = 200;

struct Document {
  std::int64_t id = 0, action_id = 0;
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

// --- access: the one place that says who may see and change an action's documents ---
// Staff (admin, manager, officer, finance, viewer) read every document of the actions they
// see; host and partner focal points read those shared with focal points. Admins, managers and
// officers add and remove documents.
// Kind-level (the permission registry: some document of some action), then for one.
bool can_read(const accounts::Actor& actor);
bool can_manage(const accounts::Actor& actor);
bool can_read(const accounts::Actor& actor, const actions::Action& action, const Document& document);
bool can_manage(const accounts::Actor& actor, const actions::Action& action);
// Whether the actor may add a document to this action (404 out of scope, 403 otherwise): asked
// before the upload's bytes are read (http guard) and again by add().
Status may_add(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id);

// --- use cases ---
// The action's documents that the actor may read, newest first.
Result<std::vector<Document>> list(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id);
Result<Document> add(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id,
                     const DocumentDraft& draft);
struct Download {
  Document document;
  std::string content;
};
Result<Download> download(db::Connection& connection, const accounts::Actor& actor, std::int64_t document_id);
Status remove(db::Connection& connection, const accounts::Actor& actor, std::int64_t document_id);

}  // namespace taawun::documents
