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

Result<qint64> InteractionStore::log(const Interaction &interaction)
{
    if (interaction.participants.isEmpty())
        return Result<qint64>::failure(tr("An interaction needs at least one contact."));
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
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
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return *id;
}

Status InteractionStore::remove(qint64 id)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
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
        return Status::failure(tr("The interaction could not be deleted: %1").arg(removed.error()));
    if ((*removed)->numRowsAffected() != 1)
        return Status::failure(tr("There is no interaction with id %1.").arg(id));
    StageTracker stages(m_database);
    for (qint64 contactId : std::as_const(participants)) {
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
