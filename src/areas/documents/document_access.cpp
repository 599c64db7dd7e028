// Who may see and change a record's documents. Reading starts from the owner record: whoever
// does not see it sees none of its documents. Invoices, drafts and internal notes stay with the
// agency's staff unless shared with the focal points on purpose. Each owner kind's rights are
// its own area's access functions, asked here and nowhere else.
#include "areas/actions/action.hpp"
#include "areas/agreements/agreement.hpp"
#include "areas/commissions/commission.hpp"
#include "areas/documents/document.hpp"
#include "areas/engagements/engagement.hpp"

namespace taawun::documents {

using accounts::Role;

bool can_read(const accounts::Actor& actor, OwnerKind owner) {
  switch (owner) {
    case OwnerKind::action:
      return actions::can(actor, actions::Operation::read);
    case OwnerKind::agreement:
      return agreements::can(actor, agreements::Action::read);
    case OwnerKind::joint_commission:
      return commissions::can_session(actor, commissions::Action::read);
    case OwnerKind::engagement:
      return engagements::can(actor, engagements::Action::read);
  }
  return false;
}

bool can_manage(const accounts::Actor& actor, OwnerKind owner) {
  switch (owner) {
    case OwnerKind::action:
      return actions::can(actor, actions::Operation::update);
    case OwnerKind::agreement:
      return agreements::can(actor, agreements::Action::update);
    case OwnerKind::joint_commission:
      return commissions::can_session(actor, commissions::Action::update);
    case OwnerKind::engagement:
      return engagements::can(actor, engagements::Action::update);
  }
  return false;
}

bool can_read(const accounts::Actor& actor, const Document& document) {
  switch (actor.role) {
    case Role::partner:
    case Role::host:
      return document.audience == "focal_points";
    default:
      return true;
  }
}

namespace {

// As the owner's own `get` answers (forbidden to a role that reads none of the kind, not_found
// out of scope), without its transaction: the use cases ask inside theirs.
template <typename Record, typename Can>
Result<bool> rights_on(const std::optional<Record>& record, Can can) {
  if (!record || !can(/*update=*/false, *record)) return Error::of(ErrorCode::not_found);
  return can(/*update=*/true, *record);
}

}  // namespace

Result<bool> may_manage(db::Connection& connection, const accounts::Actor& actor, const Owner& owner) {
  if (!can_read(actor, owner.kind)) return Error::of(ErrorCode::forbidden);
  switch (owner.kind) {
    case OwnerKind::action:
      return rights_on(actions::find(connection, owner.id), [&](bool update, const actions::Action& action) {
        return actions::can(actor, update ? actions::Operation::update : actions::Operation::read, action);
      });
    case OwnerKind::agreement:
      return rights_on(
          agreements::find(connection, owner.id), [&](bool update, const agreements::Agreement& agreement) {
            return agreements::can(actor, update ? agreements::Action::update : agreements::Action::read, agreement);
          });
    case OwnerKind::joint_commission:
      return rights_on(commissions::find_session(connection, owner.id),
                       [&](bool update, const commissions::Session& session) {
                         return commissions::can_session(
                             actor, update ? commissions::Action::update : commissions::Action::read, session);
                       });
    case OwnerKind::engagement:
      return rights_on(engagements::find(connection, owner.id), [&](bool update,
                                                                    const engagements::Engagement& engagement) {
        return engagements::can(actor, update ? engagements::Action::update : engagements::Action::read, engagement);
      });
  }
  return Error::of(ErrorCode::not_found);
}

Status may_add(db::Connection& connection, const accounts::Actor& actor, const Owner& owner) {
  TAAWUN_TRY(manages, may_manage(connection, actor, owner));
  if (!manages) return Error::of(ErrorCode::forbidden);
  return Done{};
}

}  // namespace taawun::documents
