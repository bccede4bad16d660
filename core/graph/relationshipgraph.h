#pragma once

#include "domain/introduction.h"
#include "domain/stage.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Rapport::Core {

/// A contact as the relationship graph sees it.
struct GraphNode
{
    qint64 id = 0;
    QString name;
    Stage stage = Stage::None;
    QStringList tags;
    /// How many interactions the contact took part in.
    int interactionCount = 0;
    QDateTime lastInteractionAt;
    /// When the user first came across them: how-we-met date, else the first
    /// interaction, else when the contact was created.
    QDate knownSince;
    bool archived = false;
};

/// An introduction as the relationship graph sees it: "from led me to to".
struct GraphEdge
{
    qint64 id = 0;
    qint64 from = 0;
    qint64 to = 0;
    IntroductionKind kind = IntroductionKind::Introduced;
    QDate date;
    QString note;
};

/// The chains of introductions that lead to one contact.
struct ChainList
{
    /// Each chain lists contact ids from a first contact to the contact, both
    /// included; a first contact's only chain is itself. Shortest first.
    QList<QList<qint64>> chains;
    /// True when the limit (or the search budget) stopped the enumeration early.
    bool truncated = false;
};

/// What one contact led to.
struct Attribution
{
    qint64 contactId = 0;
    /// Clients the contact introduced themselves.
    int directClients = 0;
    /// Clients anywhere downstream of the contact (the direct ones included).
    int transitiveClients = 0;
    /// Everyone downstream of the contact, clients or not.
    int reached = 0;
};

/// Whether a path follows introductions only in their direction (who led to
/// whom) or either way (anyone the user could ask for a warm introduction).
enum class PathDirection { Forward, Either };

/// Contacts and introductions as a directed graph, with the questions the
/// user asks of it. A value type: build it (or load it with GraphStore) and
/// query it from any thread. Introductions may form cycles; every query
/// terminates and never repeats a contact within one path.
class RelationshipGraph
{
public:
    /// Chains enumerated by default before chainsTo() stops.
    static constexpr int defaultChainLimit = 1000;

    RelationshipGraph() = default;
    /// Nodes are kept ordered by id; edges naming an unknown contact, self
    /// introductions and repeated pairs are dropped.
    RelationshipGraph(QList<GraphNode> nodes, QList<GraphEdge> edges);

    const QList<GraphNode> &nodes() const { return m_nodes; }
    const QList<GraphEdge> &edges() const { return m_edges; }
    bool contains(qint64 contactId) const { return m_index.contains(contactId); }
    /// The node's position in nodes(), or -1.
    int indexOf(qint64 contactId) const { return m_index.value(contactId, -1); }
    /// The node, or nullptr for an unknown id.
    const GraphNode *node(qint64 contactId) const;
    /// The introduction from `from` to `to`, or nullptr.
    const GraphEdge *edgeBetween(qint64 from, qint64 to) const;
    /// Positions in edges() of the introductions made by / leading to a contact.
    QList<int> edgesFrom(qint64 contactId) const;
    QList<int> edgesInto(qint64 contactId) const;

    /// Where chains start: contacts nobody introduced, and for each circle of
    /// introductions that nobody led into, the contact in it with the lowest id
    /// (the one added first). Every contact has at least one first contact
    /// upstream of it, or is one. Ordered by id.
    QList<qint64> firstContacts() const;
    bool isFirstContact(qint64 contactId) const;

    /// Every chain of introductions from a first contact to `contactId`, at most
    /// `limit` of them (and a bounded amount of search on huge graphs); empty
    /// for an unknown id.
    ChainList chainsTo(qint64 contactId, int limit = defaultChainLimit) const;
    /// Everyone `contactId` led to, directly or through others, nearest first;
    /// never the contact itself, even in a cycle.
    QList<qint64> ledTo(qint64 contactId) const;
    /// The shortest chain from `from` to `to` (both included; fewest
    /// introductions, ties broken by lower ids), or empty when there is none.
    /// `from == to` gives the contact alone.
    QList<qint64> shortestPath(qint64 from, qint64 to, PathDirection direction = PathDirection::Forward) const;
    /// The contact and everyone within `hops` introductions of it, either way.
    QList<qint64> neighbourhood(qint64 contactId, int hops) const;

    /// For every contact, in nodes() order: the clients it led to.
    QList<Attribution> attribution() const;
    /// The same for one contact; zeros for an unknown id.
    Attribution attributionOf(qint64 contactId) const;

private:
    void buildAdjacency();
    void findFirstContacts();
    void reachFrom(int start, std::vector<int> &stamp, int mark, std::vector<int> &order) const;

    QList<GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    QHash<qint64, int> m_index;
    // Compressed adjacency: edge positions of node i are m_out[m_outStart[i] .. m_outStart[i + 1]).
    std::vector<int> m_outStart;
    std::vector<int> m_out;
    /// Edge e runs from node m_edgeFrom[e] to node m_edgeTo[e] (indexes, not ids).
    std::vector<int> m_edgeFrom;
    std::vector<int> m_edgeTo;
    std::vector<int> m_inStart;
    std::vector<int> m_in;
    std::vector<bool> m_first;
};

} // namespace Rapport::Core
