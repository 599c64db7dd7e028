#pragma once
// Internal to the programmes area: the kind as the kernel runs it (kit/record_kind.hpp).
#include "areas/programmes/programme.hpp"
#include "domain/kit/record_kind.hpp"

namespace taawun::programmes {

const kit::Kind<Programme>& kind();

}  // namespace taawun::programmes
