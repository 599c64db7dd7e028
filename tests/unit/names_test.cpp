// Unit tests of person-name matching: the spellings that must meet, the ones that must not, and
// the scores the duplicate check relies on (thresholds in core/names.hpp).
#include "core/names.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/text.hpp"

namespace taawun {
namespace {

std::vector<std::string> skeletons(std::string_view name) {
  std::vector<std::string> out;
  for (const names::NameToken& token : names::name_tokens(name)) out.push_back(token.skeleton);
  return out;
}

std::string skeleton(std::string_view word) {
  std::vector<std::string> all = skeletons(word);
  EXPECT_EQ(all.size(), 1u) << word;
  return all.empty() ? std::string() : all.front();
}

std::vector<bool> particle_flags(std::string_view name) {
  std::vector<bool> out;
  for (const names::NameToken& token : names::name_tokens(name)) out.push_back(token.particle);
  return out;
}

double score(std::string_view latin_a, std::string_view latin_b) {
  return names::similarity(latin_a, "", latin_b, "");
}

TEST(NameTokens, SpellingVariantsShareASkeleton) {
  EXPECT_EQ(skeleton("Mohamed"), "mhmd");
  for (const char* variant : {"Mohammed", "Muhammad", "Mohammad", "MOHAMED", "محمد", "مُحَمَّد"})
    EXPECT_EQ(skeleton(variant), skeleton("Mohamed")) << variant;
  for (const char* variant : {"Ahmad", "أحمد", "احمد"}) EXPECT_EQ(skeleton(variant), skeleton("Ahmed")) << variant;
  for (const char* variant : {"Abdullah", "Abdellah", "عبد الله", "عبدالله", "Abd Allah", "Abdoulaye"})
    EXPECT_EQ(skeleton(variant), skeleton("Abdallah")) << variant;
  for (const char* variant : {"Abdel Kader", "Abdulkadir", "عبد القادر"})
    EXPECT_EQ(skeleton(variant), skeleton("Abdelkader")) << variant;
  for (const char* variant : {"Abd al-Rahman", "Abdourahmane", "Abdul Rahman", "عبد الرحمن"})
    EXPECT_EQ(skeleton(variant), skeleton("Abderrahmane")) << variant;
  for (const char* variant : {"Fatma", "Fatimah", "فاطمة"}) EXPECT_EQ(skeleton(variant), skeleton("Fatima")) << variant;
  for (const char* variant : {"Aicha", "Aisha", "عائشة"}) EXPECT_EQ(skeleton(variant), skeleton("Aïcha")) << variant;
  for (const char* variant : {"Youssouf", "Yusuf", "Yousef", "يوسف"})
    EXPECT_EQ(skeleton(variant), skeleton("Youssef")) << variant;
  for (const char* variant : {"Sheikh", "Chaikh", "Cheick", "شيخ"})
    EXPECT_EQ(skeleton(variant), skeleton("Cheikh")) << variant;
  for (const char* variant : {"Khadidja", "Kadidja", "خديجة"})
    EXPECT_EQ(skeleton(variant), skeleton("Khadija")) << variant;
  for (const char* variant : {"Oumar", "Umar", "عمر"}) EXPECT_EQ(skeleton(variant), skeleton("Omar")) << variant;
  EXPECT_EQ(skeleton("Traoré"), skeleton("TRAORE"));
  EXPECT_EQ(skeleton("Diallo"), skeleton("ديالو"));
  EXPECT_EQ(skeleton("Ibrahim"), skeleton("إبراهيم"));
}

TEST(NameTokens, DifferentNamesKeepDifferentSkeletons) {
  EXPECT_NE(skeleton("Fatoumata"), skeleton("Fatima"));
  EXPECT_NE(skeleton("Ahmed"), skeleton("Hamed"));  // the initial vowel is kept as a marker
  EXPECT_NE(skeleton("Moussa"), skeleton("Mariam"));
  EXPECT_NE(skeleton("Diallo"), skeleton("Traoré"));
  EXPECT_NE(skeleton("Abdelkader"), skeleton("Abdallah"));
}

TEST(NameTokens, ArabicNameMatchesItsLatinSpellingWordForWord) {
  EXPECT_EQ(skeletons("محمد ولد أحمد"), skeletons("Mohamed Ould Ahmed"));
  EXPECT_EQ(skeletons("عبد الله بن علي"), skeletons("Abdallah Ben Ali"));
  // The glued Arabic article is split off like the Latin "El".
  EXPECT_EQ(skeletons("الحاج عمر"), skeletons("El Hadj Omar"));
  EXPECT_EQ(skeletons("الشيخ"), skeletons("El Cheikh"));
}

TEST(NameTokens, SpellingIsLowerCaseAsciiAndArabicIsTransliterated) {
  std::vector<names::NameToken> tokens = names::name_tokens("Aïcha محمد");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].spelling, "aicha");
  EXPECT_EQ(tokens[1].spelling, "mhmd");
  // ayn (ʿ after ICU) stands where Latin writes a vowel
  EXPECT_EQ(names::name_tokens("علي").at(0).spelling, "aly");
}

