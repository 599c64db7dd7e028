// Who may see and move nominations. Staff (admin, manager, officer) run the whole life cycle;
// a partner focal point nominates, confirms and withdraws for their own countries only; a host
// focal point follows the participants of the actions their institution hosts and takes their
// attendance; finance reads and manages the logistics costs. Viewers see no personal data.
#include <algorithm>

#include "areas/actions/action.hpp"
#include "areas/nominations/nomination.hpp"

namespace taawun::nominations {

using accounts::Role;

namespace {
bool contains(const auto& values, const auto& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool staff(const accounts::Actor& actor) {
  return actor.role == Role::admin || actor.role == Role::manager || actor.role == Role::officer;
}

// Every move of the life cycle, from → to.
struct Move {
  std::string_view from, to;
  bool partner;  // a partner focal point of the nomination's country may make it too
};
constexpr Move kMoves[] = {
    {"nominated", "under_review", false}, {"nominated", "rejected", false},      {"nominated", "withdrawn", true},
    {"under_review", "selected", false},  {"under_review", "waitlisted", false}, {"under_review", "rejected", false},
    {"under_review", "withdrawn", true},  {"waitlisted", "selected", false},     {"waitlisted", "rejected", false},
    {"waitlisted", "withdrawn", true},    {"selected", "confirmed", true},       {"selected", "withdrawn", true},
    {"confirmed", "arrived", false},      {"confirmed", "withdrawn", true},      {"arrived", "completed", false},
    {"arrived", "dropped_out", false},
};

}  // namespace

bool is_transition(std::string_view from, std::string_view to) {
  return std::any_of(std::begin(kMoves), std::end(kMoves),
                     [&](const Move& move) { return move.from == from && move.to == to; });
}

// The action's status each move needs: selection while nominations are open or just closed,
// arrival and completion once it runs.
bool action_allows(std::string_view to, std::string_view action_status) {
  if (to == "arrived" || to == "completed" || to == "dropped_out")
    return action_status == "ongoing" || action_status == "completed";
  if (to == "confirmed")
    return action_status == "open" || action_status == "selection_closed" || action_status == "ongoing";
  if (to == "withdrawn") return action_status != "completed" && action_status != "cancelled";
  return action_status == "open" || action_status == "selection_closed";
}

bool can_read(const accounts::Actor& actor) {
  return actor.role != Role::viewer;
}

bool can_read(const accounts::Actor& actor, const Nomination& nomination) {
  switch (actor.role) {
    case Role::partner:
      return contains(actor.countries, nomination.country_code);
    case Role::host:
      return nomination.host_organisation_id && contains(actor.organisations, *nomination.host_organisation_id);
    case Role::viewer:
      return false;
    default:
      return true;
  }
}

bool can_nominate(const accounts::Actor& actor) {
  return staff(actor) || actor.role == Role::partner;
}

bool can_nominate(const accounts::Actor& actor, const std::string& country) {
  // Partner focal points nominate for their own countries only.
  return can_nominate(actor) && (actor.role != Role::partner || contains(actor.countries, country));
}

bool can_move(const accounts::Actor& actor) {
  if (staff(actor)) return true;
  return actor.role == Role::partner &&
         std::any_of(std::begin(kMoves), std::end(kMoves), [](const Move& move) { return move.partner; });
}

std::vector<std::string_view> allowed_moves(const accounts::Actor& actor, const Nomination& nomination) {
  std::vector<std::string_view> moves;
  bool partner = actor.role == Role::partner && contains(actor.countries, nomination.country_code);
  for (const auto& move : kMoves)
    if (move.from == nomination.state && (staff(actor) || (partner && move.partner)) &&
        action_allows(move.to, nomination.action_status))
      moves.push_back(move.to);
  return moves;
}

bool can_manage_logistics(const accounts::Actor& actor) {
  return staff(actor) || actor.role == Role::finance;
}

bool can_manage_logistics(const accounts::Actor& actor, const Nomination& nomination) {
  return can_manage_logistics(actor) && can_read(actor, nomination);
}

bool can_take_attendance(const accounts::Actor& actor) {
  return staff(actor) || actor.role == Role::host;
}

bool can_take_attendance(const accounts::Actor& actor, const Nomination& nomination) {
  // Staff read every nomination; host focal points those of their institutions' actions.
  return can_take_attendance(actor) && can_read(actor, nomination);
}

Status may_import(db::Connection& connection, const accounts::Actor& actor, std::int64_t action_id) {
  if (!can_nominate(actor)) return Error::of(ErrorCode::forbidden);
  TAAWUN_TRY(action, actions::get(connection, actor, action_id));
  (void)action;
  return Done{};
}

}  // namespace taawun::nominations
