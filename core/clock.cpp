#include "clock.h"

namespace Rapport::Core {

const Clock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace Rapport::Core
