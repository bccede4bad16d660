#pragma once

#include <utility>
#include <vector>

namespace Rapport::Core {

/// A quadtree over points that approximates the sum of a 1/d repulsion from
/// every point in O(log n) per query (Barnes–Hut): a cell far enough away,
/// relative to its size, acts as one mass at its centre.
class BarnesHutTree
{
public:
    /// Rebuilds the tree over the points (xs[i], ys[i]), each of mass 1.
    void build(const std::vector<double> &xs, const std::vector<double> &ys);

    /// Points near each other, taken together for addGroupRepulsion(): every
    /// point is in exactly one group, each a cell of the tree with at most a
    /// few dozen points. Valid until the next build().
    int groupCount() const { return int(m_groups.size()); }
    /// The group's points, as a run of spatialOrder(): [first, first + count).
    std::pair<int, int> groupPoints(int group) const
    {
        const Node &node = m_nodes[m_groups[group]];
        return {node.firstPoint, node.mass};
    }

    /// The repulsion on each point p of a group from every other point:
    /// Σ strength · (p − q) / |p − q|², added to fx[p], fy[p]. A cell whose
    /// size is below `theta` times its distance from the group's points acts
    /// as one mass at its centre; the points of the group act on each other
    /// exactly. The tree is walked once for the whole group, and the sum for
    /// each point is the same whatever else is computed alongside, so groups
    /// can be shared among threads.
    void addGroupRepulsion(int group, double theta, double strength, double *fx, double *fy) const;

    /// Indices of the points within `radius` of (x, y).
    void pointsNear(double x, double y, double radius, std::vector<int> &found) const;

    /// Every point, in the order of the tree's leaves: points near each other
    /// come close together, so that querying in this order reuses the cache.
    const std::vector<int> &spatialOrder() const { return m_order; }

private:
    struct Cell
    {
        double minX = 0;
        double minY = 0;
        double size = 0;
        double massX = 0; // sum of x over the points inside, then (after build) their centre
        double massY = 0;
        int mass = 0;
        int firstChild = -1; // four consecutive cells, or -1 for a leaf
        int point = -1;      // a leaf's first point; more follow through m_next
    };

    /// A non-empty cell as queries read it: the cells in depth-first order,
    /// each followed by its subtree, so that a query walks the array forwards
    /// (to the first child, or past the subtree when the cell is far enough).
    struct Node
    {
        double massX = 0;
        double massY = 0;
        double minX = 0;
        double minY = 0;
        double size = 0;
        int mass = 0;
        int skip = 0;   // the next node after this one's subtree
        int point = -1; // a leaf's first point, -1 for an inner cell
        int firstPoint = 0; // where the node's points start in m_order
    };

    void insert(int point, double x, double y);
    int childFor(const Cell &cell, double x, double y) const;
    void split(int cell);
    void finish();
    void flatten(int cell);

    std::vector<Cell> m_cells;
    std::vector<Node> m_nodes;
    std::vector<int> m_groups; // nodes
    std::vector<int> m_next; // points that share a leaf (coincident or at the depth limit)
    std::vector<int> m_order;
    const std::vector<double> *m_xs = nullptr;
    const std::vector<double> *m_ys = nullptr;
};

} // namespace Rapport::Core
