#pragma once
// Paging shared by every list: limit 1..200 (default 50), offset >= 0, and the total.
#include <cstdint>
#include <vector>

namespace taawun {

struct PageRequest {
  std::int64_t limit = 50;
  std::int64_t offset = 0;
  static constexpr std::int64_t kMaxLimit = 200;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

}  // namespace taawun
