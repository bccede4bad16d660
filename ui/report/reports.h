#pragma once

#include "reportdocument.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// The two printed relationship summaries, read from a data file and laid out;
/// the desktop application and `rapport-cli report` print the same documents.
class Reports
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::Reports)

public:
    /// One contact's dossier; the timeline is limited to [from, to] when valid.
    static Core::Result<ReportDocument> contactSummary(Core::Database &database, qint64 contactId,
                                                       const QDate &from = {}, const QDate &to = {});
    /// The whole network; counts and activity are limited to [from, to] when valid.
    static Core::Result<ReportDocument> networkSummary(Core::Database &database, const QDate &from = {},
                                                       const QDate &to = {});
    /// The document's title, for the PDF's metadata and the print job.
    static QString contactSummaryTitle(const QString &name);
    static QString networkSummaryTitle();
};

} // namespace Rapport::Ui
