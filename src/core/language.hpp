#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace taawun {

// The three languages of the product. French is the default everywhere.
enum class Language { fr, ar, en };

inline std::string_view language_code(Language language) {
  switch (language) {
    case Language::ar:
      return "ar";
    case Language::en:
      return "en";
    default:
      return "fr";
  }
}

inline std::optional<Language> parse_language(std::string_view code) {
  if (code == "fr") return Language::fr;
  if (code == "ar") return Language::ar;
  if (code == "en") return Language::en;
  return std::nullopt;
}

// A name held in the three languages, any of which may be missing.
struct LocalisedName {
  std::string fr, ar, en;
  // The name in the wanted language, else French, then English, then Arabic.
  const std::string& in(Language language) const {
    const std::string& wanted = language == Language::ar ? ar : language == Language::en ? en : fr;
    if (!wanted.empty()) return wanted;
    if (!fr.empty()) return fr;
    if (!en.empty()) return en;
    return ar;
  }
};

}  // namespace taawun
