#include "snooze.h"

namespace Rapport::Core {

namespace {

QDateTime morningOf(const QDate &date, const QTimeZone &zone)
{
    // A morning that falls in a gap of a time-zone change moves forward with it.
    return QDateTime(date, QTime(Snooze::morningHour, 0), zone).toUTC();
}

} // namespace

QDateTime Snooze::until(SnoozePreset preset, const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = now.toTimeZone(zone.isValid() ? zone : QTimeZone::systemTimeZone());
    switch (preset) {
    case SnoozePreset::OneHour:
        return now.addSecs(3600).toUTC();
    case SnoozePreset::OneDay:
        return local.addDays(1).toUTC();
    case SnoozePreset::TomorrowMorning:
        return morningOf(local.date().addDays(1), local.timeZone());
    case SnoozePreset::NextWeek:
        return morningOf(local.date().addDays(8 - local.date().dayOfWeek()), local.timeZone());
    }
    return now.addSecs(3600).toUTC();
}

QString Snooze::displayName(SnoozePreset preset)
{
    switch (preset) {
    case SnoozePreset::OneHour:
        return tr("In 1 hour");
    case SnoozePreset::OneDay:
        return tr("In 1 day");
    case SnoozePreset::TomorrowMorning:
        return tr("Tomorrow morning");
    case SnoozePreset::NextWeek:
        return tr("Next week");
    }
    return {};
}

QList<SnoozePreset> Snooze::presets()
{
    return {SnoozePreset::OneHour, SnoozePreset::OneDay, SnoozePreset::TomorrowMorning, SnoozePreset::NextWeek};
}

} // namespace Rapport::Core
