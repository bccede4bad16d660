#pragma once

#include <QLineF>
#include <QList>

class QColor;
class QPainter;

namespace Rapport::Ui {

/// Draws lines one device pixel wide in `color` (antialiased when the
/// painter's hint says so) straight into the pixels of the image the painter
/// is on, as QPainter would with a cosmetic hairline pen: thousands of lines
/// cost a few milliseconds instead of one trip to Qt's rasteriser threads per
/// few hundred pixels. Returns false, drawing nothing, when the painter is
/// not on a 32-bit image with a plain scale and no clip (an SVG, a printer,
/// a clipped export), where the caller draws with QPainter instead.
bool drawHairlinesIntoImage(QPainter *painter, const QList<QLineF> &lines, const QColor &color);

} // namespace Rapport::Ui
