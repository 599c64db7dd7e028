#include "support/environment.hpp"

#include <gtest/gtest.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <thread>

#include "db/database.hpp"

namespace taawun::testing {
namespace fs = std::filesystem;

namespace {

const fs::path kWork = fs::path(TAAWUN_BUILD_DIR) / "test-work";
constexpr const char* kPostgresBin = "/usr/lib/postgresql/15/bin";

std::vector<std::string> as_postgres_user(std::vector<std::string> args) {
  // initdb and postgres refuse to run as root: run them as the postgres system user.
  if (geteuid() == 0) args.insert(args.begin(), {"runuser", "-u", "postgres", "--"});
  return args;
}

// A PostgreSQL cluster of our own, on a private port, with fsync off (throwaway data).
class PostgresCluster {
 public:
  PostgresCluster() {
    directory_ = kWork / ("pg-" + std::to_string(getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
    if (geteuid() == 0) {
      passwd* pg = getpwnam("postgres");
      if (!pg) throw std::runtime_error("the postgres system user is missing (is postgresql-15 installed?)");
      fs::permissions(kWork, fs::perms::all, fs::perm_options::add);
      if (chown(directory_.c_str(), pg->pw_uid, pg->pw_gid) != 0) throw std::runtime_error("chown failed");
    }
    auto init =
        run_command(as_postgres_user({std::string(kPostgresBin) + "/initdb", "-D", (directory_ / "data").string(), "-U",
                                      "taawun", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"}));
    if (init.exit_code != 0) throw std::runtime_error("initdb failed:\n" + init.output);
    port_ = static_cast<unsigned short>(20000 + getpid() % 20000);
    auto start = run_command(
        as_postgres_user({std::string(kPostgresBin) + "/pg_ctl", "-D", (directory_ / "data").string(), "-w", "-t", "60",
                          "-l", (directory_ / "server.log").string(), "-o",
                          "-p " + std::to_string(port_) + " -c listen_addresses=127.0.0.1 -k " + directory_.string() +
                              " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                          "start"}));
    if (start.exit_code != 0) throw std::runtime_error("pg_ctl start failed:\n" + start.output);
  }
  ~PostgresCluster() {
    run_command(as_postgres_user({std::string(kPostgresBin) + "/pg_ctl", "-D", (directory_ / "data").string(), "-m",
                                  "immediate", "-w", "stop"}));
    fs::remove_all(directory_);
  }
  std::string url(const std::string& database) const {
    return "postgresql://taawun@127.0.0.1:" + std::to_string(port_) + "/" + database;
  }
  std::string create_database() {
    std::string name = "t" + std::to_string(++counter_);
    auto admin = db::open_postgres("host=127.0.0.1 port=" + std::to_string(port_) + " user=taawun dbname=postgres");
    admin->execute_script("CREATE DATABASE " + name);
    return url(name);
  }

 private:
  fs::path directory_;
  unsigned short port_ = 0;
  std::atomic<int> counter_{0};
};

std::mutex environment_mutex;
std::unique_ptr<PostgresCluster> cluster;
std::map<Backend, std::unique_ptr<Server>> servers;

// Stops the shared servers and the cluster after the last test.
class Teardown : public ::testing::Environment {
 public:
  void TearDown() override {
    std::lock_guard lock(environment_mutex);
    servers.clear();
    cluster.reset();
  }
};
const auto* registered = ::testing::AddGlobalTestEnvironment(new Teardown);

}  // namespace

std::string backend_name(Backend backend) {
  return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + std::to_string(getpid()) + "x" + std::to_string(++counter);
}

std::string work_file(const std::string& name, const std::string& content) {
  fs::create_directories(kWork);
  fs::path file = kWork / (unique_name("file") + "-" + name);
  std::ofstream(file, std::ios::binary) << content;
  return file.string();
}

std::string fresh_database_url(Backend backend) {
  std::lock_guard lock(environment_mutex);
  if (backend == Backend::postgres) {
    if (!cluster) cluster = std::make_unique<PostgresCluster>();
    return cluster->create_database();
  }
  fs::create_directories(kWork);
  fs::path file = kWork / (unique_name("db") + ".sqlite");
  fs::remove(file);
  return "sqlite:" + file.string();
}

CommandResult taawun(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> command{TAAWUN_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  return run_command(command, input);
}

Server::Server(std::string database_url, std::vector<std::string> serve_options)
    : database_url_(std::move(database_url)), serve_options_(std::move(serve_options)) {
  log_path_ = (kWork / (unique_name("server") + ".log")).string();
  auto created = taawun({"user", "add", "admin", "--role", "admin", "--password-stdin", "--database", database_url_},
                        std::string(kPassword) + "\n");
  // A database restored from another's backup already has its admin (same password).
  bool restored = created.output.find("already_taken") != std::string::npos;
  if (created.exit_code != 0 && !restored)
    throw std::runtime_error("could not create the admin account:\n" + created.output);
  start();
}

std::unique_ptr<Server> Server::beside(const Server& first) {
  std::unique_ptr<Server> server(new Server());
  server->database_url_ = first.database_url_;
  server->log_path_ = (kWork / (unique_name("server") + ".log")).string();
  server->start();
  return server;
}

Server::~Server() {
  if (process_ && process_->running()) stop(SIGTERM);
}

void Server::start() {
  std::size_t log_offset = fs::exists(log_path_) ? fs::file_size(log_path_) : 0;
  std::vector<std::string> command{TAAWUN_BINARY, "serve",       "--database", database_url_,
                                   "--listen",    "127.0.0.1:0", "--web",      (kWork / "no-web").string()};
  command.insert(command.end(), serve_options_.begin(), serve_options_.end());
  // The suite signs administrators in everywhere with a password alone; the servers of
  // src/areas/accounts/two_factor_test.cpp that check the requirement ask for it themselves.
  if (std::find(serve_options_.begin(), serve_options_.end(), "--require-totp") == serve_options_.end())
    command.insert(command.end(), {"--require-totp", "none"});
  process_ = std::make_unique<ChildProcess>(command, log_path_);
  // The server logs the port it bound: wait for that line of this start.
  static const std::regex kListening("listening on http://127\\.0\\.0\\.1:([0-9]+)");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string log = process_->log().substr(log_offset);
    std::smatch match;
    if (std::regex_search(log, match, kListening)) {
      port_ = static_cast<unsigned short>(std::stoi(match[1]));
      return;
    }
    if (!process_->running()) throw std::runtime_error("taawun serve exited:\n" + log);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("taawun serve did not start within 60 s:\n" + process_->log());
}

int Server::stop(int signal_number, int timeout_ms) {
  process_->signal(signal_number);
  int code = process_->wait(timeout_ms);
  if (code == -1) {
    process_->signal(SIGKILL);
    process_->wait(10000);
  }
  return code;
}

Server& shared_server(Backend backend) {
  static std::mutex starting;
  std::lock_guard start_lock(starting);
  {
    std::lock_guard lock(environment_mutex);
    if (auto found = servers.find(backend); found != servers.end() && found->second) return *found->second;
  }
  auto server = std::make_unique<Server>(fresh_database_url(backend));
  std::lock_guard lock(environment_mutex);
  return *(servers[backend] = std::move(server));
}

}  // namespace taawun::testing
