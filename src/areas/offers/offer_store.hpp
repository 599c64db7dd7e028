#pragma once
// Internal to the offers area: the shared SELECT and row mapping, and the kind as the kernel runs
// it (kit/record_kind.hpp).
#include "areas/offers/offer.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::offers {

extern const char* const kSelectOffer;         // ends with the FROM clause; callers add WHERE/ORDER
extern const char* const kSelectOfferSummary;  // the same without descriptions, for lists
Offer offer_from(const db::Row& row);
const kit::Kind<Offer>& kind();

}  // namespace taawun::offers
