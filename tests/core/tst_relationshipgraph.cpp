#include "graph/graphstore.h"
#include "graph/relationshipgraph.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/stagetracker.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

using Ids = QList<qint64>;
using Chains = QList<QList<qint64>>;
using Edge = std::pair<qint64, qint64>;

namespace {

/// Contacts 1..count (the ids in `clients` are clients) joined by `edges`.
RelationshipGraph graphOf(int count, const QList<Edge> &edges, const Ids &clients = {})
{
    QList<GraphNode> nodes;
    for (qint64 id = 1; id <= count; ++id) {
        GraphNode node;
        node.id = id;
        node.name = QStringLiteral("Contact %1").arg(id);
        node.stage = clients.contains(id) ? Stage::Client : Stage::Email;
        nodes.append(node);
    }
    QList<GraphEdge> graphEdges;
    qint64 edgeId = 0;
    for (const Edge &e : edges)
        graphEdges.append(GraphEdge{++edgeId, e.first, e.second, IntroductionKind::Introduced, {}, {}});
    return RelationshipGraph(nodes, graphEdges);
}

} // namespace

class TestRelationshipGraph : public QObject
{
    Q_OBJECT

private slots:
    void chainsTo_listsEveryPathFromAFirstContact_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<Edge>>("edges");
        QTest::addColumn<qint64>("target");
        QTest::addColumn<Chains>("expected");
        QTest::newRow("a single chain of three") << 3 << QList<Edge>{{1, 2}, {2, 3}} << qint64(3)
                                                 << Chains{{1, 2, 3}};
        QTest::newRow("a first contact is its own chain") << 3 << QList<Edge>{{1, 2}, {2, 3}} << qint64(1)
                                                          << Chains{{1}};
        QTest::newRow("two first contacts lead to the same person")
            << 4 << QList<Edge>{{1, 3}, {2, 3}, {3, 4}} << qint64(4) << Chains{{1, 3, 4}, {2, 3, 4}};
        QTest::newRow("a diamond gives two chains, shortest first")
            << 5 << QList<Edge>{{1, 2}, {1, 3}, {2, 4}, {3, 5}, {5, 4}} << qint64(4)
            << Chains{{1, 2, 4}, {1, 3, 5, 4}};
        QTest::newRow("a cycle fed from outside never repeats a contact")
            << 4 << QList<Edge>{{1, 2}, {2, 3}, {3, 2}, {3, 4}} << qint64(4) << Chains{{1, 2, 3, 4}};
        QTest::newRow("a cycle nobody led into starts at its lowest id")
            << 4 << QList<Edge>{{2, 3}, {3, 4}, {4, 2}} << qint64(4) << Chains{{2, 3, 4}};
        QTest::newRow("the cycle's first contact is its own chain")
            << 4 << QList<Edge>{{2, 3}, {3, 4}, {4, 2}} << qint64(2) << Chains{{2}};
        QTest::newRow("a disconnected contact is its own chain")
            << 4 << QList<Edge>{{1, 2}, {2, 3}} << qint64(4) << Chains{{4}};
        QTest::newRow("an unknown contact has no chains") << 3 << QList<Edge>{{1, 2}} << qint64(99) << Chains{};
    }
    void chainsTo_listsEveryPathFromAFirstContact()
    {
        QFETCH(int, count);
        QFETCH(QList<Edge>, edges);
        QFETCH(qint64, target);
        QFETCH(Chains, expected);
        const ChainList found = graphOf(count, edges).chainsTo(target);
        QCOMPARE(found.chains, expected);
        QVERIFY(!found.truncated);
    }

    void chainsTo_onAHugeLattice_stopsAtTheLimit()
    {
        // A ladder of 40 rungs with both crossings has 2^40 chains to its end.
        QList<Edge> edges;
        const int rungs = 40;
        for (int r = 0; r < rungs; ++r) {
            const qint64 a = 2 * r + 1;
            const qint64 b = 2 * r + 2;
            edges.append({a, a + 2});
            edges.append({a, b + 2});
            edges.append({b, a + 2});
            edges.append({b, b + 2});
        }
        const RelationshipGraph graph = graphOf(2 * rungs + 2, edges);
        const ChainList found = graph.chainsTo(2 * rungs + 1, 500);
        QCOMPARE(found.chains.size(), 500);
        QVERIFY(found.truncated);
        for (const QList<qint64> &chain : found.chains) {
            QVERIFY(graph.isFirstContact(chain.constFirst()));
            QCOMPARE(chain.constLast(), qint64(2 * rungs + 1));
            QCOMPARE(chain.size(), rungs + 1);
        }
    }

    void firstContacts_includeOneMemberOfEveryUnfedCycle()
    {
        const RelationshipGraph graph = graphOf(7, {{1, 2}, {3, 4}, {4, 3}, {5, 6}, {6, 5}, {1, 5}});
        QCOMPARE(graph.firstContacts(), (Ids{1, 3, 7}));
    }

    void ledTo_followsIntroductionsTransitively_data()
    {
        QTest::addColumn<QList<Edge>>("edges");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<Ids>("expected");
        QTest::newRow("a chain, nearest first") << QList<Edge>{{1, 2}, {2, 3}, {3, 4}} << qint64(1) << Ids{2, 3, 4};
        QTest::newRow("a cycle does not lead back to the start")
            << QList<Edge>{{1, 2}, {2, 3}, {3, 1}} << qint64(1) << Ids{2, 3};
        QTest::newRow("nobody upstream is reached") << QList<Edge>{{1, 2}, {2, 3}} << qint64(2) << Ids{3};
        QTest::newRow("a separate part is never reached")
            << QList<Edge>{{1, 2}, {3, 4}} << qint64(1) << Ids{2};
        QTest::newRow("someone who led to nobody") << QList<Edge>{{1, 2}} << qint64(2) << Ids{};
    }
    void ledTo_followsIntroductionsTransitively()
    {
        QFETCH(QList<Edge>, edges);
        QFETCH(qint64, start);
        QFETCH(Ids, expected);
        QCOMPARE(graphOf(5, edges).ledTo(start), expected);
    }

    void shortestPath_findsTheFewestIntroductions_data()
    {
        QTest::addColumn<QList<Edge>>("edges");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<bool>("eitherWay");
        QTest::addColumn<Ids>("expected");
        const QList<Edge> shortcut{{1, 2}, {2, 3}, {3, 4}, {1, 5}, {5, 4}, {6, 7}};
        QTest::newRow("the shortcut wins") << shortcut << qint64(1) << qint64(4) << false << Ids{1, 5, 4};
        QTest::newRow("introductions are not followed backwards")
            << shortcut << qint64(4) << qint64(1) << false << Ids{};
        QTest::newRow("either way they are") << shortcut << qint64(4) << qint64(1) << true << Ids{4, 5, 1};
        QTest::newRow("a separate part is out of reach")
            << shortcut << qint64(1) << qint64(7) << true << Ids{};
        QTest::newRow("a contact reaches itself") << shortcut << qint64(3) << qint64(3) << false << Ids{3};
        QTest::newRow("around a cycle") << QList<Edge>{{1, 2}, {2, 3}, {3, 1}} << qint64(2) << qint64(1) << false
                                        << Ids{2, 3, 1};
        QTest::newRow("ties go to the lower id") << QList<Edge>{{1, 3}, {1, 2}, {2, 4}, {3, 4}} << qint64(1)
                                                 << qint64(4) << false << Ids{1, 2, 4};
    }
    void shortestPath_findsTheFewestIntroductions()
    {
        QFETCH(QList<Edge>, edges);
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(bool, eitherWay);
        QFETCH(Ids, expected);
        QCOMPARE(graphOf(7, edges).shortestPath(from, to, eitherWay ? PathDirection::Either : PathDirection::Forward),
                 expected);
    }

    void attribution_countsClientsDirectlyAndThroughOthers()
    {
        // 1 → 2 (client) → 3 → 4 (client) ⇄ 5 (client); 6 → 4; 7 alone.
        const RelationshipGraph graph = graphOf(7, {{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 4}, {6, 4}}, {2, 4, 5});
        const QList<Attribution> all = graph.attribution();
        QCOMPARE(all.size(), 7);
        struct Expected
        {
            int direct;
            int transitive;
            int reached;
        };
        const QList<Expected> expected{{1, 3, 4}, {0, 2, 3}, {1, 2, 2}, {1, 1, 1}, {1, 1, 1}, {1, 2, 2}, {0, 0, 0}};
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(all.at(i).contactId, qint64(i + 1));
            QCOMPARE(all.at(i).directClients, expected.at(i).direct);
            QCOMPARE(all.at(i).transitiveClients, expected.at(i).transitive);
            QCOMPARE(all.at(i).reached, expected.at(i).reached);
            const Attribution one = graph.attributionOf(i + 1);
            QCOMPARE(one.directClients, expected.at(i).direct);
            QCOMPARE(one.transitiveClients, expected.at(i).transitive);
            QCOMPARE(one.reached, expected.at(i).reached);
        }
    }

    void neighbourhood_reachesNHopsEitherWay()
    {
        const RelationshipGraph graph = graphOf(7, {{1, 2}, {2, 3}, {3, 4}, {5, 3}, {6, 7}});
        QCOMPARE(graph.neighbourhood(3, 0), Ids{3});
        QCOMPARE(graph.neighbourhood(3, 1), (Ids{3, 4, 2, 5}));
        QCOMPARE(graph.neighbourhood(3, 2), (Ids{3, 4, 2, 5, 1}));
    }

    void construction_dropsEdgesItCannotDraw()
    {
        const RelationshipGraph graph = graphOf(3, {{1, 2}, {1, 2}, {2, 2}, {2, 9}, {2, 3}});
        QCOMPARE(graph.edges().size(), 2);
        QVERIFY(graph.edgeBetween(1, 2));
        QVERIFY(!graph.edgeBetween(2, 1));
    }

    void store_loadsContactsIntroductionsAndKeepsPositions()
    {
        TestDataFile data;
        Database &db = data.open();
        Contact coach;
        coach.displayName = QStringLiteral("Marcus Bell");
        coach.tags = {QStringLiteral("coach"), QStringLiteral("west")};
        const qint64 marcus = ContactStore(db).add(coach).value();
        const qint64 theo = Rapport::Test::addContact(db, QStringLiteral("Theo Lindqvist"));
        const qint64 ana = Rapport::Test::addContact(db, QStringLiteral("Ana Ruiz"));
        QVERIFY(IntroductionStore(db)
                    .add(Introduction{0, marcus, theo, IntroductionKind::Recommended, QDate(2026, 2, 3), {}})
                    .ok());
        QVERIFY(IntroductionStore(db).add(Introduction{0, theo, ana, IntroductionKind::MetAtEvent, {}, {}}).ok());
        Interaction call;
        call.kind = InteractionKind::Call;
        call.occurredAt = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        call.participants = {theo};
        QVERIFY(InteractionStore(db).log(call).ok());
        QVERIFY(StageTracker(db).setManual(theo, Stage::Client, {}).ok());

        GraphStore store(db);
        const RelationshipGraph graph = store.load().value();
        QCOMPARE(graph.nodes().size(), 3);
        QCOMPARE(graph.node(marcus)->tags, (QStringList{QStringLiteral("coach"), QStringLiteral("west")}));
        QCOMPARE(graph.node(theo)->stage, Stage::Client);
        QCOMPARE(graph.node(theo)->interactionCount, 1);
        QCOMPARE(graph.node(theo)->knownSince, QDate(2026, 3, 1));
        QCOMPARE(graph.edgeBetween(marcus, theo)->kind, IntroductionKind::Recommended);
        QCOMPARE(graph.chainsTo(ana).chains, (Chains{{marcus, theo, ana}}));
        QCOMPARE(graph.attributionOf(marcus).transitiveClients, 1);

        QVERIFY(store.positions()->isEmpty());
        QVERIFY(store.savePositions({{marcus, 1.5, -2.0, true}, {theo, 3, 4, false}}).ok());
        QVERIFY(store.savePositions({{theo, 5, 6, true}}).ok());
        auto positions = store.positions().value();
        QCOMPARE(positions.size(), 2);
        QCOMPARE(positions.value(marcus), (GraphPosition{marcus, 1.5, -2.0, true}));
        QCOMPARE(positions.value(theo), (GraphPosition{theo, 5, 6, true}));

        const Status refused = store.savePositions({{ana, 1, 1, false}, {999, 0, 0, false}});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("999")), qPrintable(refused.error()));
        QCOMPARE(store.positions()->size(), 2); // nothing of the refused call was kept
        QVERIFY(store.clearPositions().ok());
        QVERIFY(store.positions()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRelationshipGraph)
#include "tst_relationshipgraph.moc"
