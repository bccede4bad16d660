#include "keepintouch.h"

#include "domain/reminder.h"
#include "remindersettingsstore.h"
#include "store/database.h"
#include "store/reminderstore.h"
#include "store/transaction.h"

#include <QSqlQuery>

namespace Rapport::Core {

namespace {

struct CadenceFacts
{
    bool found = false;
    int ownDays = 0;
    Stage stage = Stage::None;
    bool archived = false;
    QDateTime lastInteractionAt;
};

Result<CadenceFacts> readFacts(Database &database, qint64 contactId)
{
    auto q = database.exec(QStringLiteral("SELECT keep_in_touch_days, stage, archived, last_interaction_at "
                                          "FROM contacts WHERE id = ?"),
                           {contactId});
    if (!q)
        return q.status();
    CadenceFacts facts;
    if ((*q)->next()) {
        facts.found = true;
        facts.ownDays = (*q)->value(0).toInt();
        facts.stage = static_cast<Stage>((*q)->value(1).toInt());
        facts.archived = (*q)->value(2).toBool();
        facts.lastInteractionAt = Database::fromStored((*q)->value(3));
    }
    // Done with it: a statement left on its row keeps a read snapshot (the next
    // write then fails as busy once rapport-cli has written), and makes the next
    // call prepare a statement of its own (see Database::exec).
    (*q)->finish();
    return facts;
}

int effectiveDays(const CadenceFacts &facts, const ReminderSettings &settings)
{
    return facts.ownDays > 0 ? facts.ownDays : settings.cadenceFor(facts.stage);
}

} // namespace

KeepInTouch::KeepInTouch(Database &database)
    : m_database(database)
{
}

Result<int> KeepInTouch::cadenceDays(qint64 contactId)
{
    auto facts = readFacts(m_database, contactId);
    if (!facts)
        return facts.status();
    if (!facts->found)
        return Result<int>::failure(tr("There is no contact with id %1.").arg(contactId));
    auto settings = ReminderSettingsStore(m_database).load();
    if (!settings)
        return settings.status();
    return effectiveDays(*facts, *settings);
}

Status KeepInTouch::rearm(qint64 contactId)
{
    auto facts = readFacts(m_database, contactId);
    if (!facts)
        return facts.status();
    if (!facts->found)
        return Status::failure(tr("There is no contact with id %1.").arg(contactId));
    auto settings = ReminderSettingsStore(m_database).load();
    if (!settings)
        return settings.status();
    const int days = effectiveDays(*facts, *settings);

    auto q = m_database.exec(QStringLiteral("SELECT id, due_at, recurrence_every, completed_at FROM reminders "
                                            "WHERE contact_id = ? AND cadence = 1 AND state <> 'done' "
                                            "ORDER BY id LIMIT 1"),
                             {contactId});
    if (!q)
        return q.status();
    qint64 existing = 0;
    QDateTime existingDue;
    int existingEvery = 0;
    QDateTime completedAt;
    if ((*q)->next()) {
        existing = (*q)->value(0).toLongLong();
        existingDue = Database::fromStored((*q)->value(1));
        existingEvery = (*q)->value(2).toInt();
        completedAt = Database::fromStored((*q)->value(3));
    }
    (*q)->finish();

    // Someone never contacted has nothing to go cold, unless the user gave
    // them a cadence of their own: then it counts from the moment it was set.
    QDateTime base = facts->lastInteractionAt;
    if (completedAt.isValid() && (!base.isValid() || completedAt > base))
        base = completedAt;
    if (!base.isValid() && facts->ownDays > 0)
        base = existingDue.isValid() ? existingDue.addDays(-existingEvery) : m_database.clock().now();

    if (days <= 0 || facts->archived || !base.isValid()) {
        if (!existing)
            return Status::success();
        return m_database.exec(QStringLiteral("DELETE FROM reminders WHERE id = ?"), {existing}).status();
    }

    const QDateTime due = base.toTimeZone(m_database.clock().timeZone()).addDays(days).toUTC();
    if (existing) {
        if (existingDue == due && existingEvery == days)
            return Status::success();
        return m_database
            .exec(QStringLiteral("UPDATE reminders SET due_at = ?, recurrence_every = ?, state = 'open', "
                                 "snoozed_until = NULL WHERE id = ?"),
                  {Database::toStored(due), days, existing})
            .status();
    }
    Reminder reminder;
    reminder.contactId = contactId;
    reminder.dueAt = due;
    reminder.note = tr("Keep in touch");
    reminder.recurrence = Recurrence{Recurrence::Unit::Days, days};
    reminder.origin = ReminderOrigin::KeepInTouch;
    reminder.cadence = true;
    return ReminderStore(m_database).add(reminder).status();
}

Status KeepInTouch::rearmAll()
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    QList<qint64> ids;
    {
        // Only contacts that can have a cadence reminder, or still have one.
        auto q = m_database.exec(QStringLiteral("SELECT id FROM contacts WHERE keep_in_touch_days > 0 OR "
                                                "last_interaction_at IS NOT NULL UNION SELECT contact_id FROM "
                                                "reminders WHERE cadence = 1 AND state <> 'done' ORDER BY 1"));
        if (!q)
            return q.status();
        while ((*q)->next())
            ids.append((*q)->value(0).toLongLong());
    }
    for (qint64 id : std::as_const(ids)) {
        if (Status rearmed = rearm(id); !rearmed)
            return rearmed;
    }
    return transaction.commit();
}

} // namespace Rapport::Core
