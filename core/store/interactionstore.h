#pragma once

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
    Result<qint64> log(const Interaction &interaction);
    Status remove(qint64 id);
    /// A contact's interactions, newest first.
    Result<QList<Interaction>> forContact(qint64 contactId);
    Result<qint64> count();

private:
    Result<QList<Interaction>> read(const QString &sql, const QVariantList &values);

    Database &m_database;
};

} // namespace Rapport::Core
