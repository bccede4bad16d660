#pragma once

#include <QGraphicsObject>

namespace Rapport::Ui {

class GraphDocument;

/// One scene item that paints the whole graph with GraphRenderer, only the
/// part the view exposes: far cheaper than an item per contact and edge for
/// networks of thousands.
class GraphCanvasItem : public QGraphicsObject
{
    Q_OBJECT

public:
    explicit GraphCanvasItem(GraphDocument &document, QGraphicsItem *parent = nullptr);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    /// Call when the document's bounds may have changed.
    void updateBounds();

private:
    GraphDocument &m_document;
    QRectF m_bounds;
};

} // namespace Rapport::Ui
