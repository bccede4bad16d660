#include "insights/activityanalysis.h"
#include "insights/attributionanalysis.h"
#include "insights/coldcontacts.h"
#include "store/stagetracker.h"
#include "insightsfixture.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::InsightsFixture;
using Rapport::Test::TestDataFile;

Q_DECLARE_METATYPE(InsightsFilter)
Q_DECLARE_METATYPE(ActivityGrain)

namespace {

int kindRow(const ActivityReport &report, InteractionKind kind)
{
    return int(report.kinds.indexOf(kind));
}

} // namespace

/// Activity, going cold and attribution on the insights network (see insightsfixture.h).
class TestInsightsAnalyses : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_data = std::make_unique<TestDataFile>();
        m_fixture = InsightsFixture();
        m_fixture.build(m_data->open());
    }

    void activity_countsPerBucketAndKind_data()
    {
        QTest::addColumn<InsightsFilter>("filter");
        QTest::addColumn<ActivityGrain>("grain");
        QTest::addColumn<QList<QDate>>("buckets");
        QTest::addColumn<QList<int>>("tweets");
        QTest::addColumn<QList<int>>("emails");
        QTest::addColumn<QList<int>>("calls");
        QTest::addColumn<QList<int>>("meetings");

        InsightsFilter twoMonths;
        twoMonths.from = QDate(2026, 1, 1);
        twoMonths.to = QDate(2026, 2, 28);
        QTest::newRow("January and February by month, every interaction (the archived contact's too)")
            << twoMonths << ActivityGrain::Month << QList<QDate>{QDate(2026, 1, 1), QDate(2026, 2, 1)}
            << QList<int>{5, 0} << QList<int>{3, 1} << QList<int>{3, 0} << QList<int>{2, 0};

        InsightsFilter twitter = twoMonths;
        twitter.cohort = InsightsFilter::Cohort::Channel;
        twitter.value = QStringLiteral("Twitter");
        QTest::newRow("the Twitter cohort leaves out others and the archived contact")
            << twitter << ActivityGrain::Month << QList<QDate>{QDate(2026, 1, 1), QDate(2026, 2, 1)}
            << QList<int>{3, 0} << QList<int>{2, 0} << QList<int>{3, 0} << QList<int>{2, 0};

        InsightsFilter twoWeeks;
        twoWeeks.from = QDate(2026, 1, 1);
        twoWeeks.to = QDate(2026, 1, 14);
        QTest::newRow("weeks start on Monday; the first is cut at the period's start")
            << twoWeeks << ActivityGrain::Week
            << QList<QDate>{QDate(2025, 12, 29), QDate(2026, 1, 5), QDate(2026, 1, 12)} << QList<int>{5, 0, 0}
            << QList<int>{1, 2, 0} << QList<int>{0, 3, 0} << QList<int>{0, 1, 0};
    }

    void activity_countsPerBucketAndKind()
    {
        QFETCH(InsightsFilter, filter);
        QFETCH(ActivityGrain, grain);
        QFETCH(QList<QDate>, buckets);
        auto report = ActivityAnalysis(m_data->open()).interactions(filter, grain);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->bucketStarts, buckets);
        QCOMPARE(report->boundaries.size(), buckets.size() + 1);
        QCOMPARE(report->boundaries.constFirst(), filter.from.startOfDay().toMSecsSinceEpoch());
        QFETCH(QList<int>, tweets);
        QFETCH(QList<int>, emails);
        QFETCH(QList<int>, calls);
        QFETCH(QList<int>, meetings);
        QCOMPARE(report->counts[kindRow(*report, InteractionKind::Tweet)], tweets);
        QCOMPARE(report->counts[kindRow(*report, InteractionKind::Email)], emails);
        QCOMPARE(report->counts[kindRow(*report, InteractionKind::Call)], calls);
        QCOMPARE(report->counts[kindRow(*report, InteractionKind::Meeting)], meetings);
        int sum = 0;
        for (const QList<int> &row : {tweets, emails, calls, meetings})
            sum += std::accumulate(row.cbegin(), row.cend(), 0);
        QCOMPARE(report->total(), sum);
    }

    void activity_withoutAStart_beginsAtTheFirstInteraction()
    {
        auto report = ActivityAnalysis(m_data->open()).interactions(InsightsFilter{}, ActivityGrain::Month);
        QVERIFY(report.ok());
        QCOMPARE(report->bucketStarts.constFirst(), QDate(2026, 1, 1));
        QCOMPARE(report->bucketStarts.constLast(), QDate(2026, 6, 1));
        QCOMPARE(report->total(), 14);
    }

    void activity_participants_areThePeopleBehindABar()
    {
        InsightsFilter january;
        january.from = QDate(2026, 1, 1);
        january.to = QDate(2026, 1, 31);
        ActivityAnalysis analysis(m_data->open());
        auto report = analysis.interactions(january, ActivityGrain::Month);
        QVERIFY(report.ok());
        auto ids = analysis.participants(january, InteractionKind::Call, report->boundaries[0], report->boundaries[1]);
        QVERIFY(ids.ok());
        QCOMPARE(*ids, (QList<qint64>{m_fixture.id(QStringLiteral("Ada")), m_fixture.id(QStringLiteral("Ben")),
                                      m_fixture.id(QStringLiteral("Gus"))}));
    }

    void newContacts_countPerMonthAndChannel()
    {
        ActivityAnalysis analysis(m_data->open());
        auto report = analysis.newContacts(InsightsFilter{});
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->months.size(), 7);
        QCOMPARE(report->months.constFirst(), QDate(2025, 12, 1));
        QCOMPARE(report->months.constLast(), QDate(2026, 6, 1));
        // Most contacts first, then by name; "" is "not recorded"; archived Hal left out.
        QCOMPARE(report->channels, (QStringList{QStringLiteral("Twitter"), QStringLiteral("Webinar"), QString(),
                                                QStringLiteral("Conference")}));
        QVERIFY(!report->otherChannels);
        QCOMPARE(report->counts[0], (QList<int>{1, 0, 0, 0, 0, 0, 2}));
        QCOMPARE(report->counts[1], (QList<int>{0, 0, 0, 0, 0, 0, 2}));
        auto june = analysis.newContactIds(InsightsFilter{}, QDate(2026, 6, 1), QStringLiteral("Twitter"), false, {});
        QVERIFY(june.ok());
        QCOMPARE(*june, (QList<qint64>{m_fixture.id(QStringLiteral("Ben")), m_fixture.id(QStringLiteral("Gus"))}));
        auto others = analysis.newContactIds(InsightsFilter{}, QDate(2026, 6, 1), {}, true,
                                             {QStringLiteral("Twitter"), QStringLiteral("Webinar")});
        QVERIFY(others.ok());
        QCOMPARE(*others, (QList<qint64>{m_fixture.id(QStringLiteral("Cy")), m_fixture.id(QStringLiteral("Fay"))}));

        InsightsFilter june2026;
        june2026.from = QDate(2026, 6, 1);
        auto recent = analysis.newContacts(june2026);
        QVERIFY(recent.ok());
        QCOMPARE(recent->months, QList<QDate>{QDate(2026, 6, 1)});
        QCOMPARE(recent->counts[0], QList<int>{2});
    }

    void cold_isPastTheCadence_byStage()
    {
        Database &db = m_data->open();
        auto report = ColdContacts(db).compute(InsightsFilter{});
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->byStage.size(), 6);
        // Ada (30 days, last seen on day 20) is cold; Dee's yearly cadence is not
        // due; Fay was added today with a 14-day cadence.
        QCOMPARE(report->total(), 1);
        QCOMPARE(report->byStage[int(Stage::Client)], QList<qint64>{m_fixture.id(QStringLiteral("Ada"))});

        m_data->clock().advanceSecs(15 * 24 * 3600);
        report = ColdContacts(db).compute(InsightsFilter{});
        QVERIFY(report.ok());
        QCOMPARE(report->total(), 2);
        QCOMPARE(report->byStage[int(Stage::None)], QList<qint64>{m_fixture.id(QStringLiteral("Fay"))});

        InsightsFilter design;
        design.cohort = InsightsFilter::Cohort::Tag;
        design.value = QStringLiteral("design");
        report = ColdContacts(db).compute(design);
        QVERIFY(report.ok());
        QCOMPARE(report->total(), 1);
    }

    void attribution_followsTheChains()
    {
        auto report = AttributionAnalysis(m_data->open()).compute();
        QVERIFY2(report.ok(), qPrintable(report.error()));
        const qint64 ada = m_fixture.id(QStringLiteral("Ada"));
        const qint64 cy = m_fixture.id(QStringLiteral("Cy"));
        QCOMPARE(report->introducers.size(), 1);
        QCOMPARE(report->introducers[0].contactId, ada);
        QCOMPARE(report->introducers[0].name, QStringLiteral("Ada"));
        QCOMPARE(report->introducers[0].directClients, QList<qint64>{cy});
        QCOMPARE(report->introducers[0].allClients, QList<qint64>{cy});
        // Ada (a client herself) was met on Twitter and led to Cy, met at a conference.
        QCOMPARE(report->channels.size(), 2);
        QCOMPARE(report->channels[0].channel, QStringLiteral("Twitter"));
        QCOMPARE(report->channels[0].directClients, QList<qint64>{ada});
        QCOMPARE(report->channels[0].allClients, (QList<qint64>{ada, cy}));
        QCOMPARE(report->channels[1].channel, QStringLiteral("Conference"));
        QCOMPARE(report->channels[1].allClients, QList<qint64>{cy});
    }

    void attribution_countsTransitiveClients()
    {
        // Make Eve (whom Dee introduced, whom Ada introduced) a client: Ada now led to two.
        Database &db = m_data->open();
        QVERIFY(StageTracker(db).setManual(m_fixture.id(QStringLiteral("Eve")), Stage::Client));
        auto report = AttributionAnalysis(db).compute();
        QVERIFY(report.ok());
        QCOMPARE(report->introducers.size(), 2);
        QCOMPARE(report->introducers[0].name, QStringLiteral("Ada"));
        QCOMPARE(report->introducers[0].directClients.size(), 1);
        QCOMPARE(report->introducers[0].allClients.size(), 2);
        QCOMPARE(report->introducers[1].name, QStringLiteral("Dee"));
        QCOMPARE(report->introducers[1].directClients, QList<qint64>{m_fixture.id(QStringLiteral("Eve"))});
    }

private:
    std::unique_ptr<TestDataFile> m_data;
    InsightsFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestInsightsAnalyses)
#include "tst_insightsanalyses.moc"
