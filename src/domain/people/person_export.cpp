// The people list as a spreadsheet. Its first columns are the nomination template's person
// columns (person_id first), so an exported list of people can be sent back as a nomination file
// for an action: each row then names the registered person by number.
#include "domain/people/person.hpp"

namespace taawun::people {

spreadsheet::Table export_table(const std::vector<Person>& listed, const accounts::Actor& actor, Language language) {
  spreadsheet::Table table;
  table.columns = {"person_id",
                   "latin_name",
                   "arabic_name",
                   "sex",
                   "birth_date",
                   "nationality",
                   "category",
                   "position",
                   "email",
                   "phone",
                   "passport_number",
                   "passport_expiry",
                   "employer_organisation_id",
                   "employer",
                   "expert",
                   "created_at",
                   "updated_at"};
  auto text = [](const std::optional<std::string>& value) { return value.value_or(""); };
  for (const Person& p : listed) {
    bool passport = can_see_passport(actor, p);
    table.rows.push_back({std::to_string(p.id), text(p.latin_name), text(p.arabic_name), text(p.sex),
                          text(p.birth_date), text(p.nationality), p.category, text(p.position), text(p.email),
                          text(p.phone), passport ? text(p.passport_number) : "",
                          passport ? text(p.passport_expiry) : "",
                          p.employer_organisation_id ? std::to_string(*p.employer_organisation_id) : "",
                          p.employer_name.in(language), p.expert ? "yes" : "no", p.created_at, p.updated_at});
  }
  return table;
}

}  // namespace taawun::people
