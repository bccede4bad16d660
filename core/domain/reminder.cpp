#include "reminder.h"

namespace Rapport::Core {

QString reminderStateKey(ReminderState state)
{
    switch (state) {
    case ReminderState::Open:
        return QStringLiteral("open");
    case ReminderState::Snoozed:
        return QStringLiteral("snoozed");
    case ReminderState::Done:
        return QStringLiteral("done");
    }
    return QStringLiteral("open");
}

std::optional<ReminderState> reminderStateFromKey(QStringView key)
{
    for (ReminderState state : {ReminderState::Open, ReminderState::Snoozed, ReminderState::Done}) {
        if (key == reminderStateKey(state))
            return state;
    }
    return std::nullopt;
}

QString reminderOriginKey(ReminderOrigin origin)
{
    switch (origin) {
    case ReminderOrigin::Manual:
        return QStringLiteral("manual");
    case ReminderOrigin::KeepInTouch:
        return QStringLiteral("keep-in-touch");
    case ReminderOrigin::ThankIntroducer:
        return QStringLiteral("thank-introducer");
    }
    return QStringLiteral("manual");
}

std::optional<ReminderOrigin> reminderOriginFromKey(QStringView key)
{
    for (ReminderOrigin origin :
         {ReminderOrigin::Manual, ReminderOrigin::KeepInTouch, ReminderOrigin::ThankIntroducer}) {
        if (key == reminderOriginKey(origin))
            return origin;
    }
    return std::nullopt;
}

QString recurrenceUnitKey(Recurrence::Unit unit)
{
    switch (unit) {
    case Recurrence::Unit::None:
        return QStringLiteral("none");
    case Recurrence::Unit::Days:
        return QStringLiteral("days");
    case Recurrence::Unit::Weeks:
        return QStringLiteral("weeks");
    case Recurrence::Unit::Months:
        return QStringLiteral("months");
    }
    return QStringLiteral("none");
}

std::optional<Recurrence::Unit> recurrenceUnitFromKey(QStringView key)
{
    for (auto unit : {Recurrence::Unit::None, Recurrence::Unit::Days, Recurrence::Unit::Weeks,
                      Recurrence::Unit::Months}) {
        if (key == recurrenceUnitKey(unit))
            return unit;
    }
    return std::nullopt;
}

QDateTime Recurrence::next(const QDateTime &from) const
{
    switch (isRecurring() ? unit : Unit::None) {
    case Unit::Days:
        return from.addDays(every);
    case Unit::Weeks:
        return from.addDays(7LL * every);
    case Unit::Months:
        return from.addMonths(every);
    case Unit::None:
        break;
    }
    return from;
}

QDateTime Recurrence::next(const QDateTime &from, const QTimeZone &zone) const
{
    if (!isRecurring() || !zone.isValid())
        return next(from);
    return next(from.toTimeZone(zone)).toUTC();
}

} // namespace Rapport::Core
