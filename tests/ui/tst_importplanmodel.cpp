// The import preview's model over a real plan: rows, filters, choices for one
// card and for a selection, checked by QAbstractItemModelTester throughout.

#include "import/importplanmodel.h"
#include "store/contactstore.h"
#include "testdatafile.h"
#include "vcard/vcardimporter.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Ui::ImportPlanModel;
using Filter = ImportPlanModel::Filter;

namespace {

/// A plan over a data file that holds Jane: her card (a merge), a new person
/// twice (new, then a merge into the first), an unreadable card, a card
/// with a line that is no property (a problem), and a card whose text is markup.
std::shared_ptr<ImportPlan> makePlan(TestDataFile &data)
{
    Database &db = data.open();
    Contact jane;
    jane.displayName = QStringLiteral("Jane Doe");
    jane.emails = {ContactField{QStringLiteral("jane@acme.example"), {}, false}};
    ContactStore(db).add(jane).value();
    const QString path = data.filePath(QStringLiteral("cards.vcf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nEMAIL:jane@acme.example\r\nTITLE:CEO\r\nEND:VCARD\r\n"
               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dan Wu\r\nEMAIL:dan@wu.example\r\nEND:VCARD\r\n"
               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dan Wu\r\nEMAIL:dan@wu.example\r\nNOTE:Second card.\r\nEND:VCARD\r\n"
               "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n"
               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve Park\r\n<i>soon</i>\r\nEND:VCARD\r\n");
    file.close();
    auto plan = VCardImporter(db).plan({path});
    if (!plan)
        qFatal("%s", qPrintable(plan.error()));
    return std::make_shared<ImportPlan>(std::move(plan).value());
}

QStringList column(const ImportPlanModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

} // namespace

class TestImportPlanModel : public QObject
{
    Q_OBJECT

private slots:
    void rows_showEachCardWithItsChoiceMatchSourceAndProblems()
    {
        TestDataFile data;
        ImportPlanModel model(makePlan(data));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(ImportPlanModel::ColumnCount));
        QCOMPARE(column(model, ImportPlanModel::ChoiceColumn),
                 (QStringList{QStringLiteral("Merge"), QStringLiteral("New"), QStringLiteral("Merge"),
                              QStringLiteral("Skip"), QStringLiteral("New")}));
        QCOMPARE(column(model, ImportPlanModel::NameColumn).at(3), QStringLiteral("(card could not be read)"));
        QCOMPARE(column(model, ImportPlanModel::MatchColumn),
                 (QStringList{QStringLiteral("Jane Doe (same email)"), QString(),
                              QStringLiteral("Dan Wu (same email, earlier in this import)"), QString(), QString()}));
        QCOMPARE(column(model, ImportPlanModel::SourceColumn),
                 (QStringList{QStringLiteral("cards.vcf:1"), QStringLiteral("cards.vcf:7"), QStringLiteral("cards.vcf:12"),
                              QStringLiteral("cards.vcf:18"), QStringLiteral("cards.vcf:21")}));
        QVERIFY(!model.index(3, ImportPlanModel::ProblemsColumn).data().toString().isEmpty());
        QVERIFY(!model.index(4, ImportPlanModel::ProblemsColumn).data().toString().isEmpty());
        QVERIFY(model.index(0, ImportPlanModel::ProblemsColumn).data().toString().isEmpty());
        QCOMPARE(model.index(1, ImportPlanModel::DetailsColumn).data().toString(), QStringLiteral("dan@wu.example"));
        // A tool tip renders rich text: what came from the file is escaped in it.
        const QString tip = model.index(4, ImportPlanModel::ProblemsColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("&lt;i&gt;soon&lt;/i&gt;")), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("<i>")));
        // Only an unreadable card's choice cannot be edited.
        QVERIFY(model.flags(model.index(0, ImportPlanModel::ChoiceColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(3, ImportPlanModel::ChoiceColumn)) & Qt::ItemIsEditable));
        QVERIFY(!(model.flags(model.index(0, ImportPlanModel::NameColumn)) & Qt::ItemIsEditable));
    }

