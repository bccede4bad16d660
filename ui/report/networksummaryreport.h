#pragma once

#include "reportdocument.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// The printed summary of the whole network: where everyone stands and the
/// funnel between rungs, the clients and the chain behind each, the top
/// introducers, contacts going cold, overdue follow-ups, activity per month
/// and the relationship graph.
class NetworkSummaryReport
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::NetworkSummaryReport)

public:
    static Core::Result<ReportDocument> build(Core::Database &database, const QDate &from, const QDate &to);
};

} // namespace Rapport::Ui
