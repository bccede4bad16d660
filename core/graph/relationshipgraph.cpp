#include "relationshipgraph.h"

#include <QSet>

#include <algorithm>
#include <deque>

namespace Rapport::Core {

namespace {

// Enumerating simple paths is exponential in the worst case; this bounds the
// work spent on one chainsTo() call even when few chains are found.
constexpr qint64 chainSearchBudget = 4'000'000;

} // namespace

RelationshipGraph::RelationshipGraph(QList<GraphNode> nodes, QList<GraphEdge> edges)
    : m_nodes(std::move(nodes))
{
    std::sort(m_nodes.begin(), m_nodes.end(), [](const GraphNode &a, const GraphNode &b) { return a.id < b.id; });
    m_nodes.erase(std::unique(m_nodes.begin(), m_nodes.end(),
                              [](const GraphNode &a, const GraphNode &b) { return a.id == b.id; }),
                  m_nodes.end());
    m_index.reserve(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i)
        m_index.insert(m_nodes.at(i).id, i);

    QSet<QPair<qint64, qint64>> seen;
    m_edges.reserve(edges.size());
    for (GraphEdge &edge : edges) {
        if (edge.from == edge.to || !m_index.contains(edge.from) || !m_index.contains(edge.to))
            continue;
        if (seen.contains({edge.from, edge.to}))
            continue;
        seen.insert({edge.from, edge.to});
        m_edges.append(std::move(edge));
    }
    buildAdjacency();
    findFirstContacts();
}

void RelationshipGraph::buildAdjacency()
{
    const int n = int(m_nodes.size());
    // Each edge's ends as node indexes, looked up once: every walk below
    // follows edges, and a hash lookup per step was most of a walk's time.
    m_edgeFrom.resize(size_t(m_edges.size()));
    m_edgeTo.resize(size_t(m_edges.size()));
    for (qsizetype e = 0; e < m_edges.size(); ++e) {
        m_edgeFrom[size_t(e)] = m_index.value(m_edges.at(e).from);
        m_edgeTo[size_t(e)] = m_index.value(m_edges.at(e).to);
    }
    m_outStart.assign(n + 1, 0);
    m_inStart.assign(n + 1, 0);
    for (size_t e = 0; e < m_edgeFrom.size(); ++e) {
        ++m_outStart[m_edgeFrom[e] + 1];
        ++m_inStart[m_edgeTo[e] + 1];
    }
    for (int i = 0; i < n; ++i) {
        m_outStart[i + 1] += m_outStart[i];
        m_inStart[i + 1] += m_inStart[i];
    }
    m_out.assign(m_edges.size(), 0);
    m_in.assign(m_edges.size(), 0);
    std::vector<int> outFill(m_outStart.begin(), m_outStart.end() - 1);
    std::vector<int> inFill(m_inStart.begin(), m_inStart.end() - 1);
    for (int e = 0; e < m_edges.size(); ++e) {
        m_out[outFill[m_edgeFrom[size_t(e)]]++] = e;
        m_in[inFill[m_edgeTo[size_t(e)]]++] = e;
    }
    // Neighbours in id order so that every traversal is deterministic.
    for (int i = 0; i < n; ++i) {
        std::sort(m_out.begin() + m_outStart[i], m_out.begin() + m_outStart[i + 1],
                  [this](int a, int b) { return m_edges.at(a).to < m_edges.at(b).to; });
        std::sort(m_in.begin() + m_inStart[i], m_in.begin() + m_inStart[i + 1],
                  [this](int a, int b) { return m_edges.at(a).from < m_edges.at(b).from; });
    }
}

// The first contacts are the lowest-id members of the source components of
// the graph (strongly connected components nothing outside leads into): a
// contact nobody introduced is a component of its own.
void RelationshipGraph::findFirstContacts()
{
    const int n = int(m_nodes.size());
    m_first.assign(n, false);
    // Iterative Tarjan.
    std::vector<int> index(n, -1), low(n, 0), component(n, -1);
    std::vector<bool> onStack(n, false);
    std::vector<int> stack;
    std::vector<std::pair<int, int>> work; // node, next out-edge position
    int nextIndex = 0;
    int components = 0;
    for (int root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        work.emplace_back(root, m_outStart[root]);
        index[root] = low[root] = nextIndex++;
        stack.push_back(root);
        onStack[root] = true;
        while (!work.empty()) {
            auto &[v, pos] = work.back();
            if (pos < m_outStart[v + 1]) {
                const int w = m_edgeTo[size_t(m_out[pos])];
                ++pos;
                if (index[w] < 0) {
                    index[w] = low[w] = nextIndex++;
                    stack.push_back(w);
                    onStack[w] = true;
                    work.emplace_back(w, m_outStart[w]);
                } else if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            const int finished = v;
            work.pop_back();
            if (!work.empty())
                low[work.back().first] = std::min(low[work.back().first], low[finished]);
            if (low[finished] == index[finished]) {
                int w = -1;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = false;
                    component[w] = components;
                } while (w != finished);
                ++components;
            }
        }
    }
    std::vector<bool> entered(components, false);
    for (size_t e = 0; e < m_edgeFrom.size(); ++e) {
        const int from = component[m_edgeFrom[e]];
        const int to = component[m_edgeTo[e]];
        if (from != to)
            entered[to] = true;
    }
    std::vector<bool> chosen(components, false);
    for (int i = 0; i < n; ++i) { // nodes are in id order: the first seen is the lowest id
        const int c = component[i];
        if (!entered[c] && !chosen[c]) {
            chosen[c] = true;
            m_first[i] = true;
        }
    }
}

const GraphNode *RelationshipGraph::node(qint64 contactId) const
{
    const int i = indexOf(contactId);
    return i < 0 ? nullptr : &m_nodes.at(i);
}

const GraphEdge *RelationshipGraph::edgeBetween(qint64 from, qint64 to) const
{
    const int i = indexOf(from);
    if (i < 0)
        return nullptr;
    for (int p = m_outStart[i]; p < m_outStart[i + 1]; ++p) {
        if (m_edges.at(m_out[p]).to == to)
            return &m_edges.at(m_out[p]);
    }
    return nullptr;
}

QList<int> RelationshipGraph::edgesFrom(qint64 contactId) const
{
    const int i = indexOf(contactId);
    if (i < 0)
        return {};
    return QList<int>(m_out.begin() + m_outStart[i], m_out.begin() + m_outStart[i + 1]);
}

QList<int> RelationshipGraph::edgesInto(qint64 contactId) const
{
    const int i = indexOf(contactId);
    if (i < 0)
        return {};
    return QList<int>(m_in.begin() + m_inStart[i], m_in.begin() + m_inStart[i + 1]);
}

QList<qint64> RelationshipGraph::firstContacts() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_first[i])
            ids.append(m_nodes.at(i).id);
    }
    return ids;
}