    void filters_narrowTheRows_andCountWhatTheyWouldShow_data()
    {
        QTest::addColumn<int>("filter");
        QTest::addColumn<QStringList>("sources");
        QTest::newRow("all shows every card") << int(Filter::All)
                                              << QStringList{QStringLiteral("cards.vcf:1"), QStringLiteral("cards.vcf:7"),
                                                             QStringLiteral("cards.vcf:12"), QStringLiteral("cards.vcf:18"),
                                                             QStringLiteral("cards.vcf:21")};
        QTest::newRow("new shows the new people")
            << int(Filter::New) << QStringList{QStringLiteral("cards.vcf:7"), QStringLiteral("cards.vcf:21")};
        QTest::newRow("merge shows the merges")
            << int(Filter::Merge) << QStringList{QStringLiteral("cards.vcf:1"), QStringLiteral("cards.vcf:12")};
        QTest::newRow("skipped shows the unreadable card") << int(Filter::Skip) << QStringList{QStringLiteral("cards.vcf:18")};
        QTest::newRow("problems shows the cards with problems")
            << int(Filter::Problems) << QStringList{QStringLiteral("cards.vcf:18"), QStringLiteral("cards.vcf:21")};
        QTest::newRow("already known shows none here") << int(Filter::Known) << QStringList{};
    }

    void filters_narrowTheRows_andCountWhatTheyWouldShow()
    {
        QFETCH(int, filter);
        QFETCH(QStringList, sources);
        TestDataFile data;
        ImportPlanModel model(makePlan(data));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.count(static_cast<Filter>(filter)), sources.size());
        model.setFilter(static_cast<Filter>(filter));
        QCOMPARE(column(model, ImportPlanModel::SourceColumn), sources);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.cardAt(row)), row);
        model.setFilter(Filter::All);
        QCOMPARE(model.rowCount(), 5);
    }

    void setData_changesOneCardsChoice_whereThatCardAllowsIt()
    {
        TestDataFile data;
        ImportPlanModel model(makePlan(data));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &ImportPlanModel::choicesChanged);
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex jane = model.index(0, ImportPlanModel::ChoiceColumn);
        QVERIFY(model.setData(jane, int(ImportAction::New)));
        QCOMPARE(model.plan().cards.at(0).choice, ImportAction::New);
        QCOMPARE(jane.data(ImportPlanModel::ChoiceRole).toInt(), int(ImportAction::New));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(dataChanged.size(), 2); // the row, and the match column
        // A card that matches nobody cannot merge; an unreadable one can only be skipped.
        QVERIFY(!model.setData(model.index(1, ImportPlanModel::ChoiceColumn), int(ImportAction::Merge)));
        QVERIFY(!model.setData(model.index(3, ImportPlanModel::ChoiceColumn), int(ImportAction::New)));
        QVERIFY(!model.setData(model.index(1, ImportPlanModel::NameColumn), int(ImportAction::Skip)));
        QVERIFY(!model.setData(jane, 42));
        QCOMPARE(model.plan().cards.at(1).choice, ImportAction::New);
        QCOMPARE(changed.size(), 1);
    }

    void choose_forASelection_setsWhatEachCardAllows_andRestoreGoesBack()
    {
        TestDataFile data;
        ImportPlanModel model(makePlan(data));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.choose({0, 1, 2, 3, 4}, ImportAction::Merge), 2);
        QCOMPARE(model.choose({0, 1, 2, 3, 4}, ImportAction::Skip), 5);
        QCOMPARE(model.count(Filter::Skip), 5);
        QCOMPARE(model.restoreProposals({0, 1, 2, 3, 4}), 5);
        QCOMPARE(model.count(Filter::Skip), 1);

        // Skipping the first Dan Wu makes the second one new, and its row says so.
        QCOMPARE(model.choose({1}, ImportAction::Skip), 1);
        QVERIFY2(model.index(2, ImportPlanModel::MatchColumn).data().toString().contains(QStringLiteral("becomes new")),
                 qPrintable(model.index(2, ImportPlanModel::MatchColumn).data().toString()));
        model.restoreProposals({1});

        // Under a filter, rows are the filtered ones; a changed card stays in
        // view until the filter is chosen again.
        model.setFilter(Filter::Merge);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.choose({1}, ImportAction::New), 1);
        QCOMPARE(model.plan().cards.at(2).choice, ImportAction::New);
        QCOMPARE(model.rowCount(), 2);
        model.setFilter(Filter::Merge);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestImportPlanModel)
#include "tst_importplanmodel.moc"
