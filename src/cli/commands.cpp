#include "cli/commands.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "areas/accounts/accounts.hpp"
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "areas/reference/reference.hpp"
#include "cli/demo.hpp"
#include "cli/settings.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "db/migrator.hpp"
#include "http/app.hpp"
#include "http/server.hpp"

#ifndef TAAWUN_VERSION
#define TAAWUN_VERSION "0.1.0"
#endif

namespace taawun::cli {
namespace {

// A failure the user can fix: printed as one line, exit code 1.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What `diplomatic-missions load` did, and every row it could not take, counted with examples.
void print_load_report(std::ostream& out, const diplomatic_missions::LoadReport& report, bool as_json) {
  if (as_json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : report.problems)
      problems.push_back({{"code", p.code}, {"count", p.count}, {"examples", p.examples}});
    out << nlohmann::json{{"rows", report.rows},       {"created", report.created},
                          {"updated", report.updated}, {"unchanged", report.unchanged},
                          {"skipped", report.skipped}, {"kept_staff_edits", report.kept_staff_edits},
                          {"problems", problems}}
               .dump(2)
        << "\n";
    return;
  }
  out << fmt::format("{} rows: {} created, {} updated, {} unchanged, {} skipped; {} staff edits kept\n", report.rows,
                     report.created, report.updated, report.unchanged, report.skipped, report.kept_staff_edits);
  for (const auto& p : report.problems)
    out << fmt::format("  {}: {} (e.g. {})\n", p.code, p.count, fmt::join(p.examples, "; "));
}

db::DatabaseUrl database_url(const Settings& settings) {
  auto url = db::parse_url(settings.database);
  if (!url)
    throw UsageError(fmt::format("database URL `{}` is not sqlite:PATH or postgresql://...", settings.database));
  if (url->dialect == db::Dialect::sqlite) {
    auto parent = std::filesystem::path(url->target).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  return *url;
}

std::string read_password(const std::string& what) {
  std::string password;
  if (!std::getline(std::cin, password) || password.empty())
    throw UsageError(fmt::format("{}: expected a password on standard input", what));
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void fail_on(const Error& error, std::string_view what) {
  std::string message = fmt::format("{}: {}", what, error_code_name(error.code));
  if (!error.detail_key.empty()) message += fmt::format(" ({})", error.detail_key);
  for (const auto& field : error.field_errors) {
    message += fmt::format("\n  {}: {}", field.field, field.code);
    for (const auto& [key, value] : field.params) message += fmt::format(" {}={}", key, value);
  }
  throw UsageError(message);
}

// Migrations and reference data are applied on every start: both are idempotent and quick.
void prepare(db::Connection& connection) {
  for (const auto& name : db::migrate(connection)) spdlog::info("applied migration {}", name);
  auto counts = reference::load(connection);
  spdlog::debug("reference data: {} countries, {} currencies, {} codelist entries", counts.countries, counts.currencies,
                counts.codelist_entries);
}

void configure_logging(const std::string& level) {
  // Logs go to standard error: standard output carries what a command answers (an API token,
  // a count), which scripts read.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("taawun"));
  spdlog::set_pattern("time=%Y-%m-%dT%H:%M:%S.%eZ level=%l thread=%t %v", spdlog::pattern_time_type::utc);
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") throw UsageError(fmt::format("unknown log level `{}`", level));
  spdlog::set_level(parsed);
}

void backup_sqlite(const db::DatabaseUrl& url, const std::string& file) {
  if (url.dialect != db::Dialect::sqlite)
    throw UsageError("backup copies a SQLite database; for PostgreSQL use pg_dump");
  if (std::filesystem::exists(file)) throw UsageError(fmt::format("{} already exists; choose a new file", file));
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  if (sqlite3_open_v2(url.target.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open(file.c_str(), &target) != SQLITE_OK) {
    std::string message =
        fmt::format("cannot open {}: {}", source ? file : url.target, sqlite3_errmsg(target ? target : source));
    sqlite3_close(source);
    sqlite3_close(target);
    throw UsageError(message);
  }
  sqlite3_busy_timeout(source, 10000);
  // The online backup copies a consistent snapshot while the server keeps writing: all pages in
  // one step, inside one read transaction (in WAL mode it does not stop the writers). Copying a
  // few pages at a time would start over at every write of another connection, and under a
  // steady stream of writes never end.
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  int rc = SQLITE_OK;
  if (backup) {
    do {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
  }
  std::string message = sqlite3_errmsg(target);
  sqlite3_close(source);
  sqlite3_close(target);
  if (rc != SQLITE_DONE) {
    std::filesystem::remove(file);
    throw UsageError(fmt::format("backup failed: {}", message));
  }
}

// Puts a backup in place of the database at `url` (the server stopped). The copy must be a
// sound Taawun database: integrity checked and its migrations table present, before a byte of
// the target is touched; an existing database is replaced only when asked.
void restore_sqlite(const db::DatabaseUrl& url, const std::string& file, bool replace) {
  if (url.dialect != db::Dialect::sqlite)
    throw UsageError("restore puts back a SQLite backup; for PostgreSQL use pg_restore or psql (README)");
  if (!std::filesystem::exists(file)) throw UsageError(fmt::format("{} does not exist", file));
  {
    sqlite3* copy = nullptr;
    auto single_text = [&](const char* sql) -> std::optional<std::string> {
      sqlite3_stmt* statement = nullptr;
      std::optional<std::string> value;
      if (sqlite3_prepare_v2(copy, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        if (auto* text = sqlite3_column_text(statement, 0)) value = reinterpret_cast<const char*>(text);
      sqlite3_finalize(statement);
      return value;
    };
    bool opened = sqlite3_open_v2(file.c_str(), &copy, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
    auto integrity = opened ? single_text("PRAGMA integrity_check") : std::nullopt;
    auto migrations =
        opened ? single_text("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
               : std::nullopt;
    sqlite3_close(copy);
    if (!integrity) throw UsageError(fmt::format("{} is not a readable SQLite database; nothing was restored", file));
    if (*integrity != "ok")
      throw UsageError(
          fmt::format("{} is damaged (PRAGMA integrity_check: {}); nothing was restored", file, *integrity));
    if (!migrations) throw UsageError(fmt::format("{} is not a Taawun database; nothing was restored", file));
  }
  bool exists = std::filesystem::exists(url.target) && std::filesystem::file_size(url.target) > 0;
  if (exists && !replace)
    throw UsageError(
        fmt::format("{} already holds a database; stop the server and add --replace to replace it", url.target));
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  if (sqlite3_open_v2(file.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open(url.target.c_str(), &target) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(target ? target : source);
    sqlite3_close(source);
    sqlite3_close(target);
    throw UsageError(fmt::format("cannot open {}: {}", url.target, message));
  }
  sqlite3_busy_timeout(target, 10000);
  // The backup API writes the copy into the target through its own journal: a restore cut short
  // leaves the old database as it was.
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  int rc = backup ? sqlite3_backup_step(backup, -1) : SQLITE_ERROR;
  if (backup) sqlite3_backup_finish(backup);
  std::string message = sqlite3_errmsg(target);
  sqlite3_close(source);
  sqlite3_close(target);
  if (rc != SQLITE_DONE) throw UsageError(fmt::format("restore failed: {}", message));
}

// The route table as a reader wants it: one line per route, columns aligned; who may call it
// is computed from the permission registry, as App::admit decides.
void print_routes(std::ostream& out) {
  struct Line {
    std::string method, path, callers, work, guard;
  };
  std::vector<Line> lines{{"METHOD", "PATH", "WHO MAY CALL IT", "WORK", "GUARD"}};
  for (const auto& route : http::route_table())
    lines.push_back({std::string(boost::beast::http::to_string(route.method)), route.pattern,
                     http::route_callers(route), route.work == http::Work::quick ? "quick" : "blocking",
                     route.guard ? std::string(route.guard.name) : "-"});
  std::size_t method = 0, path = 0, callers = 0, work = 0;
  for (const auto& line : lines) {
    method = std::max(method, line.method.size());
    path = std::max(path, line.path.size());
    callers = std::max(callers, line.callers.size());
    work = std::max(work, line.work.size());
  }
  for (const auto& line : lines)
    out << fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {}\n", line.method, method, line.path, path, line.callers,
                       callers, line.work, work, line.guard);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Taawun: the information system of an international cooperation agency."};
  app.require_subcommand(1);
  app.set_version_flag("--version", TAAWUN_VERSION);
  Settings settings;
  std::string config_file;
  std::optional<std::string> database_flag;
  // Options every command takes.
  auto common = [&](CLI::App* command) {
    command->add_option("--config", config_file, "TOML configuration file (see config/taawun.example.toml)")
        ->check(CLI::ExistingFile);
    command->add_option("--database", database_flag,
                        "sqlite:PATH or postgresql://USER@HOST/NAME (default sqlite:var/taawun.db)");
  };

  auto* serve = app.add_subcommand("serve", "Serve the API and the web application");
  common(serve);
  std::optional<std::string> listen_flag, web_flag;
  serve->add_option("--listen", listen_flag, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--web", web_flag, "folder of the built web application (default web/dist)");
  std::optional<std::string> require_totp_flag;
  serve
      ->add_option("--require-totp", require_totp_flag,
                   "whose accounts must sign in with a second factor: admin_finance (default), all or none")
      ->check(CLI::IsMember({"admin_finance", "all", "none"}));

  auto* migrate = app.add_subcommand("migrate", "Apply the database migrations that are not applied yet");
  common(migrate);

  auto* reference_command = app.add_subcommand("reference", "Reference data (countries, currencies, codelists)");
  reference_command->require_subcommand(1);
  auto* reference_load = reference_command->add_subcommand("load", "Load or update the reference data");
  common(reference_load);

  auto* user = app.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  std::string user_name, role;
  std::vector<std::string> countries;
  std::vector<std::int64_t> organisation_ids;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", "Create an account");
  common(user_add);
  user_add->add_option("name", user_name, "user name")->required();
  user_add->add_option("--role", role, "admin, manager, officer, finance, partner, host or viewer")->required();
  user_add->add_option("--country", countries, "ISO alpha-2 country in a partner's scope (repeatable)");
  user_add->add_option("--organisation", organisation_ids, "organisation id in a host's scope (repeatable)");
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();
  auto* user_passwd = user->add_subcommand("passwd", "Set an account's password");
  common(user_passwd);
  user_passwd->add_option("name", user_name, "user name")->required();
  user_passwd->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();
  auto* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
  common(user_disable);
  user_disable->add_option("name", user_name, "user name")->required();

  auto* token = app.add_subcommand("token", "API tokens for integrations");
  token->require_subcommand(1);
  std::string token_name, token_user = "admin";
  std::optional<std::string> token_expires;
  bool token_read_only = false;
  auto* token_create = token->add_subcommand("create", "Create an API token and print it once");
  common(token_create);
  token_create->add_option("name", token_name, "what the token is for")->required();
  token_create->add_option("--user", token_user, "account the token acts as (default admin)");
  token_create->add_option("--expires", token_expires, "last day the token works, YYYY-MM-DD (default never)");
  token_create->add_flag("--read-only", token_read_only, "the token may only read (GET); writes answer 403");

  auto* demo = app.add_subcommand("demo", "Fill an empty database with a realistic demo dataset and accounts");
  common(demo);
  int scale = 1;
  bool if_empty = false;
  std::string credentials_file;
  demo->add_option("--scale", scale, "multiply the dataset (100 gives about 100,000 organisations)")
      ->check(CLI::Range(1, 10000));
  demo->add_flag("--if-empty", if_empty, "do nothing, successfully, when the database already has data");
  demo->add_option("--credentials", credentials_file, "also write the demo accounts' password to this file (mode 600)");
  demo->add_flag("--password-stdin", password_stdin, "read the demo accounts' password from standard input");

  auto* sample = app.add_subcommand(
      "sample-import", "Write a realistic nomination import file (XLSX or CSV, by FILE's extension) of N rows");
  common(sample);
  std::string sample_file;
  std::size_t sample_rows = 100;
  sample->add_option("file", sample_file, "the file to write (.xlsx or .csv)")->required();
  sample->add_option("--rows", sample_rows, "how many rows")->check(CLI::Range(1, 20000));

  auto* missions = app.add_subcommand("diplomatic-missions", "The diplomatic network (embassies and consulates)");
  missions->require_subcommand(1);
  auto* missions_load = missions->add_subcommand(
      "load", "Load or update the missions from the Wikidata extract (default: the subset built into the binary)");
  common(missions_load);
  std::string missions_file;
  bool missions_json = false;
  missions_load->add_option("file", missions_file, "the extract, comma or semicolon separated (the full CSV too)");
  missions_load->add_flag("--json", missions_json, "print the report as JSON");

  auto* backup = app.add_subcommand("backup", "Copy the SQLite database to FILE while the server runs");
  common(backup);
  std::string backup_file;
  backup->add_option("file", backup_file, "the copy to write")->required();

  auto* restore = app.add_subcommand("restore", "Put a SQLite backup FILE in place of the database (server stopped)");
  common(restore);
  std::string restore_file;
  bool restore_replace = false;
  restore->add_option("file", restore_file, "the backup to restore")->required();
  restore->add_flag("--replace", restore_replace, "replace a database that already exists");

  auto* version = app.add_subcommand("version", "Print the version");
  auto* routes = app.add_subcommand(
      "routes", "Print the whole API: method, path, who may call it, where it runs, its guard (no database needed)");

  CLI11_PARSE(app, argc, argv);
  secrets::initialise();

  try {
    if (version->parsed()) {
      std::cout << "taawun " << TAAWUN_VERSION << "\n";
      return 0;
    }
    if (routes->parsed()) {
      print_routes(std::cout);
      return 0;
    }
    if (!config_file.empty())
      if (auto problem = read_config(config_file, settings)) throw UsageError(*problem);
    if (const char* env = std::getenv("TAAWUN_DATABASE"); env && *env) settings.database = env;
    if (database_flag) settings.database = *database_flag;
    if (listen_flag) settings.listen = *listen_flag;
    if (web_flag) settings.web_dir = *web_flag;
    if (require_totp_flag) settings.require_totp = *require_totp_flag;
    configure_logging(settings.log_level);
    db::set_sqlite_durability(*db::parse_sqlite_durability(settings.sqlite_synchronous));  // checked by read_config
    clock::set_agency_time_zone(settings.time_zone);
    auto url = database_url(settings);

    if (backup->parsed()) {
      backup_sqlite(url, backup_file);
      std::cout << "backup written to " << backup_file << "\n";
      return 0;
    }
    if (restore->parsed()) {
      restore_sqlite(url, restore_file, restore_replace);
      // A backup of an older version is brought up to date like any database.
      auto restored = db::open(url);
      auto applied = db::migrate(*restored);
      std::cout << "restored " << restore_file << " into " << url.target
                << (applied.empty() ? "" : fmt::format(" (then applied {})", fmt::join(applied, ", "))) << "\n";
      return 0;
    }

    auto connection = db::open(url);
    if (migrate->parsed()) {
      auto applied = db::migrate(*connection);
      std::cout << (applied.empty() ? "database is up to date" : fmt::format("applied {}", fmt::join(applied, ", ")))
                << "\n";
      return 0;
    }
    prepare(*connection);
    auto actor = accounts::Actor::command_line();

    if (reference_load->parsed()) {
      auto counts = reference::load(*connection);
      std::cout << fmt::format("loaded {} countries, {} currencies, {} codelist entries\n", counts.countries,
                               counts.currencies, counts.codelist_entries);
    } else if (user_add->parsed()) {
      accounts::UserDraft draft;
      draft.username = user_name;
      draft.role = role;
      draft.password = read_password("user add");
      if (!countries.empty()) draft.countries = countries;
      if (!organisation_ids.empty()) draft.organisations = organisation_ids;
      auto created = accounts::create_user(*connection, actor, draft);
      if (!created) fail_on(created.error(), "user add");
      std::cout << fmt::format("created {} ({})\n", created->username, accounts::role_name(created->role));
    } else if (user_passwd->parsed() || user_disable->parsed()) {
      auto found = accounts::find_user_by_name(*connection, user_name);
      if (!found) throw UsageError(fmt::format("no account named `{}`", user_name));
      if (user_passwd->parsed()) {
        auto status = accounts::reset_password(*connection, actor, found->id, read_password("user passwd"));
        if (!status) fail_on(status.error(), "user passwd");
        std::cout << fmt::format("password of {} changed\n", user_name);
      } else {
        accounts::UserDraft draft;
        draft.disabled = true;
        auto updated = accounts::update_user(*connection, actor, found->id, found->version, draft);
        if (!updated) fail_on(updated.error(), "user disable");
        std::cout << fmt::format("{} disabled\n", user_name);
      }
    } else if (token_create->parsed()) {
      auto owner = accounts::find_user_by_name(*connection, token_user);
      if (!owner) throw UsageError(fmt::format("no account named `{}` (choose one with --user)", token_user));
      auto created = accounts::create_api_token(*connection, actor, token_name, owner->id,
                                                {.expires_on = token_expires, .read_only = token_read_only});
      if (!created) fail_on(created.error(), "token create");
      std::cout << created->secret << "\n";
      std::cerr << fmt::format("token {} for {}: shown once, keep it safe\n", token_name, token_user);
    } else if (demo->parsed()) {
      bool has_data = connection->query("SELECT COUNT(*) FROM organisations").front().integer(0) > 0 ||
                      connection->query("SELECT COUNT(*) FROM users").front().integer(0) > 0;
      if (has_data) {
        if (if_empty) return 0;
        throw UsageError("the database already has data; demo fills an empty database only");
      }
      std::string password = password_stdin ? read_password("demo") : secrets::random_token().substr(0, 16);
      auto counts = generate_demo(*connection, scale, password);
      if (!credentials_file.empty()) {
        std::ofstream out(credentials_file, std::ios::trunc);
        ::chmod(credentials_file.c_str(), 0600);
        out << fmt::format("Demo accounts: admin, manager, officer, finance, partner, host, viewer\nPassword: {}\n",
                           password);
      }
      std::cout << fmt::format(
          "demo data: {} organisations, {} programmes, {} agreements, {} offers, {} actions, {} people, {} "
          "nominations, {} diplomatic missions, "
          "{} accounts "
          "(admin, manager, officer, finance, partner, host, viewer)\n"
          "password of every demo account: {}\n",
          counts.organisations, counts.programmes, counts.agreements, counts.offers, counts.actions, counts.people,
          counts.nominations, counts.diplomatic_missions, counts.users, password);
    } else if (missions_load->parsed()) {
      std::string content;
      if (!missions_file.empty()) {
        std::error_code size_error;
        auto size = std::filesystem::file_size(missions_file, size_error);
        if (size_error) throw UsageError(fmt::format("could not read {}: {}", missions_file, size_error.message()));
        if (size > diplomatic_missions::kMaxLoadBytes)
          throw UsageError(fmt::format("{} is {} bytes; a missions file may hold at most {} bytes", missions_file, size,
                                       diplomatic_missions::kMaxLoadBytes));
        std::ifstream in(missions_file, std::ios::binary);
        if (!in) throw UsageError(fmt::format("could not read {}", missions_file));
        // Read no more than the limit even if the file grew since it was measured.
        content.resize(static_cast<std::size_t>(size));
        in.read(content.data(), static_cast<std::streamsize>(size));
        content.resize(static_cast<std::size_t>(in.gcount()));
      }
      auto report = missions_file.empty() ? diplomatic_missions::load_reference(*connection, actor)
                                          : diplomatic_missions::load(*connection, actor, content);
      if (!report) fail_on(report.error(), "diplomatic-missions load");
      print_load_report(std::cout, *report, missions_json);
    } else if (sample->parsed()) {
      std::mt19937 random(static_cast<std::uint32_t>(sample_rows));
      auto table = sample_nomination_file(*connection, sample_rows, random);
      bool csv = sample_file.ends_with(".csv");
      std::ofstream out(sample_file, std::ios::binary | std::ios::trunc);
      out << (csv ? spreadsheet::to_csv(table) : spreadsheet::to_xlsx(table, "nominations"));
      if (!out) throw UsageError(fmt::format("could not write {}", sample_file));
      std::cout << fmt::format("{}: {} rows\n", sample_file, table.rows.size());
    } else if (serve->parsed()) {
      auto listen = http::parse_listen_address(settings.listen);
      if (!listen) throw UsageError(fmt::format("--listen `{}` is not HOST:PORT", settings.listen));
      connection.reset();
      db::Pool pool(url, settings.pool_size);
      http::AppConfig config;
      if (std::filesystem::exists(std::filesystem::path(settings.web_dir) / "index.html"))
        config.static_dir = settings.web_dir;
      else
        spdlog::warn("no web application in {} (build it with `make web`); serving the API only", settings.web_dir);
      config.secure_cookies = settings.secure_cookies;
      config.body_limit = settings.body_limit;
      config.upload_limit = settings.upload_limit;
      config.list_cache_bytes = settings.list_cache_bytes;
      config.blocking_threads = settings.blocking_threads;
      for (const auto& proxy : settings.trusted_proxies)  // checked by read_config
        config.trusted_proxies.push_back(*http::parse_address_range(proxy));
      config.forwarded_header = *http::parse_forwarded_header(settings.forwarded_header);
      for (const auto& address : settings.metrics_addresses)  // checked by read_config
        config.metrics_addresses.push_back(*http::parse_address_range(address));
      config.metrics_token = settings.metrics_token;
      config.require_totp = *accounts::parse_totp_requirement(settings.require_totp);  // checked by read_config
      http::App application(pool, config);
      http::ServerConfig server_config;
      server_config.listen = *listen;
      server_config.io_threads = settings.io_threads;
      http::serve(application, server_config);
    }
    return 0;
  } catch (const UsageError& error) {
    std::cerr << "taawun: " << error.what() << "\n";
    return 1;
  } catch (const db::Failure& error) {
    std::cerr << "taawun: database: " << error.what() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "taawun: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace taawun::cli
