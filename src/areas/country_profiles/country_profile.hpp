#pragma once
// A partner country's whole picture (issue 15): what an officer opens before meeting an
// ambassador — the agreements in force and those expiring, the actions and participants by year
// and domain, the people trained and certificates issued, the open requests, and the multilateral
// engagements that benefit the country. Each section is read by the rules of its own kind; the
// figures are counts only (no person is named).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "areas/accounts/actor.hpp"
#include "areas/commissions/commission.hpp"
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/reference/reference.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "db/database.hpp"

namespace taawun::country_profiles {

// How far ahead an agreement's expiry or notice date makes it "expiring" (the home screen's rule).
inline constexpr std::int64_t kExpiringDays = 90;

struct AgreementLine {
  std::int64_t id = 0;
  std::optional<std::string> reference;
  LocalisedName title;
  std::string kind, status;
  std::optional<std::string> signed_on, expires_on, notice_on;
  bool expiring = false;  // expiry or notice date within kExpiringDays
};

struct YearLine {
  std::int64_t year = 0, actions = 0, participants = 0, completed = 0;
};

struct DomainLine {
  std::string domain;
  LocalisedName name;
  std::int64_t actions = 0, participants = 0, completed = 0;
};

struct RequestLine {
  std::int64_t id = 0;
  std::string title, domain, priority, status, received_on;
};

struct EngagementLine {
  std::int64_t id = 0;
  LocalisedName title, organisation;
  std::string kind;
  std::optional<std::string> starts_on, ends_on;
};

struct Profile {
  reference::Country country;
  // Agreements with the country as a party: those not expired nor terminated, the soonest
  // expiry first, and how many there are in each status.
  std::vector<AgreementLine> agreements;
  std::vector<std::pair<std::string, std::int64_t>> agreements_by_status;
  // Actions with participants of the country (nominated under its quota), by year of their start
  // and by domain; participants are nominations that arrived (arrived, completed, dropped out).
  std::vector<YearLine> by_year;
  std::vector<DomainLine> by_domain;
  std::int64_t actions = 0, participants = 0, completed = 0, people_trained = 0, certificates = 0;
  std::vector<RequestLine> open_requests;
  std::vector<EngagementLine> engagements;
  // Joint commission sessions with the country, the latest first, with their decisions' progress.
  std::vector<commissions::Session> sessions;
  // Morocco's missions covering the country, and the country's missions covering Morocco.
  diplomatic_missions::MissionsBetween missions;
};

// Who may read a country's profile: staff and readers any country's, a partner focal point its
// own countries' (another country's answers not found), a host focal point none (forbidden).
bool may_read(const accounts::Actor& actor);
bool may_read(const accounts::Actor& actor, const std::string& country);

Result<Profile> profile(db::Connection& connection, const accounts::Actor& actor, const std::string& country);

}  // namespace taawun::country_profiles
