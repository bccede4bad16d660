#pragma once

#include "domain/stage.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Rapport::Core {

class Database;

/// "Close the loop": when someone the user was introduced to reaches a meeting
/// or becomes a client, a follow-up asks to thank (or update) whoever made the
/// introduction. Once per introducer, contact and stage; only for a stage
/// reached recently (logging last year's history asks nothing); switched off
/// with ReminderSettings::thankIntroducer.
class CloseTheLoop
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::CloseTheLoop)

public:
    explicit CloseTheLoop(Database &database);

    /// Call inside the transaction that moved `contactId` from `from` to `to`.
    Status stageReached(qint64 contactId, Stage from, Stage to, const QDateTime &reachedAt);

    /// How long after reaching a stage it is still news worth a thank-you.
    static constexpr int recentDays = 14;

private:
    Database &m_database;
};

} // namespace Rapport::Core
