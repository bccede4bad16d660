#include "notificationsettings.h"

#include <QSettings>

namespace Rapport::Ui {

namespace {

const char *const keepRunningKey = "notifications/keepRunningInTray";
const char *const explainedKey = "notifications/trayExplained";

} // namespace

bool NotificationSettings::keepRunningInTray()
{
    return QSettings().value(QLatin1StringView(keepRunningKey), false).toBool();
}

void NotificationSettings::setKeepRunningInTray(bool on)
{
    QSettings().setValue(QLatin1StringView(keepRunningKey), on);
}

bool NotificationSettings::trayExplained()
{
    return QSettings().value(QLatin1StringView(explainedKey), false).toBool();
}

void NotificationSettings::setTrayExplained(bool explained)
{
    QSettings().setValue(QLatin1StringView(explainedKey), explained);
}

} // namespace Rapport::Ui
