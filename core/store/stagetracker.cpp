#include "stagetracker.h"

#include "database.h"
#include "domain/interactionkind.h"
#include "reminders/closetheloop.h"
#include "reminders/keepintouch.h"
#include "transaction.h"

#include <QSqlQuery>

namespace Rapport::Core {

StageTracker::StageTracker(Database &database)
    : m_database(database)
{
}

Result<StageTracker::Derived> StageTracker::derive(qint64 contactId)
{
    auto q = m_database.exec(
        QStringLiteral("SELECT i.kind, MIN(i.occurred_at), MAX(i.occurred_at) FROM interactions i "
                       "JOIN interaction_participants p ON p.interaction_id = i.id "
                       "WHERE p.contact_id = ? GROUP BY i.kind"),
        {contactId});
    if (!q)
        return q.status();
    // First times per rung, so that the moment a stage was reached is the
    // earliest interaction at that rung or above, even when logged late.
    QList<QDateTime> firstAt(static_cast<int>(Stage::Client) + 1);
    Derived derived;
    while ((*q)->next()) {
        const auto kind = interactionKindFromKey((*q)->value(0).toString());
        const QDateTime first = Database::fromStored((*q)->value(1));
        const QDateTime last = Database::fromStored((*q)->value(2));
        if (!derived.lastInteractionAt.isValid() || last > derived.lastInteractionAt)
            derived.lastInteractionAt = last;
        if (!kind)
            continue;
        const Stage stage = stageReachedBy(*kind);
        QDateTime &slot = firstAt[static_cast<int>(stage)];
        if (!slot.isValid() || first < slot)
            slot = first;
        if (stage > derived.stage)
            derived.stage = stage;
    }
    for (int s = static_cast<int>(derived.stage); s <= static_cast<int>(Stage::Client); ++s) {
        if (s > 0 && firstAt[s].isValid() && (!derived.reachedAt.isValid() || firstAt[s] < derived.reachedAt))
            derived.reachedAt = firstAt[s];
    }
    return derived;
}

Status StageTracker::apply(qint64 contactId, Stage effective, const QDateTime &reachedAt, bool manual)
{
    auto current = m_database.scalar(QStringLiteral("SELECT stage FROM contacts WHERE id = ?"), {contactId});
    if (!current)
        return current.status();
    if (!current->isValid())
        return Status::failure(tr("There is no contact with id %1.").arg(contactId));
    const Stage previous = static_cast<Stage>(current->toInt());
    if (previous == effective)
        return Status::success();
    auto updated = m_database.exec(QStringLiteral("UPDATE contacts SET stage = ? WHERE id = ?"),
                                   {static_cast<int>(effective), contactId});
    if (!updated)
        return updated.status();
    const QDateTime now = m_database.clock().now();
    auto recorded = m_database.exec(
        QStringLiteral("INSERT INTO stage_history (contact_id, stage, reached_at, manual, recorded_at) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {contactId, static_cast<int>(effective), Database::toStored(reachedAt.isValid() ? reachedAt : now),
         manual ? 1 : 0, Database::toStored(now)});
    if (!recorded)
        return recorded.status();
    return CloseTheLoop(m_database).stageReached(contactId, previous, effective, reachedAt.isValid() ? reachedAt : now);
}

Status StageTracker::refresh(qint64 contactId)
{
    auto derived = derive(contactId);
    if (!derived)
        return derived.status();
    auto manual = m_database.scalar(QStringLiteral("SELECT manual_stage FROM contacts WHERE id = ?"), {contactId});
    if (!manual)
        return manual.status();
    auto touched = m_database.exec(QStringLiteral("UPDATE contacts SET last_interaction_at = ? WHERE id = ?"),
                                   {Database::toStored(derived->lastInteractionAt), contactId});
    if (!touched)
        return touched.status();
    if (manual->isNull()) {
        if (Status applied = apply(contactId, derived->stage, derived->reachedAt, false); !applied)
            return applied;
    }
    return KeepInTouch(m_database).rearm(contactId);
}

Status StageTracker::resync(qint64 contactId)
{
    auto derived = derive(contactId);
    if (!derived)
        return derived.status();
    auto updated = m_database.exec(
        QStringLiteral("UPDATE contacts SET last_interaction_at = ?, stage = CASE WHEN manual_stage IS NULL THEN ? "
                       "ELSE stage END WHERE id = ?"),
        {Database::toStored(derived->lastInteractionAt), static_cast<int>(derived->stage), contactId});
    if (!updated)
        return updated.status();
    // The keep-in-touch reminder follows the last interaction back too.
    return KeepInTouch(m_database).rearm(contactId);
}

Status StageTracker::setManual(qint64 contactId, std::optional<Stage> stage, const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto updated = m_database.exec(QStringLiteral("UPDATE contacts SET manual_stage = ? WHERE id = ?"),
                                   {stage ? QVariant(static_cast<int>(*stage)) : QVariant(), contactId});
    if (!updated)
        return updated.status();
    if ((*updated)->numRowsAffected() != 1)
        return Status::failure(tr("There is no contact with id %1.").arg(contactId));
    Status applied = Status::success();
    if (stage) {
        applied = apply(contactId, *stage, at, true);
    } else {
        auto derived = derive(contactId);
        if (!derived)
            return derived.status();
        applied = apply(contactId, derived->stage, at.isValid() ? at : m_database.clock().now(), false);
    }
    if (applied)
        applied = KeepInTouch(m_database).rearm(contactId);
    if (!applied)
        return Status::failure(tr("The stage could not be changed: %1").arg(applied.error()));
    return transaction.commit();
}

Result<QList<StageChange>> StageTracker::history(qint64 contactId)
{
    auto q = m_database.exec(QStringLiteral("SELECT stage, reached_at, manual FROM stage_history "
                                            "WHERE contact_id = ? ORDER BY id"),
                             {contactId});
    if (!q)
        return q.status();
    QList<StageChange> changes;
    while ((*q)->next()) {
        changes.append(StageChange{contactId, static_cast<Stage>((*q)->value(0).toInt()),
                                   Database::fromStored((*q)->value(1)), (*q)->value(2).toBool()});
    }
    return changes;
}

} // namespace Rapport::Core
