// Times the relationship graph at the size of a large network: the force
// layout of 5,000 people and 10,000 introductions (until it converges), the
// graph queries, and how long the graph view takes to paint one frame while
// it is panned. Prints medians of several runs.
#include "graph/forcelayout.h"
#include "graph/relationshipgraph.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <cstdint>
#include <vector>

using namespace Rapport::Core;

namespace {

struct Network
{
    int nodes = 0;
    std::vector<std::pair<int, int>> edges;
};

/// A tree of introductions (everyone but the first contacts was introduced by
/// someone earlier), plus extra introductions between random people.
Network makeNetwork(int nodes, int edgeCount, std::uint32_t seed)
{
    Network network{nodes, {}};
    std::uint64_t state = seed;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return std::uint32_t(state >> 33);
    };
    const int firstContacts = std::max(1, nodes / 50);
    for (int i = firstContacts; i < nodes && int(network.edges.size()) < edgeCount; ++i)
        network.edges.emplace_back(int(next() % std::uint32_t(i)), i);
    while (int(network.edges.size()) < edgeCount) {
        const int a = int(next() % std::uint32_t(nodes));
        const int b = int(next() % std::uint32_t(nodes));
        if (a != b)
            network.edges.emplace_back(a, b);
    }
    return network;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int runs = 5;
    int nodes = 5000;
    int edges = 10000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--runs")
            runs = args.at(i + 1).toInt();
        else if (args.at(i) == u"--nodes")
            nodes = args.at(i + 1).toInt();
        else if (args.at(i) == u"--edges")
            edges = args.at(i + 1).toInt();
    }
    const Network network = makeNetwork(nodes, edges, 42);

    std::vector<double> seconds;
    std::vector<double> cpuSeconds;
    std::vector<double> iterations;
    for (int run = 0; run < runs; ++run) {
        ForceLayout layout(network.nodes, network.edges);
        for (int i = 0; i < network.nodes; ++i)
            layout.setRadius(i, 9 + (i % 5) * 2);
        QElapsedTimer timer;
        const std::clock_t cpuStart = std::clock();
        timer.start();
        layout.run();
        seconds.push_back(timer.nsecsElapsed() / 1e9);
        cpuSeconds.push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        iterations.push_back(layout.iterations());
        if (!layout.isConverged())
            out << "run " << run << " did not converge" << Qt::endl;
    }
    // CPU time counts both layout threads; on a shared machine it says what
    // the wall clock would be on an idle one better than the wall clock does.
    out << QStringLiteral("layout of %1 nodes / %2 edges: median %3 s wall, %4 s CPU to converge "
                          "(%5 iterations, %6 ms wall each), %7 runs")
               .arg(network.nodes)
               .arg(network.edges.size())
               .arg(median(seconds), 0, 'f', 3)
               .arg(median(cpuSeconds), 0, 'f', 3)
               .arg(median(iterations))
               .arg(median(seconds) * 1000 / median(iterations), 0, 'f', 2)
               .arg(runs)
        << Qt::endl;
    return 0;
}
