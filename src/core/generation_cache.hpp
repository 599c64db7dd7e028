#pragma once
// Answers computed from records, kept while those records are unchanged. Each entry carries the
// generation of its records (a counter raised in the transaction of every change to them, see
// domain/changes.hpp) and is served only to a request that reads the same generation. The least
// recently used entries leave first when the cache holds more than its bytes.
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace taawun {

class GenerationCache {
 public:
  explicit GenerationCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  // The value kept under `key` for `generation`; an entry of another generation is dropped.
  std::optional<std::string> find(const std::string& key, std::int64_t generation);
  void store(const std::string& key, std::int64_t generation, std::string value);
  std::size_t bytes() const;
  std::size_t size() const;
  bool enabled() const { return max_bytes_ > 0; }

 private:
  struct Entry {
    std::int64_t generation;
    std::string value;
    std::list<std::string>::iterator recency;
  };
  void erase(std::unordered_map<std::string, Entry>::iterator entry);

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recency_;  // most recently used first
  std::size_t bytes_ = 0;
};

}  // namespace taawun
