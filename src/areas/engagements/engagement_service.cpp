// Engagement use cases, each inside one transaction with its audit entry. What is the area's own:
// dates known to the day, the month or the year and in order, themes and goals from their lists,
// beneficiaries as countries and groups, an amount in its currency's decimals, notifications.
#include <fmt/format.h>

#include <set>

#include "areas/engagements/engagement.hpp"
#include "areas/engagements/engagement_store.hpp"
#include "areas/reference/reference.hpp"
#include "core/money.hpp"
#include "domain/drafts.hpp"

namespace taawun::engagements {
namespace {

// ISO 8601 at reduced precision: "2003", "2003-06" or "2003-06-15" (a valid calendar date). Such
// dates compare as text: "2003" sorts before every day of 2003, "2003-12" before "2004".
bool is_partial_date(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  if (text.size() == 4) return digits(0, 4) && text >= "1900";
  if (text.size() == 7)
    return digits(0, 4) && text[4] == '-' && digits(5, 2) && text.substr(5) >= "01" && text.substr(5) <= "12" &&
           text.substr(0, 4) >= "1900";
  return is_date(text) && text.substr(0, 4) >= "1900";
}

bool check_partial_date(std::vector<FieldError>& problems, const std::string& field,
                        const std::optional<std::string>& value) {
  if (!value) return false;
  if (is_partial_date(*value)) return true;
  problems.push_back({field, "invalid_partial_date"});
  return false;
}

// "2003" is the last day of 2003 when it ends something: a presidency "from 2003 to 2003" is in order.
std::string as_end(const std::string& date) {
  if (date.size() == 4) return date + "-12-31";
  if (date.size() == 7) return date + "-31";
  return date;
}

void check_dates(const Engagement& record, std::vector<FieldError>& problems) {
  bool starts = check_partial_date(problems, "starts_on", record.starts_on);
  bool ends = check_partial_date(problems, "ends_on", record.ends_on);
  bool renewed = check_partial_date(problems, "renewed_on", record.renewed_on);
  if (starts && ends && as_end(*record.ends_on) < *record.starts_on) problems.push_back({"ends_on", "before_start"});
  if (starts && renewed && as_end(*record.renewed_on) < *record.starts_on)
    problems.push_back({"renewed_on", "before_engagement_start"});
}

void check_lists(db::Connection& connection, Engagement& record, std::vector<FieldError>& problems) {
  std::vector<std::string> themes;
  for (std::size_t i = 0; i < record.themes.size(); ++i) {
    std::string theme = text::trim(record.themes[i]);
    if (!is_one_of(theme, kThemes))
      problems.push_back({fmt::format("themes[{}]", i), "invalid_choice", {{"choices", listed(kThemes)}}});
    else if (!is_in(themes, theme))
      themes.push_back(theme);
  }
  record.themes = themes;
  std::vector<std::int64_t> sdgs;
  for (std::size_t i = 0; i < record.sdgs.size(); ++i) {
    if (record.sdgs[i] < 1 || record.sdgs[i] > kSdgCount)
      problems.push_back(
          {fmt::format("sdgs[{}]", i), "out_of_range", {{"min", "1"}, {"max", std::to_string(kSdgCount)}}});
    else if (!is_in(sdgs, record.sdgs[i]))
      sdgs.push_back(record.sdgs[i]);
  }
  std::sort(sdgs.begin(), sdgs.end());
  record.sdgs = sdgs;
  std::vector<std::string> groups;
  for (std::size_t i = 0; i < record.beneficiary_groups.size(); ++i) {
    std::string group = text::trim(record.beneficiary_groups[i]);
    if (!is_one_of(group, kGroups))
      problems.push_back({fmt::format("beneficiary_groups[{}]", i), "invalid_choice", {{"choices", listed(kGroups)}}});
    else if (!is_in(groups, group))
      groups.push_back(group);
  }
  record.beneficiary_groups = groups;
  std::vector<std::string> countries;
  for (std::size_t i = 0; i < record.beneficiary_countries.size(); ++i) {
    std::string code = upper_cased(cleaned(record.beneficiary_countries[i])).value_or("");
    std::string at = fmt::format("beneficiary_countries[{}]", i);
    if (!reference::find_country(connection, code))
      problems.push_back({at, "unknown_country"});
    else if (is_in(countries, code))
      problems.push_back({at, "duplicate"});
    else
      countries.push_back(code);
  }
  record.beneficiary_countries = countries;
}

void check_notifications(db::Connection& connection, Engagement& record, const std::vector<NotificationDraft>& drafts,
                         std::vector<FieldError>& problems) {
  record.notifications.clear();
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    std::string at = fmt::format("notifications[{}]", i);
    Notification n;
    n.organisation_id = drafts[i].organisation_id;
    n.notified_on = cleaned(drafts[i].notified_on);
    n.reference = cleaned(drafts[i].reference);
    n.note = cleaned(drafts[i].note);
    if (!n.organisation_id && !n.note) problems.push_back({at + ".organisation_id", "required"});
    if (n.organisation_id && !organisation_exists(connection, *n.organisation_id))
      problems.push_back({at + ".organisation_id", "unknown_organisation"});
    bool dated = check_partial_date(problems, at + ".notified_on", n.notified_on);
    if (dated && record.starts_on && is_partial_date(*record.starts_on) && as_end(*n.notified_on) < *record.starts_on)
      problems.push_back({at + ".notified_on", "before_engagement_start"});
    check_length(problems, at + ".reference", n.reference, kMaxReferenceLength);
    check_length(problems, at + ".note", n.note, kMaxNoteLength);
    record.notifications.push_back(std::move(n));
  }
}

// Applies a draft onto a record (a blank one for creation) and checks the result as a whole.
Result<Engagement> apply(db::Connection& connection, Engagement record, const EngagementDraft& draft) {
  std::vector<FieldError> problems;
  if (draft.organisation_id.present) record.organisation_id = draft.organisation_id.value.value_or(0);
  if (draft.kind.present) record.kind = cleaned(draft.kind.value).value_or("");
  if (draft.title_fr.present) record.title_fr = cleaned(draft.title_fr.value);
  if (draft.title_ar.present) record.title_ar = cleaned(draft.title_ar.value);
  if (draft.title_en.present) record.title_en = cleaned(draft.title_en.value);
  if (draft.description_fr.present) record.description_fr = cleaned(draft.description_fr.value);
  if (draft.description_ar.present) record.description_ar = cleaned(draft.description_ar.value);
  if (draft.description_en.present) record.description_en = cleaned(draft.description_en.value);
  if (draft.starts_on.present) record.starts_on = cleaned(draft.starts_on.value);
  if (draft.ends_on.present) record.ends_on = cleaned(draft.ends_on.value);
  if (draft.renewed_on.present) record.renewed_on = cleaned(draft.renewed_on.value);
  if (draft.themes.present) record.themes = draft.themes.value.value_or(std::vector<std::string>());
  if (draft.sdgs.present) record.sdgs = draft.sdgs.value.value_or(std::vector<std::int64_t>());
  if (draft.beneficiary_groups.present)
    record.beneficiary_groups = draft.beneficiary_groups.value.value_or(std::vector<std::string>());
  if (draft.beneficiary_countries.present)
    record.beneficiary_countries = draft.beneficiary_countries.value.value_or(std::vector<std::string>());
  if (draft.currency.present) record.currency = upper_cased(cleaned(draft.currency.value));

  if (record.organisation_id == 0) {
    problems.push_back({"organisation_id", "required"});
  } else {
    auto rows = connection.query("SELECT name_fr, name_ar, name_en FROM organisations WHERE id = ?",
                                 db::Params(record.organisation_id));
    if (rows.empty())
      problems.push_back({"organisation_id", "unknown_organisation"});
    else
      record.organisation_name = {rows.front().optional_text(0).value_or(""),
                                  rows.front().optional_text(1).value_or(""),
                                  rows.front().optional_text(2).value_or("")};
  }
  if (record.kind.empty())
    problems.push_back({"kind", "required"});
  else
    check_choice(problems, "kind", record.kind, kKinds);
  if (!record.title_fr && !record.title_ar && !record.title_en) problems.push_back({"title_fr", "one_title_required"});
  check_length(problems, "title_fr", record.title_fr, kMaxTitleLength);
  check_length(problems, "title_ar", record.title_ar, kMaxTitleLength);
  check_length(problems, "title_en", record.title_en, kMaxTitleLength);
  check_length(problems, "description_fr", record.description_fr, kMaxDescriptionLength);
  check_length(problems, "description_ar", record.description_ar, kMaxDescriptionLength);
  check_length(problems, "description_en", record.description_en, kMaxDescriptionLength);
  check_dates(record, problems);
  check_lists(connection, record, problems);
  if (draft.notifications.present)
    check_notifications(connection, record, draft.notifications.value.value_or(std::vector<NotificationDraft>()),
                        problems);

  // The amount, in its currency's decimals; a currency alone (no amount) is kept for the form.
  bool currency_known = false;
  if (record.currency) {
    currency_known = reference_code_exists(connection, ReferenceTable::currencies, *record.currency);
    if (!currency_known) problems.push_back({"currency", "unknown_code", {{"codelist", "ISO 4217"}}});
  }
  if (draft.amount.present) {
    auto amount = cleaned(draft.amount.value);
    record.amount_minor.reset();
    if (amount && !record.currency)
      problems.push_back({"currency", "required_with_amount"});
    else if (currency_known)
      record.amount_minor = check_amount(problems, "amount", amount, money::exponent(*record.currency));
  } else if (record.amount_minor && draft.currency.present) {
    // A new currency with the old amount would change its value: the amount must be sent again.
    problems.push_back({"amount", "required"});
  }
  TAAWUN_CHECK(report(draft.input_problems, std::move(problems)));
  return record;
}

}  // namespace

