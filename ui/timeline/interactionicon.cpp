#include "interactionicon.h"

#include "stagecolors.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Rapport::Ui {

using Core::InteractionKind;

namespace {

/// The drawing on a 24 × 24 grid.
QPainterPath glyph(InteractionKind kind)
{
    QPainterPath path;
    switch (kind) {
    case InteractionKind::Tweet: // a round speech bubble
        path.addEllipse(QRectF(3, 4, 18, 13));
        path.moveTo(7, 15.5);
        path.lineTo(5, 20.5);
        path.lineTo(10.5, 16.8);
        break;
    case InteractionKind::DirectMessage: // a bubble with three dots
        path.addRoundedRect(QRectF(3, 4, 18, 13), 3, 3);
        path.moveTo(8, 17);
        path.lineTo(7, 21);
        path.lineTo(12, 17);
        for (qreal x : {8.0, 12.0, 16.0})
            path.addEllipse(QPointF(x, 10.5), 0.6, 0.6);
        break;
    case InteractionKind::Email: // an envelope
        path.addRoundedRect(QRectF(3, 5.5, 18, 13), 1.5, 1.5);
        path.moveTo(3.5, 6.5);
        path.lineTo(12, 13);
        path.lineTo(20.5, 6.5);
        break;
    case InteractionKind::Call: // a handset
        path.moveTo(6.5, 3.5);
        path.lineTo(9.5, 3.5);
        path.lineTo(11, 8);
        path.lineTo(8.8, 9.6);
        path.cubicTo(9.9, 11.9, 12.1, 14.1, 14.4, 15.2);
        path.lineTo(16, 13);
        path.lineTo(20.5, 14.5);
        path.lineTo(20.5, 17.5);
        path.cubicTo(20.5, 19.2, 19.2, 20.5, 17.5, 20.5);
        path.cubicTo(9.5, 20.2, 3.8, 14.5, 3.5, 6.5);
        path.cubicTo(3.5, 4.8, 4.8, 3.5, 6.5, 3.5);
        break;
    case InteractionKind::VideoCall: // a camera
        path.addRoundedRect(QRectF(2.5, 6.5, 13, 11), 2, 2);
        path.moveTo(15.5, 10.5);
        path.lineTo(21.5, 7);
        path.lineTo(21.5, 17);
        path.lineTo(15.5, 13.5);
        break;
    case InteractionKind::Meeting: // two people
        path.addEllipse(QPointF(8.5, 8), 3, 3);
        path.moveTo(2.5, 20);
        path.cubicTo(2.5, 12.5, 14.5, 12.5, 14.5, 20);
        path.addEllipse(QPointF(16.5, 8.5), 2.5, 2.5);
        path.moveTo(15.5, 13.6);
        path.cubicTo(19, 13, 21.5, 15.5, 21.5, 19);
        break;
    case InteractionKind::Webinar: // a screen that plays
        path.addRoundedRect(QRectF(2.5, 4, 19, 13), 1.5, 1.5);
        path.moveTo(8, 21);
        path.lineTo(16, 21);
        path.moveTo(10.5, 8);
        path.lineTo(14.5, 10.5);
        path.lineTo(10.5, 13);
        path.closeSubpath();
        break;
    case InteractionKind::Comment: // a square bubble with lines
        path.addRoundedRect(QRectF(3, 3.5, 18, 14), 2, 2);
        path.moveTo(7, 17.5);
        path.lineTo(7, 21);
        path.lineTo(11, 17.5);
        path.moveTo(7, 8.5);
        path.lineTo(17, 8.5);
        path.moveTo(7, 12.5);
        path.lineTo(14, 12.5);
        break;
    case InteractionKind::Note: // a page with a folded corner
        path.moveTo(5.5, 2.5);
        path.lineTo(14, 2.5);
        path.lineTo(18.5, 7);
        path.lineTo(18.5, 21.5);
        path.lineTo(5.5, 21.5);
        path.closeSubpath();
        path.moveTo(14, 2.5);
        path.lineTo(14, 7);
        path.lineTo(18.5, 7);
        path.moveTo(8.5, 12);
        path.lineTo(15.5, 12);
        path.moveTo(8.5, 16);
        path.lineTo(15.5, 16);
        break;
    }
    return path;
}

QPixmap render(InteractionKind kind, int size, qreal ratio)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 24.0, size / 24.0);
    QColor colour = stageColor(Core::stageReachedBy(kind));
    if (kind == InteractionKind::Note)
        colour = QColor(0x6b, 0x72, 0x80);
    painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    QColor fill = colour;
    fill.setAlphaF(0.14);
    painter.setBrush(fill);
    painter.drawPath(glyph(kind));
    return pixmap;
}

} // namespace

QIcon interactionIcon(InteractionKind kind)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(kind);
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        icon.addPixmap(render(kind, size, 1.0));
        icon.addPixmap(render(kind, size, 2.0));
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace Rapport::Ui
