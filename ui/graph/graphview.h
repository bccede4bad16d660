#pragma once

#include <QGraphicsView>
#include <QPointF>

class QGraphicsScene;

namespace Rapport::Ui {

class GraphCanvasItem;
class GraphDocument;

/// The relationship graph on screen: zoom with the wheel, a pinch or + / − / 0,
/// pan by dragging the background (or with the arrow keys), click a contact
/// to select it, double-click to open it, drag it to pin it somewhere, and
/// Shift- or Ctrl-drag from one contact to another to record an introduction.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(GraphDocument &document, QWidget *parent = nullptr);

    /// Zooms so that every visible contact fits, with a margin.
    void fitToContacts();
    /// Centres the view on a contact (zooming in when it is too far out to read).
    void centreOn(qint64 contactId);
    /// Multiplies the zoom by `factor` around the viewport's centre.
    void zoomBy(qreal factor);
    qreal zoom() const;
    /// Whether the legend is drawn over the view (exports draw their own).
    void setLegendVisible(bool visible);

signals:
    void contactClicked(qint64 contactId);
    void contactActivated(qint64 contactId);
    /// The user dropped a dragged contact at `to`.
    void contactDragged(qint64 contactId, QPointF from, QPointF to);
    /// The user drew an introduction from one contact to another.
    void introductionDrawn(qint64 fromContact, qint64 toContact);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    enum class Gesture { None, Pan, MoveNode, DrawEdge };

    void updateSceneRect();
    void zoomAround(qreal factor, QPointF viewportPos);

    GraphDocument &m_document;
    QGraphicsScene *m_scene = nullptr;
    GraphCanvasItem *m_canvas = nullptr;
    Gesture m_gesture = Gesture::None;
    int m_node = -1;
    QPoint m_pressPos;
    QPointF m_nodeStart;
    QPointF m_grabOffset;
    QPointF m_edgeEnd;
    bool m_moved = false;
    bool m_legend = true;
};

} // namespace Rapport::Ui
