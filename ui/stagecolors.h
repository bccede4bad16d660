#pragma once

#include "domain/stage.h"

#include <QColor>

namespace Rapport::Ui {

/// One colour per rung, shared by the list, the contact page and the graph, so
/// that a stage reads the same everywhere. Clients stand out in a warm red.
QColor stageColor(Core::Stage stage);

} // namespace Rapport::Ui
