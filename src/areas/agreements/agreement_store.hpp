#pragma once
// Internal to the agreements area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/agreements/agreement.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::agreements {

const kit::Kind<Agreement>& kind();

}  // namespace taawun::agreements
