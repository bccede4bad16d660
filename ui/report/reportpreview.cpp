#include "reportpreview.h"

#include "plainmessage.h"
#include "reportpdf.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMarginsF>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QToolBar>

namespace Rapport::Ui {

void ReportPreview::preview(QWidget *parent, const ReportDocument &document, const QString &title,
                            const QString &suggestedFileName)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(title);
    // A real printer brings its own paper; printing to a file follows the locale.
    if (printer.outputFormat() == QPrinter::PdfFormat || printer.printerName().isEmpty())
        printer.setPageSize(ReportPdf::defaultPageSize());
    printer.setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);

    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("reportPreviewDialog"));
    dialog.setWindowTitle(tr("Print Preview — %1").arg(title));
    dialog.resize(980, 900);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&document, &dialog](QPrinter *target) {
        if (auto printed = document.print(target); !printed)
            showPlainWarning(&dialog, tr("Print"), printed.error());
    });
    if (auto *toolbar = dialog.findChild<QToolBar *>()) {
        toolbar->addSeparator();
        QAction *save = toolbar->addAction(tr("Save as PDF…"));
        save->setObjectName(QStringLiteral("saveReportPdfAction"));
        QObject::connect(save, &QAction::triggered, &dialog, [&] {
            saveAsPdf(&dialog, document, title, suggestedFileName);
        });
    }
    dialog.exec();
}

void ReportPreview::saveAsPdf(QWidget *parent, const ReportDocument &document, const QString &title,
                              const QString &suggestedFileName)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(parent, tr("Save as PDF"),
                                                QDir(dir).filePath(suggestedFileName + QStringLiteral(".pdf")),
                                                tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (auto written = ReportPdf::write(document, path, title); !written)
        showPlainWarning(parent, tr("Save as PDF"), written.error());
}

} // namespace Rapport::Ui
