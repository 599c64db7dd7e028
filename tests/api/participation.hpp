#pragma once
// Walking a participant through the life cycle, for the tests of what comes after it
// (certificates, evaluations, alumni). Each step goes through the API as the given client, so
// that the same helpers serve the shared servers and a test's own server.
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>

#include "support/client.hpp"

namespace taawun::testing::participation {

using nlohmann::json;

inline std::string id_of(const json& record) {
  return std::to_string(record["id"].get<std::int64_t>());
}

inline std::map<std::string, std::string> if_match(const json& record) {
  return {{"If-Match", "\"" + std::to_string(record["version"].get<std::int64_t>()) + "\""}};
}

inline json expect(const Reply& reply, int status, const std::string& what) {
  if (reply.status != status) throw std::runtime_error("could not " + what + ": " + reply.body);
  return reply.json();
}

// A short training in Rabat from 2031-03-02 to 2031-03-20, open for nominations; `fields`
// replace the defaults.
inline json open_action(Client& admin, const json& fields = json::object()) {
  json body = {{"action_type", "short_training"},
               {"domain", "meteorology"},
               {"title_fr", "Prévision du temps " + unique_name("")},
               {"title_ar", "التنبؤ الجوي"},
               {"city", "Rabat"},
               {"start_date", "2031-03-02"},
               {"end_date", "2031-03-20"},
               {"seats", 10}};
  body.update(fields);
  json action = expect(admin.post("/api/v1/actions", body), 201, "create an action");
  return expect(admin.post("/api/v1/actions/" + id_of(action) + "/status", {{"status", "open"}}, if_match(action)), 200,
                "open the action");
}

// Moves the action to its next statuses (selection_closed, ongoing, ...).
inline json advance_action(Client& admin, json action, std::initializer_list<const char*> statuses) {
  for (const char* status : statuses) {
    json current = expect(admin.get("/api/v1/actions/" + id_of(action)), 200, "read the action");
    action = expect(admin.post("/api/v1/actions/" + id_of(action) + "/status", {{"status", status}}, if_match(current)),
                    200, std::string("move the action to ") + status);
  }
  return action;
}

inline json person(Client& as, const json& fields) {
  return expect(as.post("/api/v1/people", fields), 201, "register a person")["person"];
}

inline json nominate(Client& as, const json& action, const json& who) {
  return expect(as.post("/api/v1/actions/" + id_of(action) + "/nominations", {{"person_id", who["id"]}}), 201,
                "nominate");
}

// Moves a nomination along its states; returns it in the last one.
inline json walk(Client& admin, json nomination, std::initializer_list<const char*> states) {
  for (const char* state : states)
    nomination = expect(
        admin.post("/api/v1/nominations/" + id_of(nomination) + "/transitions", {{"to", state}}, if_match(nomination)),
        200, std::string("move the nomination to ") + state)["nomination"];
  return nomination;
}

// Records the participant present on each day given.
inline json present(Client& admin, json nomination, std::initializer_list<const char*> days) {
  for (const char* day : days)
    nomination = expect(admin.put("/api/v1/nominations/" + id_of(nomination) + "/attendance/" + day,
                                  {{"present", true}}, if_match(nomination)),
                        200, "record attendance");
  return nomination;
}

inline json read_nomination(Client& admin, const json& nomination) {
  return expect(admin.get("/api/v1/nominations/" + id_of(nomination)), 200, "read the nomination");
}

}  // namespace taawun::testing::participation
