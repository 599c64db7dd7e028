#include "core/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace taawun::text {
namespace {

const icu::Normalizer2* decomposer() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? nfkd : nullptr;
  }();
  return instance;
}

UChar32 fold_arabic(UChar32 c) {
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
      return 0x0627;  // alef variants
    case 0x0629:
      return 0x0647;  // taa marbuta → haa
    case 0x0649:
      return 0x064A;  // alef maqsura → yaa
    case 0x0624:
      return 0x0648;  // waw with hamza
    case 0x0626:
      return 0x064A;  // yaa with hamza
    default:
      return c;
  }
}

}  // namespace

std::string search_key(std::string_view utf8) {
  icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = decomposer() ? decomposer()->normalize(source, status) : source;
  if (U_FAILURE(status)) decomposed = source;
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    int8_t type = static_cast<int8_t>(u_charType(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) continue;
    if (c == 0x0640) continue;  // tatweel
    if (u_isalnum(c)) {
      if (pending_space && folded.length() > 0) folded.append(static_cast<UChar>(' '));
      pending_space = false;
      folded.append(fold_arabic(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
    } else {
      pending_space = true;  // spaces, punctuation (' ’ - .) separate words
    }
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<std::string> search_words(std::string_view utf8) {
  std::vector<std::string> words;
  std::string key = search_key(utf8);
  std::size_t start = 0;
  while (start < key.size() && words.size() < kMaxSearchWords) {
    std::size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string word = key.substr(start, end - start);
    if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
    start = end + 1;
  }
  return words;
}

std::string like_contains(std::string_view key) {
  std::string pattern = "%";
  for (char c : key) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  while (i < bytes.size()) {
    unsigned char c = s[i];
    std::size_t extra;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else
      return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if (i + k >= bytes.size() || (s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Reject overlong forms, surrogates and values beyond Unicode.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::size_t code_point_count(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::string trim(std::string_view text) {
  const char* spaces = " \t\r\n";
  auto begin = text.find_first_not_of(spaces);
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(spaces);
  return std::string(text.substr(begin, end - begin + 1));
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto begin = text.find_first_not_of(" \t\r\n", at);
    if (begin == std::string_view::npos) break;
    auto end = text.find_first_of(" \t\r\n", begin);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(begin, end - begin));
    at = end;
  }
  return out;
}

}  // namespace taawun::text
