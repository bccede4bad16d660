// Times the relationship graph at the size of a large network: the force
// layout of 5,000 people and 10,000 introductions (until it converges), the
// graph queries, and how long the graph view takes to paint one frame while
// it is panned. Prints medians of several runs.
#include "graph/forcelayout.h"
#include "graph/graphdocument.h"
#include "graph/graphview.h"
#include "graph/relationshipgraph.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/introductionstore.h"
#include "store/stagetracker.h"
#include "store/transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QScrollBar>
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

/// A network grown the way introductions happen: most people are introduced
/// by someone met recently (so the graph has neighbourhoods, not just noise),
/// a few by anyone; extra introductions mostly join people met around the
/// same time, a few join anyone.
Network makeNetwork(int nodes, int edgeCount, std::uint32_t seed)
{
    Network network{nodes, {}};
    std::uint64_t state = seed;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return std::uint32_t(state >> 33);
    };
    const int firstContacts = std::max(1, nodes / 50);
    for (int i = firstContacts; i < nodes && int(network.edges.size()) < edgeCount; ++i) {
        const bool recent = next() % 10 != 0;
        const int from = recent ? std::max(0, i - 1 - int(next() % 40)) : int(next() % std::uint32_t(i));
        network.edges.emplace_back(from, i);
    }
    while (int(network.edges.size()) < edgeCount) {
        const int a = int(next() % std::uint32_t(nodes));
        const int b = next() % 10 != 0 ? (a + 1 + int(next() % 60)) % nodes : int(next() % std::uint32_t(nodes));
        if (a != b)
            network.edges.emplace_back(a, b);
    }
    return network;
}

