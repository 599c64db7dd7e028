#pragma once
// Every text the API shows a person, in French, Arabic and English. The words are data: per-locale
// JSON files, src/http/i18n/{fr,ar,en}.json for the platform's codes and
// src/areas/<area>/i18n/{fr,ar,en}.json for each area's own, checked by cmake/check_words.cmake and
// compiled into the binary (docs/adr/0014-words-and-contract-per-area.md).
#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/language.hpp"

namespace taawun::http {

std::string error_title(ErrorCode code, Language language);
// The detail for a key ("wrong_credentials") or, for an empty key, the code's default detail.
std::string error_detail(ErrorCode code, std::string_view key,
                         const std::vector<std::pair<std::string, std::string>>& params, Language language);
std::string field_message(const FieldError& error, Language language);

// The texts of the files of words among `files` (paths ending in /i18n/<language>.json), by section
// ("title": per error code, "detail": per detail key, "field": per field error code) and key.
class Words {
 public:
  static Words from(std::span<const embedded::EmbeddedFile> files);
  // nullptr when no file defines the key.
  const std::string* title(std::string_view code, Language language) const { return find(titles_, code, language); }
  const std::string* detail(std::string_view key, Language language) const { return find(details_, key, language); }
  const std::string* field(std::string_view code, Language language) const { return find(fields_, code, language); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  // fr, ar, en
  using Section = std::unordered_map<std::string, std::array<std::optional<std::string>, 3>, Hash, std::equal_to<>>;
  static const std::string* find(const Section& section, std::string_view key, Language language);
  Section titles_, details_, fields_;
};

// The words compiled into the binary, read once.
const Words& words();

}  // namespace taawun::http
