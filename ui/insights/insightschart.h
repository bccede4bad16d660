#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

class QCPAbstractPlottable;
class QCPAxis;
class QCPTextElement;
class QCustomPlot;
class QPainter;
class QToolButton;

namespace Rapport::Ui {

/// One chart of the Insights page: a QCustomPlot with its title, a hover
/// tooltip and a click signal per bar, and a Save menu (PNG or PDF). Subclasses
/// fill the plot and register each plottable as a numbered series.
class InsightsChart : public QWidget
{
    Q_OBJECT

public:
    explicit InsightsChart(const QString &title, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    /// The plot as a widget, for code that does not include qcustomplot.h (tests).
    QWidget *plotWidget() const;
    QString title() const;

    /// Plain-text tooltip for bar `index` of `series` (newlines allowed); the
    /// chart escapes it.
    using ToolTipProvider = std::function<QString(int series, int index)>;
    void setToolTipProvider(ToolTipProvider provider) { m_toolTip = std::move(provider); }
    /// The escaped rich text shown when hovering bar `index` of `series`.
    QString toolTipHtml(int series, int index) const;

    /// Writes the chart as PNG or PDF, chosen by the file's suffix, at its
    /// current size (or 800 × 500 before it was shown).
    Core::Status saveAs(const QString &path);
    /// Draws the chart into `target` on any painter (a printer's, a PDF's),
    /// as vectors, scaled to fit.
    void render(QPainter *painter, const QRectF &target) const;

    /// Which registered series and bar are at `pos` (plot coordinates); false if none.
    bool barAt(const QPointF &pos, int &series, int &index) const;

signals:
    /// The user clicked bar `index` of `series`.
    void barClicked(int series, int index);

protected:
    /// Forgets the plot's plottables, items and series (before refilling it).
    void clearPlot();
    /// Makes `plottable` series number `series` for tooltips and clicks.
    void registerSeries(QCPAbstractPlottable *plottable);
    int seriesCount() const { return int(m_series.size()); }
    /// Gives both axes the page's look; `keyAxis` (the categories) gets no grid.
    void styleAxes(QCPAxis *keyAxis);
    /// Shows `message` across the empty plot (empty: hide it).
    void setEmptyMessage(const QString &message);
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFileAndSave(const QString &suffix);
    QSize exportSize() const;

    QCustomPlot *m_plot = nullptr;
    QCPTextElement *m_title = nullptr;
    QToolButton *m_saveButton = nullptr;
    QList<QCPAbstractPlottable *> m_series;
    ToolTipProvider m_toolTip;
    QString m_emptyMessage;
};

} // namespace Rapport::Ui
