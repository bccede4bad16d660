#pragma once

#include "domain/stage.h"
#include "insightsfilter.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>

namespace Rapport::Core {

class Database;

/// Contacts past their keep-in-touch cadence, by stage.
struct ColdReport
{
    /// byStage[s] holds the ids (ascending) of cold contacts at Stage(s), None to Client.
    QList<QList<qint64>> byStage;

    qint64 total() const;
};

/// Finds the relationships going cold: a contact with a cadence of N days whose
/// last interaction (or, with none yet, the day it was added) is more than N
/// days before now. The period does not apply (cold is about now); the cohort does.
class ColdContacts
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ColdContacts)

public:
    explicit ColdContacts(Database &database);

    Result<ColdReport> compute(const InsightsFilter &filter);

private:
    Database &m_database;
};

} // namespace Rapport::Core
