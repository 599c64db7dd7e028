#include "core/throttle.hpp"

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

}  // namespace taawun
