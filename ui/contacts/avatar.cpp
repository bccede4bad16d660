#include "avatar.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace Rapport::Ui {

namespace {

QString initials(const QString &name)
{
    QString result;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QChar first = word.at(0);
        if (first.isLetterOrNumber())
            result += first.toUpper();
        if (result.size() == 2)
            break;
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

} // namespace

QPixmap contactAvatar(const QString &name, const QByteArray &photo, int size, qreal devicePixelRatio)
{
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, pixels, pixels));

    QImage image;
    if (!photo.isEmpty() && image.loadFromData(photo) && !image.isNull()) {
        painter.setClipPath(circle);
        const QImage scaled = image.scaled(pixels, pixels, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        painter.drawImage(QPointF((pixels - scaled.width()) / 2.0, (pixels - scaled.height()) / 2.0), scaled);
    } else {
        const int hue = static_cast<int>(qHash(name) % 360);
        painter.fillPath(circle, QColor::fromHsl(hue, 110, 140));
        QFont font = painter.font();
        font.setPixelSize(pixels * 2 / 5);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, pixels, pixels), Qt::AlignCenter, initials(name));
    }
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

} // namespace Rapport::Ui
