#pragma once

#include "domain/stage.h"
#include "domain/stagechange.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Rapport::Core {

class Database;

/// Keeps each contact's stage and its history. The stage is the highest rung
/// the contact's interactions reached, unless the user set one by hand; every
/// change is appended to the history with the moment it was reached.
class StageTracker
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::StageTracker)

public:
    explicit StageTracker(Database &database);

    /// Recomputes the derived stage and last-interaction time of `contactId`
    /// from its interactions; records a history step when the stage changed.
    /// Call inside the transaction that changed the interactions.
    Status refresh(qint64 contactId);
    /// Like refresh, but sets the derived stage without recording a history
    /// step: for undo, after the steps being undone were removed.
    Status resync(qint64 contactId);

    /// Sets the stage by hand (e.g. Client when a contract is signed), or with
    /// nullopt returns to the stage derived from interactions. `at` is when it
    /// happened; invalid means now.
    Status setManual(qint64 contactId, std::optional<Stage> stage, const QDateTime &at = {});

    Result<QList<StageChange>> history(qint64 contactId);

private:
    struct Derived
    {
        Stage stage = Stage::None;
        QDateTime reachedAt;
        QDateTime lastInteractionAt;
    };
    Result<Derived> derive(qint64 contactId);
    Status apply(qint64 contactId, Stage effective, const QDateTime &reachedAt, bool manual);

    Database &m_database;
};

} // namespace Rapport::Core
