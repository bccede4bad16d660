#include "reminders/agenda.h"
#include "reminders/closetheloop.h"
#include "reminders/duration.h"
#include "reminders/keepintouch.h"
#include "reminders/remindersettingsstore.h"
#include "reminders/snooze.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "store/stagetracker.h"
#include "store/transaction.h"
#include "testdatafile.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

QDateTime local(const char *zone, int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone(zone));
}

qint64 logAt(Database &db, qint64 contact, InteractionKind kind, const QDateTime &at)
{
    return Rapport::Test::logInteraction(db, contact, kind, at);
}

QList<Reminder> cadenceReminders(Database &db, qint64 contact)
{
    QList<Reminder> found;
    for (const Reminder &r : ReminderStore(db).forContact(contact).value()) {
        if (r.cadence && r.state != ReminderState::Done)
            found << r;
    }
    return found;
}

QList<Reminder> thankYous(Database &db, qint64 introducer)
{
    QList<Reminder> found;
    for (const Reminder &r : ReminderStore(db).forContact(introducer).value()) {
        if (r.origin == ReminderOrigin::ThankIntroducer)
            found << r;
    }
    return found;
}

} // namespace

class TestFollowUps : public QObject
{
    Q_OBJECT

private slots:
    void recurrence_weekly_keepsTheWallClockTimeAcrossDaylightSaving_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("expected");
        // Berlin springs forward on 29 March 2026 and falls back on 25 October.
        QTest::addRow("a Berlin 9:00 follow-up stays at 9:00 after the spring change")
            << QByteArray("Europe/Berlin") << local("Europe/Berlin", 2026, 3, 26, 9)
            << local("Europe/Berlin", 2026, 4, 2, 9);
        QTest::addRow("a Berlin 9:00 follow-up stays at 9:00 after the autumn change")
            << QByteArray("Europe/Berlin") << local("Europe/Berlin", 2026, 10, 22, 9)
            << local("Europe/Berlin", 2026, 10, 29, 9);
        // New York changes on 8 March and 1 November 2026.
        QTest::addRow("a New York 8:30 follow-up stays at 8:30 after the spring change")
            << QByteArray("America/New_York") << local("America/New_York", 2026, 3, 5, 8, 30)
            << local("America/New_York", 2026, 3, 12, 8, 30);
        QTest::addRow("a Honolulu follow-up is a plain seven days")
            << QByteArray("Pacific/Honolulu") << local("Pacific/Honolulu", 2026, 3, 5, 8) << local("Pacific/Honolulu", 2026, 3, 12, 8);
    }
    void recurrence_weekly_keepsTheWallClockTimeAcrossDaylightSaving()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, expected);
        const Recurrence weekly{Recurrence::Unit::Weeks, 1};
        const QDateTime next = weekly.next(from.toUTC(), QTimeZone(zone));
        QCOMPARE(next, expected);
        QCOMPARE(next.timeSpec(), Qt::UTC);
        QCOMPARE(next.toTimeZone(QTimeZone(zone)).time(), from.time());
    }

    void complete_recurringInBerlin_movesToTheSameLocalTimeAfterTheChange()
    {
        TestDataFile data;
        data.clock().setTimeZone(QTimeZone("Europe/Berlin"));
        data.clock().setNow(local("Europe/Berlin", 2026, 3, 27, 10).toUTC());
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        Reminder r;
        r.contactId = sam;
        r.dueAt = local("Europe/Berlin", 2026, 3, 27, 9).toUTC();
        r.note = QStringLiteral("Weekly check-in");
        r.recurrence = Recurrence{Recurrence::Unit::Days, 7};
        ReminderStore store(db);
        const qint64 id = store.add(r).value();
        QVERIFY(store.complete(id).ok());
        QCOMPARE(store.get(id)->dueAt, local("Europe/Berlin", 2026, 4, 3, 9).toUTC());
        QCOMPARE(store.get(id)->state, ReminderState::Open);
    }

    void snooze_presets_landWhereTheirNamesSay_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime berlinEvening = local("Europe/Berlin", 2026, 3, 28, 20); // a Saturday, before the change
        QTest::addRow("one hour is sixty minutes even across the spring change")
            << int(SnoozePreset::OneHour) << QByteArray("Europe/Berlin") << local("Europe/Berlin", 2026, 3, 29, 1, 30)
            << local("Europe/Berlin", 2026, 3, 29, 3, 30);
        QTest::addRow("one day is the same wall-clock time tomorrow")
            << int(SnoozePreset::OneDay) << QByteArray("Europe/Berlin") << berlinEvening
            << local("Europe/Berlin", 2026, 3, 29, 20);
        QTest::addRow("tomorrow morning is 9:00 local on the next day")
            << int(SnoozePreset::TomorrowMorning) << QByteArray("Europe/Berlin") << berlinEvening
            << local("Europe/Berlin", 2026, 3, 29, 9);
        QTest::addRow("next week is Monday 9:00 of the coming week")
            << int(SnoozePreset::NextWeek) << QByteArray("Europe/Berlin") << berlinEvening
            << local("Europe/Berlin", 2026, 3, 30, 9);
        QTest::addRow("next week from a Monday is the Monday after")
            << int(SnoozePreset::NextWeek) << QByteArray("America/New_York") << local("America/New_York", 2026, 6, 15, 7)
            << local("America/New_York", 2026, 6, 22, 9);
        QTest::addRow("tomorrow morning counts days in the user's zone, not in UTC")
            << int(SnoozePreset::TomorrowMorning) << QByteArray("Pacific/Honolulu") << utc(2026, 6, 16, 5)
            << local("Pacific/Honolulu", 2026, 6, 16, 9);
    }
    void snooze_presets_landWhereTheirNamesSay()
    {
        QFETCH(int, preset);
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, expected);
        QCOMPARE(Snooze::until(static_cast<SnoozePreset>(preset), now.toUTC(), QTimeZone(zone)), expected.toUTC());
    }

    void snooze_reminder_comesBackAtTheChosenTimeAndIsDueAgainThen()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        ReminderStore store(db);
        Reminder r;
        r.contactId = sam;
        r.dueAt = TestDataFile::pinnedNow().addSecs(-60);
        const qint64 id = store.add(r).value();
        const QDateTime until = Snooze::until(SnoozePreset::TomorrowMorning, db.clock().now(), db.clock().timeZone());
        QVERIFY(store.snooze(id, until).ok());
        QVERIFY(!store.get(id)->isOverdue(db.clock().now()));
        QCOMPARE(store.get(id)->effectiveDueAt(), until);
        QVERIFY(store.get(id)->isOverdue(until.addSecs(1)));
    }

    void duration_parsesWhatPeopleType_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::addRow("minutes") << QStringLiteral("30m") << qint64(1800);
        QTest::addRow("hours") << QStringLiteral("2h") << qint64(7200);
        QTest::addRow("days") << QStringLiteral("3d") << qint64(3 * 86400);
        QTest::addRow("weeks") << QStringLiteral("1w") << qint64(7 * 86400);
        QTest::addRow("a bare number is days") << QStringLiteral("2") << qint64(2 * 86400);
        QTest::addRow("zero is now") << QStringLiteral("0h") << qint64(0);
        QTest::addRow("an unknown unit is refused") << QStringLiteral("3y") << qint64(-1);
        QTest::addRow("a negative span is refused") << QStringLiteral("-2h") << qint64(-1);
        QTest::addRow("words are refused") << QStringLiteral("soon") << qint64(-1);
        QTest::addRow("nothing is refused") << QString() << qint64(-1);
    }
    void duration_parsesWhatPeopleType()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(parseDurationSecs(text).value_or(-1), seconds);
    }

    void cadence_loggingACall_pushesTheReminderOutFromThatCall()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 luis = Rapport::Test::addContact(db, QStringLiteral("Luis Ortega"));
        logAt(db, luis, InteractionKind::Email, TestDataFile::pinnedNow().addDays(-20));
        // Email stage: 7 days by default, counted from the email, so overdue now.
        QList<Reminder> cadence = cadenceReminders(db, luis);
        QCOMPARE(cadence.size(), 1);
        QCOMPARE(cadence.constFirst().dueAt, TestDataFile::pinnedNow().addDays(-13));
        QVERIFY(cadence.constFirst().isOverdue(db.clock().now()));

        // A call today: the stage moves to call (7 days) and the reminder is a week out, not due now.
        logAt(db, luis, InteractionKind::Call, TestDataFile::pinnedNow());
        cadence = cadenceReminders(db, luis);
        QCOMPARE(cadence.size(), 1);
        QCOMPARE(cadence.constFirst().dueAt, TestDataFile::pinnedNow().addDays(7));
        QVERIFY(!cadence.constFirst().isOverdue(db.clock().now()));
        QVERIFY(ReminderStore(db).dueBefore(db.clock().now().addDays(6)).value().isEmpty());
    }

    void cadence_loggingAnOldInteraction_doesNotPullTheReminderBack()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Chloe Martin"));
        logAt(db, c, InteractionKind::Tweet, TestDataFile::pinnedNow().addDays(-1));
        logAt(db, c, InteractionKind::Tweet, TestDataFile::pinnedNow().addDays(-40));
        QCOMPARE(cadenceReminders(db, c).constFirst().dueAt, TestDataFile::pinnedNow().addDays(13));
    }

    void cadence_ownDaysWinOverTheStageDefault_andStageDefaultsCanBeChanged()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Raj Patel"));
        logAt(db, c, InteractionKind::Call, TestDataFile::pinnedNow());
        QCOMPARE(KeepInTouch(db).cadenceDays(c).value(), 7);

        ReminderSettings settings = ReminderSettingsStore(db).load().value();
        QCOMPARE(settings, ReminderSettings());
        settings.setCadenceFor(Stage::Call, 21);
        QVERIFY(ReminderSettingsStore(db).save(settings).ok());
        QCOMPARE(ReminderSettingsStore(db).load()->cadenceFor(Stage::Call), 21);
        QCOMPARE(cadenceReminders(db, c).constFirst().dueAt, TestDataFile::pinnedNow().addDays(21));

        Contact contact = ContactStore(db).get(c).value();
        contact.keepInTouchDays = 3;
        QVERIFY(ContactStore(db).update(contact).ok());
        QCOMPARE(KeepInTouch(db).cadenceDays(c).value(), 3);
        QCOMPARE(cadenceReminders(db, c).constFirst().dueAt, TestDataFile::pinnedNow().addDays(3));

        settings.setCadenceFor(Stage::Email, -1);
        const Status refused = ReminderSettingsStore(db).save(settings);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"-1"), qPrintable(refused.error()));
        QCOMPARE(ReminderSettingsStore(db).load()->cadenceFor(Stage::Email), 7);
    }

    void cadence_turnedOffOrArchived_removesTheOpenReminder()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Ben Whitaker"));
        logAt(db, c, InteractionKind::Meeting, TestDataFile::pinnedNow());
        QCOMPARE(cadenceReminders(db, c).size(), 1);
        ReminderSettings settings;
        settings.setCadenceFor(Stage::Meeting, 0);
        QVERIFY(ReminderSettingsStore(db).save(settings).ok());
        QVERIFY(cadenceReminders(db, c).isEmpty());

        QVERIFY(ReminderSettingsStore(db).save(ReminderSettings()).ok());
        QCOMPARE(cadenceReminders(db, c).size(), 1);
        Contact contact = ContactStore(db).get(c).value();
        contact.archived = true;
        QVERIFY(ContactStore(db).update(contact).ok());
        QVERIFY(cadenceReminders(db, c).isEmpty());
    }

    void cadence_done_rearmsAFullCadenceFromNow()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Kenji Watanabe"));
        logAt(db, c, InteractionKind::Email, TestDataFile::pinnedNow().addDays(-30));
        const Reminder cold = cadenceReminders(db, c).constFirst();
        QVERIFY(cold.isOverdue(db.clock().now()));
        QVERIFY(ReminderStore(db).complete(cold.id).ok());
        const Reminder rearmed = ReminderStore(db).get(cold.id).value();
        QCOMPARE(rearmed.state, ReminderState::Open);
        QCOMPARE(rearmed.dueAt, TestDataFile::pinnedNow().addDays(7));
        // A later unrelated re-arm keeps it there instead of pulling it back to the old email.
        QVERIFY(KeepInTouch(db).rearmAll().ok());
        QCOMPARE(ReminderStore(db).get(cold.id)->dueAt, TestDataFile::pinnedNow().addDays(7));
        QCOMPARE(cadenceReminders(db, c).size(), 1);
    }

    void rearmAll_givesWhatRearmingEachContactGives_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::newRow("Cadences in Berlin run across both changes of daylight saving") << QByteArray("Europe/Berlin");
        QTest::newRow("Cadences in New York run across both changes of daylight saving") << QByteArray("America/New_York");
        QTest::newRow("Cadences in UTC never change their offset") << QByteArray("UTC");
    }

    void rearmAll_givesWhatRearmingEachContactGives()
    {
        QFETCH(QByteArray, zone);
        TestDataFile data;
        data.clock().setTimeZone(QTimeZone(zone));
        Database &db = data.open();
        // Interactions at every hour around the changes of offset (a cadence
        // of 7 or 14 days then lands in the skipped or repeated hour) and far from them.
        const QList<QDateTime> changes{utc(2026, 3, 29, 1), utc(2026, 10, 25, 1), utc(2026, 3, 8, 7),
                                       utc(2026, 11, 1, 6)};
        const QList<InteractionKind> kinds{InteractionKind::Tweet, InteractionKind::Email, InteractionKind::Call,
                                           InteractionKind::Meeting};
        QList<qint64> contacts;
        int n = 0;
        for (const QDateTime &change : changes) {
            for (int days : {7, 14, 30}) {
                for (int hour = -3; hour <= 3; ++hour) {
                    const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Contact %1").arg(++n));
                    logAt(db, c, kinds.at(n % kinds.size()), change.addDays(-days).addSecs(hour * 1800));
                    contacts << c;
                }
            }
        }
        for (int i = 0; i < 12; ++i) {
            const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Far %1").arg(i));
            logAt(db, c, kinds.at(i % kinds.size()), TestDataFile::pinnedNow().addDays(-5 * i).addSecs(i * 977));
            contacts << c;
        }
        const qint64 ownNeverContacted = Rapport::Test::addContact(db, QStringLiteral("Own cadence, never contacted"));
        const qint64 neverContacted = Rapport::Test::addContact(db, QStringLiteral("Never contacted"));
        contacts << ownNeverContacted << neverContacted;
        // What re-arming then has to bring in line, written behind the stores' backs.
        for (const char *sql : {
                 "UPDATE contacts SET keep_in_touch_days = 45 WHERE id % 5 = 0",
                 "UPDATE contacts SET archived = 1 WHERE id % 11 = 0",
                 "UPDATE reminder_settings SET value = '10' WHERE key = 'cadence.email'",
                 "INSERT OR REPLACE INTO reminder_settings (key, value) VALUES ('cadence.call', '0')",
                 "UPDATE reminders SET due_at = due_at + 3600000 WHERE id % 3 = 0",
                 "UPDATE reminders SET state = 'snoozed', snoozed_until = due_at + 86400000 WHERE id % 4 = 1",
                 "UPDATE reminders SET completed_at = due_at - 86400000 WHERE id % 6 = 2",
                 "DELETE FROM reminders WHERE id % 7 = 3",
             }) {
            QVERIFY2(db.exec(QString::fromLatin1(sql)).ok(), sql);
        }
        QVERIFY(db.exec(QStringLiteral("UPDATE contacts SET keep_in_touch_days = 9 WHERE id = ?"), {ownNeverContacted}).ok());
        data.close();

        const QString each = data.filePath(QStringLiteral("each.sqlite"));
        const QString all = data.filePath(QStringLiteral("all.sqlite"));
        QVERIFY(QFile::copy(data.path(), each));
        QVERIFY(QFile::copy(data.path(), all));
        auto reminders = [&data](const QString &path, bool together) {
            auto opened = Database::open(path, data.clock());
            if (!opened)
                return QList<QVariantList>();
            Database &file = **opened;
            if (together) {
                if (!KeepInTouch(file).rearmAll().ok())
                    return QList<QVariantList>();
            } else {
                // What rearmAll() did before it was one statement per change: rearm() contact by contact.
                Transaction transaction(file);
                auto ids = file.exec(QStringLiteral("SELECT id FROM contacts ORDER BY id")).value();
                QList<qint64> everyone;
                while (ids->next())
                    everyone << ids->value(0).toLongLong();
                for (qint64 id : std::as_const(everyone)) {
                    if (!KeepInTouch(file).rearm(id).ok())
                        return QList<QVariantList>();
                }
                if (!transaction.commit().ok())
                    return QList<QVariantList>();
            }
            QList<QVariantList> rows;
            auto q = file.exec(QStringLiteral("SELECT id, contact_id, due_at, note, recurrence_unit, recurrence_every, "
                                              "state, origin, snoozed_until, completed_at, created_at, cadence "
                                              "FROM reminders ORDER BY id"))
                         .value();
            while (q->next()) {
                QVariantList row;
                for (int i = 0; i < 12; ++i)
                    row << q->value(i);
                rows << row;
            }
            return rows;
        };
        const QList<QVariantList> oneByOne = reminders(each, false);
        const QList<QVariantList> together = reminders(all, true);
        QVERIFY(oneByOne.size() > 50);
        QCOMPARE(together.size(), oneByOne.size());
        for (qsizetype i = 0; i < together.size(); ++i)
            QCOMPARE(together.at(i), oneByOne.at(i));
        // And it did change things: the own cadence of the never-contacted contact is armed.
        int armed = 0;
        for (const QVariantList &row : together)
            armed += row.at(1).toLongLong() == ownNeverContacted ? 1 : 0;
        QCOMPARE(armed, 1);
    }

    void cadence_failedLog_leavesTheRemindersAsTheyWere()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 c = Rapport::Test::addContact(db, QStringLiteral("Dana Whitfield"));
        logAt(db, c, InteractionKind::Email, TestDataFile::pinnedNow().addDays(-3));
        const QDateTime before = cadenceReminders(db, c).constFirst().dueAt;
        Interaction broken;
        broken.kind = InteractionKind::Call;
        broken.participants = {c, 999};
        QVERIFY(!InteractionStore(db).log(broken).ok());
        QCOMPARE(cadenceReminders(db, c).constFirst().dueAt, before);
    }

    void closeTheLoop_introducedContactReachesMeetingThenClient_asksOnceForEach()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 marcus = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        const qint64 theo = Rapport::Test::addContact(db, QStringLiteral("Theo Lindqvist"));
        QVERIFY(IntroductionStore(db).add(Introduction{0, marcus, theo, IntroductionKind::Recommended, {}, {}}).ok());
        logAt(db, theo, InteractionKind::Call, TestDataFile::pinnedNow().addDays(-2));
        QVERIFY(thankYous(db, marcus).isEmpty());

        logAt(db, theo, InteractionKind::Meeting, TestDataFile::pinnedNow().addDays(-1));
        QList<Reminder> asked = thankYous(db, marcus);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.constFirst().note, QStringLiteral("Update Marcus Bell: you met Theo Lindqvist"));
        QCOMPARE(asked.constFirst().aboutContactId, theo);
        QVERIFY(asked.constFirst().dueAt > db.clock().now());

        // A second meeting, or going down and up again, asks nothing new.
        logAt(db, theo, InteractionKind::Meeting, TestDataFile::pinnedNow());
        QVERIFY(StageTracker(db).setManual(theo, Stage::Call).ok());
        QVERIFY(StageTracker(db).setManual(theo, std::nullopt).ok());
        QCOMPARE(thankYous(db, marcus).size(), 1);

        QVERIFY(StageTracker(db).setManual(theo, Stage::Client).ok());
        asked = thankYous(db, marcus);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.constLast().note, QStringLiteral("Thank Marcus Bell: Theo Lindqvist became a client"));
    }

    void closeTheLoop_switchedOffOrOldHistory_asksNothing()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 marcus = Rapport::Test::addContact(db, QStringLiteral("Marcus Bell"));
        const qint64 priya = Rapport::Test::addContact(db, QStringLiteral("Priya Raman"));
        const qint64 raj = Rapport::Test::addContact(db, QStringLiteral("Raj Patel"));
        QVERIFY(IntroductionStore(db).add(Introduction{0, marcus, priya, IntroductionKind::Introduced, {}, {}}).ok());
        QVERIFY(IntroductionStore(db).add(Introduction{0, priya, raj, IntroductionKind::Referred, {}, {}}).ok());

        // Last year's meeting, logged today, is history rather than news.
        logAt(db, priya, InteractionKind::Meeting, TestDataFile::pinnedNow().addDays(-300));
        QVERIFY(thankYous(db, marcus).isEmpty());

        ReminderSettings settings;
        settings.thankIntroducer = false;
        QVERIFY(ReminderSettingsStore(db).save(settings).ok());
        logAt(db, raj, InteractionKind::Meeting, TestDataFile::pinnedNow());
        QVERIFY(thankYous(db, priya).isEmpty());
        QVERIFY(!ReminderSettingsStore(db).load()->thankIntroducer);
    }

    void agenda_sortsIntoOverdueTodayThisWeekAndGoingCold()
    {
        TestDataFile data;
        // 12:00 UTC is 02:00 in Honolulu: "today" is the 15th there.
        data.clock().setTimeZone(QTimeZone("Pacific/Honolulu"));
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        const qint64 kenji = Rapport::Test::addContact(db, QStringLiteral("Kenji Watanabe"));
        logAt(db, kenji, InteractionKind::Email, TestDataFile::pinnedNow().addDays(-30));
        ReminderStore store(db);
        auto add = [&](const QDateTime &due, const char *note) {
            Reminder r;
            r.contactId = sam;
            r.dueAt = due;
            r.note = QString::fromUtf8(note);
            return store.add(r).value();
        };
        const qint64 yesterday = add(local("Pacific/Honolulu", 2026, 6, 14, 9), "yesterday");
        const qint64 tonight = add(local("Pacific/Honolulu", 2026, 6, 15, 20), "tonight");
        const qint64 friday = add(local("Pacific/Honolulu", 2026, 6, 19, 9), "friday");
        add(local("Pacific/Honolulu", 2026, 7, 1, 9), "next month");
        const qint64 done = add(local("Pacific/Honolulu", 2026, 6, 13, 9), "done already");
        QVERIFY(store.complete(done).ok());

        const Agenda agenda = Agenda::build(db).value();
        auto ids = [](const QList<AgendaItem> &items) {
            QList<qint64> out;
            for (const AgendaItem &item : items)
                out << item.reminder.id;
            return out;
        };
        QCOMPARE(ids(agenda.overdue), QList<qint64>{yesterday});
        QCOMPARE(ids(agenda.today), QList<qint64>{tonight});
        QCOMPARE(ids(agenda.thisWeek), QList<qint64>{friday});
        QCOMPARE(agenda.goingCold.size(), 1);
        QCOMPARE(agenda.goingCold.constFirst().contactName, QStringLiteral("Kenji Watanabe"));
        QCOMPARE(agenda.overdue.constFirst().contactName, QStringLiteral("Sam Okafor"));
        QCOMPARE(agenda.dueCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFollowUps)
#include "tst_followups.moc"
