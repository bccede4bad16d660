#include "reminders/reminderscheduler.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/reminderstore.h"
#include "testdatafile.h"

#include <QSignalSpy>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

qint64 addReminder(Database &db, qint64 contact, const QDateTime &due, const QString &note)
{
    Reminder r;
    r.contactId = contact;
    r.dueAt = due;
    r.note = note;
    auto id = ReminderStore(db).add(r);
    if (!id)
        qFatal("add failed: %s", qPrintable(id.error()));
    return *id;
}

/// A scheduler on a test data file whose monotonic clock the test moves by hand.
struct Fixture
{
    TestDataFile data;
    Database &db = data.open();
    qint64 monotonicMs = 0;
    ReminderScheduler scheduler{db};
    qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));

    Fixture() { scheduler.setMonotonicSource([this] { return monotonicMs; }); }
    /// Time passes normally: wall and monotonic clocks move together.
    void pass(qint64 secs)
    {
        data.clock().advanceSecs(secs);
        monotonicMs += secs * 1000;
    }
};

} // namespace

class TestReminderScheduler : public QObject
{
    Q_OBJECT

private slots:
    void start_manyFellDueWhileClosed_announcesThemOnceTogether()
    {
        Fixture f;
        for (int i = 0; i < 5; ++i)
            addReminder(f.db, f.sam, TestDataFile::pinnedNow().addDays(-i - 1), QStringLiteral("Overdue %1").arg(i));
        addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(3600), QStringLiteral("Later today"));
        QSignalSpy single(&f.scheduler, &ReminderScheduler::reminderDue);
        QSignalSpy together(&f.scheduler, &ReminderScheduler::remindersDueTogether);
        QSignalSpy count(&f.scheduler, &ReminderScheduler::dueCountChanged);
        f.scheduler.start();
        QCOMPARE(single.size(), 0);
        QCOMPARE(together.size(), 1);
        QCOMPARE(together.at(0).at(0).value<QList<Reminder>>().size(), 5);
        QCOMPARE(together.at(0).at(1).value<ReminderScheduler::Occasion>(), ReminderScheduler::Occasion::Started);
        QCOMPARE(count.size(), 1);
        QCOMPARE(count.at(0).at(0).toInt(), 5);
        QCOMPARE(f.scheduler.nextDue(), TestDataFile::pinnedNow().addSecs(3600));

