#pragma once

#include "domain/activityrow.h"
#include "domain/interaction.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>

namespace Rapport::Core {

class Database;

/// Interactions and their participants. Every change refreshes the stage of
/// each participant in the same transaction.
class InteractionStore
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::InteractionStore)

public:
    explicit InteractionStore(Database &database);

    /// Records an interaction (time defaults to now) with at least one
    /// participant; returns its id. Nothing is written when any part fails.
    /// With `stageSteps`, also returns the stage history steps the log added,
    /// for undoLog.
    Result<qint64> log(const Interaction &interaction, QList<qint64> *stageSteps = nullptr);
    /// Deletes an interaction; the participants' stages follow (a new history
    /// step when a stage drops).
    Status remove(qint64 id);
    /// Takes a log back exactly: removes the interaction and the stage history
    /// steps it added, and returns each participant's stage and last
    /// interaction to what they were, without a new history step.
    Status undoLog(qint64 id, const QList<qint64> &stageSteps);
    /// A contact's interactions, newest first.
    Result<QList<Interaction>> forContact(qint64 contactId);
    /// One page of a contact's interactions, newest first: at most `limit`
    /// after skipping `offset`.
    Result<QList<Interaction>> forContact(qint64 contactId, int offset, int limit);
    Result<qint64> countForContact(qint64 contactId);
    /// One page of everyone's interactions for the activity timeline, newest
    /// first, strictly older than `after` when it is valid.
    Result<QList<ActivityRow>> activity(const ActivityQuery &query, const ActivityCursor &after, int limit);
    Result<qint64> count();

private:
    /// Deletes the interaction row; returns who took part.
    Result<QList<qint64>> deleteRow(qint64 id);
    Result<QList<Interaction>> read(const QString &sql, const QVariantList &values);

    Database &m_database;
};

} // namespace Rapport::Core
