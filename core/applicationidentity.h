#pragma once

#include <QString>

namespace Rapport::Core {

/// Names the application so that the desktop app and the command line share
/// one data location (AppDataLocation, e.g. ~/.local/share/rapport).
/// Call right after constructing the Q*Application.
void setApplicationIdentity();

/// The reverse-DNS application id (org.rapportcrm.Rapport), set once in the
/// top-level CMakeLists.txt: the desktop entry's and the AppStream file's name,
/// the icon's theme name and the D-Bus name.
QString applicationId();

} // namespace Rapport::Core
