#include "desktopnotifications.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotifications, "rapport.ui.notifications")

namespace Rapport::Ui {

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
const QString interface = QStringLiteral("org.freedesktop.Notifications");
/// A notification server that does not answer within this is treated as absent.
constexpr int callTimeoutMs = 3000;

QDBusMessage call(const QString &method, const QVariantList &arguments = {})
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, method);
    message.setArguments(arguments);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, callTimeoutMs);
}

} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
                SLOT(onNotificationClosed(uint, uint)));
}

bool DesktopNotifications::isAvailable() const
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QDBusReply<bool> registered = bus.interface()->isServiceRegistered(service);
    return registered.isValid() && registered.value();
}

QStringList DesktopNotifications::capabilities()
{
    if (!m_capabilitiesKnown) {
        const QDBusMessage reply = call(QStringLiteral("GetCapabilities"));
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
            m_capabilities = reply.arguments().constFirst().toStringList();
            m_capabilitiesKnown = true;
        }
    }
    return m_capabilities;
}

bool DesktopNotifications::hasBodyMarkup()
{
    return capabilities().contains(QStringLiteral("body-markup"));
}

bool DesktopNotifications::hasActions()
{
    return capabilities().contains(QStringLiteral("actions"));
}

uint DesktopNotifications::notify(const QString &summary, const QString &body, const QStringList &actions,
                                  const QVariantMap &hints)
{
    QVariantMap allHints = hints;
    allHints.insert(QStringLiteral("desktop-entry"), QString::fromLatin1(appIcon));
    const QDBusMessage reply = call(QStringLiteral("Notify"),
                                    {QCoreApplication::applicationName(), uint(0), QString::fromLatin1(appIcon),
                                     summary, body, actions, allHints, int(-1)});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        qCWarning(lcNotifications) << "the notification service did not take the notification:" << reply.errorMessage();
        return 0;
    }
    return reply.arguments().constFirst().toUInt();
}

void DesktopNotifications::close(uint id)
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("CloseNotification"));
    message.setArguments({id});
    QDBusConnection::sessionBus().send(message);
}

void DesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    emit actionInvoked(id, actionKey);
}

void DesktopNotifications::onNotificationClosed(uint id, uint reason)
{
    emit notificationClosed(id, reason);
}

} // namespace Rapport::Ui
