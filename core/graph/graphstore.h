#pragma once

#include "graph/relationshipgraph.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace Rapport::Core {

class Database;

/// Where the user (or the layout) put a contact in the relationship graph.
/// A pinned node stays where it is when the layout runs.
struct GraphPosition
{
    qint64 contactId = 0;
    double x = 0;
    double y = 0;
    bool pinned = false;

    friend bool operator==(const GraphPosition &, const GraphPosition &) = default;
};

/// Reads the relationship graph from the data file and keeps its layout.
class GraphStore
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::GraphStore)

public:
    explicit GraphStore(Database &database);

    /// Every contact (archived ones flagged) and every introduction, in a few
    /// queries whatever the size of the file.
    Result<RelationshipGraph> load();

    /// Saved positions by contact id.
    Result<QHash<qint64, GraphPosition>> positions();
    /// Stores (replacing) the given positions in one transaction; positions of
    /// contacts that no longer exist are refused with the whole call.
    Status savePositions(const QList<GraphPosition> &positions);
    /// Forgets every saved position, pinned or not.
    Status clearPositions();

private:
    Database &m_database;
};

} // namespace Rapport::Core
