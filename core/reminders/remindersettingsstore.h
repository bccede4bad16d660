#pragma once

#include "remindersettings.h"
#include "result.h"

#include <QCoreApplication>

namespace Rapport::Core {

class Database;

/// Reads and writes ReminderSettings in the data file.
class ReminderSettingsStore
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ReminderSettingsStore)

public:
    explicit ReminderSettingsStore(Database &database);

    /// The stored settings, with the defaults for anything never saved.
    Result<ReminderSettings> load();
    /// Saves the settings and re-arms every contact's cadence to match, in one
    /// transaction. Refuses a cadence below 0 or above ten years.
    Status save(const ReminderSettings &settings);

private:
    Database &m_database;
};

} // namespace Rapport::Core
