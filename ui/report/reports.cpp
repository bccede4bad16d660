#include "reports.h"

#include "contactsummaryreport.h"
#include "networksummaryreport.h"
#include "report/contactsummary.h"
#include "store/database.h"

namespace Rapport::Ui {

using namespace Rapport::Core;

QString Reports::contactSummaryTitle(const QString &name)
{
    return tr("Relationship summary: %1").arg(name);
}

QString Reports::networkSummaryTitle()
{
    return tr("Network summary");
}

Result<ReportDocument> Reports::contactSummary(Database &database, qint64 contactId, const QDate &from,
                                               const QDate &to)
{
    auto summary = ContactSummaryReader(database).read(contactId, from, to);
    if (!summary)
        return summary.status();
    return ContactSummaryReport::build(*summary, database.clock().now());
}

Result<ReportDocument> Reports::networkSummary(Database &database, const QDate &from, const QDate &to)
{
    return NetworkSummaryReport::build(database, from, to);
}

} // namespace Rapport::Ui