TEST(NameTokens, FlagsParticlesAndSpellsThemOneWay) {
  EXPECT_EQ(particle_flags("Mohamed Ould Ahmed"), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(particle_flags("Ali Ben Salah El Idrissi"), (std::vector<bool>{false, true, false, true, false}));
  EXPECT_EQ(particle_flags("Ibn Battuta bin Saleh"), (std::vector<bool>{true, false, true, false}));
  EXPECT_EQ(particle_flags("Intalla ag Attaher"), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(particle_flags("Manuel da Silva de Souza van Dijk von Trier"),
            (std::vector<bool>{false, true, false, true, false, true, false, true, false}));
  EXPECT_EQ(particle_flags("مريم بنت أحمد"), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(particle_flags("Mariem Mint Ahmed"), (std::vector<bool>{false, true, false}));
  // ben, bin, ibn and بن are one particle; so are ould and ولد.
  EXPECT_EQ(names::name_tokens("bin").at(0).spelling, names::name_tokens("بن").at(0).spelling);
  EXPECT_EQ(names::name_tokens("ibn").at(0).spelling, names::name_tokens("Ben").at(0).spelling);
  EXPECT_EQ(names::name_tokens("ولد").at(0).spelling, "ould");
  EXPECT_FALSE(names::name_tokens("Benali").at(0).particle);
}

TEST(NameTokens, EmptyAndPunctuationOnlyGiveNothing) {
  EXPECT_TRUE(names::name_tokens("").empty());
  EXPECT_TRUE(names::name_tokens("   ").empty());
  EXPECT_TRUE(names::name_tokens("-- ' . ,").empty());
  EXPECT_TRUE(names::name_tokens("12345").empty());  // digits are not part of a name
  EXPECT_TRUE(names::name_tokens("ـــ").empty());    // tatweel alone
}

TEST(NameTokens, OnlyParticles) {
  EXPECT_EQ(particle_flags("El Ben de"), (std::vector<bool>{true, true, true}));
}

TEST(NameTokens, HyphensApostrophesAndAccentsSeparateAndFold) {
  EXPECT_EQ(skeletons("Jean-Pierre"), skeletons("Jean Pierre"));
  EXPECT_EQ(skeletons("Félix Houphouët-Boigny"), skeletons("felix houphouet boigny"));
  EXPECT_EQ(skeletons("d’Almeida"), skeletons("d'Almeida"));
  EXPECT_EQ(particle_flags("d'Almeida"), (std::vector<bool>{true, false}));
  EXPECT_EQ(skeletons("(Mohamed), Ahmed."), skeletons("Mohamed Ahmed"));
  // Letters without a decomposition go through Latin-ASCII.
  std::vector<names::NameToken> tokens = names::name_tokens("Ødegaard Łukasz Strauß");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].spelling, "odegaard");
  EXPECT_EQ(tokens[1].spelling, "lukasz");
  EXPECT_EQ(tokens[2].spelling, "strauss");
}

TEST(NameTokens, HarakatTatweelAndHamzaFormsAreIgnored) {
  EXPECT_EQ(skeletons("مُحَمَّد"), skeletons("محمد"));
  EXPECT_EQ(names::name_tokens("مُحَمَّد").at(0).spelling, names::name_tokens("محمد").at(0).spelling);
  EXPECT_EQ(skeletons("مـحـمـد"), skeletons("محمد"));
  EXPECT_EQ(skeletons("إبراهيم"), skeletons("ابراهيم"));
  EXPECT_EQ(skeletons("فاطمة"), skeletons("فاطمه"));
}

TEST(NameTokens, MixedScriptInputKeepsEveryWord) {
  std::vector<std::string> mixed = skeletons("Mohamed ولد Ahmed");
  EXPECT_EQ(mixed, skeletons("Mohamed Ould Ahmed"));
  std::vector<names::NameToken> other = names::name_tokens("Иван 王 Fatima");
  ASSERT_EQ(other.size(), 3u);
  EXPECT_EQ(other[0].spelling, "ivan");
  EXPECT_EQ(other[1].spelling, "wang");
  EXPECT_EQ(other[2].skeleton, skeleton("Fatima"));
}

TEST(NameTokens, VeryLongInputIsBounded) {
  std::string many_words;
  while (many_words.size() < 500) many_words += "Mohamed Ahmed ";
  std::vector<names::NameToken> tokens = names::name_tokens(many_words);
  EXPECT_EQ(tokens.size(), names::kMaxNameTokens);

  std::string one_word(500, 'a');
  one_word[0] = 'b';
  tokens = names::name_tokens(one_word);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].spelling.size(), names::kMaxTokenLetters);

  std::string arabic;
  while (arabic.size() < 500) arabic += "عبد الرحمن ";
  tokens = names::name_tokens(arabic);
  EXPECT_LE(tokens.size(), names::kMaxNameTokens);
  EXPECT_FALSE(tokens.empty());
  EXPECT_DOUBLE_EQ(names::similarity(many_words, arabic, many_words, arabic), 1.0);
}

