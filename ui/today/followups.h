#pragma once

#include "domain/reminder.h"
#include "reminders/reminderscheduler.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMainWindow;
class QStackedWidget;
class QToolBar;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class ReminderBanner;
class ReminderNotifier;
class ReminderTray;
class TodayView;

/// Follow-ups in the main window, wired in one place: the Today view (View →
/// Today, Ctrl+T), the scheduler that notices what falls due, the notifier
/// that tells the user (desktop notification, tray or banner), and the tray
/// icon with the number due.
class FollowUps : public QObject
{
    Q_OBJECT

public:
    explicit FollowUps(QMainWindow *window);
    ~FollowUps() override;

    /// (Re)builds everything over a newly opened data file; the Today view
    /// becomes a page of `stack`. Starts the scheduler.
    void attach(Core::Database &database, QStackedWidget *stack);

    QAction *todayAction() const { return m_todayAction; }
    QAction *keepRunningAction() const;
    TodayView *todayView() const;
    ReminderBanner *banner() const { return m_banner; }
    ReminderNotifier *notifier() const { return m_notifier.get(); }
    Core::ReminderScheduler *scheduler() const { return m_scheduler.get(); }

    /// Asks for a new follow-up with `contactId` (0: choose the contact).
    void addFollowUp(qint64 contactId);

public slots:
    /// The data file changed elsewhere (an interaction logged, an import).
    void refresh();
    void showToday();

signals:
    void openContactRequested(qint64 contactId);
    /// Follow-ups or interactions changed here; lists elsewhere may show them.
    void contactsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void changedHere();
    void startScheduler();

    QMainWindow *m_window = nullptr;
    Core::Database *m_database = nullptr;
    QAction *m_todayAction = nullptr;
    QToolBar *m_bannerBar = nullptr;
    ReminderBanner *m_banner = nullptr;
    ReminderTray *m_tray = nullptr;
    QPointer<QStackedWidget> m_stack;
    QPointer<TodayView> m_today;
    QPointer<QWidget> m_before;
    std::unique_ptr<Core::ReminderScheduler> m_scheduler;
    std::unique_ptr<ReminderNotifier> m_notifier;
    bool m_startWhenPainted = false;
};

} // namespace Rapport::Ui
