#include "agenda.h"

#include "store/contactstore.h"
#include "store/database.h"
#include "store/reminderstore.h"

#include <QHash>

namespace Rapport::Core {

namespace {

Result<QList<AgendaItem>> named(Database &database, const QList<Reminder> &reminders)
{
    ContactStore contacts(database);
    QHash<qint64, QString> names;
    QList<AgendaItem> items;
    items.reserve(reminders.size());
    for (const Reminder &reminder : reminders) {
        auto name = names.constFind(reminder.contactId);
        if (name == names.cend()) {
            auto contact = contacts.get(reminder.contactId);
            if (!contact)
                return contact.status();
            name = names.insert(reminder.contactId, contact->name());
        }
        items.append(AgendaItem{reminder, *name});
    }
    return items;
}

} // namespace

int Agenda::dueCount(const QDateTime &now) const
{
    int count = int(overdue.size() + goingCold.size());
    for (const AgendaItem &item : today) {
        if (item.reminder.effectiveDueAt() <= now)
            ++count;
    }
    return count;
}

Result<Agenda> Agenda::build(Database &database)
{
    const QDateTime now = database.clock().now();
    const QTimeZone zone = database.clock().timeZone();
    const QDate today = now.toTimeZone(zone).date();
    const QDateTime weekEnd = QDateTime(today.addDays(8), QTime(0, 0), zone);
    auto pending = ReminderStore(database).dueBefore(weekEnd);
    if (!pending)
        return pending.status();
    auto items = named(database, *pending);
    if (!items)
        return items.status();
    Agenda agenda;
    for (const AgendaItem &item : std::as_const(*items)) {
        const QDateTime due = item.reminder.effectiveDueAt();
        const QDate day = due.toTimeZone(zone).date();
        if (item.reminder.cadence && due <= now)
            agenda.goingCold.append(item);
        else if (day < today)
            agenda.overdue.append(item);
        else if (day == today)
            agenda.today.append(item);
        else
            agenda.thisWeek.append(item);
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