bool RelationshipGraph::isFirstContact(qint64 contactId) const
{
    const int i = indexOf(contactId);
    return i >= 0 && m_first[i];
}

ChainList RelationshipGraph::chainsTo(qint64 contactId, int limit) const
{
    ChainList result;
    const int target = indexOf(contactId);
    if (target < 0 || limit <= 0)
        return result;
    // Walk back along introductions from the target, never revisiting a
    // contact on the current path, and emit the path whenever it reaches a
    // first contact (which ends it: a chain starts at its first contact).
    std::vector<bool> onPath(m_nodes.size(), false);
    std::vector<std::pair<int, int>> path; // node, next in-edge position
    path.emplace_back(target, m_inStart[target]);
    onPath[target] = true;
    qint64 steps = 0;
    auto record = [&] {
        QList<qint64> chain;
        chain.reserve(qsizetype(path.size()));
        for (auto it = path.crbegin(); it != path.crend(); ++it)
            chain.append(m_nodes.at(it->first).id);
        result.chains.append(std::move(chain));
    };
    if (m_first[target]) {
        record();
        path.clear();
    }
    while (!path.empty()) {
        if (++steps > chainSearchBudget) {
            result.truncated = true;
            break;
        }
        auto &[v, pos] = path.back();
        if (pos >= m_inStart[v + 1]) {
            onPath[v] = false;
            path.pop_back();
            continue;
        }
        const int u = m_edgeFrom[size_t(m_in[pos])];
        ++pos;
        if (onPath[u])
            continue;
        path.emplace_back(u, m_inStart[u]);
        onPath[u] = true;
        if (m_first[u]) {
            record();
            if (result.chains.size() >= limit) {
                result.truncated = true;
                break;
            }
            onPath[u] = false;
            path.pop_back();
        }
    }
    std::stable_sort(result.chains.begin(), result.chains.end(),
                     [](const QList<qint64> &a, const QList<qint64> &b) {
                         return a.size() != b.size() ? a.size() < b.size() : a < b;
                     });
    return result;
}

void RelationshipGraph::reachFrom(int start, std::vector<int> &stamp, int mark, std::vector<int> &order) const
{
    order.clear();
    order.push_back(start);
    stamp[start] = mark;
    for (size_t head = 0; head < order.size(); ++head) {
        const int v = order[head];
        for (int p = m_outStart[v]; p < m_outStart[v + 1]; ++p) {
            const int w = m_edgeTo[size_t(m_out[p])];
            if (stamp[w] != mark) {
                stamp[w] = mark;
                order.push_back(w);
            }
        }
    }
}

