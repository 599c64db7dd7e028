#include "core/generation_cache.hpp"

namespace taawun {

namespace {
// What an entry costs beyond its value: its key twice (map and recency list) and bookkeeping.
std::size_t weight(const std::string& key, const std::string& value) {
  return 2 * key.size() + value.size() + 64;
}
}  // namespace

std::optional<std::string> GenerationCache::find(const std::string& key, std::int64_t generation) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  if (found->second.generation != generation) {
    erase(found);
    return std::nullopt;
  }
  recency_.splice(recency_.begin(), recency_, found->second.recency);
  return found->second.value;
}

void GenerationCache::store(const std::string& key, std::int64_t generation, std::string value) {
  if (weight(key, value) > max_bytes_) return;  // larger than the whole cache (or the cache is off)
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(key); found != entries_.end()) {
    // A request that read an older generation must not replace a newer answer.
    if (found->second.generation > generation) return;
    erase(found);
  }
  bytes_ += weight(key, value);
  recency_.push_front(key);
  entries_.emplace(key, Entry{generation, std::move(value), recency_.begin()});
  while (bytes_ > max_bytes_) erase(entries_.find(recency_.back()));
}

void GenerationCache::erase(std::unordered_map<std::string, Entry>::iterator entry) {
  bytes_ -= weight(entry->first, entry->second.value);
  recency_.erase(entry->second.recency);
  entries_.erase(entry);
}

std::size_t GenerationCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t GenerationCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace taawun
