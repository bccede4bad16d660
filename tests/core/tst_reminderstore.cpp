#include "store/database.h"
#include "store/reminderstore.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

Reminder reminderFor(qint64 contact, const QDateTime &due, Recurrence recurrence = {})
{
    Reminder reminder;
    reminder.contactId = contact;
    reminder.dueAt = due;
    reminder.note = QStringLiteral("Send the partnership outline");
    reminder.recurrence = recurrence;
    return reminder;
}

} // namespace

class TestReminderStore : public QObject
{
    Q_OBJECT

private slots:
    void add_reminder_readsBack()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        ReminderStore store(db);
        const QDateTime due = TestDataFile::pinnedNow().addDays(3);
        auto id = store.add(reminderFor(sam, due, Recurrence{Recurrence::Unit::Weeks, 2}));
        QVERIFY2(id.ok(), qPrintable(id.error()));
        auto read = store.get(*id).value();
        QCOMPARE(read.contactId, sam);
        QCOMPARE(read.dueAt, due);
        QCOMPARE(read.note, QStringLiteral("Send the partnership outline"));
        QCOMPARE(read.recurrence, (Recurrence{Recurrence::Unit::Weeks, 2}));
        QCOMPARE(read.state, ReminderState::Open);
    }

    void add_unknownContact_isRefused()
    {
        TestDataFile data;
        ReminderStore store(data.open());
        auto id = store.add(reminderFor(55, TestDataFile::pinnedNow()));
        QVERIFY(!id.ok());
        QVERIFY(id.error().contains(u"55"));
    }

    void dueBefore_includesOverdueAndSnoozeEnds()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Hannah Cho"));
        ReminderStore store(db);
        const QDateTime now = TestDataFile::pinnedNow();
        const qint64 overdue = store.add(reminderFor(c, now.addDays(-5))).value();
        const qint64 later = store.add(reminderFor(c, now.addDays(5))).value();
        const qint64 snoozed = store.add(reminderFor(c, now.addDays(-1))).value();
        QVERIFY(store.snooze(snoozed, now.addDays(1)).ok());
        QList<qint64> due;
        for (const Reminder &r : store.dueBefore(now).value())
            due << r.id;
        QCOMPARE(due, QList<qint64>{overdue});
        due.clear();
        for (const Reminder &r : store.dueBefore(now.addDays(2)).value())
            due << r.id;
        QCOMPARE(due, (QList<qint64>{overdue, snoozed}));
        Q_UNUSED(later);
    }

    void complete_oneOff_isDone()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Luis Ortega"));
        ReminderStore store(db);
        const qint64 id = store.add(reminderFor(c, TestDataFile::pinnedNow().addDays(-2))).value();
        QVERIFY(store.complete(id).ok());
        auto read = store.get(id).value();
        QCOMPARE(read.state, ReminderState::Done);
        QCOMPARE(read.completedAt, TestDataFile::pinnedNow());
        QVERIFY(store.pending()->isEmpty());
        QVERIFY(store.reopen(id).ok());
        QCOMPARE(store.get(id)->state, ReminderState::Open);
    }

    void complete_recurringLate_rearmsInTheFutureOnce()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        ReminderStore store(db);
        const QDateTime now = TestDataFile::pinnedNow();
        // Due 20 days ago, every week: done today, it comes back within a week, not three times overdue.
        const qint64 id = store.add(reminderFor(c, now.addDays(-20), Recurrence{Recurrence::Unit::Weeks, 1})).value();
        QVERIFY(store.complete(id).ok());
        auto read = store.get(id).value();
        QCOMPARE(read.state, ReminderState::Open);
        QCOMPARE(read.dueAt, now.addDays(1));
        QVERIFY(!read.isOverdue(now));
    }
};

QTEST_GUILESS_MAIN(TestReminderStore)
#include "tst_reminderstore.moc"
