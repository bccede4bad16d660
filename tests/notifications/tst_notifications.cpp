#include "notifications/desktopnotifications.h"
#include "notifications/reminderbanner.h"
#include "notifications/remindernotifier.h"
#include "reminders/reminderscheduler.h"
#include "store/database.h"
#include "store/reminderstore.h"
#include "testdatafile.h"

#include <QApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Rapport::Core;
using namespace Rapport::Ui;
using Rapport::Test::TestDataFile;

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString objectPath = QStringLiteral("/org/freedesktop/Notifications");
const QString mockInterface = QStringLiteral("org.freedesktop.DBus.Mock");

bool withService()
{
    return qEnvironmentVariable("RAPPORT_TEST_NOTIFICATION_SERVICE") == u"1";
}

QDBusMessage callMock(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, objectPath, mockInterface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message);
}

/// One recorded Notify call, as the mock server received it.
struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString icon;
    QString summary;
    QString body;
    QStringList actions;
};

QStringList toStringList(const QVariant &value)
{
    if (value.canConvert<QDBusArgument>())
        return qdbus_cast<QStringList>(value.value<QDBusArgument>());
    return value.toStringList();
}

QList<NotifyCall> notifyCalls()
{
    const QDBusMessage reply = callMock(QStringLiteral("GetMethodCalls"), {QStringLiteral("Notify")});
    if (reply.type() != QDBusMessage::ReplyMessage)
        qFatal("GetMethodCalls failed: %s", qPrintable(reply.errorMessage()));
    QList<NotifyCall> calls;
    const QDBusArgument array = reply.arguments().constFirst().value<QDBusArgument>();
    array.beginArray();
    while (!array.atEnd()) {
        quint64 timestamp = 0;
        QVariantList args;
        array.beginStructure();
        array >> timestamp >> args;
        array.endStructure();
        if (args.size() < 8)
            qFatal("a Notify call with %d arguments", int(args.size()));
        calls.append(NotifyCall{args.at(0).toString(), args.at(1).toUInt(), args.at(2).toString(),
                                args.at(3).toString(), args.at(4).toString(), toStringList(args.at(5))});
    }
    array.endArray();
    return calls;
}

void emitFromServer(const QString &signal, const QString &signature, const QVariantList &args)
{
    const QDBusMessage reply = callMock(QStringLiteral("EmitSignal"), {service, signal, signature, args});
    if (reply.type() != QDBusMessage::ReplyMessage)
        qFatal("EmitSignal failed: %s", qPrintable(reply.errorMessage()));
}

/// A data file with one contact whose follow-up fell due a minute ago, a
/// notifier and a scheduler wired as the main window wires them.
struct Fixture
{
    TestDataFile data;
    Database &db = data.open();
    ReminderBanner banner;
    ReminderNotifier notifier{db, &banner};
    ReminderScheduler scheduler{db};
    qint64 contact = Rapport::Test::addContact(db, QStringLiteral("Hannah Cho"));
    qint64 reminder = 0;

