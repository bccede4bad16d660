#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Rapport::Core {

enum class ReminderState {
    Open,
    Snoozed,
    Done,
};

QString reminderStateKey(ReminderState state);
std::optional<ReminderState> reminderStateFromKey(QStringView key);

/// Why a reminder exists: the user asked for it, a keep-in-touch cadence armed
/// it, or an introducer should be thanked.
enum class ReminderOrigin {
    Manual,
    KeepInTouch,
    ThankIntroducer,
};

QString reminderOriginKey(ReminderOrigin origin);
std::optional<ReminderOrigin> reminderOriginFromKey(QStringView key);

/// "Every N days / weeks / months"; a default-constructed recurrence means once.
struct Recurrence
{
    enum class Unit { None, Days, Weeks, Months };
    Unit unit = Unit::None;
    int every = 0;

    bool isRecurring() const { return unit != Unit::None && every > 0; }
    /// The next occurrence after `from`.
    QDateTime next(const QDateTime &from) const;
    friend bool operator==(const Recurrence &, const Recurrence &) = default;
};

QString recurrenceUnitKey(Recurrence::Unit unit);
std::optional<Recurrence::Unit> recurrenceUnitFromKey(QStringView key);

/// A follow-up for one contact. Overdue is computed from the clock, not stored.
struct Reminder
{
    qint64 id = 0;
    qint64 contactId = 0;
    QDateTime dueAt;
    QString note;
    Recurrence recurrence;
    ReminderState state = ReminderState::Open;
    ReminderOrigin origin = ReminderOrigin::Manual;
    QDateTime snoozedUntil;
    QDateTime completedAt;

    /// When it next wants attention: the snooze end while snoozed, else the due time.
    QDateTime effectiveDueAt() const
    {
        return state == ReminderState::Snoozed && snoozedUntil.isValid() ? snoozedUntil : dueAt;
    }
    bool isOverdue(const QDateTime &now) const
    {
        return state != ReminderState::Done && effectiveDueAt() < now;
    }
};

} // namespace Rapport::Core
