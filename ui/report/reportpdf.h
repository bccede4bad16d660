#pragma once

#include "reportdocument.h"
#include "result.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QString>

namespace Rapport::Ui {

/// Writes reports as PDF files, atomically: the file appears whole or not at all.
class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::ReportPdf)

public:
    /// Letter where the locale measures in inches (the United States), else A4.
    static QPageSize defaultPageSize();
    /// "a4" or "letter" (any case); nullopt for anything else.
    static std::optional<QPageSize> pageSizeFromName(const QString &name);

    /// Writes `document` to `path`; returns the number of pages.
    static Core::Result<int> write(const ReportDocument &document, const QString &path, const QString &title,
                                   const QPageSize &pageSize = defaultPageSize());
};

} // namespace Rapport::Ui
