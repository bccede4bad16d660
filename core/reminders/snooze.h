#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace Rapport::Core {

/// The ready-made answers to "remind me again…".
enum class SnoozePreset {
    OneHour,
    OneDay,          ///< Same time tomorrow: the notification's "Snooze 1 day".
    TomorrowMorning, ///< 9:00 tomorrow.
    NextWeek,        ///< 9:00 on the Monday of next week.
};

class Snooze
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::Snooze)

public:
    /// When a reminder snoozed at `now` with `preset` comes back, counted in
    /// wall-clock time in `zone` (so "tomorrow morning" is 9:00 there, also
    /// across a daylight-saving change). Returned in UTC.
    static QDateTime until(SnoozePreset preset, const QDateTime &now, const QTimeZone &zone);
    static QString displayName(SnoozePreset preset);
    static QList<SnoozePreset> presets();
    /// The morning hour "tomorrow morning" and "next week" mean.
    static constexpr int morningHour = 9;
};

} // namespace Rapport::Core
