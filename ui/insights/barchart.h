#pragma once

#include "insightschart.h"

#include <QColor>
#include <QList>
#include <QStringList>

class QCPBars;
class QCPItemText;
class QCPLayoutGrid;

namespace Rapport::Ui {

/// Bars by category: one series, or several stacked (activity by kind), with
/// an optional label above each category (a conversion rate, a count).
class BarChart : public InsightsChart
{
    Q_OBJECT

public:
    struct Series
    {
        QString name;
        QColor color;
        QList<double> values;
    };

    explicit BarChart(const QString &title, QWidget *parent = nullptr);

    /// Horizontal bars read better for long category names (people).
    void setHorizontal(bool horizontal) { m_horizontal = horizontal; }
    /// Replaces what the chart shows. Series are stacked in the order given;
    /// each colours its bars (per bar when `barColors` is given, for one series).
    void setData(const QStringList &categories, const QList<Series> &series, const QStringList &labels = {},
                 const QList<QColor> &barColors = {});
    void setValueAxisLabel(const QString &label) { m_valueLabel = label; }
    void setEmptyText(const QString &text) { m_emptyText = text; }

    QStringList categories() const { return m_categories; }
    /// Bars drawn: one per category and series with a value above zero.
    int barCount() const;
    /// The texts drawn above the categories.
    QStringList labelTexts() const;
    /// Where bar `index` of `series` is drawn, in plot coordinates (its middle).
    QPointF barCenter(int series, int index) const;

private:
    QList<QCPBars *> m_bars;
    QList<QCPItemText *> m_labels;
    QStringList m_categories;
    QString m_valueLabel;
    QString m_emptyText;
    bool m_horizontal = false;
    QCPLayoutGrid *m_legendColumn = nullptr;
};

} // namespace Rapport::Ui