const char *const givenNames[] = {"Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jon",
                                  "Kemi", "Luis", "Mara", "Noor", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq"};
const char *const familyNames[] = {"Adeyemi", "Bell", "Cho", "Dubois", "Eriksen", "Fischer", "Gallo", "Haddad",
                                   "Ito", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Patel"};

QString personName(int i)
{
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1StringView(givenNames[i % 20]), QLatin1StringView(familyNames[(i / 20) % 16]))
        .arg(i / 320 + 1);
}

Stage stageOf(int i)
{
    const int roll = int((std::uint32_t(i) * 2654435761u) >> 24) % 100;
    return roll < 35 ? Stage::Tweet : roll < 60 ? Stage::Email : roll < 78 ? Stage::Call : roll < 90 ? Stage::Meeting
           : roll < 96 ? Stage::Client : Stage::None;
}

/// Fills an empty data file with the network, for screenshots of a large graph.
int makeDataFile(const QString &path, const Network &network, QTextStream &out)
{
    auto opened = Database::open(path);
    if (!opened) {
        out << opened.error() << Qt::endl;
        return 1;
    }
    Database &db = **opened;
    Transaction transaction(db);
    std::vector<qint64> ids;
    for (int i = 0; i < network.nodes; ++i) {
        Contact contact;
        contact.displayName = personName(i);
        ids.push_back(ContactStore(db).add(contact).value());
        if (stageOf(i) != Stage::None && !StageTracker(db).setManual(ids.back(), stageOf(i)))
            return 1;
    }
    int added = 0;
    for (const auto &[a, b] : network.edges)
        added += IntroductionStore(db).add(Introduction{0, ids[a], ids[b], IntroductionKind(a % 4), {}, {}}).ok() ? 1 : 0;
    if (!transaction.commit())
        return 1;
    out << "wrote " << network.nodes << " contacts and " << added << " introductions to " << path << Qt::endl;
    return 0;
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
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    int runs = 5;
    int nodes = 5000;
    int edges = 10000;
    QString dataFile;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--make-data-file")
            dataFile = args.at(i + 1);
        else if (args.at(i) == u"--runs")
            runs = args.at(i + 1).toInt();
        else if (args.at(i) == u"--nodes")
            nodes = args.at(i + 1).toInt();
        else if (args.at(i) == u"--edges")
            edges = args.at(i + 1).toInt();
    }
    const Network network = makeNetwork(nodes, edges, 42);
    if (!dataFile.isEmpty())
        return makeDataFile(dataFile, network, out);

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

    // The view: the graph laid out, in a window of 1400 × 900, panned 12
    // pixels per frame; each frame is painted in full, as the view does while
    // panning (its legend sits on top, so it never merely scrolls): from its
    // picture of the graph while that covers the viewport, else drawn afresh.
    QList<GraphNode> graphNodes;
    for (int i = 0; i < network.nodes; ++i)
        graphNodes.append(GraphNode{i + 1, personName(i), stageOf(i), {}, i % 13, {}, {}, false});
    QList<GraphEdge> graphEdges;
    for (const auto &[a, b] : network.edges)
        graphEdges.append(GraphEdge{qint64(graphEdges.size() + 1), a + 1, b + 1, IntroductionKind(a % 4), {}, {}});
    Rapport::Ui::GraphDocument document;
    document.setGraph(RelationshipGraph(graphNodes, graphEdges), {});
    {
        std::vector<std::pair<int, int>> documentEdges;
        for (int e = 0; e < document.edgeCount(); ++e)
            documentEdges.emplace_back(document.edgeSource(e), document.edgeTarget(e));
        ForceLayout::Options options;
        options.edgeLength = 170;
        ForceLayout full(document.nodeCount(), documentEdges, options);
        for (int i = 0; i < document.nodeCount(); ++i)
            full.setRadius(i, document.radius(i));
        full.run();
        document.setLayoutPositions(full.positions());
    }
    Rapport::Ui::GraphView view(document);
    view.resize(1400, 900);
    view.show();
    QCoreApplication::processEvents();
    QPixmap frame(view.viewport()->size());
    const int frames = args.contains(QStringLiteral("--quick")) ? 10 : 60;
    struct Zoom
    {
        const char *name;
        qreal zoom; // 0: fit everything
        bool selected;
    };
    for (const Zoom &zoom : {Zoom{"whole network in view", 0, false}, Zoom{"whole network, a client selected", 0, true},
                             Zoom{"zoom 0.35 (discs, no names)", 0.35, false},
                             Zoom{"zoom 1.0 (names and edge labels)", 1.0, false}}) {
        document.select(zoom.selected ? graphNodes.at(network.nodes / 2).id : 0);
        if (zoom.zoom == 0) {
            view.fitToContacts();
        } else {
            view.setTransform(QTransform::fromScale(zoom.zoom, zoom.zoom));
            view.centerOn(document.visibleBounds().center());
        }
        std::vector<double> ms;
        std::vector<double> cpuMs;
        for (int run = 0; run < runs; ++run) {
            for (int f = 0; f < frames; ++f) {
                QElapsedTimer timer;
                const std::clock_t cpuStart = std::clock();
                timer.start();
                view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (f < frames / 2 ? 12 : -12));
                view.viewport()->render(&frame);
                ms.push_back(timer.nsecsElapsed() / 1e6);
                cpuMs.push_back(double(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC);
            }
        }
        std::sort(ms.begin(), ms.end());
        out << QStringLiteral("panning, %1: median %2 ms wall per frame (90th percentile %3 ms, slowest %4 ms), "
                              "%5 ms CPU (%6 frames)")
                   .arg(QLatin1StringView(zoom.name))
                   .arg(median(ms), 0, 'f', 2)
                   .arg(ms[ms.size() * 9 / 10], 0, 'f', 2)
                   .arg(ms.back(), 0, 'f', 2)
                   .arg(median(cpuMs), 0, 'f', 2)
                   .arg(ms.size())
            << Qt::endl;
        // A frame after the document changed (a layout step, a drag, a new
        // selection): everything in view is drawn afresh.
        std::vector<double> freshMs;
        std::vector<double> freshCpuMs;
        for (int f = 0; f < frames; ++f) {
            QElapsedTimer timer;
            const std::clock_t cpuStart = std::clock();
            timer.start();
            document.setPosition(0, document.position(0), document.isPinned(0));
            view.viewport()->render(&frame);
            freshMs.push_back(timer.nsecsElapsed() / 1e6);
            freshCpuMs.push_back(double(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC);
        }
        out << QStringLiteral("  drawn afresh after a change: median %1 ms wall per frame, %2 ms CPU (%3 frames)")
                   .arg(median(freshMs), 0, 'f', 2)
                   .arg(median(freshCpuMs), 0, 'f', 2)
                   .arg(freshMs.size())
            << Qt::endl;
    }
    return 0;
}
