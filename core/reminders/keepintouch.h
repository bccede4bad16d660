#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Rapport::Core {

class Database;

/// Keep-in-touch cadences. A contact's cadence is its own number of days, or
/// else the default of its stage (ReminderSettings). Each contact with a
/// cadence has one open cadence reminder, due a cadence after the later of its
/// last interaction and the last time its reminder was marked done: logging an
/// interaction pushes it out, so it never nags right after contact.
class KeepInTouch
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::KeepInTouch)

public:
    explicit KeepInTouch(Database &database);

    /// The contact's cadence in days (0: none).
    Result<int> cadenceDays(qint64 contactId);
    /// Brings the contact's cadence reminder in line with its interactions and
    /// cadence: creates, moves or removes it. Call inside the transaction that
    /// changed the contact or its interactions.
    Status rearm(qint64 contactId);
    /// rearm() for every contact, in one transaction.
    Status rearmAll();

private:
    Database &m_database;
};

} // namespace Rapport::Core
