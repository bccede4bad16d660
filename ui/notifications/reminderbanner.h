#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Rapport::Ui {

/// A bar across the top of the main window that says a follow-up is due when
/// neither a notification service nor a tray can. Never modal: work goes on
/// around it, and it offers the same actions as a notification.
class ReminderBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ReminderBanner(QWidget *parent = nullptr);

    /// Shows the message (plain text), replacing the one before; `reminderId`
    /// 0 is a message about several follow-ups, offering only Open Today.
    void showMessage(qint64 reminderId, const QString &summary, const QString &body, bool reminderActions);
    qint64 reminderId() const { return m_reminderId; }
    QString text() const;
    /// Hides the banner (the follow-ups stay in Today).
    void dismiss();

signals:
    void actionChosen(qint64 reminderId, const QString &action);
    /// Shown with a message, or dismissed; whoever holds the banner shows or hides its place.
    void visibilityChanged(bool visible);

private:

    void choose(const char *action);

    QLabel *m_summary = nullptr;
    QLabel *m_body = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_snooze = nullptr;
    QPushButton *m_done = nullptr;
    qint64 m_reminderId = 0;
};

} // namespace Rapport::Ui
