#include "testdatafile.h"

#include "demo/samplenetwork.h"
#include "report/contactsummary.h"
#include "report/reportdocument.h"
#include "report/reportpdf.h"
#include "report/reports.h"
#include "store/contactstore.h"
#include "store/interactionstore.h"
#include "store/stagetracker.h"
#include "store/transaction.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Rapport;
using Rapport::Test::TestDataFile;

namespace {

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

/// The text of a PDF (or of one page of it), as poppler's pdftotext reads it.
QString pdfText(const QString &path, int page = 0, bool layout = false)
{
    QStringList arguments;
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    if (layout)
        arguments << QStringLiteral("-layout");
    arguments << path << QStringLiteral("-");
    QProcess process;
    process.start(tool("pdftotext"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qFatal("pdftotext failed on %s", qPrintable(path));
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfInfo(const QString &path)
{
    QProcess process;
    process.start(tool("pdfinfo"), {path});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

qint64 contactNamed(Core::Database &database, const QString &name)
{
    auto all = Core::ContactStore(database).all();
    for (const Core::Contact &contact : *all) {
        if (contact.name() == name)
            return contact.id;
    }
    qFatal("no contact named %s", qPrintable(name));
}

int pageCount(const QString &path)
{
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    return pages.match(pdfInfo(path)).captured(1).toInt();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (tool("pdftotext").isEmpty() || tool("pdfinfo").isEmpty())
            QSKIP("pdftotext and pdfinfo (Debian package poppler-utils) are needed to read the printed PDFs; "
                  ".ci/setup installs them");
    }

    void contactSummary_sampleClient_showsChainLadderAndTimelineInOrder()
    {
        TestDataFile data;
        Core::Database &db = data.open();
        QVERIFY(Core::SampleNetwork::populate(db).ok());
        const qint64 grace = contactNamed(db, QStringLiteral("Grace Adeyemi"));

        auto document = Ui::Reports::contactSummary(db, grace);
        QVERIFY2(document.ok(), qPrintable(document.error()));
        const QString pdf = data.filePath(QStringLiteral("grace.pdf"));
        auto pages = Ui::ReportPdf::write(*document, pdf, QStringLiteral("Grace"), QPageSize(QPageSize::A4));
        QVERIFY2(pages.ok(), qPrintable(pages.error()));
        QCOMPARE(pageCount(pdf), *pages);

        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Grace Adeyemi")));
        // The chain that led to her, first contact first.
        const QString chain = QStringLiteral("Dana Whitfield → Marcus Bell → Theo Lindqvist → Grace Adeyemi");
        QVERIFY2(text.simplified().contains(chain), qPrintable(text.left(2000)));

        // Every rung she reached, with its date, left to right in ladder order.
        auto summary = Core::ContactSummaryReader(db).read(grace);
        QVERIFY(summary.ok());
        qsizetype last = text.indexOf(QStringLiteral("The ladder"));
        QVERIFY(last >= 0);
        int dated = 0;
        for (const Core::LadderRung &rung : summary->ladder) {
            if (!rung.reachedAt.isValid())
                continue;
            const QString date = QLocale().toString(rung.reachedAt.toLocalTime().date(), QLocale::ShortFormat);
            const qsizetype at = text.indexOf(date, last);
            QVERIFY2(at > last, qPrintable(QStringLiteral("%1 reached on %2 is missing or out of order")
                                               .arg(Core::stageDisplayName(rung.stage), date)));
            last = at;
            ++dated;
        }
        QVERIFY(dated >= 3);

        // The timeline, newest first.
        QVERIFY(summary->interactions.size() >= 2);
        const qsizetype newest = text.indexOf(summary->interactions.first().summary);
        const qsizetype oldest = text.indexOf(summary->interactions.last().summary);
        QVERIFY(newest > 0);
        QVERIFY(oldest > newest);
    }

    void networkSummary_sampleNetwork_listsClientsWithTheirChains()
    {
        TestDataFile data;
        Core::Database &db = data.open();
        QVERIFY(Core::SampleNetwork::populate(db).ok());
        auto document = Ui::Reports::networkSummary(db);
        QVERIFY2(document.ok(), qPrintable(document.error()));
        const QString pdf = data.filePath(QStringLiteral("network.pdf"));
        QVERIFY(Ui::ReportPdf::write(*document, pdf, QStringLiteral("Network"), QPageSize(QPageSize::Letter)).ok());
        QVERIFY(pdfInfo(pdf).contains(QStringLiteral("letter")));

        const QString text = pdfText(pdf).simplified();
        QVERIFY(text.contains(QStringLiteral("Network summary")));
        for (const char *section : {"The funnel", "Clients and how they came", "Top introducers", "Overdue follow-ups"})
            QVERIFY2(text.contains(QString::fromUtf8(section)), section);
        // Grace's row shows the whole chain behind her, in order.
        const qsizetype grace = text.indexOf(QStringLiteral("Grace Adeyemi Dana Whitfield"));
        QVERIFY2(grace >= 0, qPrintable(text));
        const qsizetype marcus = text.indexOf(QStringLiteral("Marcus Bell"), grace);
        const qsizetype theo = text.indexOf(QStringLiteral("Theo Lindqvist"), marcus);
        QVERIFY(marcus > grace);
        QVERIFY(theo > marcus);
        // Dana led, directly or through others, to all three clients.
        QVERIFY2(QRegularExpression(QStringLiteral("Dana Whitfield Email 1 3 \\d+")).match(text).hasMatch(),
                 qPrintable(text));
    }

    void contactSummary_fiveThousandInteractions_paginatesWithoutLosingRows()
    {
        TestDataFile data;
        Core::Database &db = data.open();
        const qint64 id = Test::addContact(db, QStringLiteral("Busy Person"));
        {
            Core::Transaction transaction(db);
            const QDateTime start = data.clock().now().addDays(-5000);
            for (int i = 0; i < 5000; ++i) {
                auto inserted = db.insert(QStringLiteral("INSERT INTO interactions (kind, occurred_at, direction, "
                                                         "summary, body, created_at) VALUES ('email', ?, 'outbound', ?, "
                                                         "?, ?)"),
                                          {Core::Database::toStored(start.addDays(i)),
                                           QStringLiteral("Check-in number %1").arg(i, 4, 10, QLatin1Char('0')),
                                           i % 7 == 0 ? QStringLiteral("A longer body that wraps onto a second line of "
                                                                       "the row, so that rows have different heights.")
                                                      : QString(),
                                           Core::Database::toStored(start)});
                QVERIFY(inserted.ok());
                QVERIFY(db.exec(QStringLiteral("INSERT INTO interaction_participants VALUES (?, ?)"), {*inserted, id}).ok());
            }
            QVERIFY(Core::StageTracker(db).refresh(id).ok());
            QVERIFY(transaction.commit().ok());
        }
        auto document = Ui::Reports::contactSummary(db, id);
        QVERIFY(document.ok());
        const QString pdf = data.filePath(QStringLiteral("busy.pdf"));
        auto pages = Ui::ReportPdf::write(*document, pdf, QStringLiteral("Busy"), QPageSize(QPageSize::A4));
        QVERIFY(pages.ok());
        QVERIFY2(*pages > 50, qPrintable(QString::number(*pages)));

        static const QRegularExpression row(QStringLiteral("Check-in number (\\d{4})"));
        QSet<int> seen;
        auto matches = row.globalMatch(pdfText(pdf));
        while (matches.hasNext())
            seen.insert(matches.next().captured(1).toInt());
        QCOMPARE(seen.size(), 5000);
        QVERIFY(seen.contains(0));
        QVERIFY(seen.contains(4999));
    }

    void table_spanningPages_neverSplitsARowAndRepeatsItsHeader()
    {
        Ui::ReportDocument document(QStringLiteral("Rows"));
        document.addTitle(QStringLiteral("Rows"), {}, {});
        QList<Ui::ReportDocument::Row> rows;
        for (int i = 0; i < 400; ++i) {
            rows.append({{QStringLiteral("Top-%1").arg(i), QStringLiteral("Bottom-%1").arg(i), {}, false},
                         {QStringLiteral("Other %1").arg(i), {}, {}, false}});
        }
        document.addTable({{QStringLiteral("Firstcolumn"), 1}, {QStringLiteral("Secondcolumn"), 1}}, rows);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("rows.pdf"));
        auto pages = Ui::ReportPdf::write(document, pdf, QStringLiteral("Rows"), QPageSize(QPageSize::A4));
        QVERIFY(pages.ok());
        QVERIFY(*pages >= 5);
        int found = 0;
        for (int page = 1; page <= *pages; ++page) {
            const QString text = pdfText(pdf, page);
            QVERIFY2(text.contains(QStringLiteral("Firstcolumn")), qPrintable(QStringLiteral("page %1").arg(page)));
            QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(*pages)));
            static const QRegularExpression top(QStringLiteral("Top-(\\d+)"));
            auto matches = top.globalMatch(text);
            while (matches.hasNext()) {
                const QString n = matches.next().captured(1);
                QVERIFY2(text.contains(QStringLiteral("Bottom-%1").arg(n)),
                         qPrintable(QStringLiteral("row %1 is split at page %2").arg(n).arg(page)));
                ++found;
            }
        }
        QCOMPARE(found, 400);
    }

    void contactSummary_hostileName_printsLiterally()
    {
        TestDataFile data;
        Core::Database &db = data.open();
        Core::Contact contact;
        contact.displayName = QStringLiteral("<b>x</b><i>y</i>");
        contact.organization = QStringLiteral("<img src=\"file:///etc/passwd\">");
        contact.notes = QStringLiteral("&amp; <script>alert(1)</script> %1 %2 \u202Eevil");
        contact.notes += QString(100000, QLatin1Char('A'));
        auto id = Core::ContactStore(db).add(contact);
        QVERIFY(id.ok());
        auto document = Ui::Reports::contactSummary(db, *id);
        QVERIFY(document.ok());
        const QString pdf = data.filePath(QStringLiteral("hostile.pdf"));
        QVERIFY(Ui::ReportPdf::write(*document, pdf, QStringLiteral("Hostile"), QPageSize(QPageSize::A4)).ok());
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("<b>x</b><i>y</i>")), qPrintable(text.left(500)));
        QVERIFY(text.contains(QStringLiteral("<img src=\"file:///etc/passwd\">")));
        QVERIFY(text.contains(QStringLiteral("&amp; <script>alert(1)</script> %1 %2")));
    }

    void write_toAFolderThatDoesNotExist_failsWithTheNameAndWritesNothing()
    {
        QTemporaryDir dir;
        Ui::ReportDocument document(QStringLiteral("x"));
        document.addParagraph(QStringLiteral("x"));
        const QString path = dir.filePath(QStringLiteral("missing/out.pdf"));
        auto written = Ui::ReportPdf::write(document, path, QStringLiteral("x"));
        QVERIFY(!written.ok());
        QVERIFY2(written.error().contains(QStringLiteral("out.pdf")), qPrintable(written.error()));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
