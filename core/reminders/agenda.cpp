#include "agenda.h"

#include "store/contactstore.h"
#include "store/database.h"
#include "store/reminderstore.h"

#include <QHash>
#include <QSqlQuery>

namespace Rapport::Core {

namespace {

Result<QList<AgendaItem>> named(Database &database, const QList<Reminder> &reminders)
{
    QList<qint64> ids;
    ids.reserve(reminders.size());
    for (const Reminder &reminder : reminders)
        ids.append(reminder.contactId);
    auto names = ContactStore(database).names(ids);
    if (!names)
        return names.status();
    QList<AgendaItem> items;
    items.reserve(reminders.size());
    for (const Reminder &reminder : reminders)
        items.append(AgendaItem{reminder, names->value(reminder.contactId)});
    return items;
}

} // namespace

Result<Agenda> Agenda::build(Database &database, const AgendaLimits &limits)
{
    const QDateTime now = database.clock().now();
    const QTimeZone zone = database.clock().timeZone();
    const QDate today = now.toTimeZone(zone).date();
    const QVariant nowValue = Database::toStored(now);
    const QVariant dayStart = Database::toStored(today.startOfDay(zone));
    const QVariant tomorrow = Database::toStored(today.addDays(1).startOfDay(zone));
    const QVariant weekEnd = Database::toStored(today.addDays(8).startOfDay(zone));
    const QString due = ReminderStore::effectiveDueSql();

    // A cadence reminder past its time is going cold, whichever day it fell due.
    const QString cold = QStringLiteral("cadence = 1 AND %1 <= ?").arg(due);
    const QString overdue = QStringLiteral("cadence = 0 AND %1 < ?").arg(due);
    const QString dueToday = QStringLiteral("%1 >= ? AND %1 < ? AND NOT (cadence = 1 AND %1 <= ?)").arg(due);
    const QString thisWeek = QStringLiteral("%1 >= ? AND %1 < ?").arg(due);

    Agenda agenda;
    {
        auto q = database.exec(QStringLiteral("SELECT total(%1), total(%2), total(%3), total(%3 AND %4 <= ?), "
                                              "total(%5) FROM reminders WHERE state <> 'done' AND %4 < ?")
                                   .arg(cold, overdue, dueToday, due, thisWeek),
                               {nowValue, dayStart, dayStart, tomorrow, nowValue, dayStart, tomorrow, nowValue,
                                nowValue, tomorrow, weekEnd, weekEnd});
        if (!q)
            return Result<Agenda>::failure(ReminderStore::tr("The follow-ups could not be read: %1").arg(q.error()));
        if ((*q)->next()) {
            agenda.counts.goingCold = (*q)->value(0).toLongLong();
            agenda.counts.overdue = (*q)->value(1).toLongLong();
            agenda.counts.today = (*q)->value(2).toLongLong();
            agenda.counts.dueToday = (*q)->value(3).toLongLong();
            agenda.counts.thisWeek = (*q)->value(4).toLongLong();
        }
        (*q)->finish();
    }

    ReminderStore store(database);
    const struct
    {
        QList<AgendaItem> *items;
        qint64 count;
        int limit;
        QString condition;
        QVariantList values;
    } sections[] = {
        {&agenda.overdue, agenda.counts.overdue, limits.overdue, overdue, {dayStart}},
        {&agenda.today, agenda.counts.today, limits.today, dueToday, {dayStart, tomorrow, nowValue}},
        {&agenda.thisWeek, agenda.counts.thisWeek, limits.thisWeek, thisWeek, {tomorrow, weekEnd}},
        {&agenda.goingCold, agenda.counts.goingCold, limits.goingCold, cold, {nowValue}},
    };
    for (const auto &section : sections) {
        if (section.count == 0 || section.limit == 0)
            continue;
        auto reminders = store.pendingWhere(section.condition, section.values, section.limit);
        if (!reminders)
            return reminders.status();
        auto items = named(database, *reminders);
        if (!items)
            return items.status();
        *section.items = *items;
    }
    return agenda;
}

Result<QList<AgendaItem>> Agenda::dueBy(Database &database, const QDateTime &until)
{
    // dueBefore is strict; a follow-up due exactly at `until` is due by then.
    auto due = ReminderStore(database).dueBefore(until.addMSecs(1));
    if (!due)
        return due.status();
    return named(database, *due);
}

} // namespace Rapport::Core
