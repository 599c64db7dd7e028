// A country's whole picture, read in one read transaction so that its sections agree. Each query
// starts from the country's own index entries (agreement parties, nominations, requests), so that
// the answer's cost follows the country's activity, not the size of the database: at demo scale
// 200 (three million nominations) the busiest country answers within the 100 ms
// (bench/cooperation.sh).
#include <fmt/format.h>

#include "areas/agreements/agreement.hpp"
#include "areas/commissions/commission.hpp"
#include "areas/country_profiles/country_profile.hpp"
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/engagements/engagement.hpp"
#include "areas/requests/request.hpp"
#include "core/clock.hpp"
#include "domain/drafts.hpp"

namespace taawun::country_profiles {
namespace {

std::string days_after(const std::string& date, std::int64_t days) {
  return clock::iso8601(*clock::parse_iso8601(date) + std::chrono::hours(24 * days)).substr(0, 10);
}

LocalisedName names_at(const db::Row& row, int first) {
  return {row.optional_text(first).value_or(""), row.optional_text(first + 1).value_or(""),
          row.optional_text(first + 2).value_or("")};
}

void read_agreements(db::Connection& connection, Profile& profile) {
  std::string today = today_iso_date(), until = days_after(today, kExpiringDays);
  for (const auto& row :
       connection
           .query("SELECT a.id, a.reference, a.title_fr, a.title_ar, a.title_en, a.kind, a.status, a.signed_on, "
                  "a.expires_on, a.notice_on FROM agreement_parties p JOIN agreements a ON a.id = p.agreement_id "
                  "WHERE p.country_code = ? AND a.status NOT IN ('expired', 'terminated') ORDER BY CASE WHEN "
                  "a.expires_on IS NULL THEN 1 ELSE 0 END, a.expires_on, a.sort_name, a.id",
                  db::Params(profile.country.code))
           .rows) {
    AgreementLine line{row.integer(0), row.optional_text(1), names_at(row, 2),     row.text(5),
                       row.text(6),    row.optional_text(7), row.optional_text(8), row.optional_text(9)};
    auto within = [&](const std::optional<std::string>& date) { return date && *date >= today && *date <= until; };
    line.expiring = (line.status == "in_force" || line.status == "suspended") &&
                    (within(line.expires_on) || within(line.notice_on));
    profile.agreements.push_back(std::move(line));
  }
  for (const auto& row : connection
                             .query("SELECT a.status, COUNT(*) FROM agreement_parties p JOIN agreements a ON a.id = "
                                    "p.agreement_id WHERE p.country_code = ? GROUP BY a.status ORDER BY a.status",
                                    db::Params(profile.country.code))
                             .rows)
    profile.agreements_by_status.emplace_back(row.text(0), row.integer(1));
}

// The country's nominations summed per action first (an index-only scan of
// nominations_by_country_action), then by the actions' year and domain.
void read_participation(db::Connection& connection, const reference::ReferenceNames& names, Profile& profile) {
  std::vector<YearLine> years;
  std::vector<DomainLine> domains;
  for (const auto& row :
       connection
           .query("SELECT a.start_year, a.domain, COUNT(*), SUM(x.participants), SUM(x.completed) FROM (SELECT "
                  "n.action_id, SUM(CASE WHEN n.state IN ('arrived', 'completed', 'dropped_out') THEN 1 ELSE 0 END) "
                  "AS participants, SUM(CASE WHEN n.state = 'completed' THEN 1 ELSE 0 END) AS completed FROM "
                  "nominations n WHERE n.country_code = ? GROUP BY n.action_id) x JOIN actions a ON a.id = "
                  "x.action_id WHERE a.status <> 'cancelled' GROUP BY a.start_year, a.domain ORDER BY a.start_year, "
                  "a.domain",
                  db::Params(profile.country.code))
           .rows) {
    std::int64_t year = row.integer(0), actions = row.integer(2), participants = row.integer(3),
                 completed = row.integer(4);
    std::string domain = row.text(1);
    if (years.empty() || years.back().year != year) years.push_back(YearLine{year});
    years.back().actions += actions;
    years.back().participants += participants;
    years.back().completed += completed;
    auto at = std::find_if(domains.begin(), domains.end(), [&](const DomainLine& d) { return d.domain == domain; });
    if (at == domains.end()) {
      domains.push_back(DomainLine{domain, names.cooperation_domain(domain)});
      at = domains.end() - 1;
    }
    at->actions += actions;
    at->participants += participants;
    at->completed += completed;
    profile.actions += actions;
    profile.participants += participants;
    profile.completed += completed;
  }
  std::sort(domains.begin(), domains.end(), [](const DomainLine& a, const DomainLine& b) {
    return a.participants != b.participants ? a.participants > b.participants : a.domain < b.domain;
  });
  profile.by_year = std::move(years);
  profile.by_domain = std::move(domains);
  profile.people_trained =
      connection
          .query("SELECT COUNT(DISTINCT person_id) FROM nominations WHERE country_code = ? AND state = 'completed'",
                 db::Params(profile.country.code))
          .front()
          .integer(0);
  profile.certificates = connection
                             .query(
                                 "SELECT COUNT(*) FROM nominations n WHERE n.country_code = ? AND n.state = "
                                 "'completed' AND EXISTS (SELECT 1 FROM certificates c WHERE c.nomination_id = n.id)",
                                 db::Params(profile.country.code))
                             .front()
                             .integer(0);
}

void read_requests(db::Connection& connection, Profile& profile) {
  for (const auto& row : connection
                             .query("SELECT id, title, domain, priority, status, received_on FROM cooperation_requests "
                                    "WHERE country_code = ? AND status IN ('received', 'under_study', 'matched') ORDER "
                                    "BY received_on DESC, id DESC LIMIT 100",
                                    db::Params(profile.country.code))
                             .rows)
    profile.open_requests.push_back(
        RequestLine{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
}

void read_engagements(db::Connection& connection, Profile& profile) {
  for (const auto& row :
       connection
           .query(fmt::format("SELECT e.id, e.title_fr, e.title_ar, e.title_en, o.name_fr, o.name_ar, o.name_en, "
                              "e.kind, e.starts_on, e.ends_on FROM engagements e JOIN organisations o ON o.id = "
                              "e.organisation_id JOIN countries c ON c.code = ? WHERE {} ORDER BY CASE WHEN "
                              "e.starts_on IS NULL THEN 1 ELSE 0 END, e.starts_on DESC, e.id",
                              engagements::benefits_condition("e.id")),
                  db::Params(profile.country.code))
           .rows)
    profile.engagements.push_back(EngagementLine{row.integer(0), names_at(row, 1), names_at(row, 4), row.text(7),
                                                 row.optional_text(8), row.optional_text(9)});
}

}  // namespace

Result<Profile> profile(db::Connection& connection, const accounts::Actor& actor, const std::string& country) {
  if (!may_read(actor)) return Error::of(ErrorCode::forbidden);
  db::Transaction transaction(connection, db::TransactionKind::read);
  auto found = reference::find_country(connection, country);
  // Outside a partner focal point's countries, a profile reads as not found, as their records do.
  if (!found || !may_read(actor, found->code)) return Error::of(ErrorCode::not_found);
  Profile result;
  result.country = *found;
  // Each section by the rules of its own kind (all read them for the roles admitted above).
  if (agreements::can(actor, agreements::Action::read)) read_agreements(connection, result);
  read_participation(connection, *reference::names(connection), result);
  if (requests::can(actor, requests::Action::read)) read_requests(connection, result);
  if (engagements::can(actor, engagements::Action::read)) read_engagements(connection, result);
  // The latest sessions (the commission's page has the rest), by the sessions' own list and scope.
  if (commissions::can_session(actor, commissions::Action::read)) {
    commissions::SessionFilter sessions;
    sessions.country = result.country.code;
    sessions.page.limit = 20;
    TAAWUN_TRY(page, commissions::list_sessions(connection, actor, sessions));
    result.sessions = std::move(page.items);
  }
  if (diplomatic_missions::can(actor, diplomatic_missions::Action::read))
    result.missions = diplomatic_missions::missions_between_morocco_and(connection, result.country.code);
  transaction.commit();
  return result;
}

}  // namespace taawun::country_profiles
