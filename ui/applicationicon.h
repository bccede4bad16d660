#pragma once

#include <QIcon>

namespace Rapport::Ui {

/// Rapport's icon for the window, the tray and notifications: the installed
/// theme icon named after the application id, else the SVG built into the
/// program (when it runs from a build folder).
QIcon applicationIcon();

} // namespace Rapport::Ui
