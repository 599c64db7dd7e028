// The inputs the fuzzers found (fuzz/regressions/<target>/: each one crashed, hung or broke a
// promise of a libFuzzer target) and the seed corpus (fuzz/corpus/<target>/), each fed through
// the same check as its target (fuzz/*.hpp) in this build (gcc, address and undefined
// sanitizers). A test per file, run in a child process, so that a crash fails that test and not
// the suite; a regression fails until the code it found is fixed. ADR 0011.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/csv.hpp"
#include "../../fuzz/document.hpp"
#include "../../fuzz/json_body.hpp"
#include "../../fuzz/query.hpp"
#include "../../fuzz/xlsx.hpp"

namespace taawun {
namespace {

namespace fs = std::filesystem;
using Check = std::string (*)(std::string_view);

struct Target {
  const char* name;
  Check check;
};
constexpr Target kTargets[] = {{"csv_fuzz", fuzz::check_csv},
                               {"xlsx_fuzz", fuzz::check_xlsx},
                               {"json_fuzz", fuzz::check_json_body},
                               {"query_fuzz", fuzz::check_query},
                               {"document_fuzz", fuzz::check_document}};

struct Input {
  std::string target, kind, path;  // kind: "regressions" or "corpus"
  Check check;
};

void PrintTo(const Input& input, std::ostream* out) {
  *out << input.path;
}

std::vector<Input> inputs() {
  std::vector<Input> found;
  for (const char* kind : {"regressions", "corpus"})
    for (const auto& target : kTargets) {
      fs::path folder = fs::path(TAAWUN_SOURCE_DIR) / "fuzz" / kind / target.name;
      if (!fs::is_directory(folder)) continue;
      std::vector<std::string> files;
      for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (auto& file : files) found.push_back({target.name, kind, std::move(file), target.check});
    }
  return found;
}

std::string test_name(const ::testing::TestParamInfo<Input>& info) {
  std::string name = info.param.target + "_" + info.param.kind + "_" + fs::path(info.param.path).filename().string();
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name + "_" + std::to_string(info.index);  // unique even if two names clean to the same
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class FuzzInput : public ::testing::TestWithParam<Input> {};

TEST_P(FuzzInput, IsHandledAsPromised) {
  const Input& input = GetParam();
  std::string bytes = read_bytes(input.path);
  std::fflush(nullptr);
  pid_t pid = fork();
  ASSERT_GE(pid, 0) << "fork failed";
  if (pid == 0) {
    // The child only runs the check and leaves: never back into googletest, which would go on
    // with the other tests in this process too.
    alarm(60);  // a hang fails the test (SIGALRM) rather than the run
    int code = 0;
    try {
      std::string problem = input.check(bytes);
      if (!problem.empty()) {
        std::fprintf(stderr, "%s: broken promise: %s\n", input.path.c_str(), problem.c_str());
        code = 1;
      }
    } catch (const std::exception& error) {
      std::fprintf(stderr, "%s: exception escaped: %s\n", input.path.c_str(), error.what());
      code = 2;
    } catch (...) {
      std::fprintf(stderr, "%s: exception escaped\n", input.path.c_str());
      code = 2;
    }
    std::fflush(nullptr);
    _exit(code);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  std::string again = "again: build/fuzz/" + input.target + " " + input.path;
  if (WIFSIGNALED(status))
    ADD_FAILURE() << input.path << ": died of signal " << WTERMSIG(status) << ", see the report above (" << again
                  << ")";
  else if (int code = WEXITSTATUS(status); code != 0)
    ADD_FAILURE() << input.path << ": exit status " << code << ", see the report above (" << again << ")";
}

INSTANTIATE_TEST_SUITE_P(Fuzz, FuzzInput, ::testing::ValuesIn(inputs()), test_name);

}  // namespace
}  // namespace taawun
