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
    /// Records that the user was told about these reminders at `at`, in one statement.
    Status markNotified(const QList<qint64> &ids, const QDateTime &at);
    /// How many open or snoozed reminders are due at or before `now`.
    Result<qint64> countDueBy(const QDateTime &now);
    /// Open or snoozed reminders meeting `condition`, soonest first, at most
    /// `limit` of them (-1: all). `condition` is SQL written in code (never
    /// user text) over the reminders' columns, with values bound in order;
    /// effectiveDueSql() stands for the due time a snooze moved.
    Result<QList<Reminder>> pendingWhere(const QString &condition, const QVariantList &values, int limit = -1);
    /// The SQL expression of a reminder's effective due time, as the index on it has it.
    static QString effectiveDueSql();

    Status snooze(qint64 id, const QDateTime &until);
    /// Done; a recurring reminder moves to its next occurrence (same local
    /// time in the clock's zone) and stays open; a cadence reminder re-arms a
    /// full cadence from now.
    Status complete(qint64 id);
    Status reopen(qint64 id);
    Status remove(qint64 id);

private:
    Result<QList<Reminder>> read(const QString &where, const QVariantList &values, int limit = -1);
    Status change(const QString &sql, const QVariantList &values, qint64 id);

    Database &m_database;
};

} // namespace Rapport::Core
