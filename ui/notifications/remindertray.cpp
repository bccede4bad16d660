#include "remindertray.h"

#include "notificationsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace Rapport::Ui {

namespace {

/// The app icon with the count in a red disc at its corner.
QIcon iconWithCount(int count)
{
    const QIcon base(QStringLiteral(":/icons/rapport.svg"));
    if (count <= 0)
        return base;
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal disc = size * 0.62;
        const QRectF rect(size - disc, size - disc, disc, disc);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(rect);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(int(disc * (count > 9 ? 0.5 : 0.7)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(rect, Qt::AlignCenter, count > 99 ? QStringLiteral("99+") : QString::number(count));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

ReminderTray::ReminderTray(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_keepRunning = new QAction(tr("Keep Running in the &Tray"), this);
    m_keepRunning->setObjectName(QStringLiteral("keepRunningInTrayAction"));
    m_keepRunning->setCheckable(true);
    m_keepRunning->setToolTip(tr("Closing the window leaves Rapport in the tray, so follow-ups still notify you"));
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_keepRunning->setEnabled(false);
        m_keepRunning->setToolTip(tr("This desktop has no system tray"));
        return;
    }
    m_keepRunning->setChecked(NotificationSettings::keepRunningInTray());
    connect(m_keepRunning, &QAction::toggled, this, [this](bool on) {
        NotificationSettings::setKeepRunningInTray(on);
        QApplication::setQuitOnLastWindowClosed(!on);
        if (on)
            explainOnce();
    });
    QApplication::setQuitOnLastWindowClosed(!m_keepRunning->isChecked());

    m_tray = new QSystemTrayIcon(iconWithCount(0), this);
    m_tray->setObjectName(QStringLiteral("reminderTrayIcon"));
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show Rapport"), this, &ReminderTray::showWindow);
    menu->addAction(tr("Today"), this, [this] {
        showWindow();
        emit todayRequested();
    });
    menu->addSeparator();
    menu->addAction(m_keepRunning);
    menu->addSeparator();
    menu->addAction(tr("Quit Rapport"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            showWindow();
            emit todayRequested();
        }
    });
    setDueCount(0);
    m_tray->show();
    window->installEventFilter(this);
}

void ReminderTray::setDueCount(int count)
{
    if (count == m_dueCount)
        return;
    m_dueCount = count;
    if (!m_tray)
        return;
    m_tray->setIcon(iconWithCount(count));
    m_tray->setToolTip(count > 0 ? (count == 1 ? tr("Rapport: 1 follow-up due") : tr("Rapport: %1 follow-ups due").arg(count))
                                 : tr("Rapport: nothing due"));
}

bool ReminderTray::eventFilter(QObject *watched, QEvent *event)
{
    // Only the window manager's close: File → Quit closes every window on purpose.
    if (watched == m_window && event->type() == QEvent::Close && event->spontaneous() && m_tray
        && m_keepRunning->isChecked()) {
        event->ignore();
        m_window->hide();
        explainOnce();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void ReminderTray::explainOnce()
{
    if (NotificationSettings::trayExplained() || !m_tray)
        return;
    NotificationSettings::setTrayExplained(true);
    m_tray->showMessage(tr("Rapport keeps running in the tray"),
                        tr("Closing the window leaves Rapport here so that follow-ups still notify you. Quit from this "
                           "icon's menu, or turn it off in View → Keep Running in the Tray."),
                        QSystemTrayIcon::Information, 15000);
}

void ReminderTray::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace Rapport::Ui
