#pragma once
// Internal to the agreements area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/agreements/agreement.hpp"
#include "domain/kit/record_import.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::agreements {

const kit::Kind<Agreement>& kind();
// The import's columns and how a row becomes a draft (agreement_import.cpp).
const kit::ImportSpec<AgreementDraft>& import_spec();
// The parties as the import's parties cell reads them ("MA:signatory; #12:funder:250000.00 USD").
std::string parties_cell(const std::vector<Party>& parties);

}  // namespace taawun::agreements
