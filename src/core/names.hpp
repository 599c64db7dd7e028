#pragma once
#include <string>
#include <string_view>
#include <vector>

// Person-name matching for duplicate detection and fuzzy person search. Names arrive in Latin
// script, Arabic script or both, spelled by many hands ("Mohamed", "Mohammed", "Muhammad",
// "محمد"); these pure functions bring the spellings together. No database here: the callers
// store phonetic_key and blocking_keys beside the person and compare candidates with similarity.
namespace taawun::names {

// One word of a name. `spelling` is the word in lower-case ASCII Latin (Arabic transliterated
// by ICU, so consonantal: "mhmd"); `skeleton` is its phonetic key, where common variants meet
// (Mohamed, Muhammad, محمد → "mhmd"; Youssef, Yusuf, يوسف → "ysf"; Cheikh, Sheikh, شيخ → "xk").
// Particles (el/al, ben/bin/ibn, bint, ould, ag, ait, de, da, van, von…) are kept but flagged:
// they weigh little in a comparison and are never used as blocking keys.
struct NameToken {
  std::string skeleton;
  std::string spelling;
  bool particle = false;
};

// Words beyond these limits are ignored (no real name has them; they bound the work per call).
inline constexpr std::size_t kMaxNameTokens = 16;
inline constexpr std::size_t kMaxTokenLetters = 32;

// The tokens of a name in any script. "عبد الله" and "Abdel Kader" are joined into one word
// (Abdallah, Abdelkader are usually written as one), and the Arabic article is split off
// ("الحسن" → "al" + "hsn", like "El Hassan"). Thread-safe.
std::vector<NameToken> name_tokens(std::string_view any_script_name);

// A person's name as recorded: the Latin-script name and the Arabic-script name, either may be
// empty. Tokenise once, then compare against many candidates.
struct PersonName {
  std::vector<NameToken> latin;
  std::vector<NameToken> arabic;
};
PersonName person_name(std::string_view latin, std::string_view arabic);

// Score in [0, 1] of two records being the same person: the best of the script pairings both
// records allow (Latin↔Latin, Latin↔Arabic, Arabic↔Latin, Arabic↔Arabic); 0 when none.
// Order-insensitive over words ("TRAORE Moussa" = "Moussa Traoré", with a small penalty for
// the changed order), tolerant of a missing word (Dice over matched words, particles weighing
// a fifth of a word), and identical spellings score above phonetically equal ones.
//   ≥ kLikelyDuplicate   likely the same person: show to the user before creating a new one
//   ≥ kPossibleDuplicate possibly the same person: list among the candidates
// Known limit: the skeleton drops vowels, so Hassan and Hussein meet (scored ≈ 0.95 per word).
inline constexpr double kLikelyDuplicate = 0.85;
inline constexpr double kPossibleDuplicate = 0.70;
double similarity(const PersonName& a, const PersonName& b);
double similarity(std::string_view latin_a, std::string_view arabic_a, std::string_view latin_b,
                  std::string_view arabic_b);

// Keys for finding duplicate candidates in an indexed table without comparing every pair: the
// sorted pairs "a|b" of two distinct non-particle skeletons of the same name, over the Latin and
// the Arabic name; records sharing a key are compared with similarity. Names of more than four
// words pair only their first two and last two; a one-word name gives its skeleton alone.
// At most kMaxBlockingKeys, sorted.
inline constexpr std::size_t kMaxBlockingKeys = 10;
std::vector<std::string> blocking_keys(const PersonName& name);

// Fuzzy person search. phonetic_key is stored beside the person: its distinct skeletons (Latin
// and Arabic names), each surrounded by spaces (" mhmd ald ahmd "). search_tokens gives the
// skeletons of a query in either script, particles left out unless the query has nothing else,
// at most text::kMaxSearchWords; a person matches when the key contains " " + token for every
// token (LIKE '% mhmd%': a word prefix, so a half-typed name still finds).
std::string phonetic_key(const PersonName& name);
// keep_particles: particles too (the pair index holds them, where "Zeinab Ben" is selective).
std::vector<std::string> search_tokens(std::string_view query, bool keep_particles = false);

// What the search index stores for one person: `tokens`, the distinct skeletons of every word of
// both names (particles too), and `pairs`, each ordered pair of two distinct tokens joined by a
// space ("mhmd dl" and "dl mhmd"). A query of two words or more is answered from the pairs: its
// first word exact and its last word as a prefix, so "Mohamed Dia" reads a few hundred index
// entries instead of intersecting the tens of thousands of Mohameds with the Diallos.
// At most kMaxIndexTokens tokens, the first ones of the names, so pairs stay under 60.
inline constexpr std::size_t kMaxIndexTokens = 8;
struct SearchIndex {
  std::vector<std::string> tokens;
  std::vector<std::string> pairs;
};
SearchIndex search_index(const PersonName& name);
std::string search_pair(std::string_view first, std::string_view second);

}  // namespace taawun::names
