#include "mainwindow.h"
#include "notifications/reminderbanner.h"
#include "reminders/remindersettingsstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/reminderstore.h"
#include "testdatafile.h"
#include "today/followups.h"
#include "today/followupsettingsdialog.h"
#include "today/todayview.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>

using namespace Rapport::Core;
using namespace Rapport::Ui;
using Rapport::Test::TestDataFile;

namespace {

qint64 addReminder(Database &db, qint64 contact, const QDateTime &due, const QString &note)
{
    Reminder r;
    r.contactId = contact;
    r.dueAt = due;
    r.note = note;
    return ReminderStore(db).add(r).value();
}

QPushButton *rowButton(TodayView &view, qint64 reminderId, const char *name)
{
    QWidget *row = view.findChild<QWidget *>(QStringLiteral("todayRow%1").arg(reminderId));
    return row ? row->findChild<QPushButton *>(QString::fromLatin1(name)) : nullptr;
}

} // namespace

class TestTodayView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // No notification service may answer here, whatever session this runs in.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/rapport-test-bus");
    }

    void sections_showOverdueTodayThisWeekAndGoingCold()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam <b>Okafor</b>"));
        const qint64 kenji = Rapport::Test::addContact(db, QStringLiteral("Kenji Watanabe"));
        Rapport::Test::logInteraction(db, kenji, InteractionKind::Email, TestDataFile::pinnedNow().addDays(-30));
        const qint64 overdue = addReminder(db, sam, TestDataFile::pinnedNow().addDays(-3), QStringLiteral("Send the outline"));
        addReminder(db, sam, TestDataFile::pinnedNow().addDays(3), QStringLiteral("Confirm the workshop"));
        TodayView view(db);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("todayOverdue")));
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("todayThisWeek")));
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("todayGoingCold")));
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("todayDueToday")));
        QWidget *row = view.findChild<QWidget *>(QStringLiteral("todayRow%1").arg(overdue));
        QVERIFY(row);
        // The contact's name is shown as typed, not as markup.
        QCOMPARE(row->findChild<QPushButton *>(QStringLiteral("todayOpen"))->text(), QStringLiteral("Sam <b>Okafor</b>"));
        QCOMPARE(row->findChild<QLabel *>(QStringLiteral("todayDue"))->text(), QStringLiteral("3 days overdue"));
        QCOMPARE(view.agenda().goingCold.size(), 1);
    }

    void doneAndLog_changeTheFileAndTheView()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        const qint64 first = addReminder(db, sam, TestDataFile::pinnedNow().addDays(-1), QStringLiteral("Send the outline"));
        const qint64 second = addReminder(db, sam, TestDataFile::pinnedNow().addDays(-2), QStringLiteral("Ask about the launch"));
        TodayView view(db);
        QObject::connect(&view, &TodayView::changed, &view, &TodayView::reload);
        rowButton(view, first, "todayDone")->click();
        QCOMPARE(ReminderStore(db).get(first)->state, ReminderState::Done);
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("todayRow%1").arg(first)));

        Interaction call;
        call.kind = InteractionKind::Call;
        call.summary = QStringLiteral("Talked about the launch");
        QVERIFY(view.logFor(second, call).ok());
        QCOMPARE(ReminderStore(db).get(second)->state, ReminderState::Done);
        QCOMPARE(InteractionStore(db).forContact(sam)->size(), 1);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("todayEmpty")) == nullptr); // the new cadence is this week
        QVERIFY(!view.snooze(second, TestDataFile::pinnedNow().addSecs(-5)).ok());
    }

    void cadenceSettings_savedFromTheDialog_reArmTheContactsGoingCold()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 kenji = Rapport::Test::addContact(db, QStringLiteral("Kenji Watanabe"));
        Rapport::Test::logInteraction(db, kenji, InteractionKind::Email, TestDataFile::pinnedNow().addDays(-30));
        TodayView view(db);
        QCOMPARE(view.agenda().goingCold.size(), 1);
        FollowUpSettingsDialog dialog(db);
        dialog.findChild<QSpinBox *>(QStringLiteral("cadence_email"))->setValue(60);
        dialog.findChild<QCheckBox *>(QStringLiteral("thankIntroducer"))->setChecked(false);
        QVERIFY(dialog.save());
        view.reload();
        QVERIFY(view.agenda().goingCold.isEmpty());
        QCOMPARE(view.agenda().isEmpty(), true);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("todayEmpty")));
        QCOMPARE(ReminderSettingsStore(db).load()->cadenceFor(Stage::Email), 60);
        QVERIFY(!ReminderSettingsStore(db).load()->thankIntroducer);
    }

    void mainWindow_todayActionShowsTheViewAndOpenGoesToTheContact()
    {
        TestDataFile data;
        Database &db = data.open();
        const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
        for (int i = 0; i < 3; ++i)
            addReminder(db, sam, TestDataFile::pinnedNow().addDays(-i - 1), QStringLiteral("Overdue %1").arg(i));
        data.close();
        auto reopened = Database::open(data.path(), data.clock());
        QVERIFY(reopened.ok());
        MainWindow window(std::move(reopened).value());
        window.show();
        FollowUps *followUps = window.followUps();
        // Nothing answers on D-Bus in this test: the catch-up message is a
        // banner, shortly after the window has painted.
        QTRY_VERIFY(!followUps->banner()->isHidden());
        QCOMPARE(followUps->banner()->reminderId(), 0);
        QVERIFY(followUps->banner()->text().contains(u"3 follow-ups fell due while Rapport was closed"));

        QAction *today = window.findChild<QAction *>(QStringLiteral("todayAction"));
        QVERIFY(today);
        today->trigger();
        auto *stack = qobject_cast<QStackedWidget *>(window.centralWidget());
        QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(followUps->todayView()));
        QVERIFY(followUps->banner()->isHidden());
        QCOMPARE(followUps->todayView()->agenda().overdue.size(), 3);

        const qint64 id = followUps->todayView()->agenda().overdue.constFirst().reminder.id;
        rowButton(*followUps->todayView(), id, "todayOpen")->click();
        QVERIFY(stack->currentWidget() != followUps->todayView());
        QVERIFY(!today->isChecked());
    }
};

QTEST_MAIN(TestTodayView)
#include "tst_todayview.moc"
