#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace taawun::text {

// The one search key for every text search, on both databases (engineering guide: SQLite's
// LIKE ignores ASCII case and PostgreSQL's does not). Lower case, accents and Arabic
// diacritics (harakat, tatweel) removed, Arabic letter variants folded (أ إ آ → ا, ة → ه,
// ى → ي), punctuation turned into single spaces. Stored beside the record and applied to the
// query the same way, so a plain LIKE gives the same answer everywhere.
std::string search_key(std::string_view utf8);

// The distinct words of a query's search key, at most kMaxSearchWords of them: a record matches
// when its key contains every word, in any order ("universite felix" finds
// "Université Félix Houphouët-Boigny").
inline constexpr std::size_t kMaxSearchWords = 8;
std::vector<std::string> search_words(std::string_view utf8);

// Escapes %, _ and \ for a LIKE pattern used with ESCAPE '\'.
std::string like_contains(std::string_view search_key);

bool is_valid_utf8(std::string_view bytes);
// Length in Unicode code points (limits are stated in characters, not bytes).
std::size_t code_point_count(std::string_view utf8);
std::string trim(std::string_view text);

// A list kept in one column as words: {"MA", "SN"} ↔ "MA SN" (codes never hold a space).
std::string joined(const std::vector<std::string>& words);
std::vector<std::string> words(std::string_view text);

}  // namespace taawun::text
