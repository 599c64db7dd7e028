#pragma once
// Internal to the diplomatic-missions area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/diplomatic_missions/diplomatic_mission.hpp"
#include "domain/kit/record_import.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::diplomatic_missions {

const kit::Kind<DiplomaticMission>& kind();
// The import's columns and how a row becomes a draft (diplomatic_mission_import.cpp).
const kit::ImportSpec<DiplomaticMissionDraft>& import_spec();
// "MA SN" ↔ {"MA", "SN"}.
std::string joined(const std::vector<std::string>& words);
std::vector<std::string> words_of(const std::string& text);
std::string search_key_of(const DiplomaticMission& mission);
std::string sort_name_of(const DiplomaticMission& mission);
// The shown names of the sending and receiving sides (countries from the reference names).
void name_sides(const reference::ReferenceNames& names, DiplomaticMission& mission);

}  // namespace taawun::diplomatic_missions
