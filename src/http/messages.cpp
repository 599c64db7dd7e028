#include "http/messages.hpp"

#include <nlohmann/json.hpp>

#include "core/embedded.hpp"

namespace taawun::http {
namespace {

// {name} placeholders are filled from the error's params.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& params) {
  for (const auto& [name, value] : params) {
    std::string mark = "{" + name + "}";
    for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.replace(at, mark.size(), value);
  }
  return text;
}

int language_index(Language language) {
  return language == Language::ar ? 1 : language == Language::en ? 2 : 0;
}

// "src/areas/offers/i18n/ar.json" → ar; anything else is not a file of words.
std::optional<Language> words_language(std::string_view path) {
  constexpr std::string_view kFolder = "/i18n/", kSuffix = ".json";
  auto folder = path.rfind(kFolder);
  if (folder == std::string_view::npos || !path.ends_with(kSuffix)) return std::nullopt;
  auto name = path.substr(folder + kFolder.size());
  name.remove_suffix(kSuffix.size());
  return parse_language(name);
}

}  // namespace

Words Words::from(std::span<const embedded::EmbeddedFile> files) {
  Words words;
  for (const auto& file : files) {
    auto language = words_language(file.path);
    if (!language) continue;
    auto document = nlohmann::json::parse(file.content);
    for (auto& [name, texts] : document.items()) {
      if (name != "title" && name != "detail" && name != "field") continue;  // the build refuses them
      auto& section = name == "title" ? words.titles_ : name == "detail" ? words.details_ : words.fields_;
      for (auto& [key, text] : texts.items()) section[key][language_index(*language)] = text.get<std::string>();
    }
  }
  return words;
}

const std::string* Words::find(const Section& section, std::string_view key, Language language) {
  auto found = section.find(key);
  if (found == section.end()) return nullptr;
  // The build checks that every language has every key; French stands in should one be missing.
  const auto& text = found->second[language_index(language)];
  return text ? &*text : found->second[0] ? &*found->second[0] : nullptr;
}

const Words& words() {
  static const Words parsed = Words::from(embedded::files());
  return parsed;
}

std::string error_title(ErrorCode code, Language language) {
  auto* title = words().title(error_code_name(code), language);
  return title ? *title : std::string(error_code_name(code));
}

std::string error_detail(ErrorCode code, std::string_view key,
                         const std::vector<std::pair<std::string, std::string>>& params, Language language) {
  auto* detail = words().detail(key.empty() ? error_code_name(code) : key, language);
  if (!detail) detail = words().detail(error_code_name(code), language);
  if (!detail) return error_title(code, language);
  return fill(*detail, params);
}

std::string field_message(const FieldError& error, Language language) {
  auto* message = words().field(error.code, language);
  if (!message) return error.code;
  return fill(*message, error.params);
}

}  // namespace taawun::http
