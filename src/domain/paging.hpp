#pragma once
// Paging shared by every list: limit 1..200 (default 50), offset >= 0, and the total.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "db/database.hpp"

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

// The text filter of every list: each word of the query must appear in the record's stored
// search key (see text::search_key), so both databases answer the same.
inline void append_text_filter(std::string& where, db::Params& params, std::string_view column,
                               std::string_view query) {
  for (const auto& word : text::search_words(query)) {
    where += " AND ";
    where += column;
    where += " LIKE ? ESCAPE '\\'";
    params.add(text::like_contains(word));
  }
}

}  // namespace taawun
