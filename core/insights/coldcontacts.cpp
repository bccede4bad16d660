#include "coldcontacts.h"

#include "rowscan.h"
#include "store/database.h"

#include <algorithm>

namespace Rapport::Core {

qint64 ColdReport::total() const
{
    qint64 sum = 0;
    for (const QList<qint64> &ids : byStage)
        sum += ids.size();
    return sum;
}

ColdContacts::ColdContacts(Database &database)
    : m_database(database)
{
}

Result<ColdReport> ColdContacts::compute(const InsightsFilter &filter)
{
    QVariantList values{m_database.clock().now().toMSecsSinceEpoch()};
    const QString cohort = filter.cohortCondition(values);
    ColdReport report;
    report.byStage.resize(static_cast<int>(Stage::Client) + 1);
    // Tens of thousands of rows on a large file: read without a QVariant per value.
    const Status scanned = RowScan::run(
        m_database,
        QStringLiteral("SELECT c.id, c.stage FROM contacts c WHERE c.archived = 0 AND c.keep_in_touch_days > 0 "
                       "AND COALESCE(c.last_interaction_at, c.created_at) + c.keep_in_touch_days * 86400000 < ? "
                       "AND %1 ORDER BY c.id")
            .arg(cohort),
        values, [&](const RowScan::Row &row) {
            report.byStage[std::clamp(int(row.integer(1)), 0, int(Stage::Client))].append(row.integer(0));
        });
    if (!scanned)
        return Result<ColdReport>::failure(tr("The contacts going cold could not be read: %1").arg(scanned.error()));
    return report;
}

} // namespace Rapport::Core
