#pragma once

#include "stage.h"

#include <QDateTime>

namespace Rapport::Core {

/// One step in a contact's stage history: the stage it moved to and when.
/// `manual` is true when the user set it by hand.
struct StageChange
{
    qint64 contactId = 0;
    Stage stage = Stage::None;
    QDateTime reachedAt;
    bool manual = false;
};

} // namespace Rapport::Core
