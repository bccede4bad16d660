#include "graphcanvasitem.h"

#include "graphdocument.h"
#include "graphrenderer.h"

#include <QPaintDevice>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <cmath>

namespace Rapport::Ui {

namespace {

/// How far a whole-pixel translation may be off and still count as one.
constexpr qreal pixelTolerance = 0.01;

bool isWholePixel(QPointF p)
{
    return std::abs(p.x() - std::round(p.x())) < pixelTolerance && std::abs(p.y() - std::round(p.y())) < pixelTolerance;
}

} // namespace

GraphCanvasItem::GraphCanvasItem(GraphDocument &document, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_document(document)
{
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
    updateBounds();
}

QRectF GraphCanvasItem::boundingRect() const
{
    return m_bounds;
}

void GraphCanvasItem::updateBounds()
{
    QRectF bounds;
    for (int i = 0; i < m_document.nodeCount(); ++i) {
        const qreal r = m_document.radius(i) + 12;
        const QPointF p = m_document.position(i);
        bounds |= QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r);
    }
    // Room for the names under the discs.
    bounds.adjust(-120, -40, 120, 60);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

void GraphCanvasItem::invalidate()
{
    m_cacheValid = false;
    update();
}

void GraphCanvasItem::setBackground(const QColor &color)
{
    m_background = color;
    invalidate();
}

void GraphCanvasItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    if (widget && paintFromCache(painter, widget->rect()))
        return;
    const qreal scale = painter->worldTransform().m11();
    GraphRenderer(m_document).paintScene(painter, option->exposedRect, scale);
}

bool GraphCanvasItem::paintFromCache(QPainter *painter, const QRect &viewport)
{
    const QTransform transform = painter->worldTransform();
    const qreal scale = transform.m11();
    if (transform.type() > QTransform::TxScale || scale <= 0 || !qFuzzyCompare(scale, transform.m22())
        || viewport.isEmpty() || !painter->device())
        return false;
    const qreal ratio = painter->device()->devicePixelRatioF();
    const bool sameZoom = m_cacheValid && qFuzzyCompare(scale, m_cacheScale) && qFuzzyCompare(ratio, m_cacheRatio);
    const QPointF at = transform.map(m_cacheOrigin);
    const bool aligned = sameZoom && isWholePixel(at);
    const QRect cached(at.toPoint(), (QSizeF(m_cache.size()) / ratio).toSize());
    if (!aligned || !cached.contains(viewport)) {
        // Drawn afresh: just the viewport after a change (the layout may be
        // moving everyone), half a viewport more the way it was panned when
        // the panning reached the picture's edge.
        QRect area = viewport;
        if (aligned) {
            const int aheadX = viewport.width() / 2;
            const int aheadY = viewport.height() / 2;
            if (viewport.left() < cached.left())
                area.setLeft(viewport.left() - aheadX);
            if (viewport.right() > cached.right())
                area.setRight(viewport.right() + aheadX);
            if (viewport.top() < cached.top())
                area.setTop(viewport.top() - aheadY);
            if (viewport.bottom() > cached.bottom())
                area.setBottom(viewport.bottom() + aheadY);
        }
        const QSize pixels = (QSizeF(area.size()) * ratio).toSize();
        if (m_cache.size() != pixels)
            m_cache = QImage(pixels, QImage::Format_RGB32);
        m_cache.setDevicePixelRatio(ratio);
        // Names are measured for the screen they are shown on.
        m_cache.setDotsPerMeterX(qRound(painter->device()->logicalDpiX() / 0.0254));
        m_cache.setDotsPerMeterY(qRound(painter->device()->logicalDpiY() / 0.0254));
        m_cache.fill(m_background);
        const QTransform toCache = transform * QTransform::fromTranslate(-area.left(), -area.top());
        {
            QPainter cachePainter(&m_cache);
            cachePainter.setRenderHints(painter->renderHints());
            cachePainter.setTransform(toCache);
            const QRectF exposed = transform.inverted().mapRect(QRectF(area));
            GraphRenderer(m_document).paintScene(&cachePainter, exposed, scale);
        }
        m_cacheOrigin = transform.inverted().map(QPointF(area.topLeft()));
        m_cacheScale = scale;
        m_cacheRatio = ratio;
        m_cacheValid = true;
    }
    const QPointF topLeft = transform.map(m_cacheOrigin);
    painter->save();
    painter->setWorldTransform(QTransform());
    painter->drawImage(QPointF(std::round(topLeft.x()), std::round(topLeft.y())), m_cache);
    painter->restore();
    return true;
}

} // namespace Rapport::Ui
