#include "testdatafile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using Rapport::Test::TestDataFile;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

Run cliOn(const TestDataFile &data, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(RAPPORT_CLI_PATH), QStringList{QStringLiteral("--db"), data.path()} + arguments);
    if (!process.waitForFinished(60000))
        qFatal("rapport-cli did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QJsonArray ids(std::initializer_list<int> values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

/// Ana(1) → Ben(2) → Cleo(3, client); Ana → Dev(4) → Cleo; Eli(5) alone.
void buildNetwork(const TestDataFile &data)
{
    for (const char *name : {"Ana", "Ben", "Cleo", "Dev", "Eli"}) {
        if (cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), QString::fromLatin1(name)}).exitCode != 0)
            qFatal("add failed");
    }
    for (auto [from, to] : {std::pair{1, 2}, {2, 3}, {1, 4}, {4, 3}}) {
        const Run run = cliOn(data, {QStringLiteral("introduce"), QStringLiteral("--from"), QString::number(from),
                                     QStringLiteral("--to"), QString::number(to), QStringLiteral("--date"),
                                     QStringLiteral("2026-05-0%1").arg(to)});
        if (run.exitCode != 0)
            qFatal("introduce failed: %s", qPrintable(run.err));
    }
    if (cliOn(data, {QStringLiteral("stage"), QStringLiteral("--contact"), QStringLiteral("3"), QStringLiteral("client")})
            .exitCode
        != 0)
        qFatal("stage failed");
}

} // namespace

class TestGraphCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        buildNetwork(m_data);
    }

    void chains_json_listsEveryChainFromAFirstContact()
    {
        const Run run = cliOn(m_data, {QStringLiteral("chains"), QStringLiteral("--contact"), QStringLiteral("3"),
                                       QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = run.json().object();
        QCOMPARE(object.value(QStringLiteral("contact")).toInt(), 3);
        QCOMPARE(object.value(QStringLiteral("chains")).toArray(), (QJsonArray{ids({1, 2, 3}), ids({1, 4, 3})}));
        QCOMPARE(object.value(QStringLiteral("truncated")).toBool(true), false);
    }

    void chains_text_namesThePeople()
    {
        const Run run = cliOn(m_data, {QStringLiteral("chains"), QStringLiteral("--contact"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("1 → 2 → 3  Ana → Ben → Cleo\n1 → 4 → 3  Ana → Dev → Cleo\n"));
    }

    void path_json_givesTheShortestPathWithItsIntroductions()
    {
        const Run run = cliOn(m_data, {QStringLiteral("path"), QStringLiteral("--from"), QStringLiteral("1"),
                                       QStringLiteral("--to"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = run.json().object();
        QCOMPARE(object.value(QStringLiteral("path")).toArray(), ids({1, 2, 3}));
        const QJsonArray steps = object.value(QStringLiteral("introductions")).toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("introduced"));
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("date")).toString(), QStringLiteral("2026-05-03"));
    }

    void path_whenThereIsNone_exitsOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("against the direction of introductions")
            << QStringList{QStringLiteral("--from"), QStringLiteral("3"), QStringLiteral("--to"), QStringLiteral("1")}
            << "--either-way";
        QTest::newRow("to someone nobody connects")
            << QStringList{QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("5"),
                           QStringLiteral("--either-way")}
            << "Eli";
        QTest::newRow("from an unknown contact")
            << QStringList{QStringLiteral("--from"), QStringLiteral("42"), QStringLiteral("--to"), QStringLiteral("1")}
            << "42";
    }
    void path_whenThereIsNone_exitsOne()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = cliOn(m_data, QStringList{QStringLiteral("path")} + arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void path_eitherWay_walksIntroductionsBackwards()
    {
        const Run run = cliOn(m_data, {QStringLiteral("path"), QStringLiteral("--from"), QStringLiteral("3"),
                                       QStringLiteral("--to"), QStringLiteral("1"), QStringLiteral("--either-way")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("3 → 2 → 1  Cleo → Ben → Ana\n"));
    }

    void attribution_json_countsClientsDirectlyAndTransitively()
    {
        const Run run = cliOn(m_data, {QStringLiteral("attribution"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QHash<int, QJsonObject> byId;
        for (const QJsonValue &value : run.json().array())
            byId.insert(value.toObject().value(QStringLiteral("id")).toInt(), value.toObject());
        QCOMPARE(byId.size(), 5);
        const QList<std::array<int, 4>> expected{{1, 0, 1, 3}, {2, 1, 1, 1}, {3, 0, 0, 0}, {4, 1, 1, 1}, {5, 0, 0, 0}};
        for (const auto &[id, direct, transitive, reached] : expected) {
            const QJsonObject a = byId.value(id);
            QCOMPARE(a.value(QStringLiteral("direct_clients")).toInt(-1), direct);
            QCOMPARE(a.value(QStringLiteral("transitive_clients")).toInt(-1), transitive);
            QCOMPARE(a.value(QStringLiteral("reached")).toInt(-1), reached);
        }
        // Most clients in all first, then most clients directly, then by id.
        QStringList order;
        for (const QJsonValue &value : run.json().array())
            order << value.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(order, (QStringList{QStringLiteral("Ben"), QStringLiteral("Dev"), QStringLiteral("Ana"),
                                     QStringLiteral("Cleo"), QStringLiteral("Eli")}));
    }

    void attribution_onTheSampleNetwork_creditsTheWebinarHostWithBothClients()
    {
        TestDataFile sample;
        QCOMPARE(cliOn(sample, {QStringLiteral("demo")}).exitCode, 0);
        const Run run = cliOn(sample, {QStringLiteral("attribution")});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 2);
        QVERIFY2(lines.at(1).contains(QStringLiteral("Dana Whitfield")), qPrintable(run.out));
    }

    void graphCommands_badUsage_exitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("chains without a contact") << QStringList{QStringLiteral("chains")} << "--contact";
        QTest::newRow("path without a target")
            << QStringList{QStringLiteral("path"), QStringLiteral("--from"), QStringLiteral("1")} << "--to";
        QTest::newRow("attribution with an argument")
            << QStringList{QStringLiteral("attribution"), QStringLiteral("everyone")} << "everyone";
    }
    void graphCommands_badUsage_exitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = cliOn(m_data, arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void chains_ofAnUnknownContact_exitsOne()
    {
        const Run run = cliOn(m_data, {QStringLiteral("chains"), QStringLiteral("--contact"), QStringLiteral("77")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("77")), qPrintable(run.err));
    }

private:
    TestDataFile m_data;
};

QTEST_GUILESS_MAIN(TestGraphCli)
#include "tst_graphcli.moc"
