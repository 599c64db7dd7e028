#pragma once
// Prepared statements kept per connection, the least recently used dropped beyond a capacity.
// SQL texts are few, but not a fixed set: `IN (?, ?, ...)` lists (scopes, batches of people)
// give one text per length, so an unbounded cache grew with every new list length for the
// life of the connection.
#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace taawun::db {

template <typename Statement>
class StatementCache {
 public:
  static constexpr std::size_t kDefaultCapacity = 256;
  explicit StatementCache(std::size_t capacity = kDefaultCapacity) : capacity_(capacity == 0 ? 1 : capacity) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement prepared for `sql`, now the most recently used; nullptr if none.
  Statement* find(std::string_view sql) {
    auto found = index_.find(sql);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);
    return &found->second->second;
  }

  // Keeps a newly prepared statement; the least recently used ones beyond the capacity are
  // handed to `release` (finalize, DEALLOCATE) and forgotten.
  template <typename Release>
  Statement& add(std::string sql, Statement statement, Release&& release) {
    while (order_.size() >= capacity_) {
      auto& oldest = order_.back();
      index_.erase(std::string_view(oldest.first));
      release(oldest.second);
      order_.pop_back();
    }
    order_.emplace_front(std::move(sql), std::move(statement));
    index_.emplace(std::string_view(order_.front().first), order_.begin());
    return order_.front().second;
  }

  // Every statement kept, for the connection's destructor.
  template <typename Release>
  void clear(Release&& release) {
    for (auto& entry : order_) release(entry.second);
    order_.clear();
    index_.clear();
  }

  std::size_t size() const { return order_.size(); }
  std::size_t capacity() const { return capacity_; }

 private:
  using Entry = std::pair<std::string, Statement>;
  std::size_t capacity_;
  std::list<Entry> order_;  // most recently used first; the keys' storage never moves
  std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index_;
};

}  // namespace taawun::db
