#pragma once

#include "domain/reminder.h"
#include "reminders/reminderscheduler.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class DesktopNotifications;
class ReminderBanner;

/// Tells the user a follow-up is due, through the desktop's notification
/// service where one answers, else a tray balloon, else a banner in the
/// window; never a modal dialog. Its actions (Open, Snooze 1 day, Done) act on
/// the data file and say so through the signals.
class ReminderNotifier : public QObject
{
    Q_OBJECT

public:
    enum class Channel { None, Desktop, Tray, Banner };
    Q_ENUM(Channel)

    static constexpr const char *openAction = "open";
    static constexpr const char *snoozeAction = "snooze-1d";
    static constexpr const char *doneAction = "done";

    ReminderNotifier(Core::Database &database, ReminderBanner *banner, QObject *parent = nullptr);

    /// The tray icon to fall back to when no notification service answers.
    void setTrayIcon(QSystemTrayIcon *tray);

    void notifyDue(const Core::Reminder &reminder);
    void notifyTogether(const QList<Core::Reminder> &reminders, Core::ReminderScheduler::Occasion occasion);

    /// Does what an action says: "open", "snooze-1d" or "done" on a reminder
    /// (0 for a message about several, where "open" shows the Today view).
    void perform(qint64 reminderId, const QString &action);

    /// Where the last message went; for tests and the status bar.
    Channel lastChannel() const { return m_lastChannel; }
    /// The desktop notification service's id of the last notification sent.
    uint lastNotificationId() const { return m_lastNotificationId; }

signals:
    void openContactRequested(qint64 contactId);
    void openTodayRequested();
    /// A reminder was snoozed or done from a notification.
    void remindersChanged();
    void failed(const QString &message);

private:
    Channel channelForNext() const;
    void deliver(qint64 reminderId, const QString &summary, const QString &plainBody, bool reminderActions);
    void onDesktopAction(uint id, const QString &action);

    Core::Database &m_database;
    DesktopNotifications *m_desktop = nullptr;
    QPointer<ReminderBanner> m_banner;
    QPointer<QSystemTrayIcon> m_tray;
    /// Notification id → reminder id (0: a message about several).
    QHash<uint, qint64> m_shown;
    qint64 m_lastTrayReminder = -1;
    Channel m_lastChannel = Channel::None;
    uint m_lastNotificationId = 0;
};

} // namespace Rapport::Ui