TEST(NameTokens, SameResultFromSeveralThreads) {
  const std::vector<std::string> inputs = {"محمد ولد أحمد", "عبد الرحمن بن علي", "Aïcha Traoré", "Łukasz Ødegaard"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& input : inputs) expected.push_back(skeletons(input));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (std::size_t i = 0; i < inputs.size(); ++i)
          if (skeletons(inputs[i]) != expected[i]) ++mismatches[t];
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, (std::vector<int>{0, 0, 0, 0}));
}

TEST(NameSimilarity, ScoresTheAgreedExamples) {
  EXPECT_GE(score("Mohamed Ould Ahmed", "Mohammed Ould Ahmed"), 0.9);
  EXPECT_GE(names::similarity("Mohamed Ould Ahmed", "", "", "محمد ولد أحمد"), 0.85);
  EXPECT_DOUBLE_EQ(score("Aminata Diallo", "Aminata Diallo"), 1.0);
  EXPECT_LT(score("Aminata Diallo", "Aminata Traoré"), 0.7);
  EXPECT_LT(score("Moussa Traoré", "Mariam Traoré"), 0.7);
  EXPECT_LT(score("Fatoumata Coulibaly", "Fatima Coulibaly"), 0.85);
  EXPECT_GE(score("Jean-Pierre Nkurunziza", "Jean Pierre Nkurunziza"), 0.95);
  EXPECT_GE(score("Ahmed Mohamed", "Mohamed Ahmed"), 0.85);
}

TEST(NameSimilarity, ToleratesMissingWordsAndParticles) {
  double without_particle = score("Mohamed Ahmed", "Mohamed Ould Ahmed");
  EXPECT_GE(without_particle, names::kLikelyDuplicate);
  double without_middle_name = score("Aminata Diallo", "Aminata Bintou Diallo");
  EXPECT_GE(without_middle_name, names::kPossibleDuplicate);
  EXPECT_LT(without_middle_name, without_particle);  // a missing word costs more than a particle
  EXPECT_GE(score("TRAORE Moussa", "Moussa Traoré"), names::kLikelyDuplicate);
  EXPECT_LT(score("Moussa Traoré", "Moussa"), names::kPossibleDuplicate);
}

TEST(NameSimilarity, IdenticalSpellingScoresAbovePhoneticEquality) {
  double identical = score("Youssouf Cissé", "Youssouf Cisse");
  double phonetic = score("Youssouf Cissé", "Yusuf Cisse");
  double typo = score("Youssouf Cissé", "Youssouf Sissoko");
  EXPECT_DOUBLE_EQ(identical, 1.0);
  EXPECT_LT(phonetic, identical);
  EXPECT_GE(phonetic, names::kLikelyDuplicate);
  EXPECT_LT(typo, phonetic);
  // A one-letter slip that changes the skeleton still leaves the names possible duplicates.
  EXPECT_GE(score("Pierre Nkurunziza", "Pierre Nkurunzisa"), names::kPossibleDuplicate);
}

TEST(NameSimilarity, UsesTheBestScriptPairing) {
  // Latin on one record, Arabic on the other.
  EXPECT_GE(names::similarity("Abdallah Traoré", "", "", "عبد الله تراوري"), names::kLikelyDuplicate);
  // Arabic on both, Latin spelled differently.
  EXPECT_GE(names::similarity("Aicha Mint Mohamed", "عائشة منت محمد", "Aisha Bint Muhammad", "عائشة منت محمد"), 0.99);
  // The Arabic names agree even though the Latin ones share nothing.
  EXPECT_DOUBLE_EQ(names::similarity("Abu", "يوسف علي", "Joseph", "يوسف علي"), 1.0);
  // Symmetric.
  EXPECT_DOUBLE_EQ(names::similarity("Mohamed Ould Ahmed", "", "", "محمد ولد أحمد"),
                   names::similarity("", "محمد ولد أحمد", "Mohamed Ould Ahmed", ""));
}

