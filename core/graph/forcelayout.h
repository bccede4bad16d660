#pragma once

#include "graph/barneshuttree.h"

#include <QPointF>

#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

namespace Rapport::Core {

/// A force-directed layout (the spring–electrical model with an adaptive
/// step, after Yifan Hu): edges pull like springs, every node repels every
/// other through a Barnes–Hut quadtree, so one iteration costs O(n log n).
/// A weak pull towards the centre keeps separate parts of the graph in view,
/// and a last pass pushes apart discs that still overlap.
///
/// Deterministic: the same nodes, edges, radii, starting positions and seed
/// give the same positions, bit for bit, on the same build. Nodes given a
/// position start there; pinned nodes never move. Not thread-safe, but it
/// owns all its data, so it can run on any one thread (see run()).
class ForceLayout
{
public:
    struct Options
    {
        std::uint32_t seed = 1;
        /// The natural length of an edge, in scene units.
        double edgeLength = 120;
        /// Barnes–Hut opening criterion: larger is faster and coarser.
        double theta = 1.0;
        /// Strength of the pull towards the centre, relative to repulsion.
        double gravity = 0.6;
        /// Converged when a node moves less than this share of edgeLength per step.
        double tolerance = 0.01;
        int maxIterations = 500;
        /// Gap kept between the discs of any two nodes.
        double padding = 4;
        /// Threads for the repulsion of large graphs; the result does not depend on it.
        int threads = 2;
    };

    ForceLayout(int nodeCount, std::vector<std::pair<int, int>> edges, Options options);
    explicit ForceLayout(int nodeCount, std::vector<std::pair<int, int>> edges = {});

    int nodeCount() const { return int(m_x.size()); }
    const Options &options() const { return m_options; }

    /// A node's disc; overlapping discs are pushed apart. Default 10.
    void setRadius(int node, double radius);
    double radius(int node) const { return m_radius[node]; }
    /// Where the node starts (or stays, when pinned).
    void setPosition(int node, QPointF position);
    void setPinned(int node, bool pinned);
    bool isPinned(int node) const { return m_pinned[node]; }

    /// Places the nodes that have no position yet (near a placed neighbour when
    /// there is one, else in a disc around the centre, from the seed) and resets
    /// the step. When nine in ten nodes or more already have a position, only
    /// the others move (and overlaps are resolved), so that adding one person
    /// does not shake up the whole picture.
    void start();
    /// One iteration; returns whether the layout has converged (or reached
    /// maxIterations). Calls start() first if it was not called.
    bool step();
    /// Iterates until converged or `cancel` turns true (checked every step),
    /// then removes overlaps. Returns the number of iterations.
    int run(const std::atomic<bool> *cancel = nullptr);
    /// Pushes apart overlapping discs (pinned nodes stay put); returns whether
    /// no two discs overlap any more.
    bool removeOverlaps(int maxPasses = 200);

    bool isConverged() const { return m_converged; }
    int iterations() const { return m_iterations; }
    QPointF position(int node) const { return QPointF(m_x[node], m_y[node]); }
    std::vector<QPointF> positions() const;

private:
    double random();

    Options m_options;
    std::vector<std::pair<int, int>> m_edges;
    std::vector<std::vector<int>> m_neighbours;
    std::vector<double> m_x;
    std::vector<double> m_y;
    std::vector<double> m_radius;
    std::vector<bool> m_placed;
    std::vector<bool> m_pinned;
    std::vector<bool> m_frozen;
    std::vector<double> m_fx;
    std::vector<double> m_fy;
    BarnesHutTree m_tree;
    std::uint64_t m_random = 0;
    double m_step = 0;
    double m_maxStep = 0;
    double m_energy = 0;
    double m_windowEnergy = 0;
    int m_progress = 0;
    bool m_settling = false;
    int m_iterations = 0;
    bool m_started = false;
    bool m_converged = false;
};

} // namespace Rapport::Core
