#pragma once
// Child processes for the tests: the taawun binary under test and PostgreSQL's tools.
#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace taawun::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output and error together
};

// Runs a command to its end, feeding `input` to its standard input.
CommandResult run_command(const std::vector<std::string>& args, const std::string& input = {});

// A long-running child whose output goes to a log file.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, const std::string& log_path);
  ~ChildProcess();  // SIGKILL if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  pid_t pid() const { return pid_; }
  void signal(int number);
  // Waits for the exit; returns the exit code, 128+signal when killed, -1 on timeout.
  int wait(int timeout_ms);
  bool running();
  std::string log() const;

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  bool exited_ = false;
  int status_ = 0;
};

}  // namespace taawun::testing
