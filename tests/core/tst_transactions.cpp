#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/transaction.h"
#include "testdatafile.h"

#include <QSqlQuery>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

qint64 countOf(Database &db, const char *table)
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table))).value().toLongLong();
}

} // namespace

class TestTransactions : public QObject
{
    Q_OBJECT

private slots:
    void log_unknownParticipant_writesNothing()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        Interaction call;
        call.kind = InteractionKind::Call;
        call.participants = {sam, 9999};
        auto logged = InteractionStore(db).log(call);
        QVERIFY(!logged.ok());
        QVERIFY2(logged.error().contains(u"9999"), qPrintable(logged.error()));
        // The interaction row, Sam's participation and Sam's stage change were
        // all written before the failure; none of them may remain.
        QCOMPARE(countOf(db, "interactions"), 0);
        QCOMPARE(countOf(db, "interaction_participants"), 0);
        QCOMPARE(countOf(db, "stage_history"), 0);
        QCOMPARE(ContactStore(db).get(sam)->stage, Stage::None);
        QCOMPARE(db.transactionDepth(), 0);
    }

    void transaction_notCommitted_rollsBackOnDestruction()
    {
        TestDataFile data;
        Database &db = data.open();
        {
            Transaction transaction(db);
            QVERIFY(transaction.status().ok());
            Rapport::Test::addContact(db, QStringLiteral("Dana Whitfield"));
            QCOMPARE(countOf(db, "contacts"), 1);
        }
        QCOMPARE(countOf(db, "contacts"), 0);
        QCOMPARE(db.transactionDepth(), 0);
    }

    void nestedTransaction_failingInner_keepsOuterWork()
    {
        TestDataFile data;
        Database &db = data.open();
        Transaction outer(db);
        Rapport::Test::addContact(db, QStringLiteral("Kept"));
        {
            Transaction inner(db);
            QCOMPARE(db.transactionDepth(), 2);
            Rapport::Test::addContact(db, QStringLiteral("Dropped"));
        }
        QVERIFY(outer.commit().ok());
        auto all = ContactStore(db).all().value();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.constFirst().name(), QStringLiteral("Kept"));
    }

    void committedChange_isVisibleToAnotherConnection()
    {
        TestDataFile data;
        Database &db = data.open();
        Rapport::Test::addContact(db, QStringLiteral("Luis Ortega"));
        auto second = Database::open(data.path(), data.clock());
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QCOMPARE(ContactStore(**second).count().value(), 1);
    }

    void writeWhileAnotherConnectionWrites_waitsThenFailsCleanly()
    {
        TestDataFile data;
        Database &db = data.open();
        auto second = Database::open(data.path(), data.clock());
        QVERIFY(second.ok());
        Transaction holding(**second);
        QVERIFY(holding.status().ok());
        // The first connection cannot start writing while the second holds the
        // write lock; it gets a clear message instead of corrupting anything.
        // (busy_timeout makes this wait 5 s before giving up.)
        Transaction blocked(db);
        QVERIFY(!blocked.status().ok());
        QVERIFY2(blocked.status().error().contains(u"busy"), qPrintable(blocked.status().error()));
        QCOMPARE(db.transactionDepth(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTransactions)
#include "tst_transactions.moc"
