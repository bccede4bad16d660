#pragma once

#include "insightschart.h"
#include "insights/daystats.h"

#include <QColor>
#include <QList>
#include <QStringList>

class QCPStatisticalBox;

namespace Rapport::Ui {

/// Box plots side by side: minimum, quartiles, median and maximum per
/// category (the days each step of the ladder took).
class BoxChart : public InsightsChart
{
    Q_OBJECT

public:
    explicit BoxChart(const QString &title, QWidget *parent = nullptr);

    /// One box per category; a category without values shows none. Each box
    /// is its own series (index 0), so that it has its own colour.
    void setData(const QStringList &categories, const QList<Core::DayStats> &stats, const QList<QColor> &colors);
    void setValueAxisLabel(const QString &label) { m_valueLabel = label; }

    QStringList categories() const { return m_categories; }
    /// The category a box (series) stands for.
    int categoryOf(int series) const { return m_boxCategories.value(series, -1); }
    /// Boxes drawn.
    int boxCount() const;
    /// The median labels drawn beside the boxes.
    QStringList labelTexts() const;

private:
    QList<QCPStatisticalBox *> m_boxes;
    QStringList m_labels;
    QList<int> m_boxCategories;
    QStringList m_categories;
    QString m_valueLabel;
};

} // namespace Rapport::Ui
