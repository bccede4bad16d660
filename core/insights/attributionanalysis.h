#pragma once

#include "graph/relationshipgraph.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Rapport::Core {

class Database;

/// The clients one introducer led to (RelationshipGraph's attribution).
struct IntroducerClients
{
    qint64 contactId = 0;
    QString name;
    /// Clients the contact introduced themselves, and all clients downstream.
    QList<qint64> directClients;
    QList<qint64> allClients;
};

/// The clients reached through one how-we-met channel.
struct ChannelClients
{
    /// "" is "not recorded".
    QString channel;
    /// Clients first met through the channel themselves.
    QList<qint64> directClients;
    /// Those plus every client downstream of a first contact (someone nobody
    /// introduced) met through the channel.
    QList<qint64> allClients;
};

struct AttributionReport
{
    /// Introducers who led to at least one client, most clients first
    /// (archived introducers left out); at most `limit`.
    QList<IntroducerClients> introducers;
    /// Every channel that led to a client, most clients first.
    QList<ChannelClients> channels;
};

/// Which people and channels the clients came from, on the relationship graph:
/// the same numbers as `rapport-cli attribution` and the graph view, from
/// RelationshipGraph. Loads only what attribution needs, so that it stays fast
/// on a large file. The period and cohort do not apply: chains span years.
class AttributionAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::AttributionAnalysis)

public:
    explicit AttributionAnalysis(Database &database);

    Result<AttributionReport> compute(int limit = 10);

private:
    Database &m_database;
};

} // namespace Rapport::Core
