#pragma once

#include "graph/graphstore.h"
#include "graph/relationshipgraph.h"
#include "result.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QRectF>

#include <memory>
#include <optional>
#include <vector>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// Which contacts the graph shows. Empty fields keep everyone.
struct GraphFilter
{
    std::optional<Core::Stage> stage;
    QString tag;
    /// Contacts known since, or in touch since, this date.
    QDate since;
    /// Only this contact and those within egoHops introductions of it (0: off).
    qint64 egoContact = 0;
    int egoHops = 2;
    bool includeArchived = false;

    friend bool operator==(const GraphFilter &, const GraphFilter &) = default;
};

/// What the graph page shows, shared by the view, the exports and the printed
/// report: the relationship graph, where each contact sits and whether it is
/// pinned, which contacts the filter keeps, and the selected contact with
/// the chains that lead to it. Nodes and edges are addressed by their
/// position in graph().nodes() and graph().edges().
class GraphDocument : public QObject
{
    Q_OBJECT

public:
    explicit GraphDocument(QObject *parent = nullptr);

    /// The graph of a data file with its saved layout; nodes without a saved
    /// position are laid out at once when `layOutMissing` (for pictures), else
    /// left at the origin for a LayoutRunner to place.
    static Core::Result<std::unique_ptr<GraphDocument>> load(Core::Database &database, bool layOutMissing);

    /// Replaces the graph; the selection and filter are kept where they still apply.
    void setGraph(Core::RelationshipGraph graph, const QHash<qint64, Core::GraphPosition> &positions);
    const Core::RelationshipGraph &graph() const { return m_graph; }
    int nodeCount() const { return int(m_graph.nodes().size()); }
    int edgeCount() const { return int(m_graph.edges().size()); }
    const Core::GraphNode &node(int index) const { return m_graph.nodes().at(index); }
    const Core::GraphEdge &edge(int index) const { return m_graph.edges().at(index); }
    /// The positions in nodes() of an edge's ends.
    int edgeSource(int edge) const { return m_edgeEnds[edge].first; }
    int edgeTarget(int edge) const { return m_edgeEnds[edge].second; }

    QPointF position(int node) const { return m_positions[node]; }
    bool hasPosition(int node) const { return m_placed[node]; }
    bool isPinned(int node) const { return m_pinned[node]; }
    void setPosition(int node, QPointF position, bool pinned);
    /// Takes the layout's positions for every node that is not pinned.
    void setLayoutPositions(const std::vector<QPointF> &positions);
    /// Every node's position, for GraphStore::savePositions().
    QList<Core::GraphPosition> savedPositions() const;
    /// The disc drawn for a node: larger for more interactions, larger still for clients.
    qreal radius(int node) const { return m_radius[node]; }

    void setFilter(const GraphFilter &filter);
    const GraphFilter &filter() const { return m_filter; }
    bool isVisible(int node) const { return m_visible[node]; }
    bool isEdgeVisible(int edge) const;
    int visibleNodeCount() const { return m_visibleCount; }
    /// The smallest rectangle around every visible disc (empty when none is).
    QRectF visibleBounds() const;
    /// Every tag of every contact, sorted, for a filter.
    QStringList allTags() const;

    /// Selects a contact (0 clears): its chains from first contacts are
    /// highlighted, everything else dims.
    void select(qint64 contactId);
    qint64 selectedContact() const { return m_selected; }
    const Core::ChainList &selectedChains() const { return m_chains; }
    bool hasHighlight() const { return m_selected != 0; }
    bool isHighlighted(int node) const { return m_highlighted[node]; }
    bool isEdgeHighlighted(int edge) const { return m_edgeHighlighted[edge]; }

    /// The visible node whose disc holds `scenePos` (the topmost when discs
    /// touch), or -1.
    int nodeAt(QPointF scenePos) const;

signals:
    /// Something to repaint: positions, filter, selection.
    void changed();
    /// A new graph was set.
    void reset();
    void selectionChanged(qint64 contactId);

private:
    void updateVisibility();
    void updateHighlight();

    Core::RelationshipGraph m_graph;
    std::vector<std::pair<int, int>> m_edgeEnds;
    std::vector<QPointF> m_positions;
    std::vector<bool> m_placed;
    std::vector<bool> m_pinned;
    std::vector<qreal> m_radius;
    std::vector<bool> m_visible;
    std::vector<bool> m_highlighted;
    std::vector<bool> m_edgeHighlighted;
    int m_visibleCount = 0;
    GraphFilter m_filter;
    qint64 m_selected = 0;
    Core::ChainList m_chains;
};

} // namespace Rapport::Ui
