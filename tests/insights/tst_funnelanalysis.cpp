#include "insights/funnelanalysis.h"
#include "insightsfixture.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::InsightsFixture;
using Rapport::Test::TestDataFile;

Q_DECLARE_METATYPE(InsightsFilter)

class TestFunnelAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_data = std::make_unique<TestDataFile>();
        m_fixture = InsightsFixture();
        m_fixture.build(m_data->open());
    }

    void reached_countsEveryRungBelowTheHighest_data()
    {
        QTest::addColumn<InsightsFilter>("filter");
        QTest::addColumn<QStringList>("tweet");
        QTest::addColumn<QStringList>("email");
        QTest::addColumn<QStringList>("call");
        QTest::addColumn<QStringList>("meeting");
        QTest::addColumn<QStringList>("client");
        const auto names = [](const char *text) {
            return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        };

        QTest::newRow("everyone, all time: skipped rungs and a hand-set client count as reached")
            << InsightsFilter{} << names("Ada Ben Cy Dee Eve Gus") << names("Ada Ben Cy Dee Eve Gus")
            << names("Ada Ben Cy Gus") << names("Ada Cy Gus") << names("Ada Cy");

        InsightsFilter january;
        january.from = QDate(2026, 1, 3);
        january.to = QDate(2026, 1, 31);
        QTest::newRow("entered from 3 to 31 January, counted by the end of January")
            << january << names("Cy Dee") << names("Cy Dee") << names("Cy") << names("Cy") << names("Cy");

        InsightsFilter early;
        early.to = QDate(2026, 1, 8);
        QTest::newRow("up to 8 January only counts what had happened by then")
            << early << names("Ada Ben Dee Gus") << names("Ada Ben Dee Gus") << names("Ben Gus") << names("")
            << names("");

        InsightsFilter twitter;
        twitter.cohort = InsightsFilter::Cohort::Channel;
        twitter.value = QStringLiteral("Twitter");
        QTest::newRow("first met on Twitter (the archived one left out)")
            << twitter << names("Ada Ben Gus") << names("Ada Ben Gus") << names("Ada Ben Gus") << names("Ada Gus")
            << names("Ada");

        InsightsFilter design;
        design.cohort = InsightsFilter::Cohort::Tag;
        design.value = QStringLiteral("design");
        QTest::newRow("tagged design") << design << names("Ada Dee") << names("Ada Dee") << names("Ada")
                                       << names("Ada") << names("Ada");

        InsightsFilter nobody;
        nobody.cohort = InsightsFilter::Cohort::Tag;
        nobody.value = QStringLiteral("no such tag");
        QTest::newRow("a tag nobody has gives an empty funnel")
            << nobody << names("") << names("") << names("") << names("") << names("");
    }

    void reached_countsEveryRungBelowTheHighest()
    {
        QFETCH(InsightsFilter, filter);
        auto report = FunnelAnalysis(m_data->open()).compute(filter);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->steps.size(), 5);
        QFETCH(QStringList, tweet);
        QFETCH(QStringList, email);
        QFETCH(QStringList, call);
        QFETCH(QStringList, meeting);
        QFETCH(QStringList, client);
        const QList<QStringList> expected{tweet, email, call, meeting, client};
        for (int r = 0; r < 5; ++r) {
            const FunnelStep &step = report->steps[r];
            QCOMPARE(step.stage, stageLadder()[r]);
            QList<qint64> ids;
            for (const QString &name : expected[r])
                ids << m_fixture.id(name);
            std::sort(ids.begin(), ids.end());
            QCOMPARE(step.contactIds, ids);
        }
    }

    void conversionAndDays_areExact()
    {
        auto report = FunnelAnalysis(m_data->open()).compute(InsightsFilter{});
        QVERIFY2(report.ok(), qPrintable(report.error()));
        const QList<FunnelStep> &steps = report->steps;
        QVERIFY(!steps[0].conversion.has_value());
        QCOMPARE(*steps[1].conversion, 1.0);
        QCOMPARE(*steps[2].conversion, 4.0 / 6.0);
        QCOMPARE(*steps[3].conversion, 3.0 / 4.0);
        QCOMPARE(*steps[4].conversion, 2.0 / 3.0);

        // Tweet is where the ladder starts: no time of its own.
        QCOMPARE(steps[0].daysFromPrevious.count, 0);
        // Email: Gus 2, Dee 3, Ada 4 (Eve started at email; Ben and Cy skipped it).
        QCOMPARE(steps[1].daysFromPrevious.count, 3);
        QCOMPARE(steps[1].daysFromPrevious.minimum, 2.0);
        QCOMPARE(steps[1].daysFromPrevious.lowerQuartile, 2.5);
        QCOMPARE(steps[1].daysFromPrevious.median, 3.0);
        QCOMPARE(steps[1].daysFromPrevious.upperQuartile, 3.5);
        QCOMPARE(steps[1].daysFromPrevious.maximum, 4.0);
        // Call: Gus 4, Ada 6, Ben 6 (from his tweet, since he skipped email).
        QCOMPARE(steps[2].daysFromPrevious.count, 3);
        QCOMPARE(steps[2].daysFromPrevious.lowerQuartile, 5.0);
        QCOMPARE(steps[2].daysFromPrevious.median, 6.0);
        QCOMPARE(steps[2].daysFromPrevious.upperQuartile, 6.0);
        // Meeting: Gus 2, Ada 10 (Gus's later step down to email changes nothing).
        QCOMPARE(steps[3].daysFromPrevious.count, 2);
        QCOMPARE(steps[3].daysFromPrevious.lowerQuartile, 4.0);
        QCOMPARE(steps[3].daysFromPrevious.median, 6.0);
        QCOMPARE(steps[3].daysFromPrevious.upperQuartile, 8.0);
        // Client: Ada 10; Cy was set to client with nothing before it.
        QCOMPARE(steps[4].daysFromPrevious.count, 1);
        QCOMPARE(steps[4].daysFromPrevious.median, 10.0);
    }

    void conversion_isAbsentWhenNobodyReachedTheRungBelow()
    {
        InsightsFilter nobody;
        nobody.cohort = InsightsFilter::Cohort::Channel;
        nobody.value = QStringLiteral("Carrier pigeon");
        auto report = FunnelAnalysis(m_data->open()).compute(nobody);
        QVERIFY(report.ok());
        for (const FunnelStep &step : report->steps) {
            QCOMPARE(step.reached(), 0);
            QVERIFY(!step.conversion.has_value());
        }
    }

    void introducerCohort_takesTheContactsTheyIntroducedDirectly()
    {
        InsightsFilter byAda;
        byAda.cohort = InsightsFilter::Cohort::Introducer;
        byAda.introducerId = m_fixture.id(QStringLiteral("Ada"));
        auto report = FunnelAnalysis(m_data->open()).compute(byAda);
        QVERIFY(report.ok());
        QCOMPARE(report->steps[0].contactIds,
                 (QList<qint64>{m_fixture.id(QStringLiteral("Cy")), m_fixture.id(QStringLiteral("Dee"))}));
        QCOMPARE(report->steps[4].contactIds, QList<qint64>{m_fixture.id(QStringLiteral("Cy"))});
        QCOMPARE(*report->steps[2].conversion, 0.5);
    }

    void dayStats_interpolateBetweenRanks()
    {
        QList<double> days{10, 1, 4, 2};
        const DayStats stats = DayStats::of(days);
        QCOMPARE(stats.count, 4);
        QCOMPARE(stats.minimum, 1.0);
        QCOMPARE(stats.lowerQuartile, 1.75);
        QCOMPARE(stats.median, 3.0);
        QCOMPARE(stats.upperQuartile, 5.5);
        QCOMPARE(stats.maximum, 10.0);
        QList<double> none;
        QCOMPARE(DayStats::of(none).count, 0);
    }

private:
    std::unique_ptr<TestDataFile> m_data;
    InsightsFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestFunnelAnalysis)
#include "tst_funnelanalysis.moc"
