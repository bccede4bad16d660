#include "forcelayout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <thread>

namespace Rapport::Core {

namespace {

constexpr double cooling = 0.9;       // Hu's adaptive step: shrink on a worse step,
constexpr int stepsBeforeHeating = 5; // grow after this many better ones in a row
constexpr int settleWindow = 10;      // settled when the energy fell by less than
constexpr double settledFall = 0.002; // this share over this many steps
constexpr double defaultRadius = 10;

} // namespace

ForceLayout::ForceLayout(int nodeCount, std::vector<std::pair<int, int>> edges)
    : ForceLayout(nodeCount, std::move(edges), Options())
{
}

ForceLayout::ForceLayout(int nodeCount, std::vector<std::pair<int, int>> edges, Options options)
    : m_options(options)
    , m_neighbours(std::max(nodeCount, 0))
    , m_x(std::max(nodeCount, 0), 0.0)
    , m_y(std::max(nodeCount, 0), 0.0)
    , m_radius(std::max(nodeCount, 0), defaultRadius)
    , m_placed(std::max(nodeCount, 0), false)
    , m_pinned(std::max(nodeCount, 0), false)
    , m_fx(std::max(nodeCount, 0), 0.0)
    , m_fy(std::max(nodeCount, 0), 0.0)
{
    m_edges.reserve(edges.size());
    for (const auto &[a, b] : edges) {
        if (a == b || a < 0 || b < 0 || a >= nodeCount || b >= nodeCount)
            continue;
        m_edges.emplace_back(a, b);
        m_neighbours[a].push_back(b);
        m_neighbours[b].push_back(a);
    }
}

void ForceLayout::setRadius(int node, double radius)
{
    m_radius[node] = std::max(radius, 0.0);
}

void ForceLayout::setPosition(int node, QPointF position)
{
    m_x[node] = position.x();
    m_y[node] = position.y();
    m_placed[node] = true;
}

void ForceLayout::setPinned(int node, bool pinned)
{
    m_pinned[node] = pinned;
}

// SplitMix64: tiny, and the same sequence on every platform (unlike the
// standard distributions).
double ForceLayout::random()
{
    std::uint64_t z = (m_random += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return double(z >> 11) * 0x1.0p-53;
}

void ForceLayout::start()
{
    m_random = m_options.seed;
    const int n = nodeCount();
    const double k = m_options.edgeLength;
    const int placedBefore = int(std::count(m_placed.begin(), m_placed.end(), true));
    const std::vector<bool> wasPlaced = m_placed;
    const double disc = k * std::sqrt(double(std::max(n, 1)));
    // Breadth first from each unplaced node in turn, so that a newcomer starts
    // beside the person who led to it and whole chains start untangled.
    std::vector<int> queue;
    queue.reserve(n);
    for (int root = 0; root < n; ++root) {
        if (m_placed[root])
            continue;
        const double angle = 2 * std::numbers::pi * random();
        const double distance = disc * std::sqrt(random());
        m_x[root] = distance * std::cos(angle);
        m_y[root] = distance * std::sin(angle);
        m_placed[root] = true;
        queue.assign(1, root);
        for (size_t head = 0; head < queue.size(); ++head) {
            const int v = queue[head];
            for (int w : m_neighbours[v]) {
                if (m_placed[w])
                    continue;
                const double a = 2 * std::numbers::pi * random();
                m_x[w] = m_x[v] + k * std::cos(a);
                m_y[w] = m_y[v] + k * std::sin(a);
                m_placed[w] = true;
                queue.push_back(w);
            }
        }
    }
    // Nodes placed before may have neighbours placed just now: nothing else to do,
    // the springs pull them in. A mostly placed graph starts cool.
    const bool warm = n > 0 && placedBefore * 10 >= n * 9;
    m_step = warm ? k * 0.25 : k;
    m_maxStep = warm ? m_step : 4 * k;
    // In a warm start only the newcomers move; overlaps are still resolved for all.
    m_frozen = warm ? wasPlaced : std::vector<bool>(n, false);
    bool anyMovable = false;
    for (int i = 0; i < n; ++i)
        anyMovable = anyMovable || (!m_pinned[i] && !m_frozen[i]);
    m_energy = std::numeric_limits<double>::infinity();
    m_windowEnergy = m_energy;
    m_settling = false;
    m_progress = 0;
    m_iterations = 0;
    m_converged = !anyMovable;
    m_started = true;
}

bool ForceLayout::step()
{
    if (!m_started)
        start();
    if (m_converged)
        return true;
    const int n = nodeCount();
    const double k = m_options.edgeLength;
    const double k2 = k * k;

    m_tree.build(m_x, m_y);
    double cx = 0;
    double cy = 0;
    for (int i = 0; i < n; ++i) {
        cx += m_x[i];
        cy += m_y[i];
    }
    cx /= n;
    cy /= n;
    // Repulsion k²/d from every node, gravity g·d towards the centre: at
    // balance n nodes fill a disc of radius k·sqrt(n / g).
    const double gravity = m_options.gravity;
    for (int i = 0; i < n; ++i) {
        m_fx[i] = -gravity * (m_x[i] - cx);
        m_fy[i] = -gravity * (m_y[i] - cy);
    }
    // In the tree's order, so that neighbouring queries share cache lines; on
    // several threads for large graphs (each node's sum is the same either
    // way). The threads take groups of nearby nodes in turn rather than a
    // fixed half each, so that on a busy machine a thread that gets less time
    // does less of the work instead of holding up the step.
    const std::vector<int> &order = m_tree.spatialOrder();
    const int groups = m_tree.groupCount();
    std::atomic<int> nextGroup{0};
    auto repel = [&] {
        for (;;) {
            const int group = nextGroup.fetch_add(1, std::memory_order_relaxed);
            if (group >= groups)
                return;
            const auto [first, count] = m_tree.groupPoints(group);
            bool movable = false;
            for (int p = first; p < first + count && !movable; ++p)
                movable = !m_pinned[order[p]] && !m_frozen[order[p]];
            if (movable)
                m_tree.addGroupRepulsion(group, m_options.theta, k2, m_fx.data(), m_fy.data());
        }
    };
    if (m_options.threads > 1 && n >= 1000) {
        std::vector<std::thread> helpers;
        for (int t = 1; t < m_options.threads; ++t)
            helpers.emplace_back(repel);
        repel();
        for (std::thread &helper : helpers)
            helper.join();
    } else {
        repel();
    }
    // Springs d²/k along each edge.
    for (const auto &[a, b] : m_edges) {
        const double dx = m_x[a] - m_x[b];
        const double dy = m_y[a] - m_y[b];
        const double d = std::sqrt(dx * dx + dy * dy);
        const double fx = dx * d / k;
        const double fy = dy * d / k;
        m_fx[a] -= fx;
        m_fy[a] -= fy;
        m_fx[b] += fx;
        m_fy[b] += fy;
    }
    double energy = 0;
    for (int i = 0; i < n; ++i) {
        if (m_pinned[i] || m_frozen[i])
            continue;
        const double f2 = m_fx[i] * m_fx[i] + m_fy[i] * m_fy[i];
        energy += f2;
        if (f2 <= 0)
            continue;
        const double f = std::sqrt(f2);
        // Never further than the force itself asks for, so that a node at
        // rest does not jitter by the whole step.
        const double move = std::min(m_step, f);
        m_x[i] += move * m_fx[i] / f;
        m_y[i] += move * m_fy[i] / f;
    }
    // Once the steps are short and the energy has all but stopped falling,
    // the picture is settled and only the last jitter is left: from then on
    // the step only shrinks, so that the end does not drag on through rounds
    // of heating and cooling.
    if (m_iterations % settleWindow == 0) {
        if (m_step < 0.1 * k && energy > m_windowEnergy * (1 - settledFall))
            m_settling = true;
        m_windowEnergy = energy;
    }
    if (m_settling) {
        m_step *= cooling;
    } else if (energy < m_energy) {
        if (++m_progress >= stepsBeforeHeating) {
            m_progress = 0;
            m_step = std::min(m_step / cooling, m_maxStep);
        }
    } else {
        m_progress = 0;
        m_step *= cooling;
    }
    m_energy = energy;
    ++m_iterations;
    m_converged = m_step < m_options.tolerance * k || m_iterations >= m_options.maxIterations;
    return m_converged;
}

int ForceLayout::run(const std::atomic<bool> *cancel)
{
    if (!m_started)
        start();
    while (!step()) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return m_iterations;
    }
    removeOverlaps();
    return m_iterations;
}

bool ForceLayout::removeOverlaps(int maxPasses)
{
    const int n = nodeCount();
    if (n < 2)
        return true;
    const double largest = *std::max_element(m_radius.begin(), m_radius.end());
    const double padding = m_options.padding;
    std::vector<int> near;
    for (int pass = 0; pass < maxPasses; ++pass) {
        m_tree.build(m_x, m_y);
        bool moved = false;
        for (int i = 0; i < n; ++i) {
            m_tree.pointsNear(m_x[i], m_y[i], m_radius[i] + largest + padding, near);
            std::sort(near.begin(), near.end());
            for (int j : near) {
                if (j <= i || (m_pinned[i] && m_pinned[j]))
                    continue;
                const double need = m_radius[i] + m_radius[j] + padding;
                double dx = m_x[j] - m_x[i];
                double dy = m_y[j] - m_y[i];
                double d = std::sqrt(dx * dx + dy * dy);
                if (d >= need)
                    continue;
                const double push = (need - d) * 1.001 + 1e-6;
                if (d < 1e-9) {
                    const double a = 2 * std::numbers::pi * random();
                    dx = std::cos(a);
                    dy = std::sin(a);
                } else {
                    dx /= d;
                    dy /= d;
                }
                const double shareI = m_pinned[i] ? 0.0 : m_pinned[j] ? 1.0 : 0.5;
                m_x[i] -= dx * push * shareI;
                m_y[i] -= dy * push * shareI;
                m_x[j] += dx * push * (1 - shareI);
                m_y[j] += dy * push * (1 - shareI);
                moved = true;
            }
        }
        if (!moved)
            return true;
    }
    return false;
}

std::vector<QPointF> ForceLayout::positions() const
{
    std::vector<QPointF> all;
    all.reserve(m_x.size());
    for (size_t i = 0; i < m_x.size(); ++i)
        all.emplace_back(m_x[i], m_y[i]);
    return all;
}

} // namespace Rapport::Core
