#include "stageladderwidget.h"

#include "stagecolors.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Rapport::Ui {

using Core::Stage;

StageLadderWidget::StageLadderWidget(QWidget *parent)
    : QWidget(parent)
    , m_reached(static_cast<int>(Stage::Client) + 1)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setObjectName(QStringLiteral("stageLadder"));
}

void StageLadderWidget::setStage(Stage current, bool manual, const QList<Core::StageChange> &history)
{
    m_current = current;
    m_manual = manual;
    m_reached = QList<QDate>(static_cast<int>(Stage::Client) + 1);
    // A rung's date is the first time the history reached exactly it; rungs
    // that were skipped (a first meeting before any email) show no date.
    for (const Core::StageChange &change : history) {
        const int s = static_cast<int>(change.stage);
        const QDate date = change.reachedAt.toLocalTime().date();
        if (s > 0 && (!m_reached[s].isValid() || date < m_reached[s]))
            m_reached[s] = date;
    }
    QStringList parts;
    for (Stage stage : Core::stageLadder()) {
        const QDate date = reachedOn(stage);
        parts << (date.isValid() ? tr("%1 reached %2").arg(Core::stageDisplayName(stage),
                                                           QLocale().toString(date, QLocale::LongFormat))
                                 : tr("%1 not reached").arg(Core::stageDisplayName(stage)));
    }
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
    setToolTip(manual ? tr("Stage set by hand") : tr("Stage follows the interactions"));
    update();
}

QDate StageLadderWidget::reachedOn(Stage stage) const
{
    if (stage == Stage::None || stage > m_current)
        return {};
    return m_reached.value(static_cast<int>(stage));
}

QSize StageLadderWidget::sizeHint() const
{
    return {520, fontMetrics().height() * 2 + 40};
}

QSize StageLadderWidget::minimumSizeHint() const
{
    return {320, sizeHint().height()};
}

void StageLadderWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QList<Stage> ladder = Core::stageLadder();
    const int steps = static_cast<int>(ladder.size());
    const qreal margin = 40;
    const qreal span = (width() - 2 * margin) / (steps - 1);
    const qreal y = 14;
    const qreal radius = 8;
    const QColor idle = palette().color(QPalette::Mid);
    const QLocale locale;

    for (int i = 0; i < steps - 1; ++i) {
        const bool done = ladder.at(i + 1) <= m_current;
        painter.setPen(QPen(done ? stageColor(ladder.at(i + 1)) : idle, 3, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(margin + i * span + radius, y), QPointF(margin + (i + 1) * span - radius, y));
    }

    QFont labelFont = font();
    QFont dateFont = font();
    dateFont.setPointSizeF(font().pointSizeF() * 0.85);
    const int lineHeight = fontMetrics().height();
    for (int i = 0; i < steps; ++i) {
        const Stage stage = ladder.at(i);
        const QPointF centre(margin + i * span, y);
        const bool reached = stage <= m_current;
        const QColor colour = stageColor(stage);
        painter.setPen(QPen(reached ? colour : idle, 2));
        painter.setBrush(reached ? QBrush(colour) : palette().base());
        const qreal r = stage == m_current ? radius + 2 : radius;
        painter.drawEllipse(centre, r, r);

        labelFont.setBold(stage == m_current);
        painter.setFont(labelFont);
        painter.setPen(reached ? palette().color(QPalette::WindowText) : palette().color(QPalette::PlaceholderText));
        const QRectF labelRect(centre.x() - span / 2, y + radius + 6, span, lineHeight);
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignTop, Core::stageDisplayName(stage));

        const QDate date = reachedOn(stage);
        if (date.isValid()) {
            painter.setFont(dateFont);
            painter.setPen(palette().color(QPalette::PlaceholderText));
            const QRectF dateRect(centre.x() - span / 2, labelRect.bottom() + 2, span, lineHeight);
            painter.drawText(dateRect, Qt::AlignHCenter | Qt::AlignTop, locale.toString(date, QLocale::ShortFormat));
        }
    }
}

} // namespace Rapport::Ui
