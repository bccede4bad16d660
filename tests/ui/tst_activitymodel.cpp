#include "datafiledump.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "testdatafile.h"
#include "timeline/activitymodel.h"
#include "timeline/activitypage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Ui::ActivityModel;

namespace {

/// `count` interactions, two at each moment (so that paging must break ties by id),
/// alternating calls and emails, every tenth with two people.
void logMany(Database &db, int count, qint64 a, qint64 b)
{
    const QDateTime start(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        Interaction interaction;
        interaction.kind = i % 2 ? InteractionKind::Call : InteractionKind::Email;
        interaction.occurredAt = start.addSecs(3600 * (i / 2));
        interaction.summary = QStringLiteral("Interaction %1").arg(i);
        interaction.participants = i % 10 == 0 ? QList<qint64>{a, b} : QList<qint64>{a};
        QVERIFY(InteractionStore(db).log(interaction).ok());
    }
}

} // namespace

class TestActivityModel : public QObject
{
    Q_OBJECT

private slots:
    void model_passesTheModelTester_andPagesThroughEveryInteractionOnceNewestFirst()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 dana = Rapport::Test::addContact(db, QStringLiteral("Dana Whitfield"));
        const qint64 theo = Rapport::Test::addContact(db, QStringLiteral("Theo Lindqvist"));
        logMany(db, 450, dana, theo);
        ActivityModel model(db);
        QCOMPARE(model.rowCount(), ActivityModel::pageSize);
        QVERIFY(model.canFetchMore({}));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
        QSet<qint64> seen;
        for (int row = 0; row < model.rowCount(); ++row) {
            seen.insert(model.index(row, 0).data(ActivityModel::InteractionIdRole).toLongLong());
            if (row > 0) {
                const ActivityRow &newer = model.row(row - 1);
                const ActivityRow &older = model.row(row);
                QVERIFY(newer.occurredAt > older.occurredAt
                        || (newer.occurredAt == older.occurredAt && newer.id > older.id));
            }
        }
        QCOMPARE(seen.size(), 450);
        QCOMPARE(model.index(0, ActivityModel::SummaryColumn).data().toString(), QStringLiteral("Interaction 449"));
        // Interaction 440 had two people: both named, the first opens.
        int row440 = -1;
        for (int row = 0; row < model.rowCount() && row440 < 0; ++row) {
            if (model.row(row).summary == u"Interaction 440")
                row440 = row;
        }
        QCOMPARE(model.index(row440, ActivityModel::WhoColumn).data().toString(),
                 QStringLiteral("Dana Whitfield, Theo Lindqvist"));
        QCOMPARE(model.index(row440, 0).data(ActivityModel::ContactIdRole).toLongLong(), dana);
        QVERIFY(!model.index(0, ActivityModel::KindColumn).data(Qt::DecorationRole).isNull());
    }

    void filters_byKindAndPeriod_areAppliedInSql()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 dana = Rapport::Test::addContact(db, QStringLiteral("Dana Whitfield"));
        const qint64 theo = Rapport::Test::addContact(db, QStringLiteral("Theo Lindqvist"));
        logMany(db, 300, dana, theo);
        ActivityModel model(db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ActivityQuery calls;
        calls.kind = InteractionKind::Call;
        model.setQuery(calls);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 150);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.row(row).kind, InteractionKind::Call);
        // The first day: 9:00 to 20:00 UTC hold 12 hours × 2 interactions.
        ActivityQuery firstDay;
        firstDay.from = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        firstDay.until = QDateTime(QDate(2026, 1, 1), QTime(21, 0), Qt::UTC);
        model.setQuery(firstDay);
        QCOMPARE(model.rowCount(), 24);
        QVERIFY(!model.canFetchMore({}));
    }

    void page_kindFilter_narrowsTheTable_andHostileTextStaysPlain()
    {
        TestDataFile data;
        Database &db = data.open();
        const QString hostile = QStringLiteral("<b>x</b><img src=file:///etc/passwd>");
        const qint64 someone = Rapport::Test::addContact(db, hostile);
        Interaction note;
        note.kind = InteractionKind::Note;
        note.summary = hostile;
        note.body = QStringLiteral("<i>body</i>");
        note.participants = {someone};
        QVERIFY(InteractionStore(db).log(note).ok());
        Interaction call = note;
        call.kind = InteractionKind::Call;
        call.summary = QStringLiteral("A call");
        QVERIFY(InteractionStore(db).log(call).ok());

        Rapport::Ui::ActivityPage page(db);
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("activityTable"));
        QCOMPARE(table->model()->rowCount(), 2);
        auto *kind = page.findChild<QComboBox *>(QStringLiteral("activityKindFilter"));
        kind->setCurrentIndex(kind->findData(static_cast<int>(InteractionKind::Note)));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, ActivityModel::WhoColumn).data().toString(), hostile);
        QCOMPARE(table->model()->index(0, ActivityModel::SummaryColumn).data().toString(), hostile);
        QVERIFY(!table->model()->index(0, ActivityModel::SummaryColumn).data(Qt::ToolTipRole).toString().contains(u"<i>"));
        table->setCurrentIndex(table->model()->index(0, 0));
        auto *details = page.findChild<QLabel *>(QStringLiteral("activityDetails"));
        QCOMPARE(details->textFormat(), Qt::PlainText);
        QVERIFY(details->text().contains(hostile));
        QVERIFY(details->text().contains(QStringLiteral("<i>body</i>")));
        QSignalSpy opened(&page, &Rapport::Ui::ActivityPage::contactActivated);
        emit table->activated(table->currentIndex());
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), someone);
    }
};

QTEST_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
