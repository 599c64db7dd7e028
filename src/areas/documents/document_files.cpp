// The file types accepted as documents. The extension decides the media type the file is
// served with, and the first bytes must agree with it: a page renamed "report.pdf" is refused
// rather than stored and later opened by someone's browser as a PDF it is not.
#include <algorithm>
#include <cctype>

#include "areas/documents/document.hpp"
#include "core/text.hpp"
#include "domain/drafts.hpp"

namespace taawun::documents {

namespace {

constexpr std::string_view kZip{"PK\x03\x04", 4};
constexpr std::string_view kOle{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

constexpr FileType kTypes[] = {
    {"pdf", "application/pdf", "%PDF-"},
    {"png", "image/png", "\x89PNG\r\n\x1A\n"},
    {"jpg", "image/jpeg", "\xFF\xD8\xFF"},
    {"jpeg", "image/jpeg", "\xFF\xD8\xFF"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZip},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", kZip},
    {"odt", "application/vnd.oasis.opendocument.text", kZip},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet", kZip},
    {"doc", "application/msword", kOle},
    {"xls", "application/vnd.ms-excel", kOle},
    {"txt", "text/plain; charset=utf-8", ""},
    {"csv", "text/csv; charset=utf-8", ""},
};

}  // namespace

std::optional<FileType> file_type_of(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string extension(file_name.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& type : kTypes)
    if (type.extension == extension) return type;
  return std::nullopt;
}

std::string accepted_extensions() {
  std::vector<std::string_view> extensions;
  for (const auto& type : kTypes) extensions.push_back(type.extension);
  return listed(extensions);
}

bool content_matches(const FileType& type, std::string_view content) {
  if (!type.signature.empty()) return content.starts_with(type.signature);
  return text::is_valid_utf8(content) && content.find('\0') == std::string_view::npos;
}

}  // namespace taawun::documents
