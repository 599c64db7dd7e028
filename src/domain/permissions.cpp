#include "domain/permissions.hpp"

#include <algorithm>

#include "areas/accounts/accounts.hpp"
#include "areas/actions/action.hpp"
#include "areas/agreements/agreement.hpp"
#include "areas/alumni/follow_up.hpp"
#include "areas/audit/audit.hpp"
#include "areas/certificates/certificate.hpp"
#include "areas/commissions/commission.hpp"
#include "areas/country_profiles/country_profile.hpp"
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/documents/document.hpp"
#include "areas/engagements/engagement.hpp"
#include "areas/evaluations/evaluation.hpp"
#include "areas/nominations/nomination.hpp"
#include "areas/offers/offer.hpp"
#include "areas/organisations/organisation.hpp"
#include "areas/people/person.hpp"
#include "areas/programmes/programme.hpp"
#include "areas/requests/request.hpp"

namespace taawun::permissions {

using accounts::Actor;

namespace {

using Decide = bool (*)(const Actor&);

struct Entry {
  Permission permission;
  Decide decide;
};

// One line per kind and verb, each the area's access function. Adding a kind: its lines here,
// in the order its screens read them.
const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = {
      // agreements
      {{"agreements", "read"}, [](const Actor& a) { return agreements::can(a, agreements::Action::read); }},
      {{"agreements", "create"}, [](const Actor& a) { return agreements::can(a, agreements::Action::create); }},
      {{"agreements", "update"}, [](const Actor& a) { return agreements::can(a, agreements::Action::update); }},
      {{"agreements", "update_contributions"},
       [](const Actor& a) { return agreements::can(a, agreements::Action::update_contributions); }},
      // their documents (signed copy, annexes): whoever reads / updates the agreement
      {{"agreement_documents", "read"},
       [](const Actor& a) { return documents::can_read(a, documents::OwnerKind::agreement); }},
      {{"agreement_documents", "add"},
       [](const Actor& a) { return documents::can_manage(a, documents::OwnerKind::agreement); }},
      {{"agreement_documents", "remove"},
       [](const Actor& a) { return documents::can_manage(a, documents::OwnerKind::agreement); }},
      // multilateral engagements
      {{"engagements", "read"}, [](const Actor& a) { return engagements::can(a, engagements::Action::read); }},
      {{"engagements", "create"}, [](const Actor& a) { return engagements::can(a, engagements::Action::create); }},
      {{"engagements", "update"}, [](const Actor& a) { return engagements::can(a, engagements::Action::update); }},
      {{"engagement_documents", "read"},
       [](const Actor& a) { return documents::can_read(a, documents::OwnerKind::engagement); }},
      {{"engagement_documents", "add"},
       [](const Actor& a) { return documents::can_manage(a, documents::OwnerKind::engagement); }},
      {{"engagement_documents", "remove"},
       [](const Actor& a) { return documents::can_manage(a, documents::OwnerKind::engagement); }},
      // a country's whole picture
      {{"country_profiles", "read"}, [](const Actor& a) { return country_profiles::may_read(a); }},
      // joint commissions and their decisions
      {{"joint_commissions", "read"},
       [](const Actor& a) { return commissions::can_session(a, commissions::Action::read); }},
      {{"joint_commissions", "create"},
       [](const Actor& a) { return commissions::can_session(a, commissions::Action::create); }},
      {{"joint_commissions", "update"},
       [](const Actor& a) { return commissions::can_session(a, commissions::Action::update); }},
      {{"joint_commission_documents", "read"},
       [](const Actor& a) { return documents::can_read(a, documents::OwnerKind::joint_commission); }},
      {{"joint_commission_documents", "add"},
       [](const Actor& a) { return documents::can_manage(a, documents::OwnerKind::joint_commission); }},
      {{"joint_commission_documents", "remove"},
       [](const Actor& a) { return documents::can_manage(a, documents::OwnerKind::joint_commission); }},
      {{"commission_decisions", "read"},
       [](const Actor& a) { return commissions::can_decision(a, commissions::Action::read); }},
      {{"commission_decisions", "create"},
       [](const Actor& a) { return commissions::can_decision(a, commissions::Action::create); }},
      {{"commission_decisions", "update"},
       [](const Actor& a) { return commissions::can_decision(a, commissions::Action::update); }},
      {{"commission_decisions", "change_status"},
       [](const Actor& a) { return commissions::can_decision(a, commissions::Action::change_status); }},
      // the diplomatic network
      {{"diplomatic_missions", "read"},
       [](const Actor& a) { return diplomatic_missions::can(a, diplomatic_missions::Action::read); }},
      {{"diplomatic_missions", "create"},
       [](const Actor& a) { return diplomatic_missions::can(a, diplomatic_missions::Action::create); }},
      {{"diplomatic_missions", "update"},
       [](const Actor& a) { return diplomatic_missions::can(a, diplomatic_missions::Action::update); }},
      // catalogue
      {{"programmes", "read"}, [](const Actor& a) { return programmes::can(a, programmes::Action::read); }},
      {{"programmes", "create"}, [](const Actor& a) { return programmes::can(a, programmes::Action::create); }},
      {{"programmes", "update"}, [](const Actor& a) { return programmes::can(a, programmes::Action::update); }},
      {{"offers", "read"}, [](const Actor& a) { return offers::can(a, offers::Action::read); }},
      {{"offers", "create"}, [](const Actor& a) { return offers::can(a, offers::Action::create); }},
      {{"offers", "update"}, [](const Actor& a) { return offers::can(a, offers::Action::update); }},
      {{"requests", "read"}, [](const Actor& a) { return requests::can(a, requests::Action::read); }},
      {{"requests", "create"}, [](const Actor& a) { return requests::can(a, requests::Action::create); }},
      {{"requests", "update"}, [](const Actor& a) { return requests::can(a, requests::Action::update); }},
      {{"requests", "match"}, [](const Actor& a) { return requests::can(a, requests::Action::match); }},
      // organisations
      {{"organisations", "read"}, [](const Actor& a) { return organisations::can(a, organisations::Action::read); }},
      {{"organisations", "create"},
       [](const Actor& a) { return organisations::can(a, organisations::Action::create); }},
      {{"organisations", "update"},
       [](const Actor& a) { return organisations::can(a, organisations::Action::update); }},
      {{"organisations", "archive"},
       [](const Actor& a) { return organisations::can(a, organisations::Action::archive); }},
      // actions and their documents
      {{"actions", "read"}, [](const Actor& a) { return actions::can(a, actions::Operation::read); }},
      {{"actions", "create"}, [](const Actor& a) { return actions::can(a, actions::Operation::create); }},
      {{"actions", "update"}, [](const Actor& a) { return actions::can(a, actions::Operation::update); }},
      {{"actions", "change_status"}, [](const Actor& a) { return actions::can(a, actions::Operation::change_status); }},
      {{"documents", "read"}, [](const Actor& a) { return documents::can_read(a); }},
      {{"documents", "add"}, [](const Actor& a) { return documents::can_manage(a); }},
      {{"documents", "remove"}, [](const Actor& a) { return documents::can_manage(a); }},
      // people
      {{"people", "read"}, [](const Actor& a) { return people::can(a, people::Operation::read); }},
      {{"people", "create"}, [](const Actor& a) { return people::can(a, people::Operation::create); }},
      {{"people", "update"}, [](const Actor& a) { return people::can(a, people::Operation::update); }},
      {{"people", "merge"}, [](const Actor& a) { return people::can(a, people::Operation::merge); }},
      {{"people", "passport"}, [](const Actor& a) { return people::can_see_passports(a); }},
      // participation
      {{"nominations", "read"}, [](const Actor& a) { return nominations::can_read(a); }},
      {{"nominations", "nominate"}, [](const Actor& a) { return nominations::can_nominate(a); }},
      {{"nominations", "import"}, [](const Actor& a) { return nominations::can_nominate(a); }},
      {{"nominations", "move"}, [](const Actor& a) { return nominations::can_move(a); }},
      {{"nominations", "logistics"}, [](const Actor& a) { return nominations::can_manage_logistics(a); }},
      {{"nominations", "attendance"}, [](const Actor& a) { return nominations::can_take_attendance(a); }},
      // a certificate is read by whoever reads its nomination
      {{"certificates", "read"}, [](const Actor& a) { return nominations::can_read(a); }},
      {{"certificates", "issue"}, [](const Actor& a) { return certificates::can_issue(a); }},
      {{"evaluations", "record"}, [](const Actor& a) { return evaluations::can_record(a); }},
      {{"evaluations", "summary"}, [](const Actor& a) { return evaluations::can_read_summary(a); }},
      {{"follow_ups", "read"}, [](const Actor& a) { return alumni::can_follow(a); }},
      {{"follow_ups", "create"}, [](const Actor& a) { return alumni::can_follow(a); }},
      // accounts and the audit trail
      {{"users", "read"}, [](const Actor& a) { return accounts::can_manage_users(a); }},
      {{"users", "create"}, [](const Actor& a) { return accounts::can_manage_users(a); }},
      {{"users", "update"}, [](const Actor& a) { return accounts::can_manage_users(a); }},
      {{"tokens", "read"}, [](const Actor& a) { return accounts::can_hold_api_tokens(a); }},
      {{"tokens", "create"}, [](const Actor& a) { return accounts::can_hold_api_tokens(a); }},
      {{"tokens", "manage"}, [](const Actor& a) { return accounts::can_manage_users(a); }},
      {{"audit", "read"}, [](const Actor& a) { return audit::can_read(a); }},
  };
  return table;
}

const Entry* find(Permission permission) {
  const auto& table = entries();
  auto found = std::find_if(table.begin(), table.end(), [&](const Entry& e) { return e.permission == permission; });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> list = [] {
    std::vector<Kind> result;
    for (const auto& entry : entries()) {
      if (result.empty() || result.back().name != entry.permission.kind)
        result.push_back(Kind{entry.permission.kind, {}});
      result.back().verbs.push_back(entry.permission.verb);
    }
    return result;
  }();
  return list;
}

bool exists(Permission permission) {
  return find(permission) != nullptr;
}

bool allows(const Actor& actor, Permission permission) {
  const Entry* entry = find(permission);
  return entry && entry->decide(actor);
}

std::vector<std::string_view> granted(const Actor& actor, std::string_view kind) {
  std::vector<std::string_view> verbs;
  for (const auto& entry : entries())
    if (entry.permission.kind == kind && entry.decide(actor)) verbs.push_back(entry.permission.verb);
  return verbs;
}

std::vector<accounts::Role> roles_holding(Permission permission) {
  std::vector<accounts::Role> roles;
  for (accounts::Role role : accounts::kAllRoles) {
    Actor actor;
    actor.role = role;
    if (allows(actor, permission)) roles.push_back(role);
  }
  return roles;
}

}  // namespace taawun::permissions
