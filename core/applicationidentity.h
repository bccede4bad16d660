#pragma once

namespace Rapport::Core {

/// Names the application so that the desktop app and the command line share
/// one data location (AppDataLocation, e.g. ~/.local/share/rapport).
/// Call right after constructing the Q*Application.
void setApplicationIdentity();

} // namespace Rapport::Core