        // Nothing is repeated by a later check, nor by the next start of the app.
        f.scheduler.refresh();
        QCOMPARE(together.size(), 1);
        ReminderScheduler again(f.db);
        QSignalSpy againTogether(&again, &ReminderScheduler::remindersDueTogether);
        QSignalSpy againSingle(&again, &ReminderScheduler::reminderDue);
        again.start();
        QCOMPARE(againTogether.size(), 0);
        QCOMPARE(againSingle.size(), 0);
        QCOMPARE(again.dueCount(), 5);
    }

    void start_oneFellDueWhileClosed_isAnnouncedOnItsOwn()
    {
        Fixture f;
        const qint64 id = addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(-60), QStringLiteral("Call Sam"));
        QSignalSpy single(&f.scheduler, &ReminderScheduler::reminderDue);
        f.scheduler.start();
        QCOMPARE(single.size(), 1);
        QCOMPARE(single.at(0).at(0).value<Reminder>().id, id);
        QCOMPARE(single.at(0).at(0).value<Reminder>().note, QStringLiteral("Call Sam"));
    }

    void nextDue_followsEditsAndTheTimerFiresAtIt()
    {
        Fixture f;
        QSignalSpy single(&f.scheduler, &ReminderScheduler::reminderDue);
        f.scheduler.start();
        QVERIFY(!f.scheduler.nextDue().isValid());

        const qint64 later = addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(7200), QStringLiteral("Later"));
        f.scheduler.refresh();
        QCOMPARE(f.scheduler.nextDue(), TestDataFile::pinnedNow().addSecs(7200));
        const qint64 sooner = addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(600), QStringLiteral("Sooner"));
        f.scheduler.refresh();
        QCOMPARE(f.scheduler.nextDue(), TestDataFile::pinnedNow().addSecs(600));
        QCOMPARE(single.size(), 0);

        f.pass(600);
        f.scheduler.refresh(); // what the timer does when it fires
        QCOMPARE(single.size(), 1);
        QCOMPARE(single.at(0).at(0).value<Reminder>().id, sooner);
        QCOMPARE(f.scheduler.nextDue(), TestDataFile::pinnedNow().addSecs(7200));

        // Snoozing the later one moves the next due time with it.
        QVERIFY(ReminderStore(f.db).snooze(later, TestDataFile::pinnedNow().addDays(1)).ok());
        f.scheduler.refresh();
        QCOMPARE(f.scheduler.nextDue(), TestDataFile::pinnedNow().addDays(1));
        QCOMPARE(single.size(), 1);

        // A snoozed reminder is announced again when its snooze ends.
        f.pass(86400);
        f.scheduler.refresh();
        QCOMPARE(single.size(), 2);
        QCOMPARE(single.at(1).at(0).value<Reminder>().id, later);
    }

    void checkClock_wallClockJumpsAfterASuspend_announcesWhatFellDueTogether()
    {
        Fixture f;
        for (int hours : {1, 2, 3, 4})
            addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(hours * 3600), QStringLiteral("In %1 h").arg(hours));
        QSignalSpy single(&f.scheduler, &ReminderScheduler::reminderDue);
        QSignalSpy together(&f.scheduler, &ReminderScheduler::remindersDueTogether);
        QSignalSpy jumped(&f.scheduler, &ReminderScheduler::clockJumped);
        f.scheduler.start();

        f.pass(60);
        f.scheduler.checkClock();
        QCOMPARE(jumped.size(), 0);

        // Asleep for five hours: the monotonic clock stood still.
        f.data.clock().advanceSecs(5 * 3600);
        f.scheduler.checkClock();
        QCOMPARE(jumped.size(), 1);
        QCOMPARE(single.size(), 0);
        QCOMPARE(together.size(), 1);
        QCOMPARE(together.at(0).at(0).value<QList<Reminder>>().size(), 4);
        QCOMPARE(together.at(0).at(1).value<ReminderScheduler::Occasion>(), ReminderScheduler::Occasion::ClockJumped);
        QCOMPARE(f.scheduler.dueCount(), 4);
    }

    void checkClock_timeZoneChanges_isNoticed()
    {
        Fixture f;
        f.data.clock().setTimeZone(QTimeZone("Pacific/Honolulu"));
        QSignalSpy jumped(&f.scheduler, &ReminderScheduler::clockJumped);
        f.scheduler.start();
        f.pass(60);
        f.data.clock().setTimeZone(QTimeZone("Europe/Berlin"));
        f.scheduler.checkClock();
        QCOMPARE(jumped.size(), 1);
        f.pass(60);
        f.scheduler.checkClock();
        QCOMPARE(jumped.size(), 1);
    }

    void refresh_aFewDueAtOnce_areAnnouncedOneByOne_aBurstTogether()
    {
        Fixture f;
        f.scheduler.start();
        QSignalSpy single(&f.scheduler, &ReminderScheduler::reminderDue);
        QSignalSpy together(&f.scheduler, &ReminderScheduler::remindersDueTogether);
        for (int i = 0; i < 2; ++i)
            addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(60), QStringLiteral("Pair %1").arg(i));
        for (int i = 0; i < ReminderScheduler::burstSize + 1; ++i)
            addReminder(f.db, f.sam, TestDataFile::pinnedNow().addSecs(120), QStringLiteral("Burst %1").arg(i));
        f.pass(60);
        f.scheduler.refresh();
        QCOMPARE(single.size(), 2);
        QCOMPARE(together.size(), 0);
        f.pass(60);
        f.scheduler.refresh();
        QCOMPARE(single.size(), 2);
        QCOMPARE(together.size(), 1);
        QCOMPARE(together.at(0).at(1).value<ReminderScheduler::Occasion>(), ReminderScheduler::Occasion::SameTime);
    }

    void start_armsKeepInTouchCadencesOfAnOlderFile()
    {
        Fixture f;
        // Written with SQL, as a file from before cadences would hold it.
        QVERIFY(f.db.exec(QStringLiteral("UPDATE contacts SET stage = 2, last_interaction_at = ? WHERE id = ?"),
                          {Database::toStored(TestDataFile::pinnedNow().addDays(-30)), f.sam})
                    .ok());
        QSignalSpy single(&f.scheduler, &ReminderScheduler::reminderDue);
        f.scheduler.start();
        QCOMPARE(single.size(), 1);
        QVERIFY(single.at(0).at(0).value<Reminder>().cadence);
    }
};

QTEST_GUILESS_MAIN(TestReminderScheduler)
#include "tst_reminderscheduler.moc"
