#include "graphview.h"

#include "domain/stage.h"
#include "graphcanvasitem.h"
#include "graphdocument.h"
#include "graphrenderer.h"

#include <QApplication>
#include <QGestureEvent>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

constexpr qreal minimumZoom = 0.01;
constexpr qreal maximumZoom = 6.0;
constexpr qreal largestFitZoom = 1.4;

} // namespace

GraphView::GraphView(GraphDocument &document, QWidget *parent)
    : QGraphicsView(parent)
    , m_document(document)
    , m_scene(new QGraphicsScene(this))
    , m_canvas(new GraphCanvasItem(document))
{
    setObjectName(QStringLiteral("graphView"));
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_scene->addItem(m_canvas);
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing, true);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // The legend sits on top of the viewport: a scroll must repaint, not shift, it.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setBackgroundBrush(QColor(247, 248, 250));
    m_canvas->setBackground(backgroundBrush().color());
    setFrameShape(QFrame::NoFrame);
    // Panned by dragging, like a map; scroll bars would only take room.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->grabGesture(Qt::PinchGesture);
    connect(&m_document, &GraphDocument::changed, this, [this] {
        m_canvas->invalidate();
        m_canvas->updateBounds();
        updateSceneRect();
    });
    updateSceneRect();
}

void GraphView::setLegendVisible(bool visible)
{
    m_legend = visible;
    viewport()->update();
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::updateSceneRect()
{
    // Generous room around the graph, so that any contact can be brought to the middle.
    const QRectF bounds = m_canvas->boundingRect();
    const qreal margin = std::max({bounds.width(), bounds.height(), 2000.0});
    setSceneRect(bounds.adjusted(-margin, -margin, margin, margin));
}

void GraphView::fitToContacts()
{
    QRectF bounds = m_document.visibleBounds();
    if (bounds.isEmpty())
        return;
    bounds.adjust(-70, -40, 70, 40); // names beside and below the discs
    fitInView(bounds, Qt::KeepAspectRatio);
    // Again with room for the legend along the bottom, now that the zoom is known.
    bounds.setBottom(bounds.bottom() + 64 / zoom());
    fitInView(bounds, Qt::KeepAspectRatio);
    if (zoom() > largestFitZoom) {
        setTransform(QTransform::fromScale(largestFitZoom, largestFitZoom));
        centerOn(bounds.center());
    }
}

void GraphView::centreOn(qint64 contactId)
{
    const int node = m_document.graph().indexOf(contactId);
    if (node < 0)
        return;
    if (zoom() < 0.5) // too far out to read a name
        setTransform(QTransform::fromScale(0.9, 0.9));
    centerOn(m_document.position(node));
}

void GraphView::zoomBy(qreal factor)
{
    zoomAround(factor, QRectF(viewport()->rect()).center());
}

void GraphView::zoomAround(qreal factor, QPointF viewportPos)
{
    factor = std::clamp(zoom() * factor, minimumZoom, maximumZoom) / zoom();
    const QPointF scenePos = mapToScene(viewportPos.toPoint());
    scale(factor, factor);
    const QPointF delta = mapFromScene(scenePos) - viewportPos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(delta.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(delta.y()));
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->pixelDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomAround(std::pow(1.0015, delta), event->position());
    event->accept();
}

bool GraphView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::Gesture: {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomAround(pinch->scaleFactor(), mapFromGlobal(pinch->centerPoint().toPoint()));
            gestures->accept(pinch);
            return true;
        }
        break;
    }
    case QEvent::NativeGesture: {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(1 + gesture->value(), gesture->position());
            return true;
        }
        break;
    }
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = m_document.nodeAt(mapToScene(help->pos()));
        if (node < 0) {
            QToolTip::hideText();
            return true;
        }
        const GraphNode &n = m_document.node(node);
        QString text = QStringLiteral("<b>%1</b><br>%2").arg(n.name.toHtmlEscaped(), stageDisplayName(n.stage).toHtmlEscaped());
        if (!n.tags.isEmpty())
            text += QStringLiteral("<br>%1").arg(n.tags.join(QStringLiteral(", ")).toHtmlEscaped());
        text += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Double-click to open; drag to pin; Shift-drag to another contact to record an "
                            "introduction.")
                             .toHtmlEscaped());
        QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    default:
        break;
    }
    return QGraphicsView::viewportEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    const QPointF scenePos = mapToScene(event->position().toPoint());
    m_pressPos = event->position().toPoint();
    m_moved = false;
    m_node = m_document.nodeAt(scenePos);
    if (m_node < 0) {
        m_gesture = Gesture::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    } else if (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) {
        m_gesture = Gesture::DrawEdge;
        m_edgeEnd = scenePos;
        viewport()->setCursor(Qt::CrossCursor);
    } else {
        m_gesture = Gesture::MoveNode;
        m_nodeStart = m_document.position(m_node);
        m_grabOffset = m_nodeStart - scenePos;
    }
    event->accept();
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QPointF scenePos = mapToScene(pos);
    if (m_gesture == Gesture::None) {
        viewport()->setCursor(m_document.nodeAt(scenePos) >= 0 ? Qt::PointingHandCursor : Qt::OpenHandCursor);
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    if (!m_moved && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        m_moved = true;
    switch (m_gesture) {
    case Gesture::Pan:
        if (m_moved) {
            const QPoint delta = pos - m_pressPos;
            m_pressPos = pos;
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
            verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        }
        break;
    case Gesture::MoveNode:
        if (m_moved)
            m_document.setPosition(m_node, scenePos + m_grabOffset, m_document.isPinned(m_node));
        break;
    case Gesture::DrawEdge:
        m_edgeEnd = scenePos;
        viewport()->update();
        break;
    case Gesture::None:
        break;
    }
    event->accept();
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_gesture == Gesture::None) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    viewport()->unsetCursor();
    switch (gesture) {
    case Gesture::Pan:
        if (!m_moved)
            emit contactClicked(0);
        break;
    case Gesture::MoveNode:
        if (m_moved)
            emit contactDragged(m_document.node(m_node).id, m_nodeStart, m_document.position(m_node));
        else
            emit contactClicked(m_document.node(m_node).id);
        break;
    case Gesture::DrawEdge: {
        const int target = m_document.nodeAt(scenePos);
        viewport()->update();
        if (target >= 0 && target != m_node)
            emit introductionDrawn(m_document.node(m_node).id, m_document.node(target).id);
        break;
    }
    case Gesture::None:
        break;
    }
    event->accept();
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int node = m_document.nodeAt(mapToScene(event->position().toPoint()));
    if (event->button() == Qt::LeftButton && node >= 0) {
        m_gesture = Gesture::None;
        emit contactActivated(m_document.node(node).id);
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    const int step = 80;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_0:
        fitToContacts();
        break;
    case Qt::Key_Left:
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - step);
        break;
    case Qt::Key_Right:
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + step);
        break;
    case Qt::Key_Up:
        verticalScrollBar()->setValue(verticalScrollBar()->value() - step);
        break;
    case Qt::Key_Down:
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step);
        break;
    case Qt::Key_Escape:
        if (m_gesture == Gesture::DrawEdge) {
            m_gesture = Gesture::None;
            viewport()->update();
        } else {
            emit contactClicked(0);
        }
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void GraphView::drawForeground(QPainter *painter, const QRectF &)
{
    if (m_gesture == Gesture::DrawEdge && m_node >= 0) {
        painter->save();
        QPen pen(QColor(38, 44, 52), 2, Qt::DashLine);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawLine(m_document.position(m_node), m_edgeEnd);
        const int target = m_document.nodeAt(m_edgeEnd);
        if (target >= 0 && target != m_node) {
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(m_document.position(target), m_document.radius(target) + 7,
                                 m_document.radius(target) + 7);
        }
        painter->restore();
    }
    if (m_legend && m_document.nodeCount() > 0) {
        painter->save();
        painter->resetTransform();
        const qreal room = viewport()->width() - 24;
        const QSizeF size = GraphRenderer::legendSize(painter, room);
        GraphRenderer::paintLegend(painter, QPointF(12, viewport()->height() - size.height() - 12), room);
        painter->restore();
    }
}

} // namespace Rapport::Ui
