// The people list as a spreadsheet. Its first columns are the nomination template's person
// columns (person_id first), so an exported list of people can be sent back as a nomination file
// for an action: each row then names the registered person by number.
#include "areas/people/person.hpp"

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
  table.mark_numeric({"person_id", "employer_organisation_id"});
  for (const Person& p : listed) {
    bool passport = can_see_passport(actor, p);
    table.rows.push_back({std::to_string(p.id), spreadsheet::cell(p.latin_name), spreadsheet::cell(p.arabic_name),
                          spreadsheet::cell(p.sex), spreadsheet::cell(p.birth_date), spreadsheet::cell(p.nationality),
                          p.category, spreadsheet::cell(p.position), spreadsheet::cell(p.email),
                          spreadsheet::cell(p.phone), passport ? spreadsheet::cell(p.passport_number) : "",
                          passport ? spreadsheet::cell(p.passport_expiry) : "",
                          spreadsheet::cell(p.employer_organisation_id), p.employer_name.in(language),
                          spreadsheet::cell(p.expert), p.created_at, p.updated_at});
  }
  return table;
}

}  // namespace taawun::people
