#pragma once
// What the API tests run against: the taawun binary serving a fresh database, on SQLite and on
// a throwaway PostgreSQL 15 cluster that the tests start under the build folder and stop.
#include <memory>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace taawun::testing {

enum class Backend { sqlite, postgres };
std::string backend_name(Backend backend);

// The password every test account gets.
inline constexpr const char* kPassword = "correct horse battery";

// A new, empty database: a SQLite file or a PostgreSQL database in the test cluster.
std::string fresh_database_url(Backend backend);

// One running `taawun serve` on 127.0.0.1 and an ephemeral port, with an `admin` account.
class Server {
 public:
  // `serve_options` are added to `taawun serve` (e.g. {"--config", path}).
  explicit Server(std::string database_url, std::vector<std::string> serve_options = {});
  // Another server over the database of `first` (whose admin account it shares).
  static std::unique_ptr<Server> beside(const Server& first);
  ~Server();
  void start();                                         // (re)starts on the same database
  int stop(int signal_number, int timeout_ms = 30000);  // returns the exit code
  unsigned short port() const { return port_; }
  const std::string& database_url() const { return database_url_; }
  ChildProcess& process() { return *process_; }

 private:
  Server() = default;
  std::string database_url_, log_path_;
  std::vector<std::string> serve_options_;
  std::unique_ptr<ChildProcess> process_;
  unsigned short port_ = 0;
};

// The server shared by the tests of one backend (started on first use, stopped at exit).
Server& shared_server(Backend backend);

// Runs the taawun binary with arguments; input goes to its standard input.
CommandResult taawun(const std::vector<std::string>& args, const std::string& input = {});

std::string unique_name(const std::string& prefix);
// A new file under the tests' work folder holding `content`; returns its path.
std::string work_file(const std::string& name, const std::string& content);

}  // namespace taawun::testing
