#include "core/throttle.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace taawun {

int FailureWindow::retry_after(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto found = failures_.find(std::string(key));
  if (found == failures_.end() || found->second.count < limit_) return 0;
  auto elapsed = std::chrono::steady_clock::now() - found->second.window_start;
  if (elapsed >= window_) return 0;
  return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(window_ - elapsed).count()) + 1;
}

void FailureWindow::record_failure(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  auto& failures = failures_[std::string(key)];
  if (failures.count == 0 || now - failures.window_start >= window_) failures = Failures{0, now};
  ++failures.count;
  // Keep memory bounded under a flood of made-up keys: forget windows that have ended.
  if (failures_.size() > 100000)
    std::erase_if(failures_, [&](const auto& entry) { return now - entry.second.window_start >= window_; });
}

void FailureWindow::forget(std::string_view key) {
  std::lock_guard lock(mutex_);
  failures_.erase(std::string(key));
}

// ---------------------------------------------------------------- FailureBackoff

std::chrono::seconds FailureBackoff::delay_after(int failures) const {
  if (failures < free_failures_) return std::chrono::seconds(0);
  int exponent = failures - free_failures_;
  if (exponent >= 30) return max_delay_;
  return std::min(max_delay_, std::chrono::seconds(std::int64_t{1} << exponent));
}

FailureBackoff::Failures* FailureBackoff::find(std::string_view key, Clock::time_point now) {
  auto found = failures_.find(std::string(key));
  if (found == failures_.end()) return nullptr;
  auto& failures = found->second;
  if (now > failures.counted_at) {
    auto steps = (now - failures.counted_at) / forgive_every_;
    if (steps > 0) {
      if (steps >= failures.count) {
        failures_.erase(found);
        return nullptr;
      }
      failures.count -= static_cast<int>(steps);
      failures.counted_at += steps * forgive_every_;
    }
  }
  return &failures;
}

int FailureBackoff::wait_for(const Failures& failures, Clock::time_point now) const {
  auto delay = delay_after(failures.count);
  if (delay.count() == 0) return 0;
  auto elapsed = now - failures.last;
  if (elapsed >= delay) return 0;
  auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(delay - elapsed).count();
  return static_cast<int>((remaining + 999) / 1000);
}

int FailureBackoff::retry_after(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto* failures = find(key, now);
  return failures ? wait_for(*failures, now) : 0;
}

int FailureBackoff::admit(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto* failures = find(key, now);
  if (!failures) return 0;
  if (int wait = wait_for(*failures, now); wait > 0) return wait;
  if (failures->count >= free_failures_) failures->last = now;
  return 0;
}

int FailureBackoff::record_failure(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto* failures = find(key, now);
  if (!failures) {
    failures = &failures_[std::string(key)];
    *failures = Failures{0, now, now};
  }
  int count = ++failures->count;
  failures->last = now;
  if (failures_.size() > max_keys_) bound_memory(now);
  return count;
}

void FailureBackoff::forget(std::string_view key) {
  std::lock_guard lock(mutex_);
  failures_.erase(std::string(key));
}

int FailureBackoff::failures(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto* failures = find(key, now);
  return failures ? failures->count : 0;
}

// Under a flood of made-up keys, drop first what no longer counts, then keys that delay nothing
// yet, and only then the keys whose last failure is oldest; down to 90% of the bound, so that the
// work is done once per many failures.
void FailureBackoff::bound_memory(Clock::time_point now) {
  std::size_t target = max_keys_ - max_keys_ / 10;
  std::erase_if(failures_, [&](const auto& entry) {
    return now > entry.second.counted_at && (now - entry.second.counted_at) / forgive_every_ >= entry.second.count;
  });
  if (failures_.size() <= target) return;
  std::erase_if(failures_, [&](const auto& entry) { return entry.second.count < free_failures_; });
  if (failures_.size() <= target) return;
  std::vector<Clock::time_point> lasts;
  lasts.reserve(failures_.size());
  for (const auto& [key, failures] : failures_) lasts.push_back(failures.last);
  auto cut = lasts.begin() + static_cast<std::ptrdiff_t>(failures_.size() - target);
  std::nth_element(lasts.begin(), cut, lasts.end());
  auto oldest_kept = *cut;
  std::erase_if(failures_, [&](const auto& entry) { return entry.second.last < oldest_kept; });
}

}  // namespace taawun
