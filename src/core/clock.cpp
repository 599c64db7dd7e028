#include "core/clock.hpp"

#include <fmt/format.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <charconv>
#include <memory>
#include <mutex>

namespace taawun::clock {

std::string iso8601(TimePoint at) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  auto days = std::chrono::floor<std::chrono::days>(seconds);
  std::chrono::year_month_day date{days};
  std::chrono::hh_mm_ss time{seconds - days};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

std::string now_iso8601() {
  return iso8601(std::chrono::system_clock::now());
}

namespace {
std::mutex zone_mutex;
std::string zone_name(kDefaultAgencyTimeZone);

// ICU answers "Etc/Unknown" (GMT) for names it does not know, which must not pass silently.
std::unique_ptr<icu::TimeZone> known_zone(std::string_view iana_name) {
  auto id = icu::UnicodeString::fromUTF8(icu::StringPiece(iana_name.data(), static_cast<int32_t>(iana_name.size())));
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  if (!zone || *zone == icu::TimeZone::getUnknown()) return nullptr;
  return zone;
}
}  // namespace

bool set_agency_time_zone(std::string_view iana_name) {
  if (!known_zone(iana_name)) return false;
  std::lock_guard lock(zone_mutex);
  zone_name = std::string(iana_name);
  return true;
}

std::string agency_time_zone() {
  std::lock_guard lock(zone_mutex);
  return zone_name;
}

std::string date_in_zone(TimePoint at, std::string_view iana_name) {
  auto zone = known_zone(iana_name);
  if (!zone) return iso8601(at).substr(0, 10);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(millis), false, raw, dst, status);
  if (U_FAILURE(status)) return iso8601(at).substr(0, 10);
  return iso8601(at + std::chrono::milliseconds(raw + dst)).substr(0, 10);
}

std::string agency_today() {
  return date_in_zone(std::chrono::system_clock::now(), agency_time_zone());
}

bool is_valid_date(int year, int month, int day) {
  std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                   std::chrono::day{static_cast<unsigned>(day)}};
  return year >= 1900 && year <= 9999 && date.ok();
}

namespace {
bool read_number(std::string_view text, std::size_t offset, std::size_t length, int& out) {
  if (offset + length > text.size()) return false;
  for (std::size_t i = offset; i < offset + length; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  std::from_chars(text.data() + offset, text.data() + offset + length, out);
  return true;
}
}  // namespace

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  int year, month, day, hour = 0, minute = 0, second = 0;
  if (!read_number(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !read_number(text, 5, 2, month) ||
      text[7] != '-' || !read_number(text, 8, 2, day))
    return std::nullopt;
  if (!is_valid_date(year, month, day)) return std::nullopt;
  if (text.size() == 10) {
  } else if (text.size() == 20 && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z' &&
             read_number(text, 11, 2, hour) && read_number(text, 14, 2, minute) && read_number(text, 17, 2, second)) {
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  } else {
    return std::nullopt;
  }
  std::chrono::sys_days days{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                             std::chrono::day{static_cast<unsigned>(day)}};
  return TimePoint{days} + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

}  // namespace taawun::clock