TEST(NameSimilarity, NoComparableNameScoresZero) {
  EXPECT_EQ(names::similarity("", "", "Mohamed Ahmed", "محمد أحمد"), 0.0);
  EXPECT_EQ(names::similarity("Mohamed", "", "", ""), 0.0);
  EXPECT_EQ(names::similarity("", "", "", ""), 0.0);
  EXPECT_EQ(names::similarity("---", "", "Mohamed", ""), 0.0);
  EXPECT_LT(score("Aminata Diallo", "Kwame Mensah"), 0.3);
}

TEST(NameSimilarity, StaysBetweenZeroAndOne) {
  const std::vector<std::string> sample = {"Mohamed Ould Ahmed",
                                           "محمد ولد أحمد",
                                           "Aminata Diallo",
                                           "El Ben",
                                           "Jean-Pierre Nkurunziza",
                                           "Fatoumata Coulibaly",
                                           "Ahmed Ahmed Ahmed",
                                           "",
                                           "Łukasz",
                                           "عبد الرحمن بن علي الحسني"};
  for (const std::string& a : sample)
    for (const std::string& b : sample) {
      double value = score(a, b);
      EXPECT_GE(value, 0.0) << a << " / " << b;
      EXPECT_LE(value, 1.0) << a << " / " << b;
      EXPECT_DOUBLE_EQ(value, score(b, a)) << a << " / " << b;
    }
}

TEST(NameSimilarity, PersonNameOverloadGivesTheSameScore) {
  names::PersonName a = names::person_name("Mohamed Ould Ahmed", "محمد ولد أحمد");
  names::PersonName b = names::person_name("Muhammad Ahmed", "");
  EXPECT_DOUBLE_EQ(names::similarity(a, b),
                   names::similarity("Mohamed Ould Ahmed", "محمد ولد أحمد", "Muhammad Ahmed", ""));
  EXPECT_GE(names::similarity(a, b), names::kLikelyDuplicate);
}

TEST(NameBlockingKeys, SortedPairsOfWordsWithoutParticles) {
  std::vector<std::string> keys = names::blocking_keys(names::person_name("Mohamed Ould Ahmed", ""));
  EXPECT_EQ(keys, (std::vector<std::string>{"ahmd|mhmd"}));
  keys = names::blocking_keys(names::person_name("Aminata Bintou Diallo", ""));
  EXPECT_EQ(keys, (std::vector<std::string>{"amnt|bnt", "amnt|dl", "bnt|dl"}));
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST(NameBlockingKeys, DuplicatesShareAKeyAcrossScriptsAndSpellings) {
  auto shares_a_key = [](const names::PersonName& a, const names::PersonName& b) {
    std::vector<std::string> ka = names::blocking_keys(a), kb = names::blocking_keys(b), common;
    std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(common));
    return !common.empty();
  };
  EXPECT_TRUE(shares_a_key(names::person_name("Mohamed Ould Ahmed", ""), names::person_name("", "محمد ولد أحمد")));
  EXPECT_TRUE(shares_a_key(names::person_name("Muhammad Ahmad", ""), names::person_name("Ahmed Mohammed", "")));
  EXPECT_TRUE(shares_a_key(names::person_name("Aminata Diallo", ""), names::person_name("Aminata Bintou Diallo", "")));
  EXPECT_FALSE(shares_a_key(names::person_name("Aminata Diallo", ""), names::person_name("Aminata Traoré", "")));
}

TEST(NameBlockingKeys, BoundedForLongNamesAndUnionOfScripts) {
  names::PersonName long_name = names::person_name("Jean Pierre Marie Joseph Emmanuel Nkurunziza Habimana",
                                                   "عبد الرحمن بن علي بن حسن الإدريسي الفاسي المراكشي");
  std::vector<std::string> keys = names::blocking_keys(long_name);
  EXPECT_LE(keys.size(), names::kMaxBlockingKeys);
  EXPECT_GE(keys.size(), 6u);
  // Pairs among the first two and last two words: the middle names (Marie, Joseph, Emmanuel)
  // are left out.
  EXPECT_NE(std::find(keys.begin(), keys.end(), "jn|pr"), keys.end());
  for (const std::string& key : keys) {
    std::string first = key.substr(0, key.find('|')), second = key.substr(key.find('|') + 1);
    for (const char* middle : {"mr", "jsf", "amnl"}) {
      EXPECT_NE(first, middle) << key;
      EXPECT_NE(second, middle) << key;
    }
  }
}

