#pragma once

#include "stage.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

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
    /// The next occurrence after `from`, counted in from's own time spec.
    QDateTime next(const QDateTime &from) const;
    /// The next occurrence after `from` at the same wall-clock time in `zone`,
    /// so that a 9:00 follow-up stays at 9:00 across a daylight-saving change.
    QDateTime next(const QDateTime &from, const QTimeZone &zone) const;
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
    /// Re-armed by the contact's keep-in-touch cadence from their last interaction.
    bool cadence = false;
    /// For a thank-the-introducer reminder: the contact who moved up the ladder.
    qint64 aboutContactId = 0;
    Stage aboutStage = Stage::None;
    /// When the user was last told about it; a due time after this one is news.
    QDateTime notifiedAt;

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
