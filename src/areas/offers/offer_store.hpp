#pragma once
// Internal to the offers area: the shared SELECT and row mapping.
#include "areas/offers/offer.hpp"

namespace taawun::offers {

extern const char* const kSelectOffer;         // ends with the FROM clause; callers add WHERE/ORDER
extern const char* const kSelectOfferSummary;  // the same without descriptions, for lists
Offer offer_from(const db::Row& row);

}  // namespace taawun::offers
