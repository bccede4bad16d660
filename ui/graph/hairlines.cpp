#include "hairlines.h"

#include <QColor>
#include <QImage>
#include <QPainter>

#include <cmath>
#include <utility>

namespace Rapport::Ui {

namespace {

/// Each byte of `x` times `a` / 256 (a from 0 to 256).
inline quint32 byteMul(quint32 x, quint32 a)
{
    quint32 t = (x & 0xff00ffu) * a;
    t = (t >> 8) & 0xff00ffu;
    x = ((x >> 8) & 0xff00ffu) * a;
    return (x & 0xff00ff00u) | t;
}

class Pixels
{
public:
    Pixels(QImage &image, QRgb color)
        : m_bits(reinterpret_cast<quint32 *>(image.bits()))
        , m_stride(image.bytesPerLine() / 4)
        , m_width(image.width())
        , m_height(image.height())
        , m_source(qPremultiply(color))
        , m_opaque(image.format() == QImage::Format_RGB32 ? 0xff000000u : 0u)
    {
    }

    int width() const { return m_width; }
    int height() const { return m_height; }

    /// Source-over with `coverage` from 0 to 256.
    void blend(int x, int y, quint32 coverage)
    {
        if (unsigned(x) >= unsigned(m_width) || unsigned(y) >= unsigned(m_height) || coverage == 0)
            return;
        quint32 &d = m_bits[qsizetype(y) * m_stride + x];
        const quint32 s = byteMul(m_source, coverage);
        const quint32 rest = 255 - qAlpha(s);
        d = (s + byteMul(d, rest + (rest >> 7))) | m_opaque;
    }

private:
    quint32 *m_bits;
    qsizetype m_stride;
    int m_width;
    int m_height;
    quint32 m_source;
    quint32 m_opaque;
};

/// Clips the segment to [lo, hi] on both axes (Liang–Barsky); false when nothing is left.
bool clip(double &x0, double &y0, double &x1, double &y1, double loX, double loY, double hiX, double hiY)
{
    double t0 = 0;
    double t1 = 1;
    const double dx = x1 - x0;
    const double dy = y1 - y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - loX, hiX - x0, y0 - loY, hiY - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const double sx = x0;
    const double sy = y0;
    x0 = sx + t0 * dx;
    y0 = sy + t0 * dy;
    x1 = sx + t1 * dx;
    y1 = sy + t1 * dy;
    return true;
}

/// One column (or row) at a time along the longer axis; antialiased, the
/// pixel pair either side of the line shares its coverage (Wu's lines).
void drawLine(Pixels &pixels, double x0, double y0, double x1, double y1, bool antialiased)
{
    const bool steep = std::abs(y1 - y0) > std::abs(x1 - x0);
    if (steep) {
        std::swap(x0, y0);
        std::swap(x1, y1);
    }
    if (x0 > x1) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const double gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0.0;
    const int first = int(std::lround(x0));
    const int last = int(std::lround(x1));
    double y = y0 + gradient * (first - x0);
    auto plot = [&](int major, int minor, quint32 coverage) {
        if (steep)
            pixels.blend(minor, major, coverage);
        else
            pixels.blend(major, minor, coverage);
    };
    for (int x = first; x <= last; ++x, y += gradient) {
        if (antialiased) {
            const double below = std::floor(y);
            const auto share = quint32((y - below) * 256 + 0.5);
            plot(x, int(below), 256 - share);
            plot(x, int(below) + 1, share);
        } else {
            plot(x, int(std::lround(y)), 256);
        }
    }
}

} // namespace

bool drawHairlinesIntoImage(QPainter *painter, const QList<QLineF> &lines, const QColor &color)
{
    QPaintDevice *device = painter->device();
    if (!device || device->devType() != QInternal::Image || painter->hasClipping()
        || painter->compositionMode() != QPainter::CompositionMode_SourceOver)
        return false;
    QImage &image = *static_cast<QImage *>(device);
    if (image.format() != QImage::Format_RGB32 && image.format() != QImage::Format_ARGB32_Premultiplied)
        return false;
    const QTransform toPixels = painter->deviceTransform();
    if (toPixels.type() > QTransform::TxScale)
        return false;
    Pixels pixels(image, color.rgba());
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    // Pixel centres sit at half coordinates; the line runs through them.
    const QTransform toCentres = toPixels * QTransform::fromTranslate(-0.5, -0.5);
    for (const QLineF &line : lines) {
        const QPointF a = toCentres.map(line.p1());
        const QPointF b = toCentres.map(line.p2());
        double x0 = a.x();
        double y0 = a.y();
        double x1 = b.x();
        double y1 = b.y();
        if (clip(x0, y0, x1, y1, -1, -1, pixels.width(), pixels.height()))
            drawLine(pixels, x0, y0, x1, y1, antialiased);
    }
    return true;
}

} // namespace Rapport::Ui
