#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QSystemTrayIcon;

namespace Rapport::Ui {

/// The tray icon, where the desktop has a tray: it shows how many follow-ups
/// are due and, when the user chose so, keeps Rapport running after its
/// window is closed so that reminders still arrive.
class ReminderTray : public QObject
{
    Q_OBJECT

public:
    /// Creates the icon only when a system tray is available.
    explicit ReminderTray(QMainWindow *window);

    /// nullptr where there is no tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    /// The checkable "Keep Running in the Tray" action (disabled without a tray).
    QAction *keepRunningAction() const { return m_keepRunning; }
    void setDueCount(int count);
    int dueCount() const { return m_dueCount; }

signals:
    void todayRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showWindow();
    void explainOnce();

    QMainWindow *m_window = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_keepRunning = nullptr;
    int m_dueCount = -1;
};

} // namespace Rapport::Ui
