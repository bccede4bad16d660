#include "interactionstore.h"

#include "database.h"
#include "stagetracker.h"
#include "transaction.h"

#include <QSet>
#include <QSqlQuery>

namespace Rapport::Core {

InteractionStore::InteractionStore(Database &database)
    : m_database(database)
{
}

Result<qint64> InteractionStore::log(const Interaction &interaction, QList<qint64> *stageSteps)
{
    if (interaction.participants.isEmpty())
        return Result<qint64>::failure(tr("An interaction needs at least one contact."));
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto lastStep = m_database.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM stage_history"));
    if (!lastStep)
        return lastStep.status();
    const QDateTime now = m_database.clock().now();
    const QDateTime at = interaction.occurredAt.isValid() ? interaction.occurredAt : now;
    auto id = m_database.insert(QStringLiteral("INSERT INTO interactions (kind, occurred_at, direction, summary, "
                                               "body, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                {interactionKindKey(interaction.kind), Database::toStored(at),
                                 directionKey(interaction.direction), interaction.summary, interaction.body,
                                 Database::toStored(now)});
    if (!id)
        return Result<qint64>::failure(tr("The interaction could not be saved: %1").arg(id.error()));

    StageTracker stages(m_database);
    QSet<qint64> seen;
    for (qint64 contactId : interaction.participants) {
        if (seen.contains(contactId))
            continue;
        seen.insert(contactId);
        auto linked = m_database.exec(
            QStringLiteral("INSERT INTO interaction_participants (interaction_id, contact_id) VALUES (?, ?)"),
            {*id, contactId});
        if (!linked) {
            return Result<qint64>::failure(
                tr("The interaction could not be saved: there is no contact with id %1.").arg(contactId));
        }
        if (Status refreshed = stages.refresh(contactId); !refreshed)
            return Result<qint64>::failure(tr("The interaction could not be saved: %1").arg(refreshed.error()));
    }
    if (stageSteps) {
        stageSteps->clear();
        auto q = m_database.exec(QStringLiteral("SELECT id FROM stage_history WHERE id > ? ORDER BY id"),
                                 {*lastStep});
        if (!q)
            return q.status();
        while ((*q)->next())
            stageSteps->append((*q)->value(0).toLongLong());
    }
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return *id;
}

Result<QList<qint64>> InteractionStore::deleteRow(qint64 id)
{
    QList<qint64> participants;
    {
        auto q = m_database.exec(
            QStringLiteral("SELECT contact_id FROM interaction_participants WHERE interaction_id = ?"), {id});
        if (!q)
            return q.status();
        while ((*q)->next())
            participants.append((*q)->value(0).toLongLong());
    }
    auto removed = m_database.exec(QStringLiteral("DELETE FROM interactions WHERE id = ?"), {id});
    if (!removed)
        return Result<QList<qint64>>::failure(tr("The interaction could not be deleted: %1").arg(removed.error()));
    if ((*removed)->numRowsAffected() != 1)
        return Result<QList<qint64>>::failure(tr("There is no interaction with id %1.").arg(id));
    return participants;
}

Status InteractionStore::undoLog(qint64 id, const QList<qint64> &stageSteps)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto participants = deleteRow(id);
    if (!participants)
        return participants.status();
    for (qint64 step : stageSteps) {
        auto dropped = m_database.exec(QStringLiteral("DELETE FROM stage_history WHERE id = ?"), {step});
        if (!dropped)
            return dropped.status();
    }
    StageTracker stages(m_database);
    for (qint64 contactId : *participants) {
        if (Status resynced = stages.resync(contactId); !resynced)
            return resynced;
    }
    return transaction.commit();
}

Status InteractionStore::remove(qint64 id)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto participants = deleteRow(id);
    if (!participants)
        return participants.status();
    StageTracker stages(m_database);
    for (qint64 contactId : *participants) {
        if (Status refreshed = stages.refresh(contactId); !refreshed)
            return refreshed;
    }
    return transaction.commit();
}

Result<QList<Interaction>> InteractionStore::forContact(qint64 contactId)
{
    return read(QStringLiteral("SELECT i.id, i.kind, i.occurred_at, i.direction, i.summary, i.body FROM "
                               "interactions i JOIN interaction_participants p ON p.interaction_id = i.id "
                               "WHERE p.contact_id = ? ORDER BY i.occurred_at DESC, i.id DESC"),
                {contactId});
}

