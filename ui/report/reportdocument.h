#pragma once

#include "result.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

class QPagedPaintDevice;
class QPainter;
class QRectF;

namespace Rapport::Ui {

/// A printed document made of blocks and laid out on the pages of any
/// QPagedPaintDevice (a printer, a PDF writer): a running header, "Page N of M"
/// footers, table rows that never split across pages and table headers that
/// repeat on every page a table spans. Every string is drawn as plain text;
/// nothing is ever interpreted as markup.
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::ReportDocument)

public:
    enum class TextStyle { Body, Small, Muted, Emphasis };

    struct Column
    {
        QString title;
        /// Share of the table's width.
        qreal weight = 1;
        Qt::Alignment alignment = Qt::AlignLeft;
    };

    struct Cell
    {
        QString text;
        /// A second, smaller line under the text (an interaction's body).
        QString detail;
        QColor color;
        bool bold = false;
    };
    using Row = QList<Cell>;

    /// Paints a picture (a chart, the relationship graph) into the given rectangle.
    using Painter = std::function<void(QPainter &painter, const QRectF &rect)>;

    /// `runningTitle` stands at the top of every page after the first.
    explicit ReportDocument(QString runningTitle);
    ~ReportDocument();
    ReportDocument(ReportDocument &&) noexcept;
    ReportDocument &operator=(ReportDocument &&) noexcept;

    void addTitle(const QString &title, const QString &subtitle, const QString &byline);
    void addHeading(const QString &text);
    void addParagraph(const QString &text, TextStyle style = TextStyle::Body);
    /// Label and value pairs in two columns ("Email", "dana@example.org").
    void addFacts(const QList<std::pair<QString, QString>> &facts);
    void addTable(const QList<Column> &columns, const QList<Row> &rows);
    /// A picture `heightInPoints` tall across the text width; moved to the next
    /// page whole when it does not fit.
    void addPicture(qreal heightInPoints, Painter painter);
    void addSpacing(qreal points);
    void addPageBreak();

    /// Lays the document out on `device` and paints it. Returns the number of pages.
    Core::Result<int> print(QPagedPaintDevice *device) const;

    /// "23 Nov 2026 15:00" in local time: the locale's short date, hours and minutes.
    static QString dateTime(const QDateTime &time);

    /// Cells longer than this are shortened with "…" so that a row always fits a page.
    static constexpr int maximumCellLength = 1500;

private:
    struct Block;
    class Layout;
    std::vector<std::unique_ptr<Block>> m_blocks;
    QString m_runningTitle;
};

} // namespace Rapport::Ui
