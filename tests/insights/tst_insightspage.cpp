#include "contacts/contactlistmodel.h"
#include "insights/barchart.h"
#include "insights/boxchart.h"
#include "insights/insightspage.h"
#include "insightsfixture.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "testdatafile.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace Rapport::Core;
using namespace Rapport::Ui;
using Rapport::Test::InsightsFixture;
using Rapport::Test::TestDataFile;

namespace {

void clickBar(BarChart *chart, int series, int index)
{
    const QPointF center = chart->barCenter(series, index);
    QVERIFY(!center.isNull());
    QTest::mouseClick(chart->plotWidget(), Qt::LeftButton, {}, center.toPoint());
}

QStringList shownNames(ContactListModel *model)
{
    QStringList names;
    while (model->canFetchMore({}))
        model->fetchMore({});
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, ContactListModel::NameColumn).data().toString();
    names.sort();
    return names;
}

} // namespace

/// The Insights page on the insights network (see insightsfixture.h), offscreen.
class TestInsightsPage : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_data = std::make_unique<TestDataFile>();
        m_fixture = InsightsFixture();
        m_fixture.build(m_data->open());
    }

    void charts_drawOneBarPerValueWithTheirLabels()
    {
        InsightsPage page(m_data->open());
        page.resize(1400, 1100);
        page.show();
        QVERIFY(page.reload());

        BarChart *funnel = page.funnelChart();
        QCOMPARE(funnel->categories(), (QStringList{QStringLiteral("Tweet"), QStringLiteral("Email"),
                                                    QStringLiteral("Call"), QStringLiteral("Meeting"),
                                                    QStringLiteral("Client")}));
        QCOMPARE(funnel->barCount(), 5);
        QCOMPARE(funnel->labelTexts(), (QStringList{QStringLiteral("6"), QStringLiteral("6 · 100%"),
                                                    QStringLiteral("4 · 67%"), QStringLiteral("3 · 75%"),
                                                    QStringLiteral("2 · 67%")}));

        BoxChart *days = page.daysChart();
        QCOMPARE(days->categories().size(), 4);
        QCOMPARE(days->boxCount(), 4);
        QCOMPARE(days->labelTexts(), (QStringList{QStringLiteral("3.0 d"), QStringLiteral("6.0 d"),
                                                  QStringLiteral("6.0 d"), QStringLiteral("10.0 d")}));

        // January: tweets, emails, calls, meetings; February: Eve's email.
        BarChart *activity = page.activityChart();
        QCOMPARE(activity->categories().constFirst(), QStringLiteral("Jan 2026"));
        QCOMPARE(activity->categories().size(), 6);
        QCOMPARE(activity->barCount(), 5);

        // Ada in December 2025; in June Twitter, Webinar, not recorded and Conference.
        BarChart *newContacts = page.newContactsChart();
        QCOMPARE(newContacts->categories().size(), 7);
        QCOMPARE(newContacts->barCount(), 5);

        BarChart *introducers = page.introducersChart();
        QCOMPARE(introducers->categories(), QStringList{QStringLiteral("Ada")});
        QCOMPARE(introducers->barCount(), 1);
        QCOMPARE(introducers->labelTexts(), QStringList{QStringLiteral("1")});

        BarChart *cold = page.coldChart();
        QCOMPARE(cold->categories().size(), 6);
        QCOMPARE(cold->barCount(), 1);
        QCOMPARE(cold->labelTexts(), QStringList{QStringLiteral("1")});
    }

    void pickers_narrowTheNumbers()
    {
        InsightsPage page(m_data->open());
        page.resize(1400, 1100);
        QVERIFY(page.reload());
        QVERIFY(page.setCohort(InsightsFilter::Cohort::Tag, QStringLiteral("design")));
        QCOMPARE(page.filter().cohort, InsightsFilter::Cohort::Tag);
        QCOMPARE(page.funnelChart()->labelTexts(), (QStringList{QStringLiteral("2"), QStringLiteral("2 · 100%"),
                                                                QStringLiteral("1 · 50%"), QStringLiteral("1 · 100%"),
                                                                QStringLiteral("1 · 100%")}));
        QVERIFY(page.setCohort(InsightsFilter::Cohort::Everyone, {}));
        page.setCustomPeriod(QDate(2026, 1, 3), QDate(2026, 1, 31));
        QCOMPARE(page.filter().from, QDate(2026, 1, 3));
        QCOMPARE(page.funnelChart()->labelTexts().constFirst(), QStringLiteral("2"));
        page.setGrain(ActivityGrain::Week);
        QCOMPARE(page.activityChart()->categories().size(), 5); // weeks starting 29 Dec to 26 Jan
        QVERIFY(!page.setCohort(InsightsFilter::Cohort::Tag, QStringLiteral("no such tag")));
    }

    void toolTips_escapeWhatUsersTyped()
    {
        Contact contact;
        contact.displayName = QStringLiteral("Ivy");
        contact.metChannel = QStringLiteral("<b>Bold</b> & co");
        QVERIFY(ContactStore(m_data->open()).add(contact));
        InsightsPage page(m_data->open());
        QVERIFY(page.reload());
        BarChart *newContacts = page.newContactsChart();
        // June 2026 is the last month; the new channel comes after the larger ones.
        const int june = int(newContacts->categories().size()) - 1;
        QString html;
        for (int series = 0; series < 6 && html.isEmpty(); ++series) {
            const QString tip = newContacts->toolTipHtml(series, june);
            if (tip.contains(QStringLiteral("Bold")))
                html = tip;
        }
        QVERIFY2(html.contains(QStringLiteral("&lt;b&gt;Bold&lt;/b&gt; &amp; co")), qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("<b>Bold")));
        QVERIFY(page.funnelChart()->toolTipHtml(0, 2).contains(QStringLiteral("67% of those who reached Email")));
    }

    void hover_findsTheBarUnderThePointer()
    {
        InsightsPage page(m_data->open());
        page.resize(1400, 1100);
        page.show();
        QVERIFY(page.reload());
        int series = -1;
        int index = -1;
        QVERIFY(page.funnelChart()->barAt(page.funnelChart()->barCenter(0, 3), series, index));
        QCOMPARE(series, 0);
        QCOMPARE(index, 3);
        QVERIFY(!page.funnelChart()->barAt(QPointF(2, 2), series, index));
    }

    void clickingABar_filtersTheContactList_data()
    {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<int>("series");
        QTest::addColumn<int>("index");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("the Call bar of the funnel: everyone who reached a call or higher")
            << QStringLiteral("funnel") << 0 << 2
            << QStringList{QStringLiteral("Ada"), QStringLiteral("Ben"), QStringLiteral("Cy"), QStringLiteral("Gus")};
        QTest::newRow("January's calls in the activity chart")
            << QStringLiteral("activity") << int(allInteractionKinds().indexOf(InteractionKind::Call)) << 0
            << QStringList{QStringLiteral("Ada"), QStringLiteral("Ben"), QStringLiteral("Gus")};
        QTest::newRow("Ada's clients") << QStringLiteral("introducers") << 0 << 0 << QStringList{QStringLiteral("Cy")};
        QTest::newRow("clients going cold") << QStringLiteral("cold") << 0 << int(Stage::Client)
                                            << QStringList{QStringLiteral("Ada")};
    }

    void clickingABar_filtersTheContactList()
    {
        QFETCH(QString, chart);
        QFETCH(int, series);
        QFETCH(int, index);
        QFETCH(QStringList, expected);
        auto opened = Database::open(m_data->path(), m_data->clock());
        QVERIFY(opened.ok());
        MainWindow window(std::move(opened).value());
        QAbstractItemModelTester tester(window.contactModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(1500, 1100);
        window.show();
        QAction *insights = window.findChild<QAction *>(QStringLiteral("insightsAction"));
        QVERIFY(insights);
        insights->trigger();
        auto *stack = window.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget(), window.insightsPage());

        InsightsPage *page = window.insightsPage();
        BarChart *target = chart == u"funnel"     ? page->funnelChart()
                           : chart == u"activity" ? page->activityChart()
                           : chart == u"cold"     ? page->coldChart()
                                                  : page->introducersChart();
        QSignalSpy requested(page, &InsightsPage::contactsRequested);
        clickBar(target, series, index);
        QTRY_COMPARE(requested.size(), 1);
        QVERIFY(stack->currentWidget() != page);
        QCOMPARE(shownNames(window.contactModel()), expected);

        // Searching or picking a stage shows everyone again.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        search->setText(QStringLiteral("a"));
        search->clear();
        QTRY_COMPARE(window.contactModel()->totalCount(), 7);
    }

    void charts_saveAsPngAndPdf_andRenderOnAnyPainter()
    {
        InsightsPage page(m_data->open());
        page.resize(1400, 1100);
        page.show();
        QVERIFY(page.reload());
        BarChart *funnel = page.funnelChart();
        const QString png = m_data->filePath(QStringLiteral("funnel.png"));
        const QString pdf = m_data->filePath(QStringLiteral("funnel.pdf"));
        QVERIFY(funnel->saveAs(png));
        QVERIFY(funnel->saveAs(pdf));
        QImage saved(png);
        QVERIFY(!saved.isNull());
        QVERIFY(saved.width() >= funnel->plotWidget()->width());
        QVERIFY(Rapport::Test::fileBytes(pdf).startsWith("%PDF"));
        const Status refused = funnel->saveAs(m_data->filePath(QStringLiteral("funnel.txt")));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("funnel.txt")));

        QImage image(600, 400, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            funnel->render(&painter, QRectF(0, 0, 600, 400));
        }
        // The Client bar's red is somewhere in the picture.
        bool red = false;
        for (int y = 0; y < image.height() && !red; y += 2) {
            for (int x = 0; x < image.width() && !red; x += 2)
                red = image.pixelColor(x, y) == QColor(0xd1, 0x3d, 0x4f);
        }
        QVERIFY(red);
    }

private:
    std::unique_ptr<TestDataFile> m_data;
    InsightsFixture m_fixture;
};

QTEST_MAIN(TestInsightsPage)
#include "tst_insightspage.moc"
