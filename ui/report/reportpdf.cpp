#include "reportpdf.h"

#include <QDir>
#include <QLocale>
#include <QMarginsF>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>

namespace Rapport::Ui {

using namespace Rapport::Core;

QPageSize ReportPdf::defaultPageSize()
{
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize(QPageSize::Letter)
                                                                     : QPageSize(QPageSize::A4);
}

std::optional<QPageSize> ReportPdf::pageSizeFromName(const QString &name)
{
    if (name.compare(u"a4", Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::A4);
    if (name.compare(u"letter", Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::Letter);
    return std::nullopt;
}

Result<int> ReportPdf::write(const ReportDocument &document, const QString &path, const QString &title,
                             const QPageSize &pageSize)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Result<int>::failure(
            tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Rapport %1").arg(QCoreApplication::applicationVersion()));
        writer.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(18, 16, 18, 14),
                                         QPageLayout::Millimeter));
        auto printed = document.print(&writer);
        if (!printed) {
            file.cancelWriting();
            return printed.status();
        }
        pages = *printed;
    }
    if (!file.commit()) {
        return Result<int>::failure(
            tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return pages;
}

} // namespace Rapport::Ui
