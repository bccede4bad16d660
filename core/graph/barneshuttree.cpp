#include "barneshuttree.h"

#include <algorithm>
#include <cmath>

namespace Rapport::Core {

namespace {

// Below this depth a leaf keeps every point that reaches it (points closer
// than the root's size / 2^32 apart are as good as coincident).
constexpr int maxDepth = 32;

} // namespace

void BarnesHutTree::build(const std::vector<double> &xs, const std::vector<double> &ys)
{
    m_xs = &xs;
    m_ys = &ys;
    m_cells.clear();
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

// Turns the sums into centres (so queries never divide) and lists the points
// leaf by leaf.
void BarnesHutTree::finish()
{
    m_order.clear();
    m_order.reserve(m_next.size());
    for (Cell &cell : m_cells) {
        if (cell.mass > 0) {
            cell.massX /= cell.mass;
            cell.massY /= cell.mass;
        }
    }
    std::vector<int> stack{0};
    while (!stack.empty()) {
        const Cell &cell = m_cells[stack.back()];
        stack.pop_back();
        if (cell.firstChild < 0) {
            for (int q = cell.point; q >= 0; q = m_next[q])
                m_order.push_back(q);
            continue;
        }
        for (int k = 3; k >= 0; --k)
            stack.push_back(cell.firstChild + k);
    }
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

void BarnesHutTree::addRepulsion(int self, double x, double y, double theta, double strength, double &fx,
                                 double &fy) const
{
    if (m_cells.empty())
        return;
    const double theta2 = theta * theta;
    double sumX = 0;
    double sumY = 0;
    int stack[4 * maxDepth + 8];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Cell &cell = m_cells[stack[--top]];
        if (cell.mass == 0)
            continue;
        const double dx = x - cell.massX;
        const double dy = y - cell.massY;
        const double d2 = dx * dx + dy * dy;
        if (cell.firstChild < 0) {
            // The points of a leaf sit together: they act as one mass, minus this point.
            const int mass = cell.mass - (cell.point == self || (cell.mass > 1 && containsPoint(cell, self)) ? 1 : 0);
            if (mass > 0 && d2 > 1e-12) {
                const double w = mass / d2;
                sumX += w * dx;
                sumY += w * dy;
            }
            continue;
        }
        const bool inside = x >= cell.minX && x < cell.minX + cell.size && y >= cell.minY
                            && y < cell.minY + cell.size;
        if (!inside && cell.size * cell.size < theta2 * d2) {
            const double w = cell.mass / d2;
            sumX += w * dx;
            sumY += w * dy;
            continue;
        }
        for (int k = 0; k < 4; ++k) {
            if (m_cells[cell.firstChild + k].mass > 0)
                stack[top++] = cell.firstChild + k;
        }
    }
    fx += strength * sumX;
    fy += strength * sumY;
}

bool BarnesHutTree::containsPoint(const Cell &leaf, int point) const
{
    for (int q = leaf.point; q >= 0; q = m_next[q]) {
        if (q == point)
            return true;
    }
    return false;
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
