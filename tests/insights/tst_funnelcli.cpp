#include "clirunner.h"
#include "insightsfixture.h"
#include "testdatafile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QTest>

using Rapport::Test::InsightsFixture;
using Rapport::Test::TestDataFile;

namespace {

using Run = Rapport::Test::CliRun;

Run cli(const QStringList &arguments)
{
    return Rapport::Test::runCli(QStringLiteral(RAPPORT_CLI_PATH), arguments);
}

} // namespace

/// `rapport-cli funnel` on the insights network (see insightsfixture.h).
class TestFunnelCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture.build(m_data.open());
        m_data.close();
    }

    void text_listsEveryStageWithConversionAndMedianDays()
    {
        const Run run = cli({QStringLiteral("--db"), m_data.path(), QStringLiteral("funnel")});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0].simplified(), QStringLiteral("stage reached conversion median days"));
        QCOMPARE(lines[1].simplified(), QStringLiteral("tweet 6 - -"));
        QCOMPARE(lines[2].simplified(), QStringLiteral("email 6 100.0% 3.0"));
        QCOMPARE(lines[3].simplified(), QStringLiteral("call 4 66.7% 6.0"));
        QCOMPARE(lines[4].simplified(), QStringLiteral("meeting 3 75.0% 6.0"));
        QCOMPARE(lines[5].simplified(), QStringLiteral("client 2 66.7% 10.0"));
    }

    void json_forAPeriod_hasExactNumbers()
    {
        const Run run = cli({QStringLiteral("--db"), m_data.path(), QStringLiteral("funnel"), QStringLiteral("--from"),
                             QStringLiteral("2026-01-03"), QStringLiteral("--to"), QStringLiteral("2026-01-31"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("from")).toString(), QStringLiteral("2026-01-03"));
        QCOMPARE(doc.value(QStringLiteral("to")).toString(), QStringLiteral("2026-01-31"));
        const QJsonArray stages = doc.value(QStringLiteral("stages")).toArray();
        QCOMPARE(stages.size(), 5);
        const QList<int> reached{2, 2, 1, 1, 1};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(stages[i].toObject().value(QStringLiteral("reached")).toInt(), reached[i]);
        QCOMPARE(stages[0].toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("tweet"));
        QVERIFY(stages[0].toObject().value(QStringLiteral("conversion")).isNull());
        QCOMPARE(stages[2].toObject().value(QStringLiteral("conversion")).toDouble(), 0.5);
        // Dee: tweet on day 2, email on day 5.
        QCOMPARE(stages[1].toObject().value(QStringLiteral("median_days")).toDouble(), 3.0);
        QCOMPARE(stages[1].toObject().value(QStringLiteral("timed_contacts")).toInt(), 1);
        // Cy was set to client by hand: reached, but no time of its own.
        QVERIFY(stages[4].toObject().value(QStringLiteral("median_days")).isNull());
    }

    void cohort_narrowsTheFunnel()
    {
        const Run run = cli({QStringLiteral("--db"), m_data.path(), QStringLiteral("funnel"), QStringLiteral("--channel"),
                             QStringLiteral("Twitter"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray stages = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("stages")).toArray();
        QCOMPARE(stages[0].toObject().value(QStringLiteral("reached")).toInt(), 3);
        QCOMPARE(stages[4].toObject().value(QStringLiteral("reached")).toInt(), 1);
    }

    void badInput_exitsTwoNamingTheProblem_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("a from date that is not a date")
            << QStringList{QStringLiteral("--from"), QStringLiteral("yesterday")} << QStringLiteral("yesterday");
        QTest::newRow("a period that ends before it starts")
            << QStringList{QStringLiteral("--from"), QStringLiteral("2026-02-01"), QStringLiteral("--to"),
                           QStringLiteral("2026-01-01")}
            << QStringLiteral("is after");
        QTest::newRow("two cohorts at once")
            << QStringList{QStringLiteral("--tag"), QStringLiteral("design"), QStringLiteral("--channel"),
                           QStringLiteral("Twitter")}
            << QStringLiteral("at most one");
        QTest::newRow("an introducer that is not an id")
            << QStringList{QStringLiteral("--introducer"), QStringLiteral("Ada")} << QStringLiteral("“Ada”");
    }

    void badInput_exitsTwoNamingTheProblem()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QByteArray before = Rapport::Test::fileBytes(m_data.path());
        const Run run = cli(QStringList{QStringLiteral("--db"), m_data.path(), QStringLiteral("funnel")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(Rapport::Test::fileBytes(m_data.path()), before);
    }

    void missingFile_failsWithoutCreatingIt()
    {
        const QString path = m_data.filePath(QStringLiteral("absent.sqlite"));
        const Run run = cli({QStringLiteral("--db"), path, QStringLiteral("funnel")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

private:
    TestDataFile m_data;
    InsightsFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestFunnelCli)
#include "tst_funnelcli.moc"
