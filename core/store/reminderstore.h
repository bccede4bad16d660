#pragma once

#include "domain/reminder.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace Rapport::Core {

class Database;

/// Follow-ups. A recurring reminder marked done re-arms itself at its next
/// occurrence instead of closing.
class ReminderStore
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ReminderStore)

public:
    explicit ReminderStore(Database &database);

    Result<qint64> add(const Reminder &reminder);
    Result<Reminder> get(qint64 id);
    Result<QList<Reminder>> forContact(qint64 contactId);
    /// Every reminder not done, soonest first.
    Result<QList<Reminder>> pending();
    /// Open or snoozed reminders whose effective due time is before `time`.
    Result<QList<Reminder>> dueBefore(const QDateTime &time);
    /// Reminders due at or before `now` whose due time the user was not told
    /// about yet (see markNotified()).
    Result<QList<Reminder>> dueUnannounced(const QDateTime &now);
    /// The earliest effective due time after `now`; invalid when none is pending.
    Result<QDateTime> nextDueAfter(const QDateTime &now);
    /// Records that the user was told about these reminders at `at`.
    Status markNotified(const QList<qint64> &ids, const QDateTime &at);

    Status snooze(qint64 id, const QDateTime &until);
    /// Done; a recurring reminder moves to its next occurrence (same local
    /// time in the clock's zone) and stays open; a cadence reminder re-arms a
    /// full cadence from now.
    Status complete(qint64 id);
    Status reopen(qint64 id);
    Status remove(qint64 id);

private:
    Result<QList<Reminder>> read(const QString &where, const QVariantList &values);
    Status change(const QString &sql, const QVariantList &values, qint64 id);

    Database &m_database;
};

} // namespace Rapport::Core
