#include "store/contactstore.h"
#include "store/database.h"
#include "store/introductionstore.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

class TestIntroductionStore : public QObject
{
    Q_OBJECT

private slots:
    void add_edge_isReadBackBothWays()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 marcus = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        const qint64 theo = Rapport::Test::addContact(db, QStringLiteral("Theo Lindqvist"));
        IntroductionStore store(db);
        auto id = store.add(Introduction{0, marcus, theo, IntroductionKind::Recommended, QDate(2026, 2, 3),
                                         QStringLiteral("on a call")});
        QVERIFY2(id.ok(), qPrintable(id.error()));
        const auto into = store.into(theo).value();
        QCOMPARE(into.size(), 1);
        QCOMPARE(into.constFirst().fromContact, marcus);
        QCOMPARE(into.constFirst().kind, IntroductionKind::Recommended);
        QCOMPARE(into.constFirst().date, QDate(2026, 2, 3));
        QCOMPARE(into.constFirst().note, QStringLiteral("on a call"));
        QCOMPARE(store.from(marcus)->size(), 1);
        QVERIFY(store.from(theo)->isEmpty());
        QCOMPARE(ContactStore(db).get(theo)->introducedBy, QList<qint64>{marcus});
    }

    void add_withoutDate_isToday()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 a = Rapport::Test::addContact(db, QStringLiteral("A"));
        const qint64 b = Rapport::Test::addContact(db, QStringLiteral("B"));
        IntroductionStore store(db);
        QVERIFY(store.add(Introduction{0, a, b, IntroductionKind::Introduced, {}, {}}).ok());
        QCOMPARE(store.all()->constFirst().date, TestDataFile::pinnedNow().date());
    }

    void add_invalidEdges_areRefused_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("someone introducing themselves") << 1 << 1 << "themselves";
        QTest::newRow("an unknown introducer") << 77 << 1 << "77";
        QTest::newRow("an unknown target") << 1 << 78 << "78";
        QTest::newRow("the same edge twice") << 1 << 2 << "already recorded";
    }
    void add_invalidEdges_areRefused()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, message);
        TestDataFile data;
        Database &db = data.open();
        QCOMPARE(Rapport::Test::addContact(db, QStringLiteral("A")), 1);
        QCOMPARE(Rapport::Test::addContact(db, QStringLiteral("B")), 2);
        IntroductionStore store(db);
        QVERIFY(store.add(Introduction{0, 1, 2, IntroductionKind::Introduced, {}, {}}).ok());
        auto id = store.add(Introduction{0, from, to, IntroductionKind::Referred, {}, {}});
        QVERIFY(!id.ok());
        QVERIFY2(id.error().contains(message), qPrintable(id.error()));
        QCOMPARE(store.all()->size(), 1);
    }

    void removeContact_removesItsEdges()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 a = Rapport::Test::addContact(db, QStringLiteral("A"));
        const qint64 b = Rapport::Test::addContact(db, QStringLiteral("B"));
        IntroductionStore store(db);
        QVERIFY(store.add(Introduction{0, a, b, IntroductionKind::Introduced, {}, {}}).ok());
        QVERIFY(ContactStore(db).remove(a).ok());
        QVERIFY(store.all()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIntroductionStore)
#include "tst_introductionstore.moc"
