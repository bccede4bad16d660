#include "graphcanvasitem.h"

#include "graphdocument.h"
#include "graphrenderer.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Rapport::Ui {

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

void GraphCanvasItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal scale = painter->worldTransform().m11();
    GraphRenderer(m_document).paintScene(painter, option->exposedRect, scale);
}

} // namespace Rapport::Ui
