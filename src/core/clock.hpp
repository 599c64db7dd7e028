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

}  // namespace taawun::clock
