#include "attributionanalysis.h"

#include "store/contactstore.h"
#include "store/database.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace Rapport::Core {

namespace {

QList<qint64> sortedIds(const QSet<qint64> &set)
{
    QList<qint64> ids(set.cbegin(), set.cend());
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

AttributionAnalysis::AttributionAnalysis(Database &database)
    : m_database(database)
{
}

Result<AttributionReport> AttributionAnalysis::compute(int limit)
{
    const auto failed = [](const QString &error) {
        return Result<AttributionReport>::failure(tr("The attribution could not be computed: %1").arg(error));
    };
    auto q = m_database.exec(QStringLiteral("SELECT id, stage, archived, met_channel FROM contacts ORDER BY id"));
    if (!q)
        return failed(q.error());
    QList<GraphNode> nodes;
    QHash<qint64, QString> channelOf;
    while ((*q)->next()) {
        GraphNode node;
        node.id = (*q)->value(0).toLongLong();
        node.stage = static_cast<Stage>((*q)->value(1).toInt());
        node.archived = (*q)->value(2).toBool();
        channelOf.insert(node.id, (*q)->value(3).toString());
        nodes.append(std::move(node));
    }
    auto e = m_database.exec(QStringLiteral("SELECT id, from_contact, to_contact, kind FROM introductions ORDER BY id"));
    if (!e)
        return failed(e.error());
    QList<GraphEdge> edges;
    while ((*e)->next()) {
        GraphEdge edge;
        edge.id = (*e)->value(0).toLongLong();
        edge.from = (*e)->value(1).toLongLong();
        edge.to = (*e)->value(2).toLongLong();
        edge.kind = introductionKindFromKey((*e)->value(3).toString()).value_or(IntroductionKind::Introduced);
        edges.append(edge);
    }
    const RelationshipGraph graph(std::move(nodes), std::move(edges));
    const auto isClient = [&graph](qint64 id) { return graph.node(id)->stage == Stage::Client; };

    AttributionReport report;
    QList<Attribution> ranked;
    for (const Attribution &a : graph.attribution()) {
        if (a.transitiveClients > 0 && !graph.node(a.contactId)->archived)
            ranked.append(a);
    }
    std::sort(ranked.begin(), ranked.end(), [](const Attribution &a, const Attribution &b) {
        if (a.transitiveClients != b.transitiveClients)
            return a.transitiveClients > b.transitiveClients;
        if (a.directClients != b.directClients)
            return a.directClients > b.directClients;
        return a.contactId < b.contactId;
    });
    ContactStore contacts(m_database);
    for (const Attribution &a : ranked.mid(0, limit)) {
        IntroducerClients introducer;
        introducer.contactId = a.contactId;
        auto contact = contacts.get(a.contactId);
        if (!contact)
            return failed(contact.error());
        introducer.name = contact->name();
        for (int edge : graph.edgesFrom(a.contactId)) {
            if (isClient(graph.edges().at(edge).to))
                introducer.directClients.append(graph.edges().at(edge).to);
        }
        std::sort(introducer.directClients.begin(), introducer.directClients.end());
        for (qint64 id : graph.ledTo(a.contactId)) {
            if (isClient(id))
                introducer.allClients.append(id);
        }
        std::sort(introducer.allClients.begin(), introducer.allClients.end());
        report.introducers.append(std::move(introducer));
    }

    QHash<QString, QSet<qint64>> direct;
    QHash<QString, QSet<qint64>> all;
    for (const GraphNode &node : graph.nodes()) {
        if (node.stage == Stage::Client) {
            direct[channelOf.value(node.id)].insert(node.id);
            all[channelOf.value(node.id)].insert(node.id);
        }
    }
    for (qint64 first : graph.firstContacts()) {
        if (graph.edgesFrom(first).isEmpty())
            continue;
        QSet<qint64> &reached = all[channelOf.value(first)];
        for (qint64 id : graph.ledTo(first)) {
            if (isClient(id))
                reached.insert(id);
        }
    }
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!it.value().isEmpty())
            report.channels.append(ChannelClients{it.key(), sortedIds(direct.value(it.key())), sortedIds(it.value())});
    }
    std::sort(report.channels.begin(), report.channels.end(), [](const ChannelClients &a, const ChannelClients &b) {
        if (a.allClients.size() != b.allClients.size())
            return a.allClients.size() > b.allClients.size();
        return a.channel < b.channel;
    });
    return report;
}

} // namespace Rapport::Core
