#include "graph/barneshuttree.h"
#include "graph/forcelayout.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Rapport::Core;

namespace {

/// A random-looking but fixed graph: a spanning tree plus extra edges.
std::vector<std::pair<int, int>> sampleEdges(int nodes, int extra)
{
    std::vector<std::pair<int, int>> edges;
    std::uint32_t state = 12345;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (int i = 1; i < nodes; ++i)
        edges.emplace_back(int(next() % std::uint32_t(i)), i);
    for (int e = 0; e < extra; ++e)
        edges.emplace_back(int(next() % std::uint32_t(nodes)), int(next() % std::uint32_t(nodes)));
    return edges;
}

ForceLayout layoutOf(int nodes, int extra, std::uint32_t seed)
{
    ForceLayout::Options options;
    options.seed = seed;
    ForceLayout layout(nodes, sampleEdges(nodes, extra), options);
    for (int i = 0; i < nodes; ++i)
        layout.setRadius(i, 8 + (i % 7) * 3);
    return layout;
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

class TestForceLayout : public QObject
{
    Q_OBJECT

private slots:
    void run_sameSeed_givesTheSamePositions()
    {
        ForceLayout first = layoutOf(150, 60, 7);
        ForceLayout second = layoutOf(150, 60, 7);
        first.run();
        second.run();
        QCOMPARE(first.iterations(), second.iterations());
        QVERIFY(first.positions() == second.positions());

        ForceLayout other = layoutOf(150, 60, 8);
        other.run();
        QVERIFY(other.positions() != first.positions());
    }

    void run_largeGraph_givesTheSamePositionsOnAnyNumberOfThreads()
    {
        // Above 1,000 nodes the repulsion is shared among threads.
        ForceLayout::Options options;
        options.seed = 3;
        options.maxIterations = 40;
        options.threads = 1;
        ForceLayout one(1500, sampleEdges(1500, 700), options);
        options.threads = 3;
        ForceLayout three(1500, sampleEdges(1500, 700), options);
        one.run();
        three.run();
        QCOMPARE(one.iterations(), three.iterations());
        QVERIFY(one.positions() == three.positions());
    }

    void groupRepulsion_isCloseToTheExactSum()
    {
        // Clusters and a few far points, some of them on top of each other.
        std::vector<double> xs;
        std::vector<double> ys;
        std::uint32_t state = 99;
        auto next = [&state] {
            state = state * 1664525u + 1013904223u;
            return double(state >> 8) / double(1u << 24);
        };
        for (int i = 0; i < 600; ++i) {
            const double cx = (i % 4) * 900.0;
            const double cy = (i % 3) * 700.0;
            xs.push_back(cx + next() * 300);
            ys.push_back(cy + next() * 300);
        }
        xs.push_back(xs[5]);
        ys.push_back(ys[5]);
        xs.push_back(-20000);
        ys.push_back(15000);
        const int n = int(xs.size());
        BarnesHutTree tree;
        tree.build(xs, ys);
        std::vector<double> fx(n, 0.0);
        std::vector<double> fy(n, 0.0);
        std::vector<int> seen(n, 0);
        for (int g = 0; g < tree.groupCount(); ++g) {
            const auto [first, count] = tree.groupPoints(g);
            QVERIFY(count > 0);
            for (int p = first; p < first + count; ++p)
                ++seen[tree.spatialOrder()[p]];
            tree.addGroupRepulsion(g, 1.0, 1.0, fx.data(), fy.data());
        }
        QVERIFY2(tree.groupCount() > 1, "the points were not split into groups");
        QCOMPARE(std::count(seen.begin(), seen.end(), 1), qsizetype(n));
        // Measured against the typical force, since where pushes from all
        // sides nearly cancel a small absolute error is a large relative one.
        std::vector<double> errors;
        double squares = 0;
        for (int i = 0; i < n; ++i) {
            double ex = 0;
            double ey = 0;
            for (int j = 0; j < n; ++j) {
                const double dx = xs[i] - xs[j];
                const double dy = ys[i] - ys[j];
                const double d2 = dx * dx + dy * dy;
                if (j != i && d2 > 1e-12) {
                    ex += dx / d2;
                    ey += dy / d2;
                }
            }
            squares += ex * ex + ey * ey;
            errors.push_back(std::hypot(fx[i] - ex, fy[i] - ey));
        }
        const double typical = std::sqrt(squares / n);
        std::sort(errors.begin(), errors.end());
        const double median = errors[errors.size() / 2] / typical;
        const double worst = errors.back() / typical;
        QVERIFY2(median < 0.02 && worst < 0.1,
                 qPrintable(QStringLiteral("median error %1, worst %2 of the typical force").arg(median).arg(worst)));
    }

    void run_200Nodes_leavesNoTwoDiscsOverlapping()
    {
        ForceLayout layout = layoutOf(200, 80, 1);
        layout.run();
        QVERIFY(layout.isConverged());
        const std::vector<QPointF> p = layout.positions();
        for (int i = 0; i < 200; ++i) {
            QVERIFY(std::isfinite(p[i].x()) && std::isfinite(p[i].y()));
            for (int j = i + 1; j < 200; ++j) {
                const double gap = distance(p[i], p[j]) - layout.radius(i) - layout.radius(j);
                QVERIFY2(gap >= 0, qPrintable(QStringLiteral("nodes %1 and %2 overlap by %3").arg(i).arg(j).arg(-gap)));
            }
        }
    }

    void run_pullsNeighboursCloserThanStrangers()
    {
        // Two separate chains of 20: a node's neighbour is nearer than the
        // average node of the other chain.
        std::vector<std::pair<int, int>> edges;
        for (int i = 0; i < 19; ++i) {
            edges.emplace_back(i, i + 1);
            edges.emplace_back(20 + i, 21 + i);
        }
        ForceLayout layout(40, edges);
        layout.run();
        double neighbours = 0;
        double strangers = 0;
        for (int i = 0; i < 19; ++i)
            neighbours += distance(layout.position(i), layout.position(i + 1)) / 19;
        for (int i = 0; i < 20; ++i) {
            for (int j = 20; j < 40; ++j)
                strangers += distance(layout.position(i), layout.position(j)) / 400;
        }
        QVERIFY2(neighbours < strangers / 2, qPrintable(QStringLiteral("%1 vs %2").arg(neighbours).arg(strangers)));
        QVERIFY(neighbours < 2 * layout.options().edgeLength);
    }

    void run_pinnedNodes_stayWhereTheyAre()
    {
        ForceLayout layout = layoutOf(60, 20, 3);
        layout.setPosition(0, QPointF(1000, -500));
        layout.setPinned(0, true);
        layout.setPosition(5, QPointF(-20, 40));
        layout.setPinned(5, true);
        layout.run();
        QCOMPARE(layout.position(0), QPointF(1000, -500));
        QCOMPARE(layout.position(5), QPointF(-20, 40));
        QVERIFY(layout.position(1) != QPointF(0, 0));
    }

    void start_mostlyPlaced_keepsThePictureSteady()
    {
        ForceLayout settled = layoutOf(100, 30, 5);
        settled.run();
        // One newcomer beside a settled graph: the others barely move.
        std::vector<std::pair<int, int>> edges = sampleEdges(100, 30);
        edges.emplace_back(3, 100);
        ForceLayout again(101, edges);
        for (int i = 0; i < 100; ++i) {
            again.setRadius(i, settled.radius(i));
            again.setPosition(i, settled.position(i));
        }
        again.run();
        double moved = 0;
        for (int i = 0; i < 100; ++i)
            moved += distance(again.position(i), settled.position(i)) / 100;
        QVERIFY2(moved < settled.options().edgeLength / 20, qPrintable(QStringLiteral("%1 after %2 iterations (first run %3)").arg(moved).arg(again.iterations()).arg(settled.iterations())));
        QVERIFY(distance(again.position(100), again.position(3)) < 3 * settled.options().edgeLength);
    }

    void run_cancelled_stopsAtOnce()
    {
        ForceLayout layout = layoutOf(300, 100, 2);
        std::atomic<bool> cancel{true};
        QCOMPARE(layout.run(&cancel), 1);
        QVERIFY(!layout.isConverged());
    }

    void run_emptyAndSingleNode_areFine()
    {
        ForceLayout empty(0);
        QCOMPARE(empty.run(), 0);
        ForceLayout one(1);
        one.run();
        QVERIFY(std::isfinite(one.position(0).x()));
    }
};

QTEST_GUILESS_MAIN(TestForceLayout)
#include "tst_forcelayout.moc"