Result<Page<Engagement>> list(db::Connection& connection, const accounts::Actor& actor,
                              const EngagementFilter& filter) {
  kit::Where where;
  where.equals("e.kind", filter.kind).equals("e.organisation_id", filter.organisation_id);
  // Each word of the query is in the engagement's titles or in its organisation's names, read
  // from the organisation itself so that a renamed organisation is found by its new name.
  if (filter.text)
    for (const auto& word : text::search_words(*filter.text))
      where.add(
          "(e.search_key LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM organisations so WHERE so.id = e.organisation_id "
          "AND so.search_key LIKE ? ESCAPE '\\'))",
          text::like_contains(word), text::like_contains(word));
  if (filter.theme)
    where.add("EXISTS (SELECT 1 FROM engagement_themes t WHERE t.engagement_id = e.id AND t.theme = ?)", *filter.theme);
  // The goals are few words in one column: " 3 " within " 1 3 17 ".
  if (filter.sdg) where.add("(' ' || e.sdgs || ' ') LIKE ?", fmt::format("% {} %", *filter.sdg));
  if (filter.benefits)
    where.add(fmt::format("EXISTS (SELECT 1 FROM countries c WHERE c.code = ? AND {})", benefits_condition("e.id")),
              *filter.benefits);
  // Under way at some time of the year: begun by its end (or undated), not ended before it began.
  if (filter.year)
    where.add("(e.starts_on IS NULL OR e.starts_on <= ?) AND (e.ends_on IS NULL OR e.ends_on >= ?)",
              fmt::format("{:04}-12-31", *filter.year), fmt::format("{:04}", *filter.year));
  Scope scope = visible_scope(actor);
  // A partner focal point lists the engagements that benefit one of its countries (an empty scope
  // matches nothing).
  if (!scope.all)
    where.append([&](std::string& sql, db::Params& params) {
      sql += " AND EXISTS (SELECT 1 FROM countries c WHERE " + benefits_condition("e.id");
      append_in_scope(sql, params, "c.code", scope.countries);
      sql += ")";
    });
  return kit::list(connection, kind(), actor, std::move(where), filter.sort, filter.page);
}

Result<Engagement> get(db::Connection& connection, const accounts::Actor& actor, std::int64_t id) {
  return kit::get(connection, kind(), actor, id);
}

Result<Engagement> create(db::Connection& connection, const accounts::Actor& actor, const EngagementDraft& draft) {
  return kit::plain_create(connection, kind(), actor, can(actor, Action::create),
                           [&](Engagement blank) { return apply(connection, std::move(blank), draft); });
}

Result<Engagement> update(db::Connection& connection, const accounts::Actor& actor, std::int64_t id,
                          std::int64_t expected_version, const EngagementDraft& draft) {
  return kit::plain_update(
      connection, kind(), actor, id, expected_version,
      [&](const Engagement& current) { return can(actor, Action::update, current); },
      [&](Engagement current) { return apply(connection, std::move(current), draft); });
}

}  // namespace taawun::engagements
