#include "barchart.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace Rapport::Ui {

namespace {

/// Ticks at whole numbers only, 1, 2 or 5 × 10^n apart, about five of them.
void styleCountAxis(QCPAxis *axis, double maximum)
{
    const double top = std::max(1.0, maximum);
    const double rough = top / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(rough, 1.0))));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(std::max(1.0, step));
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("f"));
    axis->setNumberPrecision(0);
    axis->setRange(0, top * 1.18);
}

} // namespace

BarChart::BarChart(const QString &title, QWidget *parent)
    : InsightsChart(title, parent)
{
}

void BarChart::setData(const QStringList &categories, const QList<Series> &series, const QStringList &labels,
                       const QList<QColor> &barColors)
{
    clearPlot();
    m_bars.clear();
    m_labels.clear();
    m_categories = categories;
    QCustomPlot *p = plot();
    QCPAxis *keyAxis = m_horizontal ? p->yAxis : p->xAxis;
    QCPAxis *valueAxis = m_horizontal ? p->xAxis : p->yAxis;
    const QColor text = palette().text().color();
    styleAxes(keyAxis);

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < categories.size(); ++i)
        ticker->addTick(i, categories[i]);
    keyAxis->setTicker(ticker);
    keyAxis->setRange(-0.6, std::max<double>(categories.size(), 1) - 0.4);
    keyAxis->setRangeReversed(m_horizontal); // the first (largest) on top
    // Many categories (weeks) get slanted labels so that none are clipped or overlap.
    keyAxis->setTickLabelRotation(!m_horizontal && categories.size() > 8 ? -45 : 0);
    valueAxis->setLabel(m_valueLabel);
    keyAxis->setLabel(QString());

    QList<double> totals(categories.size(), 0);
    QCPBars *below = nullptr;
    for (const Series &s : series) {
        auto *bars = new QCPBars(keyAxis, valueAxis);
        bars->setName(s.name);
        bars->setWidth(series.size() > 1 || categories.size() > 8 ? 0.75 : 0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(s.color);
        bars->setStackingGap(0);
        QVector<double> keys;
        QVector<double> values;
        for (int i = 0; i < categories.size(); ++i) {
            keys << i;
            values << s.values.value(i);
            totals[i] += s.values.value(i);
        }
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars.append(bars);
        registerSeries(bars);
    }
    // One colour per bar for a single series (stages): QCPBars has one brush, so the colours are
    // painted by one unregistered plottable per bar underneath the series, which stays on top (without
    // a brush) to answer hovers and clicks.
    if (series.size() == 1 && !barColors.isEmpty()) {
        if (!p->layer(QStringLiteral("colouredBars")))
            p->addLayer(QStringLiteral("colouredBars"), p->layer(QStringLiteral("main")), QCustomPlot::limBelow);
        QCPBars *bars = m_bars.constFirst();
        bars->setBrush(Qt::NoBrush);
        for (int i = 0; i < categories.size(); ++i) {
            auto *colored = new QCPBars(keyAxis, valueAxis);
            colored->setWidth(bars->width());
            colored->setPen(Qt::NoPen);
            colored->setBrush(barColors.value(i, series.constFirst().color));
            colored->addData(i, series.constFirst().values.value(i));
            colored->setSelectable(QCP::stNone);
            colored->setLayer(QStringLiteral("colouredBars"));
            colored->removeFromLegend();
        }
    }

    const double maximum = totals.isEmpty() ? 0 : *std::max_element(totals.cbegin(), totals.cend());
    styleCountAxis(valueAxis, maximum);

    QFont labelFont = font();
    labelFont.setBold(true);
    for (int i = 0; i < labels.size() && i < categories.size(); ++i) {
        if (labels[i].isEmpty())
            continue;
        auto *label = new QCPItemText(p);
        label->setClipToAxisRect(false);
        label->position->setAxes(p->xAxis, p->yAxis);
        if (m_horizontal) {
            label->position->setCoords(totals[i], i);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setPadding(QMargins(6, 0, 0, 0));
        } else {
            label->position->setCoords(i, totals[i]);
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            label->setPadding(QMargins(0, 0, 0, 4));
        }
        label->setText(labels[i]);
        label->setFont(labelFont);
        label->setColor(text);
        m_labels.append(label);
    }

    // The legend stands beside the plot, never over the bars, and names only the series drawn.
    const bool showLegend = series.size() > 1;
    p->legend->setVisible(showLegend);
    if (showLegend) {
        for (int i = 0; i < m_bars.size(); ++i) {
            if (std::all_of(series[i].values.cbegin(), series[i].values.cend(), [](double v) { return v <= 0; }))
                m_bars[i]->removeFromLegend();
        }
        if (!m_legendColumn) {
            // A column of its own: the legend on top, a spacer taking the rest of the height.
            m_legendColumn = new QCPLayoutGrid;
            p->plotLayout()->addElement(1, 1, m_legendColumn);
            p->plotLayout()->setColumnStretchFactor(1, 0.001);
            m_legendColumn->addElement(0, 0, p->legend);
            m_legendColumn->addElement(1, 0, new QCPLayoutElement(p));
            m_legendColumn->setRowStretchFactor(0, 0.001);
            p->legend->setMargins(QMargins(4, 8, 8, 8));
        }
        p->legend->setBorderPen(Qt::NoPen);
        p->legend->setBrush(Qt::NoBrush);
        p->legend->setTextColor(text);
        p->legend->setFont(font());
        p->legend->setIconSize(12, 12);
        p->legend->setRowSpacing(0);
    }
    setEmptyMessage(maximum > 0 || m_emptyText.isEmpty() ? QString() : m_emptyText);
    p->replot(QCustomPlot::rpQueuedReplot);
}

int BarChart::barCount() const
{
    int count = 0;
    for (const QCPBars *bars : m_bars) {
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            count += it->value > 0 ? 1 : 0;
    }
    return count;
}

QStringList BarChart::labelTexts() const
{
    QStringList texts;
    for (const QCPItemText *label : m_labels)
        texts << label->text();
    return texts;
}

QPointF BarChart::barCenter(int series, int index) const
{
    QCPBars *bars = m_bars.value(series);
    if (!bars || index < 0 || index >= bars->data()->size())
        return {};
    plot()->replot(QCustomPlot::rpImmediateRefresh);
    double base = 0;
    for (int below = 0; below < series; ++below)
        base += (m_bars[below]->data()->constBegin() + index)->value;
    const double value = (bars->data()->constBegin() + index)->value;
    const double middle = base + value / 2;
    return m_horizontal ? QPointF(bars->valueAxis()->coordToPixel(middle), bars->keyAxis()->coordToPixel(index))
                        : QPointF(bars->keyAxis()->coordToPixel(index), bars->valueAxis()->coordToPixel(middle));
}

} // namespace Rapport::Ui
