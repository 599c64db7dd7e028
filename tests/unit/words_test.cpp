// The server's words (per-locale JSON read by http/messages.cpp) and the build-time checks of the
// words and of the API contract (cmake/check_words.cmake, cmake/openapi.cmake).
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/embedded.hpp"
#include "http/messages.hpp"

namespace taawun {
namespace {

namespace fs = std::filesystem;

TEST(Words, ComeFromTheEmbeddedFilesInEachLanguage) {
  EXPECT_EQ(http::error_title(ErrorCode::not_found, Language::fr), "Introuvable");
  EXPECT_EQ(http::error_title(ErrorCode::not_found, Language::ar), "غير موجود");
  EXPECT_EQ(http::error_title(ErrorCode::not_found, Language::en), "Not found");
  // A platform detail and an area's field message, with their placeholders filled.
  EXPECT_EQ(http::error_detail(ErrorCode::method_not_allowed, "method_not_allowed", {{"method", "PUT"}}, Language::en),
            "Method PUT is not allowed here.");
  EXPECT_EQ(http::field_message({"quotas", "quotas_exceed_seats", {{"sum", "12"}, {"seats", "10"}}}, Language::fr),
            "Les quotas (12) dépassent le nombre de places (10).");
  EXPECT_EQ(http::field_message({"date", "future_date"}, Language::ar), "هذا التاريخ في المستقبل.");
}

TEST(Words, MissingEntriesBehaveAsBefore) {
  // An unknown field code shows the code; an unknown detail key the code's default detail.
  EXPECT_EQ(http::field_message({"x", "no_such_code", {{"max", "3"}}}, Language::en), "no_such_code");
  EXPECT_EQ(http::error_detail(ErrorCode::conflict, "no_such_key", {}, Language::en),
            "This change conflicts with other data.");
  EXPECT_EQ(http::error_detail(ErrorCode::conflict, "", {}, Language::fr),
            "Cette modification entre en conflit avec une autre donnée.");
  // A placeholder without a param stays as it is.
  EXPECT_EQ(http::field_message({"name", "too_long"}, Language::en), "At most {max} characters.");
}

TEST(Words, EveryErrorCodeHasATitleAndADetail) {
  for (int code = 0; code <= static_cast<int>(ErrorCode::internal); ++code)
    for (auto language : {Language::fr, Language::ar, Language::en}) {
      auto name = error_code_name(static_cast<ErrorCode>(code));
      EXPECT_NE(http::words().title(name, language), nullptr) << name;
      EXPECT_NE(http::words().detail(name, language), nullptr) << name;
    }
}

TEST(Words, ReadsSectionsAndLanguagesFromThePathsAndFallsBackToFrench) {
  std::array<embedded::EmbeddedFile, 4> files = {{
      {"src/areas/x/i18n/fr.json", R"({"field": {"a": "A fr {n}"}, "detail": {"d": "D fr"}})"},
      {"src/areas/x/i18n/en.json", R"({"field": {"a": "A en {n}"}})"},
      {"src/http/i18n/ar.json", R"({"title": {"t": "T ar"}})"},
      {"migrations/fr.json", R"({"field": {"a": "not words"}})"},
  }};
  auto words = http::Words::from(files);
  ASSERT_NE(words.field("a", Language::en), nullptr);
  EXPECT_EQ(*words.field("a", Language::en), "A en {n}");
  EXPECT_EQ(*words.field("a", Language::fr), "A fr {n}");
  EXPECT_EQ(*words.field("a", Language::ar), "A fr {n}");  // missing in ar: French stands in
  EXPECT_EQ(*words.detail("d", Language::en), "D fr");
  EXPECT_EQ(*words.title("t", Language::ar), "T ar");
  EXPECT_EQ(words.title("t", Language::fr), nullptr);  // no French either: not found
  EXPECT_EQ(words.field("d", Language::fr), nullptr);  // sections are apart
}

TEST(Words, EachFolderHasTheThreeLanguagesAndNoKeyIsInTwoFolders) {
  std::set<std::string> folders;
  for (const auto& file : embedded::files())
    if (file.path.ends_with(".json") && file.path.find("/i18n/") != std::string_view::npos)
      folders.insert(std::string(file.path.substr(0, file.path.rfind('/'))));
  EXPECT_TRUE(folders.contains("src/http/i18n"));
  EXPECT_TRUE(folders.contains("src/areas/nominations/i18n"));
  std::set<std::string> seen;
  for (const auto& folder : folders) {
    for (std::string language : {"fr", "ar", "en"})
      EXPECT_TRUE(embedded::find(folder + "/" + language + ".json")) << folder;
    std::array<embedded::EmbeddedFile, 1> french = {{{"x/i18n/fr.json", *embedded::find(folder + "/fr.json")}}};
    (void)http::Words::from(french);  // parses
  }
}

// Runs a CMake script and answers its exit status and output.
std::pair<int, std::string> run_cmake(const std::string& arguments) {
  std::string command = "cmake " + arguments + " 2>&1";
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return {-1, ""};
  std::array<char, 4096> buffer;
  for (std::size_t read; (read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    output.append(buffer.data(), read);
  int status = ::pclose(pipe);
  return {status, output};
}

class BuildChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("taawun-words-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& path, const std::string& content) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path) << content;
  }
  std::pair<int, std::string> check_words() {
    std::string inputs;
    for (const auto& entry : fs::recursive_directory_iterator(root_))
      if (entry.path().extension() == ".json") inputs += (inputs.empty() ? "" : "|") + entry.path().string();
    return run_cmake("\"-DINPUTS=" + inputs + "\" -DROOT=" + root_.string() +
                     " -P " TAAWUN_SOURCE_DIR "/cmake/check_words.cmake");
  }
  std::pair<int, std::string> assemble() {
    return run_cmake("-DROOT=" + root_.string() + " -DOUTPUT=" + (root_ / "openapi.yaml").string() +
                     " -P " TAAWUN_SOURCE_DIR "/cmake/openapi.cmake");
  }
  fs::path root_;
};

TEST_F(BuildChecks, WordsThatMatchPass) {
  write("src/http/i18n/fr.json", R"({"field": {"too_long": "{max} caractères au plus."}})");
  write("src/http/i18n/ar.json", R"({"field": {"too_long": "{max} حرفا على الأكثر."}})");
  write("src/http/i18n/en.json", R"({"field": {"too_long": "At most {max} characters."}})");
  auto [status, output] = check_words();
  EXPECT_EQ(status, 0) << output;
}

TEST_F(BuildChecks, AMissingKeyOrPlaceholderOrASecondDefinitionFailsNamingFileAndKey) {
  write("src/http/i18n/fr.json", R"({"field": {"too_long": "{max} caractères au plus.", "required": "Requis."}})");
  write("src/http/i18n/ar.json", R"({"field": {"too_long": "حرفا على الأكثر.", "required": "إلزامي."}})");
  write("src/http/i18n/en.json", R"({"field": {"too_long": "At most {max} characters."}})");
  write("src/areas/x/i18n/fr.json", R"({"field": {"required": "Obligatoire."}})");
  write("src/areas/x/i18n/ar.json", R"({"field": {"required": "إلزامي."}})");
  write("src/areas/x/i18n/en.json", R"({"field": {"required": "Required."}, "title": {"extra": "Extra"}})");
  write("src/areas/y/i18n/fr.json", R"({"field": {}})");
  auto [status, output] = check_words();
  EXPECT_NE(status, 0);
  EXPECT_NE(output.find("src/http/i18n/en.json: field.required: missing"), std::string::npos) << output;
  EXPECT_NE(output.find("src/http/i18n/ar.json: field.too_long: lacks the placeholder {max}"), std::string::npos)
      << output;
  EXPECT_NE(output.find("src/areas/x/i18n/en.json: title.extra: not in src/areas/x/i18n/fr.json"), std::string::npos)
      << output;
  EXPECT_NE(output.find("field.required: already defined in src/areas/x/i18n/fr.json"), std::string::npos) << output;
  EXPECT_NE(output.find("src/areas/y/i18n/ar.json: missing"), std::string::npos) << output;
}

TEST_F(BuildChecks, TheContractIsAssembledFromTheRootAndTheAreas) {
  write("api/openapi.root.yaml",
        "openapi: \"3.1.0\"\ninfo:\n  title: T\n  description: |\n    One; [two]\n\n    three\npaths:\n  /healthz:\n"
        "    get:\n      operationId: healthz\ncomponents:\n  schemas:\n    Shared:\n      type: string\n");
  write("src/areas/b/openapi.yaml", "# b\npaths:\n  /b:\n    get:\n      operationId: b\n");
  write("src/areas/a/openapi.yaml",
        "paths:\n  /a:\n    get:\n      operationId: a\ncomponents:\n  schemas:\n    A:\n      enum: [x, y]\n");
  auto [status, output] = assemble();
  ASSERT_EQ(status, 0) << output;
  std::ifstream in(root_ / "openapi.yaml");
  std::string document((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(document.find("    One; [two]\n\n    three\n"), std::string::npos) << document;
  // The root's paths, then the areas' in order; components likewise, under their kind.
  auto healthz = document.find("  /healthz:"), a = document.find("  /a:"), b = document.find("  /b:");
  EXPECT_TRUE(healthz < a && a < b) << document;
  EXPECT_NE(document.find("  schemas:\n    Shared:\n      type: string\n    A:\n      enum: [x, y]\n"),
            std::string::npos)
      << document;
}

TEST_F(BuildChecks, APathOrComponentDefinedTwiceFailsNamingBothFiles) {
  write("api/openapi.root.yaml",
        "openapi: \"3.1.0\"\npaths:\n  /a:\n    get: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n");
  write("src/areas/a/openapi.yaml",
        "paths:\n  /a:\n    post: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n");
  write("src/areas/b/openapi.yaml", "info:\n  title: no\n");
  auto [status, output] = assemble();
  EXPECT_NE(status, 0);
  EXPECT_NE(output.find("src/areas/a/openapi.yaml:2: path /a is already defined in api/openapi.root.yaml"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("src/areas/a/openapi.yaml:6: component components/schemas/A is already defined in "
                        "api/openapi.root.yaml"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("src/areas/b/openapi.yaml:1: a fragment holds only paths and components, not info"),
            std::string::npos)
      << output;
}

}  // namespace
}  // namespace taawun
