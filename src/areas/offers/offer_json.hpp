#pragma once
// The JSON fields of an offer, shared by the offers' handlers and a request's suggested offers.
#include "areas/offers/offer.hpp"
#include "core/language.hpp"
#include "http/json_writer.hpp"

namespace taawun::http::handlers {

// Writes the offer's fields into an object the caller has begun (and will end).
void write_offer_fields(JsonWriter& json, const offers::Offer& offer, Language language);

}  // namespace taawun::http::handlers
