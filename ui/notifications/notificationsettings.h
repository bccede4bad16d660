#pragma once

namespace Rapport::Ui {

/// The desktop-side choices about reminders, in QSettings (the per-file
/// choices such as cadences live in the data file).
class NotificationSettings
{
public:
    /// Closing the window keeps Rapport running in the tray; off by default.
    static bool keepRunningInTray();
    static void setKeepRunningInTray(bool on);
    /// Whether the user was told once what keeping it in the tray means.
    static bool trayExplained();
    static void setTrayExplained(bool explained);
};

} // namespace Rapport::Ui