    Fixture()
    {
        Reminder r;
        r.contactId = contact;
        r.dueAt = TestDataFile::pinnedNow().addSecs(-60);
        r.note = QStringLiteral("Pitch the <b>guest</b> episode & ask about season 2");
        reminder = ReminderStore(db).add(r).value();
        QObject::connect(&scheduler, &ReminderScheduler::reminderDue, &notifier, &ReminderNotifier::notifyDue);
        QObject::connect(&scheduler, &ReminderScheduler::remindersDueTogether, &notifier,
                         &ReminderNotifier::notifyTogether);
    }
};

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (withService())
            QVERIFY(callMock(QStringLiteral("ClearCalls"), {}).type() == QDBusMessage::ReplyMessage);
    }

    void dueReminder_showsExactlyOneNotificationWithTheContactAndTheEscapedNote()
    {
        if (!withService())
            QSKIP("runs on a bus with the mock notification server (tests/notifications/run-on-session-bus.sh --mock)");
        Fixture f;
        QVERIFY(DesktopNotifications().isAvailable());
        f.scheduler.start();
        f.scheduler.refresh(); // a second look finds nothing new
        QCOMPARE(f.notifier.lastChannel(), ReminderNotifier::Channel::Desktop);
        const QList<NotifyCall> calls = notifyCalls();
        QCOMPARE(calls.size(), 1);
        const NotifyCall &call = calls.constFirst();
        QCOMPARE(call.icon, QStringLiteral("org.rapportcrm.Rapport"));
        QCOMPARE(call.summary, QStringLiteral("Hannah Cho"));
        // The mock server announces body-markup, so the user's text arrives escaped.
        QCOMPARE(call.body, QStringLiteral("Pitch the &lt;b&gt;guest&lt;/b&gt; episode &amp; ask about season 2"));
        QVERIFY2(call.actions.contains(QStringLiteral("snooze-1d")), qPrintable(call.actions.join(u',')));
        QCOMPARE(call.actions.at(call.actions.indexOf(QStringLiteral("snooze-1d")) + 1), QStringLiteral("Snooze 1 day"));
        QVERIFY(call.actions.contains(QStringLiteral("done")));
        QVERIFY(call.actions.contains(QStringLiteral("open")));
        QVERIFY(f.banner.isHidden());
    }

    void snoozeOneDayAction_movesTheReminderADayOn()
    {
        if (!withService())
            QSKIP("runs on a bus with the mock notification server");
        Fixture f;
        QSignalSpy changed(&f.notifier, &ReminderNotifier::remindersChanged);
        f.scheduler.start();
        QCOMPARE(notifyCalls().size(), 1);
        const uint id = f.notifier.lastNotificationId();
        QVERIFY(id > 0);
        emitFromServer(QStringLiteral("ActionInvoked"), QStringLiteral("us"), {id, QStringLiteral("snooze-1d")});
        QTRY_COMPARE(changed.size(), 1);
        const Reminder snoozed = ReminderStore(f.db).get(f.reminder).value();
        QCOMPARE(snoozed.state, ReminderState::Snoozed);
        QCOMPARE(snoozed.snoozedUntil, TestDataFile::pinnedNow().addDays(1));
        QVERIFY(!snoozed.isOverdue(f.db.clock().now()));

        // The same action again (a second click, or another app's id) changes nothing more.
        emitFromServer(QStringLiteral("ActionInvoked"), QStringLiteral("us"), {id, QStringLiteral("snooze-1d")});
        emitFromServer(QStringLiteral("ActionInvoked"), QStringLiteral("us"), {id + 1000, QStringLiteral("done")});
        QTest::qWait(0);
        QCoreApplication::processEvents();
        QCOMPARE(ReminderStore(f.db).get(f.reminder)->snoozedUntil, TestDataFile::pinnedNow().addDays(1));
    }

    void doneAndOpenActions_doWhatTheySay()
    {
        if (!withService())
            QSKIP("runs on a bus with the mock notification server");
        Fixture f;
        QSignalSpy open(&f.notifier, &ReminderNotifier::openContactRequested);
        Reminder second;
        second.contactId = f.contact;
        second.dueAt = TestDataFile::pinnedNow().addSecs(30);
        second.note = QStringLiteral("Send the outline");
        const qint64 secondId = ReminderStore(f.db).add(second).value();
        f.scheduler.start();
        const uint first = f.notifier.lastNotificationId();
        f.data.clock().advanceSecs(30);
        f.scheduler.refresh();
        QCOMPARE(notifyCalls().size(), 2);
        const uint next = f.notifier.lastNotificationId();
        QVERIFY(next != first);
        emitFromServer(QStringLiteral("ActionInvoked"), QStringLiteral("us"), {first, QStringLiteral("open")});
        QTRY_COMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toLongLong(), f.contact);
        emitFromServer(QStringLiteral("ActionInvoked"), QStringLiteral("us"), {next, QStringLiteral("done")});
        QTRY_COMPARE(ReminderStore(f.db).get(secondId)->state, ReminderState::Done);
        QCOMPARE(ReminderStore(f.db).get(f.reminder)->state, ReminderState::Open);
    }

    void manyDueAtStart_showOneNotificationSayingHowMany()
    {
        if (!withService())
            QSKIP("runs on a bus with the mock notification server");
        Fixture f;
        for (const char *name : {"Luis Ortega", "Oliver Brandt", "Kenji Watanabe", "Nadia Petrova"}) {
            Reminder r;
            r.contactId = Rapport::Test::addContact(f.db, QString::fromUtf8(name));
            r.dueAt = TestDataFile::pinnedNow().addDays(-2);
            QVERIFY(ReminderStore(f.db).add(r).ok());
        }
        f.scheduler.start();
        const QList<NotifyCall> calls = notifyCalls();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.constFirst().summary, QStringLiteral("5 follow-ups fell due while Rapport was closed"));
        QVERIFY2(calls.constFirst().body.contains(u"and 2 more"), qPrintable(calls.constFirst().body));
    }

    void noNotificationService_fallsBackToTheBannerInTheWindow()
    {
        if (withService())
            QSKIP("runs on a bus without a notification server (tests/notifications/run-on-session-bus.sh --none)");
        Fixture f;
        QVERIFY(!DesktopNotifications().isAvailable());
        QSignalSpy shown(&f.banner, &ReminderBanner::visibilityChanged);
        f.scheduler.start();
        QCOMPARE(f.notifier.lastChannel(), ReminderNotifier::Channel::Banner);
        QCOMPARE(shown.size(), 1);
        QVERIFY(!f.banner.isHidden());
        QCOMPARE(f.banner.reminderId(), f.reminder);
        // Plain text: the user's markup is shown as typed.
        QCOMPARE(f.banner.findChild<QLabel *>(QStringLiteral("reminderBannerSummary"))->text(), QStringLiteral("Hannah Cho"));
        QCOMPARE(f.banner.findChild<QLabel *>(QStringLiteral("reminderBannerBody"))->text(),
                 QStringLiteral("Pitch the <b>guest</b> episode & ask about season 2"));
        QCOMPARE(f.banner.findChild<QLabel *>(QStringLiteral("reminderBannerBody"))->textFormat(), Qt::PlainText);

        f.banner.findChild<QPushButton *>(QStringLiteral("reminderBannerSnooze"))->click();
        QVERIFY(f.banner.isHidden());
        QCOMPARE(ReminderStore(f.db).get(f.reminder)->snoozedUntil, TestDataFile::pinnedNow().addDays(1));
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
