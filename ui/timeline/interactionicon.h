#pragma once

#include "domain/interactionkind.h"

#include <QIcon>

namespace Rapport::Ui {

/// A small line drawing per kind of interaction (a bubble for a tweet, an
/// envelope for an email, a handset for a call, …) in the colour of the rung
/// it reaches. Painted, so it is crisp at any scale.
QIcon interactionIcon(Core::InteractionKind kind);

} // namespace Rapport::Ui
