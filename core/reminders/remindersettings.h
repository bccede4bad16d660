#pragma once

#include "domain/stage.h"

#include <array>

namespace Rapport::Core {

/// The user's choices for follow-ups, kept in the data file: the keep-in-touch
/// cadence of each stage (used where a contact has none of its own) and
/// whether reaching a meeting or becoming a client asks to thank the introducer.
struct ReminderSettings
{
    /// Days per stage, indexed by Stage; 0 means no cadence for that stage.
    std::array<int, 6> cadenceDays{0, 14, 7, 7, 14, 30};
    bool thankIntroducer = true;

    int cadenceFor(Stage stage) const { return cadenceDays.at(static_cast<std::size_t>(stage)); }
    void setCadenceFor(Stage stage, int days) { cadenceDays.at(static_cast<std::size_t>(stage)) = days; }
    friend bool operator==(const ReminderSettings &, const ReminderSettings &) = default;
};

} // namespace Rapport::Core
