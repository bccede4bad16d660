#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QImage>

namespace Rapport::Ui {

class GraphDocument;

/// One scene item that paints the whole graph with GraphRenderer, only the
/// part the view exposes: far cheaper than an item per contact and edge for
/// networks of thousands.
///
/// On a view it paints from a picture of the graph at the current zoom,
/// drawn once, larger than the viewport in the direction it was panned: a
/// panning frame is then a copy of pixels, not thousands of discs, lines and
/// names. The picture is drawn afresh when the zoom changes, when it no
/// longer covers the viewport, and after invalidate() (any change to the
/// document). Exports and reports do not go through it: they paint with
/// GraphRenderer directly, as vectors where the device has them.
class GraphCanvasItem : public QGraphicsObject
{
    Q_OBJECT

public:
    explicit GraphCanvasItem(GraphDocument &document, QGraphicsItem *parent = nullptr);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    /// Call when the document's bounds may have changed.
    void updateBounds();
    /// Forgets the picture: call when anything the graph shows has changed.
    void invalidate();
    /// The colour behind the graph, drawn into the picture so that copying it is a plain copy.
    void setBackground(const QColor &color);

private:
    bool paintFromCache(QPainter *painter, const QRect &viewport);

    GraphDocument &m_document;
    QRectF m_bounds;
    QColor m_background = Qt::white;
    QImage m_cache;
    /// The zoom and device pixel ratio the picture was drawn at, and the
    /// scene point at its top left corner.
    qreal m_cacheScale = 0;
    qreal m_cacheRatio = 0;
    QPointF m_cacheOrigin;
    bool m_cacheValid = false;
};

} // namespace Rapport::Ui
