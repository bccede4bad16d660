#pragma once

#include "reportdocument.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace Rapport::Ui {

/// Shows a report in the print preview (print to any printer, or save as PDF
/// from its toolbar), or saves it straight to a PDF file the user picks.
class ReportPreview
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::ReportPreview)

public:
    static void preview(QWidget *parent, const ReportDocument &document, const QString &title,
                        const QString &suggestedFileName);
    static void saveAsPdf(QWidget *parent, const ReportDocument &document, const QString &title,
                          const QString &suggestedFileName);
};

} // namespace Rapport::Ui
