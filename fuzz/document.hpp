#pragma once
// document_fuzz: an uploaded document as the server checks it (documents::file_type_of and
// content_matches): the input's first line is the file name, the rest its bytes.
#include <string>
#include <string_view>

#include "areas/documents/document.hpp"
#include "core/text.hpp"

namespace taawun::fuzz {

inline std::string check_document(std::string_view bytes) {
  auto newline = bytes.find('\n');
  std::string_view file_name = bytes.substr(0, newline);
  std::string_view content = newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);

  auto type = documents::file_type_of(file_name);
  if (!type) return {};
  std::string extension(file_name.substr(file_name.rfind('.') + 1));
  for (auto& c : extension)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (extension != type->extension) return "file_type_of() gave the type of another extension";
  if (type->media_type.empty()) return "a file type without a media type";
  if (documents::accepted_extensions().find(type->extension) == std::string::npos)
    return "a file type missing from accepted_extensions()";
  if (documents::content_matches(*type, content)) {
    if (!type->signature.empty() && !content.starts_with(type->signature))
      return "content_matches() took bytes without the type's signature";
    if (type->signature.empty() && (!text::is_valid_utf8(content) || content.find('\0') != std::string_view::npos))
      return "content_matches() took a text file that is not UTF-8 text";
  }
  return {};
}

}  // namespace taawun::fuzz