Result<QList<Interaction>> InteractionStore::forContact(qint64 contactId, int offset, int limit)
{
    return read(QStringLiteral("SELECT i.id, i.kind, i.occurred_at, i.direction, i.summary, i.body FROM "
                               "interactions i JOIN interaction_participants p ON p.interaction_id = i.id "
                               "WHERE p.contact_id = ? ORDER BY i.occurred_at DESC, i.id DESC LIMIT ? OFFSET ?"),
                {contactId, limit, offset});
}

Result<qint64> InteractionStore::countForContact(qint64 contactId)
{
    auto counted = m_database.scalar(
        QStringLiteral("SELECT count(*) FROM interaction_participants WHERE contact_id = ?"), {contactId});
    if (!counted)
        return counted.status();
    return counted->toLongLong();
}

Result<QList<ActivityRow>> InteractionStore::activity(const ActivityQuery &query, const ActivityCursor &after,
                                                       int limit)
{
    // Fixed fragments chosen by the query; every value bound.
    QStringList conditions;
    QVariantList values;
    if (query.kind) {
        conditions << QStringLiteral("i.kind = ?");
        values << interactionKindKey(*query.kind);
    }
    if (query.from.isValid()) {
        conditions << QStringLiteral("i.occurred_at >= ?");
        values << Database::toStored(query.from);
    }
    if (query.until.isValid()) {
        conditions << QStringLiteral("i.occurred_at < ?");
        values << Database::toStored(query.until);
    }
    if (after.isValid()) {
        conditions << QStringLiteral("(i.occurred_at < ? OR (i.occurred_at = ? AND i.id < ?))");
        values << Database::toStored(after.occurredAt) << Database::toStored(after.occurredAt) << after.id;
    }
    values << limit;
    const QString where = conditions.isEmpty() ? QString()
                                               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    auto q = m_database.exec(
        QStringLiteral("SELECT i.id, i.kind, i.occurred_at, i.direction, i.summary, i.body, "
                       "(SELECT group_concat(name, ', ') FROM (SELECT c.display_name AS name FROM "
                       "interaction_participants p JOIN contacts c ON c.id = p.contact_id "
                       "WHERE p.interaction_id = i.id ORDER BY c.id)), "
                       "(SELECT MIN(p.contact_id) FROM interaction_participants p WHERE p.interaction_id = i.id) "
                       "FROM interactions i%1 ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?")
            .arg(where),
        values);
    if (!q)
        return Result<QList<ActivityRow>>::failure(tr("The activity could not be read: %1").arg(q.error()));
    QList<ActivityRow> rows;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        ActivityRow row;
        row.id = r.value(0).toLongLong();
        row.kind = interactionKindFromKey(r.value(1).toString()).value_or(InteractionKind::Note);
        row.occurredAt = Database::fromStored(r.value(2));
        row.direction = directionFromKey(r.value(3).toString()).value_or(Direction::Outbound);
        row.summary = r.value(4).toString();
        row.body = r.value(5).toString();
        row.participantNames = r.value(6).toString();
        row.firstParticipant = r.value(7).toLongLong();
        rows.append(row);
    }
    return rows;
}

Result<QList<Interaction>> InteractionStore::read(const QString &sql, const QVariantList &values)
{
    QList<Interaction> interactions;
    {
        auto q = m_database.exec(sql, values);
        if (!q)
            return Result<QList<Interaction>>::failure(tr("The interactions could not be read: %1").arg(q.error()));
        while ((*q)->next()) {
            const QSqlQuery &r = **q;
            Interaction interaction;
            interaction.id = r.value(0).toLongLong();
            interaction.kind = interactionKindFromKey(r.value(1).toString()).value_or(InteractionKind::Note);
            interaction.occurredAt = Database::fromStored(r.value(2));
            interaction.direction = directionFromKey(r.value(3).toString()).value_or(Direction::Outbound);
            interaction.summary = r.value(4).toString();
            interaction.body = r.value(5).toString();
            interactions.append(interaction);
        }
    }
    for (Interaction &interaction : interactions) {
        auto q = m_database.exec(
            QStringLiteral("SELECT contact_id FROM interaction_participants WHERE interaction_id = ? "
                           "ORDER BY contact_id"),
            {interaction.id});
        if (!q)
            return q.status();
        while ((*q)->next())
            interaction.participants.append((*q)->value(0).toLongLong());
    }
    return interactions;
}

Result<qint64> InteractionStore::count()
{
    auto counted = m_database.scalar(QStringLiteral("SELECT count(*) FROM interactions"));
    if (!counted)
        return counted.status();
    return counted->toLongLong();
}

} // namespace Rapport::Core
