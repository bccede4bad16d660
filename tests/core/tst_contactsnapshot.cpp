#include "datafiledump.h"
#include "store/contactsnapshot.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "store/stagetracker.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Test::addContact;
using Rapport::Test::dumpDataFile;

namespace {

qint64 logWith(Database &db, QList<qint64> participants, InteractionKind kind, int day)
{
    Interaction interaction;
    interaction.kind = kind;
    interaction.occurredAt = QDateTime(QDate(2026, 3, 1).addDays(day), QTime(10, 0), Qt::UTC);
    interaction.summary = QStringLiteral("Talked about day %1").arg(day);
    interaction.participants = std::move(participants);
    auto id = InteractionStore(db).log(interaction);
    if (!id)
        qFatal("log failed: %s", qPrintable(id.error()));
    return *id;
}

/// Dana with details, tags, a reminder, interactions alone and with Theo,
/// introductions both ways and a hand-set stage.
struct Network
{
    qint64 dana = 0;
    qint64 theo = 0;
    qint64 marcus = 0;
    qint64 shared = 0;
    qint64 alone = 0;
};

Network buildNetwork(Database &db)
{
    Network n;
    Contact dana;
    dana.displayName = QStringLiteral("Dana Whitfield");
    dana.organization = QStringLiteral("Whitfield Coaching");
    dana.emails = {ContactField{QStringLiteral("dana@whitfield.example"), QStringLiteral("work"), true}};
    dana.phones = {ContactField{QStringLiteral("+1 555 0100"), {}, false}};
    dana.socialProfiles = {SocialProfile{QStringLiteral("twitter"), QStringLiteral("@dana")}};
    dana.addresses = {PostalAddress{{}, QStringLiteral("1 Main St"), QStringLiteral("Boise"), {}, {}, {}}};
    dana.tags = {QStringLiteral("coach"), QStringLiteral("client")};
    dana.notes = QStringLiteral("Web site and flyers.");
    n.dana = *ContactStore(db).add(dana);
    n.theo = addContact(db, QStringLiteral("Theo Lindqvist"));
    n.marcus = addContact(db, QStringLiteral("Marcus Bell"));
    n.alone = logWith(db, {n.dana}, InteractionKind::Tweet, 0);
    logWith(db, {n.dana}, InteractionKind::Call, 3);
    n.shared = logWith(db, {n.dana, n.theo}, InteractionKind::VideoCall, 5);
    logWith(db, {n.theo}, InteractionKind::Email, 6);
    if (!StageTracker(db).setManual(n.dana, Stage::Client, QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)))
        qFatal("setManual failed");
    IntroductionStore intros(db);
    if (!intros.add(Introduction{0, n.dana, n.theo, IntroductionKind::Recommended, QDate(2026, 3, 4), {}})
        || !intros.add(Introduction{0, n.marcus, n.dana, IntroductionKind::MetAtEvent, QDate(2026, 2, 1),
                                    QStringLiteral("Marcus's webinar")}))
        qFatal("introductions failed");
    Reminder reminder;
    reminder.contactId = n.dana;
    reminder.dueAt = QDateTime(QDate(2026, 7, 1), QTime(9, 0), Qt::UTC);
    reminder.note = QStringLiteral("Ask about the course");
    if (!ReminderStore(db).add(reminder))
        qFatal("reminder failed");
    return n;
}

} // namespace

class TestContactSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void remove_takesEverythingOfTheContact_butKeepsSharedInteractions()
    {
        TestDataFile data;
        Database &db = data.open();
        const Network n = buildNetwork(db);
        // Her own follow-up, the keep-in-touch reminder her calls armed, and
        // any thank-you that is about her.
        const qint64 reminders = db.scalar(QStringLiteral("SELECT count(*) FROM reminders WHERE contact_id = ? "
                                                          "OR about_contact_id = ?"),
                                           {n.dana, n.dana})
                                     .value()
                                     .toLongLong();
        QVERIFY(reminders >= 2);
        ContactSnapshot snapshot;
        QVERIFY(ContactStore(db).remove(n.dana, &snapshot).ok());

        QVERIFY(!ContactStore(db).exists(n.dana).value());
        QCOMPARE(snapshot.contactName(), QStringLiteral("Dana Whitfield"));
        QCOMPARE(snapshot.rowCount(QStringLiteral("interactions")), 3);
        QCOMPARE(snapshot.rowCount(QStringLiteral("introductions")), 2);
        QCOMPARE(snapshot.rowCount(QStringLiteral("reminders")), reminders);
        QCOMPARE(snapshot.rowCount(QStringLiteral("contact_tags")), 2);
        QVERIFY(snapshot.rowCount(QStringLiteral("stage_history")) >= 3);
        // The interactions only Dana took part in are gone; the video call with Theo stays his.
        auto theos = InteractionStore(db).forContact(n.theo);
        QCOMPARE(theos->size(), 2);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM interactions"))->toInt(), 2);
        QVERIFY(IntroductionStore(db).all()->isEmpty());
    }

    void restore_afterRemove_givesBackTheSameFileRowForRow()
    {
        TestDataFile data;
        Database &db = data.open();
        const Network n = buildNetwork(db);
        const QString before = dumpDataFile(db);
        ContactSnapshot snapshot;
        QVERIFY(ContactStore(db).remove(n.dana, &snapshot).ok());
        QVERIFY(dumpDataFile(db) != before);
        const Status restored = snapshot.restore(db);
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        RAPPORT_COMPARE_DUMPS(dumpDataFile(db), before);
        // And again: remove, restore, the same.
        QVERIFY(ContactStore(db).remove(n.dana, &snapshot).ok());
        QVERIFY(snapshot.restore(db).ok());
        RAPPORT_COMPARE_DUMPS(dumpDataFile(db), before);
    }

    void restore_whenTheIdWasTakenMeanwhile_refusesAndChangesNothing()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 last = addContact(db, QStringLiteral("Ana Ortiz"));
        ContactSnapshot snapshot;
        QVERIFY(ContactStore(db).remove(last, &snapshot).ok());
        const qint64 reused = addContact(db, QStringLiteral("Somebody Else"));
        QCOMPARE(reused, last); // SQLite hands out the highest id again
        const QString before = dumpDataFile(db);
        const Status restored = snapshot.restore(db);
        QVERIFY(!restored.ok());
        QVERIFY2(restored.error().contains(QStringLiteral("another contact")), qPrintable(restored.error()));
        RAPPORT_COMPARE_DUMPS(dumpDataFile(db), before);
    }

    void remove_ofAnUnknownContact_failsWithAMessage()
    {
        TestDataFile data;
        Database &db = data.open();
        ContactSnapshot snapshot;
        const Status removed = ContactStore(db).remove(4711, &snapshot);
        QVERIFY(!removed.ok());
        QVERIFY(removed.error().contains(QStringLiteral("4711")));
    }

    void undoLog_ofAStageMovingCall_putsStageAndHistoryBack()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 dana = addContact(db, QStringLiteral("Dana Whitfield"));
        logWith(db, {dana}, InteractionKind::Tweet, 0);
        const QString before = dumpDataFile(db);
        Interaction call;
        call.kind = InteractionKind::Call;
        call.participants = {dana};
        QList<qint64> steps;
        auto id = InteractionStore(db).log(call, &steps);
        QVERIFY(id.ok());
        QCOMPARE(steps.size(), 1);
        QCOMPARE(ContactStore(db).get(dana)->stage, Stage::Call);
        QVERIFY(InteractionStore(db).undoLog(*id, steps).ok());
        QCOMPARE(ContactStore(db).get(dana)->stage, Stage::Tweet);
        RAPPORT_COMPARE_DUMPS(dumpDataFile(db), before);
    }

    void undoLog_whenTheStageWasSetByHand_leavesItAlone()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 dana = addContact(db, QStringLiteral("Dana Whitfield"));
        QVERIFY(StageTracker(db).setManual(dana, Stage::Client).ok());
        const QString before = dumpDataFile(db);
        Interaction meeting;
        meeting.kind = InteractionKind::Meeting;
        meeting.participants = {dana};
        QList<qint64> steps;
        auto id = InteractionStore(db).log(meeting, &steps);
        QVERIFY(id.ok());
        QVERIFY(steps.isEmpty());
        QVERIFY(InteractionStore(db).undoLog(*id, steps).ok());
        QCOMPARE(ContactStore(db).get(dana)->stage, Stage::Client);
        RAPPORT_COMPARE_DUMPS(dumpDataFile(db), before);
    }
};

QTEST_GUILESS_MAIN(TestContactSnapshot)
#include "tst_contactsnapshot.moc"
