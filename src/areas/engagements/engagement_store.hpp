#pragma once
// Internal to the engagements area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/engagements/engagement.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::engagements {

const kit::Kind<Engagement>& kind();

}  // namespace taawun::engagements
