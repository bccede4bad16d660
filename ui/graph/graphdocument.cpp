#include "graphdocument.h"

#include "graph/forcelayout.h"
#include "layoutrunner.h"
#include "store/database.h"

#include <QSet>

#include <cmath>

namespace Rapport::Ui {

using namespace Rapport::Core;

GraphDocument::GraphDocument(QObject *parent)
    : QObject(parent)
{
}

Result<std::unique_ptr<GraphDocument>> GraphDocument::load(Database &database, bool layOutMissing)
{
    GraphStore store(database);
    auto graph = store.load();
    if (!graph)
        return graph.status();
    auto positions = store.positions();
    if (!positions)
        return positions.status();
    auto document = std::make_unique<GraphDocument>();
    document->setGraph(std::move(graph).value(), *positions);
    if (layOutMissing) {
        std::unique_ptr<ForceLayout> layout = LayoutRunner::makeLayout(*document, false);
        layout->run();
        document->setLayoutPositions(layout->positions());
    }
    return document;
}

void GraphDocument::setGraph(RelationshipGraph graph, const QHash<qint64, GraphPosition> &positions)
{
    m_graph = std::move(graph);
    const int n = nodeCount();
    m_positions.assign(n, QPointF());
    m_placed.assign(n, false);
    m_pinned.assign(n, false);
    m_radius.assign(n, 0);
    for (int i = 0; i < n; ++i) {
        const GraphNode &node = m_graph.nodes().at(i);
        // Area grows with activity, so that a busy relationship reads as bigger
        // without dwarfing everyone else.
        qreal r = std::min(12.0 + 2.8 * std::sqrt(qreal(node.interactionCount)), 28.0);
        if (node.stage == Stage::Client)
            r += 4;
        m_radius[i] = r;
        const auto saved = positions.constFind(node.id);
        if (saved != positions.constEnd()) {
            m_positions[i] = QPointF(saved->x, saved->y);
            m_placed[i] = true;
            m_pinned[i] = saved->pinned;
        }
    }
    m_edgeEnds.clear();
    m_edgeEnds.reserve(m_graph.edges().size());
    for (const GraphEdge &edge : m_graph.edges())
        m_edgeEnds.emplace_back(m_graph.indexOf(edge.from), m_graph.indexOf(edge.to));
    if (m_selected != 0 && !m_graph.contains(m_selected))
        m_selected = 0;
    if (m_filter.egoContact != 0 && !m_graph.contains(m_filter.egoContact))
        m_filter.egoContact = 0;
    updateVisibility();
    updateHighlight();
    emit reset();
    emit changed();
}

void GraphDocument::setPosition(int node, QPointF position, bool pinned)
{
    m_positions[node] = position;
    m_placed[node] = true;
    m_pinned[node] = pinned;
    emit changed();
}

void GraphDocument::setLayoutPositions(const std::vector<QPointF> &positions)
{
    if (int(positions.size()) != nodeCount())
        return;
    for (int i = 0; i < nodeCount(); ++i) {
        if (!m_pinned[i]) {
            m_positions[i] = positions[i];
            m_placed[i] = true;
        }
    }
    emit changed();
}

QList<GraphPosition> GraphDocument::savedPositions() const
{
    QList<GraphPosition> all;
    all.reserve(nodeCount());
    for (int i = 0; i < nodeCount(); ++i) {
        if (m_placed[i])
            all.append(GraphPosition{node(i).id, m_positions[i].x(), m_positions[i].y(), bool(m_pinned[i])});
    }
    return all;
}

void GraphDocument::setFilter(const GraphFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    updateVisibility();
    emit changed();
}

void GraphDocument::updateVisibility()
{
    const int n = nodeCount();
    m_visible.assign(n, true);
    QSet<qint64> ego;
    if (m_filter.egoContact != 0) {
        const QList<qint64> around = m_graph.neighbourhood(m_filter.egoContact, m_filter.egoHops);
        ego = QSet<qint64>(around.cbegin(), around.cend());
    }
    m_visibleCount = 0;
    for (int i = 0; i < n; ++i) {
        const GraphNode &node = m_graph.nodes().at(i);
        bool keep = m_filter.includeArchived || !node.archived;
        if (keep && m_filter.stage)
            keep = node.stage == *m_filter.stage;
        if (keep && !m_filter.tag.isEmpty())
            keep = node.tags.contains(m_filter.tag, Qt::CaseInsensitive);
        if (keep && m_filter.since.isValid()) {
            keep = (node.knownSince.isValid() && node.knownSince >= m_filter.since)
                   || (node.lastInteractionAt.isValid() && node.lastInteractionAt.date() >= m_filter.since);
        }
        if (keep && m_filter.egoContact != 0)
            keep = ego.contains(node.id);
        m_visible[i] = keep;
        m_visibleCount += keep ? 1 : 0;
    }
}

bool GraphDocument::isEdgeVisible(int edge) const
{
    return m_visible[m_edgeEnds[edge].first] && m_visible[m_edgeEnds[edge].second];
}

QRectF GraphDocument::visibleBounds() const
{
    QRectF bounds;
    for (int i = 0; i < nodeCount(); ++i) {
        if (!m_visible[i])
            continue;
        const qreal r = m_radius[i];
        bounds |= QRectF(m_positions[i].x() - r, m_positions[i].y() - r, 2 * r, 2 * r);
    }
    return bounds;
}

QStringList GraphDocument::allTags() const
{
    QStringList tags;
    QSet<QString> seen;
    for (const GraphNode &node : m_graph.nodes()) {
        for (const QString &tag : node.tags) {
            if (!seen.contains(tag.toCaseFolded())) {
                seen.insert(tag.toCaseFolded());
                tags.append(tag);
            }
        }
    }
    tags.sort(Qt::CaseInsensitive);
    return tags;
}

void GraphDocument::select(qint64 contactId)
{
    if (contactId != 0 && !m_graph.contains(contactId))
        contactId = 0;
    if (contactId == m_selected)
        return;
    m_selected = contactId;
    updateHighlight();
    emit selectionChanged(m_selected);
    emit changed();
}

void GraphDocument::updateHighlight()
{
    m_highlighted.assign(nodeCount(), false);
    m_edgeHighlighted.assign(edgeCount(), false);
    m_chains = m_selected != 0 ? m_graph.chainsTo(m_selected) : ChainList();
    if (m_selected == 0)
        return;
    QSet<QPair<qint64, qint64>> steps;
    for (const QList<qint64> &chain : std::as_const(m_chains.chains)) {
        for (qsizetype k = 0; k < chain.size(); ++k) {
            m_highlighted[m_graph.indexOf(chain.at(k))] = true;
            if (k > 0)
                steps.insert({chain.at(k - 1), chain.at(k)});
        }
    }
    m_highlighted[m_graph.indexOf(m_selected)] = true;
    for (int e = 0; e < edgeCount(); ++e)
        m_edgeHighlighted[e] = steps.contains({edge(e).from, edge(e).to});
}

int GraphDocument::nodeAt(QPointF scenePos) const
{
    int found = -1;
    qreal best = 0;
    for (int i = 0; i < nodeCount(); ++i) {
        if (!m_visible[i])
            continue;
        const QPointF d = m_positions[i] - scenePos;
        const qreal d2 = d.x() * d.x() + d.y() * d.y();
        const qreal r = m_radius[i] + 2;
        if (d2 <= r * r && (found < 0 || d2 < best)) {
            found = i;
            best = d2;
        }
    }
    return found;
}

} // namespace Rapport::Ui