QList<qint64> RelationshipGraph::ledTo(qint64 contactId) const
{
    const int start = indexOf(contactId);
    if (start < 0)
        return {};
    std::vector<int> stamp(m_nodes.size(), 0);
    std::vector<int> order;
    reachFrom(start, stamp, 1, order);
    QList<qint64> ids;
    ids.reserve(qsizetype(order.size()) - 1);
    for (size_t i = 1; i < order.size(); ++i)
        ids.append(m_nodes.at(order[i]).id);
    return ids;
}

QList<qint64> RelationshipGraph::shortestPath(qint64 from, qint64 to, PathDirection direction) const
{
    const int start = indexOf(from);
    const int goal = indexOf(to);
    if (start < 0 || goal < 0)
        return {};
    std::vector<int> parent(m_nodes.size(), -2);
    std::deque<int> queue{start};
    parent[start] = -1;
    std::vector<int> next;
    while (!queue.empty() && parent[goal] == -2) {
        const int v = queue.front();
        queue.pop_front();
        next.clear();
        for (int p = m_outStart[v]; p < m_outStart[v + 1]; ++p)
            next.push_back(m_edgeTo[size_t(m_out[p])]);
        if (direction == PathDirection::Either) {
            for (int p = m_inStart[v]; p < m_inStart[v + 1]; ++p)
                next.push_back(m_edgeFrom[size_t(m_in[p])]);
            std::sort(next.begin(), next.end());
        }
        for (int w : next) {
            if (parent[w] == -2) {
                parent[w] = v;
                queue.push_back(w);
            }
        }
    }
    if (parent[goal] == -2)
        return {};
    QList<qint64> path;
    for (int v = goal; v != -1; v = parent[v])
        path.prepend(m_nodes.at(v).id);
    return path;
}

QList<qint64> RelationshipGraph::neighbourhood(qint64 contactId, int hops) const
{
    const int start = indexOf(contactId);
    if (start < 0)
        return {};
    std::vector<int> depth(m_nodes.size(), -1);
    std::vector<int> order{start};
    depth[start] = 0;
    for (size_t head = 0; head < order.size(); ++head) {
        const int v = order[head];
        if (depth[v] >= hops)
            continue;
        auto visit = [&](int w) {
            if (depth[w] < 0) {
                depth[w] = depth[v] + 1;
                order.push_back(w);
            }
        };
        for (int p = m_outStart[v]; p < m_outStart[v + 1]; ++p)
            visit(m_edgeTo[size_t(m_out[p])]);
        for (int p = m_inStart[v]; p < m_inStart[v + 1]; ++p)
            visit(m_edgeFrom[size_t(m_in[p])]);
    }
    QList<qint64> ids;
    ids.reserve(qsizetype(order.size()));
    for (int v : order)
        ids.append(m_nodes.at(v).id);
    return ids;
}

QList<Attribution> RelationshipGraph::attribution() const
{
    QList<Attribution> all;
    all.reserve(m_nodes.size());
    std::vector<int> stamp(m_nodes.size(), -1);
    std::vector<int> order;
    for (int i = 0; i < m_nodes.size(); ++i) {
        Attribution a;
        a.contactId = m_nodes.at(i).id;
        for (int p = m_outStart[i]; p < m_outStart[i + 1]; ++p) {
            if (m_nodes.at(m_edgeTo[size_t(m_out[p])]).stage == Stage::Client)
                ++a.directClients;
        }
        if (m_outStart[i] < m_outStart[i + 1]) {
            reachFrom(i, stamp, i, order);
            for (size_t k = 1; k < order.size(); ++k) {
                if (m_nodes.at(order[k]).stage == Stage::Client)
                    ++a.transitiveClients;
            }
            a.reached = int(order.size()) - 1;
        }
        all.append(a);
    }
    return all;
}

Attribution RelationshipGraph::attributionOf(qint64 contactId) const
{
    Attribution a;
    a.contactId = contactId;
    const int i = indexOf(contactId);
    if (i < 0)
        return a;
    for (int p = m_outStart[i]; p < m_outStart[i + 1]; ++p) {
        if (m_nodes.at(m_edgeTo[size_t(m_out[p])]).stage == Stage::Client)
            ++a.directClients;
    }
    const QList<qint64> reached = ledTo(contactId);
    a.reached = int(reached.size());
    for (qint64 id : reached) {
        if (node(id)->stage == Stage::Client)
            ++a.transitiveClients;
    }
    return a;
}

} // namespace Rapport::Core
