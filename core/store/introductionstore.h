#pragma once

#include "domain/introduction.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>

namespace Rapport::Core {

class Database;

/// The edges of the relationship graph: who led the user to whom.
class IntroductionStore
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::IntroductionStore)

public:
    explicit IntroductionStore(Database &database);

    /// Records "from led me to to"; refuses a self-introduction, unknown
    /// contacts and a second edge between the same two people.
    Result<qint64> add(const Introduction &introduction);
    Status remove(qint64 id);
    Result<QList<Introduction>> all();
    /// Who led the user to `contactId`.
    Result<QList<Introduction>> into(qint64 contactId);
    /// Whom `contactId` led the user to.
    Result<QList<Introduction>> from(qint64 contactId);
    /// Every introduction that leads to `contactId` or to anyone upstream of
    /// it: the part of the graph its chains run through, found by one query.
    Result<QList<Introduction>> upstreamOf(qint64 contactId);

private:
    Result<QList<Introduction>> read(const QString &where, const QVariantList &values);

    Database &m_database;
};

} // namespace Rapport::Core
