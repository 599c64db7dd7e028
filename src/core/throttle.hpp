#pragma once
// Failures counted per key, for the things an attacker could otherwise try at machine speed:
// logins (accounts/LoginThrottle) and the public verification of certificate codes.
//
// - FailureWindow: a fixed window; past the limit the key waits for the end of its window.
// - FailureBackoff: a growing delay, never a lock (OWASP ASVS 4.0 V2.2.1). The first
//   `free_failures` cost nothing; after n failures (n >= free_failures) the next attempt waits
//   2^(n - free_failures) seconds after the previous one, up to `max_delay`. One failure is
//   forgiven every `forgive_every`, so that occasional mistakes spread over days never add up.
//
// Keys are counted in memory, per server process; both bound their memory under a flood of
// made-up keys. No I/O.
#include <chrono>
#include <cstddef>
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

class FailureBackoff {
 public:
  using Clock = std::chrono::steady_clock;
  FailureBackoff(int free_failures, std::chrono::seconds max_delay, std::chrono::seconds forgive_every,
                 std::size_t max_keys = 100000)
      : free_failures_(free_failures), max_delay_(max_delay), forgive_every_(forgive_every), max_keys_(max_keys) {}

  // Seconds to wait (rounded up), or 0 when an attempt may go ahead now.
  int retry_after(std::string_view key, Clock::time_point now = Clock::now());
  // Like retry_after, and when the attempt may go ahead while the key is already delayed, counts
  // it as started now: a burst of parallel attempts cannot all slip through one opening.
  int admit(std::string_view key, Clock::time_point now = Clock::now());
  // Counts a failure; returns the failures now counted for the key.
  int record_failure(std::string_view key, Clock::time_point now = Clock::now());
  void forget(std::string_view key);
  // Failures counted for the key (after forgiveness), for tests and diagnostics.
  int failures(std::string_view key, Clock::time_point now = Clock::now());
  // The delay that follows `failures` failures.
  std::chrono::seconds delay_after(int failures) const;

 private:
  struct Failures {
    int count = 0;
    Clock::time_point counted_at;  // forgiveness is applied in whole steps from here
    Clock::time_point last;        // the last failure (or admitted attempt while delayed)
  };
  // The entry of `key` with forgiveness applied, or nullptr. Needs the mutex held.
  Failures* find(std::string_view key, Clock::time_point now);
  int wait_for(const Failures& failures, Clock::time_point now) const;
  void bound_memory(Clock::time_point now);

  int free_failures_;
  std::chrono::seconds max_delay_, forgive_every_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace taawun
