#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace Rapport::Ui {

/// A client of the freedesktop notification service
/// (org.freedesktop.Notifications on the session bus): sends notifications
/// with actions and reports which action the user chose.
class DesktopNotifications : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *appIcon = "org.rapportcrm.Rapport";

    explicit DesktopNotifications(QObject *parent = nullptr);

    /// Whether a notification service answers on the session bus now.
    bool isAvailable() const;
    /// The server renders markup in the body: text must be escaped.
    bool hasBodyMarkup();
    /// The server shows action buttons.
    bool hasActions();

    /// Shows a notification; `actions` alternates keys and labels. Returns the
    /// server's id, or 0 when the service did not answer.
    uint notify(const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints = {});
    void close(uint id);

signals:
    void actionInvoked(uint id, const QString &actionKey);
    void notificationClosed(uint id, uint reason);

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    QStringList capabilities();

    QStringList m_capabilities;
    bool m_capabilitiesKnown = false;
};

} // namespace Rapport::Ui
