#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace taawun::clock {

using TimePoint = std::chrono::system_clock::time_point;

// Timestamps are stored as ISO 8601 UTC text ("2026-11-23T10:15:30Z") on both databases:
// portable, sortable as text, readable in the audit trail.
std::string iso8601(TimePoint at);
std::string now_iso8601();
// Accepts "YYYY-MM-DD" (start of that day, UTC) and "YYYY-MM-DDTHH:MM:SSZ".
std::optional<TimePoint> parse_iso8601(std::string_view text);
bool is_valid_date(int year, int month, int day);

// "Today" is the agency's calendar day, not UTC's: a follow-up dated today must be accepted
// between midnight and 1 am in Rabat. The zone is an IANA name (setting agency.time_zone,
// Africa/Casablanca by default), resolved with ICU's time-zone data.
inline constexpr std::string_view kDefaultAgencyTimeZone = "Africa/Casablanca";
// False (and the zone unchanged) when ICU does not know the name.
bool set_agency_time_zone(std::string_view iana_name);
std::string agency_time_zone();
// The date (YYYY-MM-DD) of an instant in a zone; in the agency's zone by default.
std::string date_in_zone(TimePoint at, std::string_view iana_name);
std::string agency_today();

}  // namespace taawun::clock
