#pragma once

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

    /// The repulsion on point `self` (at x, y) from every other point:
    /// Σ strength · (p − q) / |p − q|², cells whose size is below `theta`
    /// times their distance counted as one mass. Adds it to fx, fy.
    void addRepulsion(int self, double x, double y, double theta, double strength, double &fx,
                      double &fy) const;

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

    void insert(int point, double x, double y);
    int childFor(const Cell &cell, double x, double y) const;
    void split(int cell);
    void finish();
    bool containsPoint(const Cell &leaf, int point) const;

    std::vector<Cell> m_cells;
    std::vector<int> m_next; // points that share a leaf (coincident or at the depth limit)
    std::vector<int> m_order;
    const std::vector<double> *m_xs = nullptr;
    const std::vector<double> *m_ys = nullptr;
};

} // namespace Rapport::Core
