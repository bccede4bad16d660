#include "attributionanalysis.h"

#include "rowscan.h"
#include "store/contactstore.h"
#include "store/database.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

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
    // Channels by number: a hundred thousand contacts share a few channels.
    // Nodes come in id order, the graph's own, so a node's channel is at its
    // graph index; a channel is found among the few known without a copy.
    QList<GraphNode> nodes;
    std::vector<int> channelAt;
    QStringList channelNames;
    QList<QByteArray> channelKeys;
    QHash<QByteArray, int> channelIndex; // once there are many
    const Status scanned = RowScan::run(
        m_database, QStringLiteral("SELECT id, stage, archived, met_channel FROM contacts ORDER BY id"), {},
        [&](const RowScan::Row &row) {
            GraphNode node;
            node.id = row.integer(0);
            node.stage = static_cast<Stage>(row.integer(1));
            node.archived = row.integer(2) != 0;
            const QByteArrayView channel = row.utf8(3);
            int index = -1;
            if (channelKeys.size() <= 16) {
                const auto known = std::find(channelKeys.cbegin(), channelKeys.cend(), channel);
                if (known != channelKeys.cend())
                    index = int(known - channelKeys.cbegin());
            } else {
                index = channelIndex.value(channel.toByteArray(), -1);
            }
            if (index < 0) {
                index = int(channelNames.size());
                channelKeys << channel.toByteArray();
                channelIndex.insert(channelKeys.constLast(), index);
                channelNames << QString::fromUtf8(channel);
            }
            channelAt.push_back(index);
            nodes.append(std::move(node));
        });
    if (!scanned)
        return failed(scanned.error());
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
    const auto channelOf = [&](qint64 id) { return channelAt[size_t(graph.indexOf(id))]; };
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

    QHash<int, QSet<qint64>> direct;
    QHash<int, QSet<qint64>> all;
    for (qsizetype i = 0; i < graph.nodes().size(); ++i) {
        const GraphNode &node = graph.nodes().at(i);
        if (node.stage == Stage::Client) {
            direct[channelAt[size_t(i)]].insert(node.id);
            all[channelAt[size_t(i)]].insert(node.id);
        }
    }
    // Everyone downstream of a channel's first contacts, in one walk per channel
    // from all of them at once (a walk per first contact would repeat itself).
    QHash<int, QList<qint64>> firstByChannel;
    for (qint64 first : graph.firstContacts()) {
        if (!graph.edgesFrom(first).isEmpty())
            firstByChannel[channelOf(first)].append(first);
    }
    std::vector<char> seen(graph.nodes().size(), 0);
    for (auto it = firstByChannel.cbegin(); it != firstByChannel.cend(); ++it) {
        QSet<qint64> &reached = all[it.key()];
        QList<qint64> queue = it.value();
        std::vector<int> touched;
        for (qint64 id : std::as_const(queue)) {
            seen[graph.indexOf(id)] = 1;
            touched.push_back(graph.indexOf(id));
        }
        for (qsizetype next = 0; next < queue.size(); ++next) {
            for (int edge : graph.edgesFrom(queue[next])) {
                const qint64 to = graph.edges().at(edge).to;
                const int index = graph.indexOf(to);
                if (seen[index])
                    continue;
                seen[index] = 1;
                touched.push_back(index);
                queue.append(to);
                if (isClient(to))
                    reached.insert(to);
            }
        }
        for (int index : touched)
            seen[index] = 0;
    }
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!it.value().isEmpty())
            report.channels.append(
                ChannelClients{channelNames.value(it.key()), sortedIds(direct.value(it.key())), sortedIds(it.value())});
    }
    std::sort(report.channels.begin(), report.channels.end(), [](const ChannelClients &a, const ChannelClients &b) {
        if (a.allClients.size() != b.allClients.size())
            return a.allClients.size() > b.allClients.size();
        return a.channel < b.channel;
    });
    return report;
}

} // namespace Rapport::Core
