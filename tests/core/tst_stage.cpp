#include "domain/interactionkind.h"
#include "domain/introduction.h"
#include "domain/reminder.h"
#include "domain/stage.h"

#include <QTest>

using namespace Rapport::Core;

class TestStage : public QObject
{
    Q_OBJECT

private slots:
    void ladder_isOrderedFromTweetToClient()
    {
        const QList<Stage> ladder = stageLadder();
        QCOMPARE(ladder, (QList<Stage>{Stage::Tweet, Stage::Email, Stage::Call, Stage::Meeting, Stage::Client}));
        for (int i = 1; i < ladder.size(); ++i)
            QVERIFY(ladder.at(i - 1) < ladder.at(i));
        QVERIFY(Stage::None < Stage::Tweet);
    }

    void stageKey_roundTrips_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("stage");
        QTest::newRow("none is a stage of its own") << "none" << int(Stage::None);
        QTest::newRow("tweet") << "tweet" << int(Stage::Tweet);
        QTest::newRow("email") << "email" << int(Stage::Email);
        QTest::newRow("call") << "call" << int(Stage::Call);
        QTest::newRow("meeting") << "meeting" << int(Stage::Meeting);
        QTest::newRow("client") << "client" << int(Stage::Client);
        QTest::newRow("keys are case-insensitive") << "CLIENT" << int(Stage::Client);
    }
    void stageKey_roundTrips()
    {
        QFETCH(QString, key);
        QFETCH(int, stage);
        QCOMPARE(stageFromKey(key), std::optional<Stage>(static_cast<Stage>(stage)));
        QCOMPARE(stageKey(static_cast<Stage>(stage)), key.toLower());
    }

    void stageFromKey_unknownWord_isNothing()
    {
        QVERIFY(!stageFromKey(u"partner").has_value());
        QVERIFY(!stageFromKey(u"").has_value());
    }

    void stageReachedBy_kind_reachesItsRung_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("stage");
        QTest::newRow("a tweet is the first public touch") << "tweet" << int(Stage::Tweet);
        QTest::newRow("a direct message counts as a tweet") << "direct-message" << int(Stage::Tweet);
        QTest::newRow("dm is accepted as a spelling") << "dm" << int(Stage::Tweet);
        QTest::newRow("a comment counts as a tweet") << "comment" << int(Stage::Tweet);
        QTest::newRow("attending their webinar counts as a tweet") << "webinar" << int(Stage::Tweet);
        QTest::newRow("an email reaches email") << "email" << int(Stage::Email);
        QTest::newRow("a call reaches call") << "call" << int(Stage::Call);
        QTest::newRow("a video call reaches call") << "video-call" << int(Stage::Call);
        QTest::newRow("video_call is accepted as a spelling") << "video_call" << int(Stage::Call);
        QTest::newRow("a meeting reaches meeting") << "meeting" << int(Stage::Meeting);
        QTest::newRow("a note to self reaches nothing") << "note" << int(Stage::None);
    }
    void stageReachedBy_kind_reachesItsRung()
    {
        QFETCH(QString, kind);
        QFETCH(int, stage);
        const auto parsed = interactionKindFromKey(kind);
        QVERIFY2(parsed.has_value(), qPrintable(kind));
        QCOMPARE(stageReachedBy(*parsed), static_cast<Stage>(stage));
    }

    void stageReachedBy_noInteraction_makesAClient()
    {
        for (InteractionKind kind : allInteractionKinds())
            QVERIFY(stageReachedBy(kind) < Stage::Client);
    }

    void interactionKindKey_everyKind_roundTrips()
    {
        for (InteractionKind kind : allInteractionKinds())
            QCOMPARE(interactionKindFromKey(interactionKindKey(kind)), std::optional<InteractionKind>(kind));
        QCOMPARE(allInteractionKinds().size(), 9);
    }

    void introductionKindKey_everyKind_roundTrips()
    {
        for (IntroductionKind kind : allIntroductionKinds())
            QCOMPARE(introductionKindFromKey(introductionKindKey(kind)), std::optional<IntroductionKind>(kind));
        QVERIFY(!introductionKindFromKey(u"befriended").has_value());
    }

    void recurrence_next_addsTheInterval()
    {
        const QDateTime start(QDate(2026, 1, 31), QTime(9, 0), Qt::UTC);
        QCOMPARE((Recurrence{Recurrence::Unit::Days, 3}).next(start), start.addDays(3));
        QCOMPARE((Recurrence{Recurrence::Unit::Weeks, 2}).next(start), start.addDays(14));
        QCOMPARE((Recurrence{Recurrence::Unit::Months, 1}).next(start).date(), QDate(2026, 2, 28));
        QVERIFY(!Recurrence{}.isRecurring());
    }

    void reminder_overdue_isComputedFromTheClock()
    {
        Reminder reminder;
        reminder.dueAt = QDateTime(QDate(2026, 6, 1), QTime(9, 0), Qt::UTC);
        QVERIFY(reminder.isOverdue(reminder.dueAt.addSecs(1)));
        QVERIFY(!reminder.isOverdue(reminder.dueAt.addSecs(-1)));
        reminder.state = ReminderState::Snoozed;
        reminder.snoozedUntil = reminder.dueAt.addDays(1);
        QVERIFY(!reminder.isOverdue(reminder.dueAt.addSecs(3600)));
        reminder.state = ReminderState::Done;
        QVERIFY(!reminder.isOverdue(reminder.dueAt.addDays(30)));
    }
};

QTEST_GUILESS_MAIN(TestStage)
#include "tst_stage.moc"
