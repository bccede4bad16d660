#include "boxchart.h"

#include <QLocale>
#include <qcustomplot.h>

#include <algorithm>

namespace Rapport::Ui {

BoxChart::BoxChart(const QString &title, QWidget *parent)
    : InsightsChart(title, parent)
{
}

void BoxChart::setData(const QStringList &categories, const QList<Core::DayStats> &stats, const QList<QColor> &colors)
{
    clearPlot();
    m_boxes.clear();
    m_labels.clear();
    m_boxCategories.clear();
    m_categories = categories;
    QCustomPlot *p = plot();
    const QColor text = palette().text().color();
    styleAxes(p->xAxis);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < categories.size(); ++i)
        ticker->addTick(i, categories[i]);
    p->xAxis->setTicker(ticker);
    p->xAxis->setRange(-0.6, std::max<double>(categories.size(), 1) - 0.4);
    p->yAxis->setLabel(m_valueLabel);

    double maximum = 0;
    const QLocale locale;
    QFont labelFont = font();
    labelFont.setBold(true);
    for (int i = 0; i < categories.size() && i < stats.size(); ++i) {
        const Core::DayStats &s = stats[i];
        if (s.count == 0)
            continue;
        auto *box = new QCPStatisticalBox(p->xAxis, p->yAxis);
        const QColor color = colors.value(i, QColor(Qt::gray));
        QColor fill = color;
        fill.setAlpha(110);
        box->setBrush(fill);
        box->setPen(QPen(color.darker(120), 1.5));
        box->setMedianPen(QPen(color.darker(160), 3));
        box->setWhiskerPen(QPen(color.darker(120), 1.5, Qt::SolidLine));
        box->setWhiskerBarPen(QPen(color.darker(120), 1.5));
        box->setWidth(0.5);
        box->addData(i, s.minimum, s.lowerQuartile, s.median, s.upperQuartile, s.maximum);
        maximum = std::max(maximum, s.maximum);
        m_boxes.append(box);
        registerSeries(box);
        m_boxCategories.append(i);

        auto *label = new QCPItemText(p);
        label->position->setCoords(i + 0.28, s.median);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setText(tr("%1 d").arg(locale.toString(s.median, 'f', 1)));
        label->setFont(labelFont);
        label->setColor(text);
        label->setClipToAxisRect(false);
        m_labels.append(label->text());
    }
    p->yAxis->setRange(0, std::max(1.0, maximum) * 1.1);
    setEmptyMessage(m_boxes.isEmpty() ? tr("No contact has moved up a stage yet.") : QString());
    p->replot(QCustomPlot::rpQueuedReplot);
}

int BoxChart::boxCount() const
{
    return int(m_boxes.size());
}

QStringList BoxChart::labelTexts() const
{
    return m_labels;
}

} // namespace Rapport::Ui
