#include "reminderstore.h"

#include "database.h"
#include "reminders/keepintouch.h"
#include "transaction.h"

#include <QSqlQuery>

namespace Rapport::Core {

namespace {

const QString effectiveDue = QStringLiteral(
    "CASE WHEN state = 'snoozed' AND snoozed_until IS NOT NULL THEN snoozed_until ELSE due_at END");

} // namespace

ReminderStore::ReminderStore(Database &database)
    : m_database(database)
{
}

Result<qint64> ReminderStore::add(const Reminder &reminder)
{
    if (!reminder.dueAt.isValid())
        return Result<qint64>::failure(tr("A follow-up needs a due time."));
    if (reminder.recurrence.unit != Recurrence::Unit::None && reminder.recurrence.every <= 0)
        return Result<qint64>::failure(tr("A repeating follow-up needs an interval of at least 1."));
    auto id = m_database.insert(
        QStringLiteral("INSERT INTO reminders (contact_id, due_at, note, recurrence_unit, recurrence_every, state, "
                       "origin, snoozed_until, created_at, cadence, about_contact_id, about_stage) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {reminder.contactId, Database::toStored(reminder.dueAt), reminder.note,
         recurrenceUnitKey(reminder.recurrence.unit), reminder.recurrence.every, reminderStateKey(reminder.state),
         reminderOriginKey(reminder.origin), Database::toStored(reminder.snoozedUntil),
         Database::toStored(m_database.clock().now()), reminder.cadence ? 1 : 0,
         reminder.aboutContactId > 0 ? QVariant(reminder.aboutContactId) : QVariant(),
         reminder.aboutStage != Stage::None ? QVariant(static_cast<int>(reminder.aboutStage)) : QVariant()});
    if (!id) {
        return Result<qint64>::failure(
            tr("The follow-up could not be saved (is contact %1 there?): %2").arg(reminder.contactId).arg(id.error()));
    }
    return *id;
}

Result<Reminder> ReminderStore::get(qint64 id)
{
    auto found = read(QStringLiteral(" WHERE id = ?"), {id});
    if (!found)
        return found.status();
    if (found->isEmpty())
        return Result<Reminder>::failure(tr("There is no follow-up with id %1.").arg(id));
    return found->constFirst();
}

Result<QList<Reminder>> ReminderStore::forContact(qint64 contactId)
{
    return read(QStringLiteral(" WHERE contact_id = ?"), {contactId});
}

Result<QList<Reminder>> ReminderStore::pending()
{
    return read(QStringLiteral(" WHERE state <> 'done'"), {});
}

Result<QList<Reminder>> ReminderStore::dueBefore(const QDateTime &time)
{
    return read(QStringLiteral(" WHERE state <> 'done' AND %1 < ?").arg(effectiveDue), {Database::toStored(time)});
}

Result<QList<Reminder>> ReminderStore::dueUnannounced(const QDateTime &now)
{
    return read(QStringLiteral(" WHERE state <> 'done' AND %1 <= ? AND (notified_at IS NULL OR notified_at < %1)")
                    .arg(effectiveDue),
                {Database::toStored(now)});
}

Result<QDateTime> ReminderStore::nextDueAfter(const QDateTime &now)
{
    auto next = m_database.scalar(
        QStringLiteral("SELECT MIN(%1) FROM reminders WHERE state <> 'done' AND %1 > ?").arg(effectiveDue),
        {Database::toStored(now)});
    if (!next)
        return Result<QDateTime>::failure(tr("The follow-ups could not be read: %1").arg(next.error()));
    return next->isNull() ? QDateTime() : Database::fromStored(*next);
}

Status ReminderStore::markNotified(const QList<qint64> &ids, const QDateTime &at)
{
    if (ids.isEmpty())
        return Status::success();
    // However many fell due together: one statement.
    auto marked = m_database.exec(QStringLiteral("UPDATE reminders SET notified_at = ? WHERE id IN (SELECT value FROM "
                                                 "json_each(?))"),
                                  {Database::toStored(at), Database::jsonIds(ids)});
    if (!marked)
        return Status::failure(tr("The follow-up could not be changed: %1").arg(marked.error()));
    return Status::success();
}

Result<qint64> ReminderStore::countDueBy(const QDateTime &now)
{
    auto counted = m_database.scalar(
        QStringLiteral("SELECT count(*) FROM reminders WHERE state <> 'done' AND %1 <= ?").arg(effectiveDue),
        {Database::toStored(now)});
    if (!counted)
        return Result<qint64>::failure(tr("The follow-ups could not be read: %1").arg(counted.error()));
    return counted->toLongLong();
}

Result<QList<Reminder>> ReminderStore::pendingWhere(const QString &condition, const QVariantList &values, int limit)
{
    return read(QStringLiteral(" WHERE state <> 'done' AND (%1)").arg(condition), values, limit);
}

QString ReminderStore::effectiveDueSql()
{
    return effectiveDue;
}

Result<QList<Reminder>> ReminderStore::read(const QString &where, const QVariantList &values, int limit)
{
    QVariantList bound = values;
    bound << limit;
    auto q = m_database.exec(QStringLiteral("SELECT id, contact_id, due_at, note, recurrence_unit, recurrence_every, "
                                            "state, origin, snoozed_until, completed_at, cadence, about_contact_id, "
                                            "about_stage, notified_at FROM reminders%1 "
                                            "ORDER BY %2, id LIMIT ?")
                                 .arg(where, effectiveDue),
                             bound);
    if (!q)
        return Result<QList<Reminder>>::failure(tr("The follow-ups could not be read: %1").arg(q.error()));
    QList<Reminder> reminders;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        Reminder reminder;
        reminder.id = r.value(0).toLongLong();
        reminder.contactId = r.value(1).toLongLong();
        reminder.dueAt = Database::fromStored(r.value(2));
        reminder.note = r.value(3).toString();
        reminder.recurrence.unit = recurrenceUnitFromKey(r.value(4).toString()).value_or(Recurrence::Unit::None);
        reminder.recurrence.every = r.value(5).toInt();
        reminder.state = reminderStateFromKey(r.value(6).toString()).value_or(ReminderState::Open);
        reminder.origin = reminderOriginFromKey(r.value(7).toString()).value_or(ReminderOrigin::Manual);
        reminder.snoozedUntil = Database::fromStored(r.value(8));
        reminder.completedAt = Database::fromStored(r.value(9));
        reminder.cadence = r.value(10).toBool();
        reminder.aboutContactId = r.value(11).toLongLong();
        reminder.aboutStage = static_cast<Stage>(r.value(12).toInt());
        reminder.notifiedAt = Database::fromStored(r.value(13));
        reminders.append(reminder);
    }
    return reminders;
}

