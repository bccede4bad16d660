#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/stagetracker.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

QDateTime day(int n)
{
    return QDateTime(QDate(2026, 1, 1).addDays(n), QTime(15, 0), Qt::UTC);
}

qint64 log(Database &db, qint64 contact, InteractionKind kind, const QDateTime &at)
{
    return Rapport::Test::logInteraction(db, contact, kind, at);
}

Stage stageOf(Database &db, qint64 contact)
{
    return ContactStore(db).get(contact).value().stage;
}

} // namespace

class TestStageTracker : public QObject
{
    Q_OBJECT

private slots:
    void stage_isTheHighestRungReached_data()
    {
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<int>("expected");
        QTest::newRow("no interactions") << QStringList{} << int(Stage::None);
        QTest::newRow("a note reaches nothing") << QStringList{QStringLiteral("note")} << int(Stage::None);
        QTest::newRow("tweet then email") << QStringList{QStringLiteral("tweet"), QStringLiteral("email")}
                                          << int(Stage::Email);
        QTest::newRow("the story: tweet, dm, call, call")
            << QStringList{QStringLiteral("tweet"), QStringLiteral("direct-message"), QStringLiteral("call"),
                           QStringLiteral("call")}
            << int(Stage::Call);
        QTest::newRow("a later tweet never lowers a meeting")
            << QStringList{QStringLiteral("meeting"), QStringLiteral("tweet")} << int(Stage::Meeting);
        QTest::newRow("a video call counts as a call") << QStringList{QStringLiteral("video-call")} << int(Stage::Call);
        QTest::newRow("many meetings are still a meeting, not a client")
            << QStringList{QStringLiteral("meeting"), QStringLiteral("meeting"), QStringLiteral("meeting")}
            << int(Stage::Meeting);
    }
    void stage_isTheHighestRungReached()
    {
        QFETCH(QStringList, kinds);
        QFETCH(int, expected);
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        int n = 0;
        for (const QString &kind : kinds)
            log(db, id, interactionKindFromKey(kind).value(), day(n++));
        QCOMPARE(stageOf(db, id), static_cast<Stage>(expected));
    }

    void history_recordsEachStepWithTheDateItWasReached()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        log(db, id, InteractionKind::Tweet, day(0));
        log(db, id, InteractionKind::Tweet, day(1));
        log(db, id, InteractionKind::Call, day(20));
        log(db, id, InteractionKind::Email, day(25));
        auto history = StageTracker(db).history(id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).stage, Stage::Tweet);
        QCOMPARE(history->at(0).reachedAt, day(0));
        QCOMPARE(history->at(1).stage, Stage::Call);
        QCOMPARE(history->at(1).reachedAt, day(20));
        QVERIFY(!history->at(1).manual);
        QCOMPARE(ContactStore(db).get(id)->lastInteractionAt, day(25));
    }

    void history_backdatedInteraction_isReachedWhenItHappened()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Theo Lindqvist"));
        log(db, id, InteractionKind::Email, day(30));
        // Logged late: the call happened before the email.
        log(db, id, InteractionKind::Call, day(10));
        auto history = StageTracker(db).history(id).value();
        QCOMPARE(history.constLast().stage, Stage::Call);
        QCOMPARE(history.constLast().reachedAt, day(10));
        QCOMPARE(ContactStore(db).get(id)->lastInteractionAt, day(30));
    }

    void setManual_client_sticksWhileInteractionsContinue()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        log(db, id, InteractionKind::Call, day(0));
        StageTracker tracker(db);
        QVERIFY(tracker.setManual(id, Stage::Client, day(5)).ok());
        QCOMPARE(stageOf(db, id), Stage::Client);
        log(db, id, InteractionKind::Tweet, day(6));
        log(db, id, InteractionKind::Meeting, day(7));
        QCOMPARE(stageOf(db, id), Stage::Client);
        auto contact = ContactStore(db).get(id).value();
        QCOMPARE(contact.manualStage, std::optional<Stage>(Stage::Client));
        QCOMPARE(contact.lastInteractionAt, day(7));

        const QList<StageChange> history = tracker.history(id).value();
        QCOMPARE(history.constLast().stage, Stage::Client);
        QVERIFY(history.constLast().manual);
        QCOMPARE(history.constLast().reachedAt, day(5));
    }

    void setManual_lowerThanInteractions_isRespected()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Kenji Watanabe"));
        log(db, id, InteractionKind::Meeting, day(0));
        QVERIFY(StageTracker(db).setManual(id, Stage::Email).ok());
        QCOMPARE(stageOf(db, id), Stage::Email);
    }

    void setManual_auto_returnsToTheDerivedStage()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        log(db, id, InteractionKind::Email, day(0));
        StageTracker tracker(db);
        QVERIFY(tracker.setManual(id, Stage::Client).ok());
        log(db, id, InteractionKind::Call, day(3));
        QCOMPARE(stageOf(db, id), Stage::Client);
        QVERIFY(tracker.setManual(id, std::nullopt).ok());
        QCOMPARE(stageOf(db, id), Stage::Call);
        auto contact = ContactStore(db).get(id).value();
        QVERIFY(!contact.manualStage.has_value());
        const QList<StageChange> history = tracker.history(id).value();
        QCOMPARE(history.size(), 3); // email, client (by hand), call (back to auto)
        QCOMPARE(history.at(2).stage, Stage::Call);
        QVERIFY(!history.at(2).manual);
        QCOMPARE(history.at(2).reachedAt, TestDataFile::pinnedNow());
    }

    void setManual_sameStage_addsNoHistory()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Grace Adeyemi"));
        log(db, id, InteractionKind::Call, day(0));
        StageTracker tracker(db);
        QVERIFY(tracker.setManual(id, Stage::Call).ok());
        QCOMPARE(tracker.history(id)->size(), 1);
    }

    void setManual_unknownContact_fails()
    {
        TestDataFile data;
        Database &db = data.open();
        auto status = StageTracker(db).setManual(999, Stage::Client);
        QVERIFY(!status.ok());
        QVERIFY(status.error().contains(u"999"));
    }

    void removeInteraction_lowersTheDerivedStageAndRecordsIt()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 id = Rapport::Test::addContact(db, QStringLiteral("Raj Patel"));
        log(db, id, InteractionKind::Email, day(0));
        const qint64 call = log(db, id, InteractionKind::Call, day(1));
        QCOMPARE(stageOf(db, id), Stage::Call);
        QVERIFY(InteractionStore(db).remove(call).ok());
        QCOMPARE(stageOf(db, id), Stage::Email);
        QCOMPARE(StageTracker(db).history(id)->constLast().stage, Stage::Email);
        QCOMPARE(ContactStore(db).get(id)->lastInteractionAt, day(0));
    }

    void sharedInteraction_movesEveryParticipant()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 a = Rapport::Test::addContact(db, QStringLiteral("Priya Raman"));
        const qint64 b = Rapport::Test::addContact(db, QStringLiteral("Raj Patel"));
        Interaction meeting;
        meeting.kind = InteractionKind::Meeting;
        meeting.occurredAt = day(2);
        meeting.participants = {a, b};
        QVERIFY(InteractionStore(db).log(meeting).ok());
        QCOMPARE(stageOf(db, a), Stage::Meeting);
        QCOMPARE(stageOf(db, b), Stage::Meeting);
        QCOMPARE(InteractionStore(db).forContact(b)->constFirst().participants, (QList<qint64>{a, b}));
    }
};

QTEST_GUILESS_MAIN(TestStageTracker)
#include "tst_stagetracker.moc"
