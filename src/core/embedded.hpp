#pragma once
// Files compiled into the binary (migrations, reference data, the API contract); see cmake/embed.cmake.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace taawun::embedded {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "migrations/0001_init.sql"
  std::string_view content;
};

std::span<const EmbeddedFile> files();

inline std::optional<std::string_view> find(std::string_view path) {
  for (const auto& file : files())
    if (file.path == path) return file.content;
  return std::nullopt;
}

// Files under a folder, in path order (the table is generated sorted by CMake's glob).
inline std::vector<EmbeddedFile> under(std::string_view folder) {
  std::vector<EmbeddedFile> found;
  for (const auto& file : files())
    if (file.path.starts_with(folder)) found.push_back(file);
  return found;
}

}  // namespace taawun::embedded