Status ReminderStore::change(const QString &sql, const QVariantList &values, qint64 id)
{
    auto changed = m_database.exec(sql, values);
    if (!changed)
        return Status::failure(tr("The follow-up could not be changed: %1").arg(changed.error()));
    if ((*changed)->numRowsAffected() != 1)
        return Status::failure(tr("There is no follow-up with id %1.").arg(id));
    return Status::success();
}

Status ReminderStore::snooze(qint64 id, const QDateTime &until)
{
    if (!until.isValid())
        return Status::failure(tr("Choose when the follow-up should come back."));
    return change(QStringLiteral("UPDATE reminders SET state = 'snoozed', snoozed_until = ? WHERE id = ? "
                                 "AND state <> 'done'"),
                  {Database::toStored(until), id}, id);
}

Status ReminderStore::complete(qint64 id)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto reminder = get(id);
    if (!reminder)
        return reminder.status();
    const QDateTime now = m_database.clock().now();
    Status changed = Status::success();
    if (reminder->cadence) {
        changed = change(QStringLiteral("UPDATE reminders SET completed_at = ? WHERE id = ?"),
                         {Database::toStored(now), id}, id);
        if (changed)
            changed = KeepInTouch(m_database).rearm(reminder->contactId);
    } else if (reminder->recurrence.isRecurring()) {
        // The next occurrence counts from now when the reminder was done late,
        // so that finishing an old one does not leave a trail of overdue ones.
        const QTimeZone zone = m_database.clock().timeZone();
        QDateTime next = reminder->recurrence.next(reminder->dueAt, zone);
        while (next <= now)
            next = reminder->recurrence.next(next, zone);
        changed = change(QStringLiteral("UPDATE reminders SET state = 'open', due_at = ?, snoozed_until = NULL, "
                                        "completed_at = ? WHERE id = ?"),
                         {Database::toStored(next), Database::toStored(now), id}, id);
    } else {
        changed = change(QStringLiteral("UPDATE reminders SET state = 'done', completed_at = ? WHERE id = ?"),
                         {Database::toStored(now), id}, id);
    }
    if (!changed)
        return changed;
    return transaction.commit();
}

Status ReminderStore::reopen(qint64 id)
{
    return change(QStringLiteral("UPDATE reminders SET state = 'open', snoozed_until = NULL, completed_at = NULL "
                                 "WHERE id = ?"),
                  {id}, id);
}

Status ReminderStore::remove(qint64 id)
{
    return change(QStringLiteral("DELETE FROM reminders WHERE id = ?"), {id}, id);
}

} // namespace Rapport::Core
