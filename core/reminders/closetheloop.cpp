#include "closetheloop.h"

#include "domain/reminder.h"
#include "remindersettingsstore.h"
#include "snooze.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/reminderstore.h"

#include <QSqlQuery>

namespace Rapport::Core {

CloseTheLoop::CloseTheLoop(Database &database)
    : m_database(database)
{
}

Status CloseTheLoop::stageReached(qint64 contactId, Stage from, Stage to, const QDateTime &reachedAt)
{
    if (to < Stage::Meeting || to <= from)
        return Status::success();
    const QDateTime now = m_database.clock().now();
    if (reachedAt.isValid() && reachedAt < now.addDays(-recentDays))
        return Status::success();
    auto settings = ReminderSettingsStore(m_database).load();
    if (!settings)
        return settings.status();
    if (!settings->thankIntroducer)
        return Status::success();

    QList<qint64> introducers;
    {
        auto q = m_database.exec(QStringLiteral("SELECT from_contact FROM introductions WHERE to_contact = ? "
                                                "ORDER BY id"),
                                 {contactId});
        if (!q)
            return q.status();
        while ((*q)->next())
            introducers.append((*q)->value(0).toLongLong());
    }
    if (introducers.isEmpty())
        return Status::success();

    ContactStore contacts(m_database);
    auto contact = contacts.get(contactId);
    if (!contact)
        return contact.status();
    for (qint64 introducer : std::as_const(introducers)) {
        auto asked = m_database.scalar(QStringLiteral("SELECT count(*) FROM reminders WHERE origin = 'thank-introducer' "
                                                      "AND contact_id = ? AND about_contact_id = ? AND about_stage = ?"),
                                       {introducer, contactId, static_cast<int>(to)});
        if (!asked)
            return asked.status();
        if (asked->toInt() > 0)
            continue;
        auto introducerContact = contacts.get(introducer);
        if (!introducerContact)
            return introducerContact.status();
        Reminder reminder;
        reminder.contactId = introducer;
        reminder.dueAt = Snooze::until(SnoozePreset::TomorrowMorning, now, m_database.clock().timeZone());
        reminder.note = to == Stage::Client
                            ? tr("Thank %1: %2 became a client").arg(introducerContact->name(), contact->name())
                            : tr("Update %1: you met %2").arg(introducerContact->name(), contact->name());
        reminder.origin = ReminderOrigin::ThankIntroducer;
        reminder.aboutContactId = contactId;
        reminder.aboutStage = to;
        if (auto added = ReminderStore(m_database).add(reminder); !added)
            return added.status();
    }
    return Status::success();
}

} // namespace Rapport::Core
