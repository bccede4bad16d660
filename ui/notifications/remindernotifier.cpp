#include "remindernotifier.h"

#include "desktopnotifications.h"
#include "reminderbanner.h"
#include "reminders/snooze.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/reminderstore.h"

#include <QDate>
#include <QLocale>
#include <QSet>
#include <QSystemTrayIcon>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

QString contactName(Database &database, qint64 contactId)
{
    auto contact = ContactStore(database).get(contactId);
    return contact ? contact->name() : QString();
}

} // namespace

ReminderNotifier::ReminderNotifier(Database &database, ReminderBanner *banner, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_desktop(new DesktopNotifications(this))
    , m_banner(banner)
{
    connect(m_desktop, &DesktopNotifications::actionInvoked, this, &ReminderNotifier::onDesktopAction);
    connect(m_desktop, &DesktopNotifications::notificationClosed, this,
            [this](uint id, uint) { m_shown.remove(id); });
    if (m_banner) {
        connect(m_banner, &ReminderBanner::actionChosen, this, &ReminderNotifier::perform);
    }
}

void ReminderNotifier::setTrayIcon(QSystemTrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_lastTrayReminder >= 0)
                perform(m_lastTrayReminder, QString::fromLatin1(openAction));
        });
    }
}

ReminderNotifier::Channel ReminderNotifier::channelForNext() const
{
    if (m_desktop->isAvailable())
        return Channel::Desktop;
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        return Channel::Tray;
    return Channel::Banner;
}

void ReminderNotifier::notifyDue(const Reminder &reminder)
{
    QString name = contactName(m_database, reminder.contactId);
    if (name.isEmpty())
        name = tr("A follow-up");
    QString body = reminder.note.isEmpty() ? tr("A follow-up is due.") : reminder.note;
    if (reminder.cadence) {
        const QDate lastContact = reminder.dueAt.addDays(-reminder.recurrence.every).toLocalTime().date();
        const qint64 since = lastContact.daysTo(m_database.clock().now().toLocalTime().date());
        body = since == 1 ? tr("Keep in touch: no contact since yesterday")
                          : tr("Keep in touch: no contact for %1 days").arg(since);
    }
    deliver(reminder.id, name, body, true);
}

void ReminderNotifier::notifyTogether(const QList<Reminder> &reminders, ReminderScheduler::Occasion occasion)
{
    // Always several: a single one is announced on its own.
    const int count = int(reminders.size());
    QString summary;
    switch (occasion) {
    case ReminderScheduler::Occasion::Started:
        summary = tr("%1 follow-ups fell due while Rapport was closed").arg(count);
        break;
    case ReminderScheduler::Occasion::ClockJumped:
        summary = tr("%1 follow-ups fell due while your computer was away").arg(count);
        break;
    case ReminderScheduler::Occasion::SameTime:
        summary = tr("%1 follow-ups are due").arg(count);
        break;
    }
    // Many may fall due together (a first start over a large file): their
    // names are read at once, and told apart by a set.
    QList<qint64> contactIds;
    contactIds.reserve(reminders.size());
    for (const Reminder &reminder : reminders)
        contactIds.append(reminder.contactId);
    const QHash<qint64, QString> namesById = ContactStore(m_database).names(contactIds).valueOr({});
    constexpr int shownNames = 3;
    QStringList names;
    QSet<QString> seen;
    for (const Reminder &reminder : reminders) {
        const QString name = namesById.value(reminder.contactId);
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen.insert(name);
        if (names.size() < shownNames)
            names << name;
    }
    QString body;
    if (seen.size() > shownNames) {
        body = tr("%1 and %n more", nullptr, int(seen.size()) - shownNames)
                   .arg(QLocale().createSeparatedList(names));
    } else {
        body = QLocale().createSeparatedList(names);
    }
    deliver(0, summary, body, false);
}

void ReminderNotifier::deliver(qint64 reminderId, const QString &summary, const QString &plainBody,
                               bool reminderActions)
{
    m_lastChannel = channelForNext();
    switch (m_lastChannel) {
    case Channel::Desktop: {
        QStringList actions{QStringLiteral("default"), tr("Open")};
        actions << QString::fromLatin1(openAction) << (reminderActions ? tr("Open") : tr("Open Today"));
        if (reminderActions) {
            actions << QString::fromLatin1(snoozeAction) << tr("Snooze 1 day") << QString::fromLatin1(doneAction)
                    << tr("Done");
        }
        // The note is the user's text: a server that renders markup must show it literally.
        const QString body = m_desktop->hasBodyMarkup() ? plainBody.toHtmlEscaped() : plainBody;
        const uint id = m_desktop->notify(summary, body, actions,
                                          {{QStringLiteral("category"), QStringLiteral("reminder")}});
        if (id != 0) {
            m_shown.insert(id, reminderId);
            m_lastNotificationId = id;
            return;
        }
        // The service vanished between the check and the call: fall back below.
        m_lastChannel = m_tray && m_tray->isVisible() ? Channel::Tray : Channel::Banner;
        if (m_lastChannel == Channel::Banner)
            break;
        [[fallthrough]];
    }
    case Channel::Tray:
        m_lastTrayReminder = reminderId;
        m_tray->showMessage(summary, plainBody, QSystemTrayIcon::Information, 15000);
        return;
    case Channel::Banner:
    case Channel::None:
        break;
    }
    m_lastChannel = Channel::Banner;
    if (m_banner)
        m_banner->showMessage(reminderId, summary, plainBody, reminderActions);
}

void ReminderNotifier::onDesktopAction(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend())
        return; // another application's notification, or one already handled
    const qint64 reminderId = *it;
    m_shown.remove(id);
    perform(reminderId, action == u"default" ? QString::fromLatin1(openAction) : action);
}

void ReminderNotifier::perform(qint64 reminderId, const QString &action)
{
    if (reminderId <= 0) {
        if (action == QLatin1StringView(openAction))
            emit openTodayRequested();
        return;
    }
    ReminderStore store(m_database);
    auto reminder = store.get(reminderId);
    if (!reminder) {
        emit failed(reminder.error());
        return;
    }
    Status done = Status::success();
    if (action == QLatin1StringView(openAction)) {
        emit openContactRequested(reminder->contactId);
        return;
    }
    if (action == QLatin1StringView(snoozeAction)) {
        const QDateTime now = m_database.clock().now();
        done = store.snooze(reminderId, Snooze::until(SnoozePreset::OneDay, now, m_database.clock().timeZone()));
    } else if (action == QLatin1StringView(doneAction)) {
        done = store.complete(reminderId);
    } else {
        return;
    }
    if (!done) {
        emit failed(done.error());
        return;
    }
    emit remindersChanged();
}

} // namespace Rapport::Ui
