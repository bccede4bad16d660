#include "contacts/contactlistmodel.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "testdatafile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Ui::ContactListModel;

namespace {

void addMany(Database &db, int count)
{
    for (int i = 0; i < count; ++i) {
        Contact c;
        c.displayName = QStringLiteral("Contact %1").arg(i, 4, 10, QLatin1Char('0'));
        c.organization = i % 2 ? QStringLiteral("Odd Ltd") : QStringLiteral("Even Inc");
        QVERIFY(ContactStore(db).add(c).ok());
    }
}

} // namespace

class TestContactListModel : public QObject
{
    Q_OBJECT

private slots:
    void model_passesTheModelTester_whileFetching()
    {
        TestDataFile data;
        Database &db = data.open();
        addMany(db, 600);
        ContactListModel model(db);
        QCOMPARE(model.rowCount(), ContactListModel::pageSize);
        QCOMPARE(model.totalCount(), 600);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 600);
    }

    void model_passesTheModelTester_whileFilteringAndSorting()
    {
        // (The tester fetches more from inside its own modelReset handler, so
        // the filtered results here fit in one page.)
        TestDataFile data;
        Database &db = data.open();
        addMany(db, 200);
        ContactListModel model(db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ContactListQuery query;
        query.search = QStringLiteral("odd");
        model.setQuery(query);
        QCOMPARE(model.totalCount(), 100);
        QCOMPARE(model.rowCount(), 100);
        model.sort(ContactListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(model.data(model.index(0, ContactListModel::NameColumn)).toString(), QStringLiteral("Contact 0199"));
        model.sort(ContactListModel::OrganizationColumn, Qt::AscendingOrder);
        QCOMPARE(model.data(model.index(0, ContactListModel::OrganizationColumn)).toString(), QStringLiteral("Odd Ltd"));
        query.search = QStringLiteral("nobody");
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void fetch_isLazy_rowsBeyondThePageAreNotRead()
    {
        TestDataFile data;
        Database &db = data.open();
        addMany(db, 1000);
        ContactListModel model(db);
        QCOMPARE(model.rowCount(), ContactListModel::pageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * ContactListModel::pageSize);
    }

    void sort_byStage_isDoneInSqlOverAllRows()
    {
        TestDataFile data;
        Database &db = data.open();
        addMany(db, 400);
        // The warmest contact sorts last by name; sorting by stage must still
        // find it although it is not among the rows fetched so far.
        const qint64 last = Rapport::Test::addContact(db, QStringLiteral("Zed Last"));
        Interaction meeting;
        meeting.kind = InteractionKind::Meeting;
        meeting.participants = {last};
        QVERIFY(InteractionStore(db).log(meeting).ok());
        ContactListModel model(db);
        QCOMPARE(model.rowOf(last), -1);
        model.sort(ContactListModel::StageColumn, Qt::DescendingOrder);
        QCOMPARE(model.contactId(0), last);
        QCOMPARE(model.data(model.index(0, ContactListModel::StageColumn)).toString(), QStringLiteral("Meeting"));
        QCOMPARE(model.data(model.index(0, 0), ContactListModel::ContactIdRole).toLongLong(), last);
    }

    void data_userText_isReturnedVerbatim()
    {
        TestDataFile data;
        Database &db = data.open();
        const QString hostile = QStringLiteral("<img src=\"file:///etc/passwd\">\u202Eevil");
        Rapport::Test::addContact(db, hostile);
        ContactListModel model(db);
        QCOMPARE(model.data(model.index(0, ContactListModel::NameColumn)).toString(), hostile);
    }

    void count_ofMoreThanAPage_arrivesAfterTheListFromItsOwnThread()
    {
        TestDataFile data;
        Database &db = data.open();
        addMany(db, 700);
        // (No model tester here: it fetches more inside its own modelReset handler.)
        ContactListModel model(db);
        QSignalSpy known(&model, &ContactListModel::totalCountKnown);
        ContactListQuery query;
        query.search = QStringLiteral("odd ltd");
        model.setQuery(query);
        // The first page is there at once; the count of all 350 follows.
        QCOMPARE(model.rowCount(), ContactListModel::pageSize);
        QVERIFY(!model.knownTotalCount());
        QVERIFY(model.canFetchMore({}));
        QTRY_COMPARE(model.knownTotalCount().value_or(-1), 350);
        QCOMPARE(known.size(), 1);
        QCOMPARE(model.totalCount(), 350);

        // A count for a query typed over is never reported for the new one.
        query.search = QStringLiteral("even inc");
        model.setQuery(query);
        query.search = QStringLiteral("contact 0");
        model.setQuery(query);
        QTRY_COMPARE(model.knownTotalCount().value_or(-1), 700);
        QCOMPARE(model.rowCount(), ContactListModel::pageSize);

        // Fetching every row also settles the count, without waiting for it.
        query.search = QStringLiteral("even inc");
        model.setQuery(query);
        model.fetchMore({});
        QCOMPARE(model.knownTotalCount().value_or(-1), 350);
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_MAIN(TestContactListModel)
#include "tst_contactlistmodel.moc"
