#include "testdatafile.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using Rapport::Test::TestDataFile;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const TestDataFile &data, const QStringList &arguments)
{
    QProcess process;
    // No display at all: the report must draw offscreen by itself.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RAPPORT_CLI_PATH), QStringList{QStringLiteral("--db"), data.path()} + arguments);
    if (!process.waitForFinished(120000))
        qFatal("rapport-cli did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (Debian package poppler-utils) is needed to read the PDFs; .ci/setup installs it");
    }

    void report_sampleNetworkWithoutDisplay_writesBothSummaries()
    {
        TestDataFile data;
        QCOMPARE(cli(data, {QStringLiteral("demo")}).exitCode, 0);
        const QString network = data.filePath(QStringLiteral("network.pdf"));
        Run run = cli(data, {QStringLiteral("report"), QStringLiteral("--pdf"), network});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("network.pdf")));
        QVERIFY(QFile(network).size() > 1000);
        QFile file(network);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));

        const QString contact = data.filePath(QStringLiteral("contact.pdf"));
        run = cli(data, {QStringLiteral("report"), QStringLiteral("--contact"), QStringLiteral("1"),
                         QStringLiteral("--from"), QStringLiteral("2020-01-01"), QStringLiteral("--to"),
                         QStringLiteral("2030-12-31"), QStringLiteral("--page-size"), QStringLiteral("letter"),
                         QStringLiteral("--pdf"), contact});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFile::exists(contact));
    }

    void report_badArguments_exitTwoAndWriteNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no --pdf") << QStringList{};
        QTest::newRow("a date that is not a date") << QStringList{QStringLiteral("--from"), QStringLiteral("March")};
        QTest::newRow("a period that ends before it starts")
            << QStringList{QStringLiteral("--from"), QStringLiteral("2026-05-01"), QStringLiteral("--to"),
                           QStringLiteral("2026-04-01")};
        QTest::newRow("an unknown page size") << QStringList{QStringLiteral("--page-size"), QStringLiteral("a5")};
        QTest::newRow("a contact id that is not a number") << QStringList{QStringLiteral("--contact"), QStringLiteral("x")};
    }

    void report_badArguments_exitTwoAndWriteNothing()
    {
        QFETCH(QStringList, arguments);
        TestDataFile data;
        QCOMPARE(cli(data, {QStringLiteral("demo")}).exitCode, 0);
        const QString pdf = data.filePath(QStringLiteral("out.pdf"));
        if (!arguments.isEmpty() || QTest::currentDataTag() != QByteArray("no --pdf"))
            arguments << QStringLiteral("--pdf") << pdf;
        const Run run = cli(data, QStringList{QStringLiteral("report")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(pdf));
    }

    void report_unknownContact_exitsOneAndWritesNothing()
    {
        TestDataFile data;
        QCOMPARE(cli(data, {QStringLiteral("demo")}).exitCode, 0);
        const QString pdf = data.filePath(QStringLiteral("out.pdf"));
        const Run run = cli(data, {QStringLiteral("report"), QStringLiteral("--contact"), QStringLiteral("999"),
                                   QStringLiteral("--pdf"), pdf});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(pdf));
    }

    void report_overAnExistingFile_replacesItWhole()
    {
        TestDataFile data;
        QCOMPARE(cli(data, {QStringLiteral("demo")}).exitCode, 0);
        const QString pdf = data.filePath(QStringLiteral("out.pdf"));
        {
            QFile old(pdf);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("an older report");
        }
        const Run run = cli(data, {QStringLiteral("report"), QStringLiteral("--pdf"), pdf});
        QCOMPARE(run.exitCode, 0);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));
        QVERIFY(!QFile::exists(data.filePath(QStringLiteral("out.pdf.tmp"))));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
