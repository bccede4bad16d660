#include "followups.h"

#include "addfollowupdialog.h"
#include "notifications/reminderbanner.h"
#include "notifications/remindernotifier.h"
#include "notifications/remindertray.h"
#include "store/database.h"
#include "todayview.h"

#include <QAction>
#include <QMainWindow>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Rapport::Ui {

using namespace Rapport::Core;

FollowUps::FollowUps(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_todayAction = new QAction(tr("&Today"), this);
    m_todayAction->setObjectName(QStringLiteral("todayAction"));
    m_todayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_todayAction->setCheckable(true);
    m_todayAction->setToolTip(tr("Follow-ups due, overdue and coming this week, and contacts going cold (Ctrl+T)"));
    connect(m_todayAction, &QAction::triggered, this, [this](bool on) {
        if (on) {
            showToday();
        } else if (m_stack && m_before) {
            m_stack->setCurrentWidget(m_before);
        }
    });
    m_banner = new ReminderBanner(window);
    m_tray = new ReminderTray(window);
    connect(m_tray, &ReminderTray::todayRequested, this, &FollowUps::showToday);
}

FollowUps::~FollowUps() = default;

TodayView *FollowUps::todayView() const
{
    return m_today;
}

QAction *FollowUps::keepRunningAction() const
{
    return m_tray->keepRunningAction();
}

void FollowUps::attach(Database &database, QStackedWidget *stack)
{
    m_scheduler.reset();
    m_notifier.reset();
    m_database = &database;
    if (!m_bannerBar) {
        // Below the main toolbar, across the window, only while it has something to say.
        m_bannerBar = new QToolBar(tr("Follow-up Messages"), m_window);
        m_bannerBar->setObjectName(QStringLiteral("reminderBannerBar"));
        m_bannerBar->setMovable(false);
        m_bannerBar->setFloatable(false);
        m_bannerBar->toggleViewAction()->setVisible(false);
        m_bannerBar->setStyleSheet(QStringLiteral("QToolBar { border: none; padding: 0px 6px 4px 6px; }"));
        m_window->addToolBarBreak();
        m_window->addToolBar(m_bannerBar);
        // A toolbar decides its widgets' visibility; the banner shows and
        // hides itself inside a holder the toolbar keeps visible.
        auto *holder = new QWidget(m_bannerBar);
        auto *holderLayout = new QVBoxLayout(holder);
        holderLayout->setContentsMargins(0, 0, 0, 0);
        m_banner->setParent(holder);
        holderLayout->addWidget(m_banner);
        m_bannerBar->addWidget(holder);
        m_bannerBar->hide();
        connect(m_banner, &ReminderBanner::visibilityChanged, m_bannerBar, &QToolBar::setVisible);
    }

    m_stack = stack;
    // Read when first shown: a start shows the contacts, not this.
    m_today = new TodayView(database, stack, TodayView::Load::WhenShown);
    stack->addWidget(m_today);
    connect(m_today, &TodayView::openContactRequested, this, &FollowUps::openContactRequested);
    connect(m_today, &TodayView::changed, this, &FollowUps::changedHere);
    connect(stack, &QStackedWidget::currentChanged, this, [this] {
        const bool showing = m_stack && m_stack->currentWidget() == m_today;
        m_todayAction->setChecked(showing);
        if (showing)
            m_today->reload();
    });

    m_notifier = std::make_unique<ReminderNotifier>(database, m_banner);
    m_notifier->setTrayIcon(m_tray->trayIcon());
    connect(m_notifier.get(), &ReminderNotifier::openContactRequested, this, [this](qint64 contactId) {
        // From a notification the window may be in the tray or behind others.
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
        emit openContactRequested(contactId);
    });
    connect(m_notifier.get(), &ReminderNotifier::openTodayRequested, this, &FollowUps::showToday);
    connect(m_notifier.get(), &ReminderNotifier::remindersChanged, this, &FollowUps::changedHere);
    connect(m_notifier.get(), &ReminderNotifier::failed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 10000); });

    m_scheduler = std::make_unique<ReminderScheduler>(database);
    connect(m_scheduler.get(), &ReminderScheduler::reminderDue, m_notifier.get(), &ReminderNotifier::notifyDue);
    connect(m_scheduler.get(), &ReminderScheduler::remindersDueTogether, m_notifier.get(),
            &ReminderNotifier::notifyTogether);
    connect(m_scheduler.get(), &ReminderScheduler::dueCountChanged, m_tray, &ReminderTray::setDueCount);
    connect(m_scheduler.get(), &ReminderScheduler::dueCountChanged, this, [this] {
        if (m_today)
            m_today->reloadWhenShown();
    });
    connect(m_scheduler.get(), &ReminderScheduler::clockJumped, this, [this] {
        if (m_today)
            m_today->reloadWhenShown();
    });
    connect(m_scheduler.get(), &ReminderScheduler::failed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 10000); });
    // Re-arming every cadence and catching up on what fell due is not needed
    // to paint the window: it runs at the first turn of the event loop after
    // the window has painted (or at once, if the window is not shown then).
    if (m_window->isVisible()) {
        QTimer::singleShot(0, m_scheduler.get(), &ReminderScheduler::start);
    } else {
        m_startWhenPainted = true;
        m_window->installEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            if (!m_window->isVisible())
                startScheduler();
        });
        // Should no paint come (a window kept hidden), follow-ups still notify.
        QTimer::singleShot(1000, this, &FollowUps::startScheduler);
    }
}

void FollowUps::startScheduler()
{
    if (!m_startWhenPainted)
        return;
    m_startWhenPainted = false;
    m_window->removeEventFilter(this);
    if (m_scheduler && !m_scheduler->isRunning())
        m_scheduler->start();
}

bool FollowUps::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && m_startWhenPainted && event->type() == QEvent::Paint)
        QTimer::singleShot(0, this, &FollowUps::startScheduler);
    return QObject::eventFilter(watched, event);
}

void FollowUps::refresh()
{
    if (m_scheduler)
        m_scheduler->refresh();
    if (m_today)
        m_today->reloadWhenShown();
}

void FollowUps::showToday()
{
    if (!m_stack || !m_today)
        return;
    if (m_stack->currentWidget() != m_today)
        m_before = m_stack->currentWidget();
    m_stack->setCurrentWidget(m_today);
    m_today->reload();
    m_todayAction->setChecked(true);
    // A message about several follow-ups has done its job once they are in view.
    if (!m_banner->isHidden() && m_banner->reminderId() == 0)
        m_banner->dismiss();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void FollowUps::addFollowUp(qint64 contactId)
{
    if (m_database && AddFollowUpDialog::addFor(*m_database, contactId, m_window))
        changedHere();
}

void FollowUps::changedHere()
{
    refresh();
    emit contactsChanged();
}

} // namespace Rapport::Ui
