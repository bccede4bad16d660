#include "remindersettingsstore.h"

#include "keepintouch.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QSqlQuery>

namespace Rapport::Core {

namespace {

constexpr int maximumCadenceDays = 3660;

QString cadenceKey(Stage stage)
{
    return QStringLiteral("cadence.") + stageKey(stage);
}

const QString thankIntroducerKey = QStringLiteral("thank-introducer");

} // namespace

ReminderSettingsStore::ReminderSettingsStore(Database &database)
    : m_database(database)
{
}

Result<ReminderSettings> ReminderSettingsStore::load()
{
    auto q = m_database.exec(QStringLiteral("SELECT key, value FROM reminder_settings"));
    if (!q)
        return Result<ReminderSettings>::failure(tr("The follow-up settings could not be read: %1").arg(q.error()));
    ReminderSettings settings;
    while ((*q)->next()) {
        const QString key = (*q)->value(0).toString();
        const QString value = (*q)->value(1).toString();
        if (key == thankIntroducerKey) {
            settings.thankIntroducer = value == u"1";
            continue;
        }
        for (Stage stage : stageLadder()) {
            bool ok = false;
            const int days = value.toInt(&ok);
            if (key == cadenceKey(stage) && ok && days >= 0 && days <= maximumCadenceDays)
                settings.setCadenceFor(stage, days);
        }
    }
    return settings;
}

Status ReminderSettingsStore::save(const ReminderSettings &settings)
{
    for (Stage stage : stageLadder()) {
        const int days = settings.cadenceFor(stage);
        if (days < 0 || days > maximumCadenceDays) {
            return Status::failure(tr("The keep-in-touch cadence for %1 must be between 0 (none) and %2 days, not %3.")
                                       .arg(stageDisplayName(stage))
                                       .arg(maximumCadenceDays)
                                       .arg(days));
        }
    }
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto write = [this](const QString &key, const QString &value) {
        return m_database
            .exec(QStringLiteral("INSERT INTO reminder_settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {key, value})
            .status();
    };
    for (Stage stage : stageLadder()) {
        if (Status written = write(cadenceKey(stage), QString::number(settings.cadenceFor(stage))); !written)
            return Status::failure(tr("The follow-up settings could not be saved: %1").arg(written.error()));
    }
    if (Status written = write(thankIntroducerKey, settings.thankIntroducer ? QStringLiteral("1") : QStringLiteral("0"));
        !written)
        return Status::failure(tr("The follow-up settings could not be saved: %1").arg(written.error()));
    if (Status rearmed = KeepInTouch(m_database).rearmAll(); !rearmed)
        return rearmed;
    return transaction.commit();
}

} // namespace Rapport::Core
