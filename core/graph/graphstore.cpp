#include "graphstore.h"

#include "domain/contact.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QSqlQuery>

#include <cmath>

namespace Rapport::Core {

GraphStore::GraphStore(Database &database)
    : m_database(database)
{
}

Result<RelationshipGraph> GraphStore::load()
{
    auto q = m_database.exec(QStringLiteral(
        "SELECT c.id, c.display_name, c.honorific_prefix, c.given_name, c.additional_names, c.family_name, "
        "c.honorific_suffix, c.organization, "
        "(SELECT f.value FROM contact_fields f WHERE f.contact_id = c.id AND f.kind = 'email' "
        "ORDER BY f.position LIMIT 1), c.stage, c.last_interaction_at, c.met_on, c.created_at, c.archived, "
        "(SELECT count(*) FROM interaction_participants p WHERE p.contact_id = c.id), "
        "(SELECT min(i.occurred_at) FROM interaction_participants p JOIN interactions i "
        "ON i.id = p.interaction_id WHERE p.contact_id = c.id) "
        "FROM contacts c ORDER BY c.id"));
    if (!q)
        return Result<RelationshipGraph>::failure(tr("The contacts could not be read: %1").arg(q.error()));
    QList<GraphNode> nodes;
    QHash<qint64, int> index;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        Contact named;
        named.displayName = r.value(1).toString();
        named.honorificPrefix = r.value(2).toString();
        named.givenName = r.value(3).toString();
        named.additionalNames = r.value(4).toString();
        named.familyName = r.value(5).toString();
        named.honorificSuffix = r.value(6).toString();
        named.organization = r.value(7).toString();
        if (!r.value(8).isNull())
            named.emails.append(ContactField{r.value(8).toString(), {}, false});
        GraphNode node;
        node.id = r.value(0).toLongLong();
        node.name = named.name();
        node.stage = static_cast<Stage>(r.value(9).toInt());
        node.lastInteractionAt = Database::fromStored(r.value(10));
        node.knownSince = QDate::fromString(r.value(11).toString(), Qt::ISODate);
        if (!node.knownSince.isValid() && !r.value(15).isNull())
            node.knownSince = Database::fromStored(r.value(15)).date();
        if (!node.knownSince.isValid())
            node.knownSince = Database::fromStored(r.value(12)).date();
        node.archived = r.value(13).toBool();
        node.interactionCount = r.value(14).toInt();
        index.insert(node.id, int(nodes.size()));
        nodes.append(std::move(node));
    }
    (*q)->finish();

    auto tags = m_database.exec(QStringLiteral("SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t "
                                               "ON t.id = ct.tag_id ORDER BY ct.contact_id, ct.position"));
    if (!tags)
        return Result<RelationshipGraph>::failure(tr("The tags could not be read: %1").arg(tags.error()));
    while ((*tags)->next()) {
        const int i = index.value((*tags)->value(0).toLongLong(), -1);
        if (i >= 0)
            nodes[i].tags.append((*tags)->value(1).toString());
    }
    (*tags)->finish();

    auto e = m_database.exec(QStringLiteral("SELECT id, from_contact, to_contact, kind, date, note FROM "
                                            "introductions ORDER BY id"));
    if (!e)
        return Result<RelationshipGraph>::failure(tr("The introductions could not be read: %1").arg(e.error()));
    QList<GraphEdge> edges;
    while ((*e)->next()) {
        const QSqlQuery &r = **e;
        edges.append(GraphEdge{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(),
                               introductionKindFromKey(r.value(3).toString()).value_or(IntroductionKind::Introduced),
                               QDate::fromString(r.value(4).toString(), Qt::ISODate), r.value(5).toString()});
    }
    (*e)->finish();
    return RelationshipGraph(std::move(nodes), std::move(edges));
}

Result<QHash<qint64, GraphPosition>> GraphStore::positions()
{
    auto q = m_database.exec(QStringLiteral("SELECT contact_id, x, y, pinned FROM graph_positions"));
    if (!q)
        return Result<QHash<qint64, GraphPosition>>::failure(
            tr("The graph layout could not be read: %1").arg(q.error()));
    QHash<qint64, GraphPosition> positions;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        const GraphPosition p{r.value(0).toLongLong(), r.value(1).toDouble(), r.value(2).toDouble(),
                              r.value(3).toBool()};
        positions.insert(p.contactId, p);
    }
    return positions;
}

Status GraphStore::savePositions(const QList<GraphPosition> &positions)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    for (const GraphPosition &p : positions) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            return Status::failure(tr("A graph position is not a finite number."));
        auto found = m_database.scalar(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"), {p.contactId});
        if (!found)
            return found.status();
        if (!found->isValid())
            return Status::failure(tr("There is no contact with id %1.").arg(p.contactId));
        auto saved = m_database.exec(QStringLiteral("INSERT INTO graph_positions (contact_id, x, y, pinned) "
                                                    "VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET "
                                                    "x = excluded.x, y = excluded.y, pinned = excluded.pinned"),
                                     {p.contactId, p.x, p.y, p.pinned ? 1 : 0});
        if (!saved)
            return Status::failure(tr("The graph layout could not be saved: %1").arg(saved.error()));
    }
    return transaction.commit();
}

Status GraphStore::clearPositions()
{
    auto cleared = m_database.exec(QStringLiteral("DELETE FROM graph_positions"));
    if (!cleared)
        return Status::failure(tr("The graph layout could not be cleared: %1").arg(cleared.error()));
    return Status::success();
}

} // namespace Rapport::Core
