#include "coldcontacts.h"

#include "store/database.h"

#include <QSqlQuery>

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
    auto q = m_database.exec(QStringLiteral("SELECT c.id, c.stage FROM contacts c WHERE c.archived = 0 "
                                            "AND c.keep_in_touch_days > 0 "
                                            "AND COALESCE(c.last_interaction_at, c.created_at) "
                                            "+ c.keep_in_touch_days * 86400000 < ? AND %1 ORDER BY c.id")
                                 .arg(cohort),
                             values);
    if (!q)
        return Result<ColdReport>::failure(tr("The contacts going cold could not be read: %1").arg(q.error()));
    ColdReport report;
    report.byStage.resize(static_cast<int>(Stage::Client) + 1);
    while ((*q)->next())
        report.byStage[std::clamp((*q)->value(1).toInt(), 0, int(Stage::Client))].append((*q)->value(0).toLongLong());
    return report;
}

} // namespace Rapport::Core