TEST(NameBlockingKeys, OneWordGivesItselfAndNothingGivesNothing) {
  EXPECT_EQ(names::blocking_keys(names::person_name("Madonna", "")), (std::vector<std::string>{"mdn"}));
  EXPECT_EQ(names::blocking_keys(names::person_name("Ould Ahmed", "")), (std::vector<std::string>{"ahmd"}));
  EXPECT_TRUE(names::blocking_keys(names::person_name("", "")).empty());
  EXPECT_TRUE(names::blocking_keys(names::person_name("El Ben", "")).empty());
}

TEST(NameSearch, QueryInEitherScriptFindsTheStoredPerson) {
  std::string stored = names::phonetic_key(names::person_name("Mohamed Ould Ahmed", ""));
  EXPECT_EQ(stored, " mhmd ald ahmd ");
  auto finds = [&](std::string_view query) {
    std::vector<std::string> tokens = names::search_tokens(query);
    if (tokens.empty()) return false;
    return std::all_of(tokens.begin(), tokens.end(),
                       [&](const std::string& token) { return stored.find(" " + token) != std::string::npos; });
  };
  EXPECT_TRUE(finds("mohammed"));
  EXPECT_TRUE(finds("محمد"));
  EXPECT_TRUE(finds("Muhammad Ahmad"));
  EXPECT_TRUE(finds("Ahmed ben Mohamed"));  // particles are not searched for
  EXPECT_TRUE(finds("muham"));              // a word prefix
  EXPECT_FALSE(finds("Mariam"));
  EXPECT_FALSE(finds("Mohamed Diallo"));
  EXPECT_FALSE(finds(""));
}

TEST(NameSearch, TokensAreDistinctBoundedAndParticlesOnlyWhenAlone) {
  EXPECT_EQ(names::search_tokens("Mohamed Mohammed ould"), (std::vector<std::string>{"mhmd"}));
  EXPECT_EQ(names::search_tokens("ould"), (std::vector<std::string>{"ald"}));
  EXPECT_LE(names::search_tokens("a b c d e f g h i j k l m n o p").size(), text::kMaxSearchWords);
  EXPECT_TRUE(names::search_tokens("  ").empty());
}

TEST(NameSearch, PhoneticKeyCoversBothScripts) {
  std::string key = names::phonetic_key(names::person_name("Joseph", "يوسف"));
  EXPECT_EQ(key, " jsf ysf ");
  EXPECT_EQ(names::phonetic_key(names::person_name("", "")), " ");
}

TEST(SearchIndex, EveryOrderedPairOfDistinctSkeletonsOfBothScripts) {
  auto index = names::search_index(names::person_name("Mohamed Ould Diallo", "محمد"));
  // The Arabic name meets the Latin one word for word, so the two scripts add no new skeleton.
  std::vector<std::string> expected_tokens = names::search_index(names::person_name("Mohamed Ould Diallo", "")).tokens;
  EXPECT_EQ(index.tokens, expected_tokens);
  ASSERT_EQ(index.tokens.size(), 3u);
  EXPECT_EQ(index.pairs.size(), 6u);
  auto has = [&](const std::string& pair) {
    return std::find(index.pairs.begin(), index.pairs.end(), pair) != index.pairs.end();
  };
  auto mohamed = names::search_tokens("Mohamed").front();
  auto diallo = names::search_tokens("Diallo").front();
  EXPECT_TRUE(has(names::search_pair(mohamed, diallo)));
  EXPECT_TRUE(has(names::search_pair(diallo, mohamed)));
  EXPECT_FALSE(has(names::search_pair(mohamed, mohamed)));
}

TEST(SearchIndex, KeepsAtMostEightTokens) {
  auto index = names::search_index(names::person_name("Aa Bb Cc Dd Ff Gg Hh Jj Kk Ll", ""));
  EXPECT_EQ(index.tokens.size(), names::kMaxIndexTokens);
  EXPECT_EQ(index.pairs.size(), names::kMaxIndexTokens * (names::kMaxIndexTokens - 1));
  EXPECT_TRUE(names::search_index(names::person_name("", "")).pairs.empty());
}

}  // namespace
}  // namespace taawun
