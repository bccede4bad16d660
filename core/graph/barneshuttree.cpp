#include "barneshuttree.h"

#include <algorithm>
#include <cmath>

namespace Rapport::Core {

namespace {

// Below this depth a leaf keeps every point that reaches it (points closer
// than the root's size / 2^32 apart are as good as coincident).
constexpr int maxDepth = 32;
// Points taken together by addGroupRepulsion(): enough to share the walk of
// the tree, few enough that their exact sums among themselves stay cheap.
constexpr int groupSize = 24;

} // namespace

void BarnesHutTree::build(const std::vector<double> &xs, const std::vector<double> &ys)
{
    m_xs = &xs;
    m_ys = &ys;
    m_cells.clear();
    m_nodes.clear();
    m_groups.clear();
    m_order.clear();
    m_next.assign(xs.size(), -1);
    if (xs.empty())
        return;
    const auto [minX, maxX] = std::minmax_element(xs.begin(), xs.end());
    const auto [minY, maxY] = std::minmax_element(ys.begin(), ys.end());
    const double size = std::max({*maxX - *minX, *maxY - *minY, 1.0}) * 1.0001;
    m_cells.reserve(xs.size() * 2 + 1);
    m_cells.push_back(Cell{*minX, *minY, size});
    for (int i = 0; i < int(xs.size()); ++i)
        insert(i, xs[i], ys[i]);
    finish();
}

// Turns the sums into centres (so queries never divide), lays the non-empty
// cells out for queries and lists the points leaf by leaf.
void BarnesHutTree::finish()
{
    m_order.clear();
    m_order.reserve(m_next.size());
    m_nodes.clear();
    m_nodes.reserve(m_cells.size());
    for (Cell &cell : m_cells) {
        if (cell.mass > 0) {
            cell.massX /= cell.mass;
            cell.massY /= cell.mass;
        }
    }
    flatten(0);
    for (int i = 0; i < int(m_nodes.size());) {
        if (m_nodes[i].mass <= groupSize || m_nodes[i].point >= 0) {
            m_groups.push_back(i);
            i = m_nodes[i].skip;
        } else {
            ++i;
        }
    }
}

void BarnesHutTree::flatten(int c)
{
    const Cell &cell = m_cells[c];
    if (cell.mass == 0)
        return;
    const int index = int(m_nodes.size());
    m_nodes.push_back(Node{cell.massX, cell.massY, cell.minX, cell.minY, cell.size, cell.mass, 0,
                           cell.firstChild < 0 ? cell.point : -1, int(m_order.size())});
    if (cell.firstChild < 0) {
        for (int q = cell.point; q >= 0; q = m_next[q])
            m_order.push_back(q);
    } else {
        for (int k = 0; k < 4; ++k)
            flatten(cell.firstChild + k);
    }
    m_nodes[index].skip = int(m_nodes.size());
}

int BarnesHutTree::childFor(const Cell &cell, double x, double y) const
{
    const double half = cell.size / 2;
    return (x >= cell.minX + half ? 1 : 0) + (y >= cell.minY + half ? 2 : 0);
}

void BarnesHutTree::split(int c)
{
    const int first = int(m_cells.size());
    const Cell parent = m_cells[c];
    const double half = parent.size / 2;
    for (int k = 0; k < 4; ++k)
        m_cells.push_back(Cell{parent.minX + (k & 1 ? half : 0), parent.minY + (k & 2 ? half : 0), half});
    // Every point already in the leaf sits at the same place: they move together.
    Cell &child = m_cells[first + childFor(parent, (*m_xs)[parent.point], (*m_ys)[parent.point])];
    child.point = parent.point;
    child.mass = parent.mass;
    child.massX = parent.massX;
    child.massY = parent.massY;
    m_cells[c].firstChild = first;
    m_cells[c].point = -1;
}

void BarnesHutTree::insert(int point, double x, double y)
{
    int c = 0;
    for (int depth = 0;; ++depth) {
        if (m_cells[c].firstChild < 0) {
            Cell &leaf = m_cells[c];
            const int other = leaf.point;
            if (other < 0 || depth >= maxDepth || ((*m_xs)[other] == x && (*m_ys)[other] == y)) {
                m_next[point] = other;
                leaf.point = point;
                leaf.massX += x;
                leaf.massY += y;
                ++leaf.mass;
                return;
            }
            split(c);
        }
        Cell &cell = m_cells[c];
        cell.massX += x;
        cell.massY += y;
        ++cell.mass;
        c = cell.firstChild + childFor(cell, x, y);
    }
}

void BarnesHutTree::addGroupRepulsion(int group, double theta, double strength, double *fx, double *fy) const
{
    const Node &own = m_nodes[m_groups[group]];
    const std::vector<double> &xs = *m_xs;
    const std::vector<double> &ys = *m_ys;
    const int *points = m_order.data() + own.firstPoint;
    const int count = own.mass;
    // The box around the group's points: the distance from it bounds the
    // distance from each of them.
    double left = xs[points[0]];
    double right = left;
    double top = ys[points[0]];
    double bottom = top;
    for (int a = 1; a < count; ++a) {
        left = std::min(left, xs[points[a]]);
        right = std::max(right, xs[points[a]]);
        top = std::min(top, ys[points[a]]);
        bottom = std::max(bottom, ys[points[a]]);
    }
    // Every cell that acts on the group as one mass. Cells of a quadtree nest
    // or are apart, so no point of the group lies inside any of them.
    thread_local std::vector<double> massX;
    thread_local std::vector<double> massY;
    thread_local std::vector<double> mass;
    massX.clear();
    massY.clear();
    mass.clear();
    const double theta2 = theta * theta;
    const int ownIndex = m_groups[group];
    const int end = int(m_nodes.size());
    for (int i = 0; i < end;) {
        if (i == ownIndex) {
            i = own.skip;
            continue;
        }
        const Node &node = m_nodes[i];
        if (i < ownIndex && ownIndex < node.skip) {
            ++i; // around the group: open it
            continue;
        }
        const double dx = node.massX - std::clamp(node.massX, left, right);
        const double dy = node.massY - std::clamp(node.massY, top, bottom);
        if (node.point >= 0 || node.size * node.size < theta2 * (dx * dx + dy * dy)) {
            // A leaf's points sit together: exact as one mass.
            massX.push_back(node.massX);
            massY.push_back(node.massY);
            mass.push_back(node.mass);
            i = node.skip;
            continue;
        }
        ++i; // into the first non-empty child
    }
    const size_t cells = mass.size();
    for (int a = 0; a < count; ++a) {
        const int p = points[a];
        const double x = xs[p];
        const double y = ys[p];
        double sumX = 0;
        double sumY = 0;
        for (size_t j = 0; j < cells; ++j) {
            const double dx = x - massX[j];
            const double dy = y - massY[j];
            const double d2 = dx * dx + dy * dy;
            const double w = d2 > 1e-12 ? mass[j] / d2 : 0.0;
            sumX += w * dx;
            sumY += w * dy;
        }
        // Within the group, point by point (coincident points push nothing).
        for (int b = 0; b < count; ++b) {
            const double dx = x - xs[points[b]];
            const double dy = y - ys[points[b]];
            const double d2 = dx * dx + dy * dy;
            if (b != a && d2 > 1e-12) {
                sumX += dx / d2;
                sumY += dy / d2;
            }
        }
        fx[p] += strength * sumX;
        fy[p] += strength * sumY;
    }
}

void BarnesHutTree::pointsNear(double x, double y, double radius, std::vector<int> &found) const
{
    found.clear();
    if (m_cells.empty())
        return;
    const double r2 = radius * radius;
    int stack[4 * maxDepth + 8];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Cell &cell = m_cells[stack[--top]];
        if (cell.mass == 0)
            continue;
        const double nearestX = std::clamp(x, cell.minX, cell.minX + cell.size);
        const double nearestY = std::clamp(y, cell.minY, cell.minY + cell.size);
        if ((nearestX - x) * (nearestX - x) + (nearestY - y) * (nearestY - y) > r2)
            continue;
        if (cell.firstChild < 0) {
            for (int q = cell.point; q >= 0; q = m_next[q]) {
                const double dx = x - (*m_xs)[q];
                const double dy = y - (*m_ys)[q];
                if (dx * dx + dy * dy <= r2)
                    found.push_back(q);
            }
            continue;
        }
        for (int k = 0; k < 4; ++k)
            stack[top++] = cell.firstChild + k;
    }
}

} // namespace Rapport::Core
