#pragma once
// Failures counted per key (an account, an address) in a fixed window: past the limit, the key
// waits for the end of its window. Used by the login throttle and by the public verification
// of certificate codes, both of which an attacker could otherwise try at machine speed.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace taawun {

class FailureWindow {
 public:
  FailureWindow(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}
  // Seconds to wait, or 0 when an attempt may go ahead.
  int retry_after(std::string_view key);
  void record_failure(std::string_view key);
  void forget(std::string_view key);

 private:
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point window_start;
  };
  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace taawun
