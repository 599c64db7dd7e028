// Who may see and change an action's documents. Reading starts from the action: whoever does
// not see the action sees none of its documents. Invoices and internal notes stay with the
// agency's staff unless shared with the focal points on purpose.
#include "areas/documents/document.hpp"

namespace taawun::documents {

using accounts::Role;

bool can_read(const accounts::Actor& actor) {
  return actions::can(actor, actions::Operation::read);
}

bool can_manage(const accounts::Actor& actor) {
  return actions::can(actor, actions::Operation::update);
}

bool can_read(const accounts::Actor& actor, const actions::Action& action, const Document& document) {
  if (!actions::can(actor, actions::Operation::read, action)) return false;
  switch (actor.role) {
    case Role::partner:
    case Role::host:
      return document.audience == "focal_points";
    default:
      return true;
  }
}

bool can_manage(const accounts::Actor& actor, const actions::Action& action) {
  return actions::can(actor, actions::Operation::update, action);
}

Status may_add(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id) {
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  if (!can_manage(actor, action)) return Error::of(ErrorCode::forbidden);
  return Done{};
}

}  // namespace taawun::documents
