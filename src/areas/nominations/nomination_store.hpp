#pragma once
// Internal to the nominations area: the kind as the kernel reads it (kit/record_kind.hpp).
#include "areas/nominations/nomination.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::nominations {

const kit::Kind<Nomination>& kind();

}  // namespace taawun::nominations
