#include "graphrenderer.h"

#include "domain/introduction.h"
#include "graphdocument.h"
#include "hairlines.h"
#include "plainmessage.h"
#include "stagecolors.h"

#include <QBuffer>
#include <QDir>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <optional>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

const QColor edgeColor(112, 122, 133, 200);
const QColor edgeDimmedColor(150, 158, 166, 55);
const QColor edgeHighlightColor(38, 44, 52);
const QColor labelColor(35, 39, 43);
const QColor haloColor(255, 255, 255, 220);
constexpr qreal labelCell = 96; // occupancy grid cell, in device pixels
constexpr int maxLabels = 600;

/// Labels placed so far, so that no two overlap.
class LabelSpace
{
public:
    bool tryPlace(const QRectF &rect)
    {
        const int x0 = int(std::floor(rect.left() / labelCell));
        const int x1 = int(std::floor(rect.right() / labelCell));
        const int y0 = int(std::floor(rect.top() / labelCell));
        const int y1 = int(std::floor(rect.bottom() / labelCell));
        for (int x = x0; x <= x1; ++x) {
            for (int y = y0; y <= y1; ++y) {
                for (int i : m_cells.value(key(x, y))) {
                    if (m_rects.at(i).intersects(rect))
                        return false;
                }
            }
        }
        const int index = int(m_rects.size());
        m_rects.append(rect);
        for (int x = x0; x <= x1; ++x) {
            for (int y = y0; y <= y1; ++y)
                m_cells[key(x, y)].append(index);
        }
        return true;
    }
    qsizetype count() const { return m_rects.size(); }

private:
    static qint64 key(int x, int y) { return (qint64(x) << 32) ^ quint32(y); }
    QList<QRectF> m_rects;
    QHash<qint64, QList<int>> m_cells;
};

QFont labelFont(bool bold)
{
    QFont font;
    font.setPointSizeF(9);
    font.setBold(bold);
    return font;
}

QFont edgeLabelFont()
{
    QFont font;
    font.setPointSizeF(7.5);
    font.setItalic(true);
    return font;
}

QString kindLabel(IntroductionKind kind)
{
    return introductionKindDisplayName(kind).toLower();
}

} // namespace

GraphRenderer::GraphRenderer(const GraphDocument &document)
    : m_document(document)
{
}

void GraphRenderer::paintScene(QPainter *painter, const QRectF &exposed, qreal scale) const
{
    const GraphDocument &d = m_document;
    if (d.nodeCount() == 0 || scale <= 0)
        return;
    const bool dimming = d.hasHighlight();
    const bool fine = scale >= 0.5;
    const qreal slack = 30 / std::min(scale, 1.0);
    const QRectF area = exposed.adjusted(-slack, -slack, slack, slack);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, fine);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    // Edges, in three batches (dimmed, plain, highlighted) so that a large
    // network costs three draw calls, not one per edge.
    QList<QLineF> lines[3];
    QList<QPolygonF> arrowHeads[3];
    struct EdgeLabel
    {
        QPointF at;
        int edge;
        qreal room;
    };
    QList<EdgeLabel> edgeLabels;
    const qreal arrow = std::clamp(10 / scale, 6.0, 16.0);
    for (int e = 0; e < d.edgeCount(); ++e) {
        if (!d.isEdgeVisible(e))
            continue;
        const int s = d.edgeSource(e);
        const int t = d.edgeTarget(e);
        const QPointF a = d.position(s);
        const QPointF b = d.position(t);
        if (std::max(a.x(), b.x()) < area.left() || std::min(a.x(), b.x()) > area.right()
            || std::max(a.y(), b.y()) < area.top() || std::min(a.y(), b.y()) > area.bottom())
            continue;
        const QPointF delta = b - a;
        const qreal length = std::hypot(delta.x(), delta.y());
        if (length <= d.radius(s) + d.radius(t) + 1)
            continue;
        const QPointF u = delta / length;
        const QPointF from = a + u * d.radius(s);
        const QPointF to = b - u * (d.radius(t) + (d.node(t).stage == Stage::Client ? 4 : 1.5));
        const int batch = d.isEdgeHighlighted(e) ? 2 : dimming ? 0 : 1;
        const bool withArrow = fine && length * scale > 28;
        if (withArrow) {
            const QPointF n(-u.y(), u.x());
            const qreal size = batch == 2 ? arrow * 1.25 : arrow;
            const QPointF base = to - u * size;
            lines[batch].append(QLineF(from, base + u * 1.0));
            QPolygonF head;
            head << to << base + n * size * 0.42 << base - n * size * 0.42;
            arrowHeads[batch].append(head);
        } else {
            lines[batch].append(QLineF(from, to));
        }
        if (scale >= 0.45 && batch != 0)
            edgeLabels.append(EdgeLabel{(from + to) / 2, e, QLineF(from, to).length() * scale});
    }
    // Far out, edges are a texture and the discs must show through them.
    const QColor colors[3] = {edgeDimmedColor, scale < 0.2 ? QColor(112, 122, 133, 80) : edgeColor,
                              edgeHighlightColor};
    // Hairlines (width 0) take the raster engine's direct line path; wider
    // pens go through the general stroker, which costs far more per edge.
    const qreal widths[3] = {0, 0, 2.8};
    for (int batch = 0; batch < 3; ++batch) {
        if (lines[batch].isEmpty())
            continue;
        if (widths[batch] > 0 || !drawHairlinesIntoImage(painter, lines[batch], colors[batch])) {
            QPen pen(colors[batch], widths[batch]);
            pen.setCosmetic(true);
            pen.setCapStyle(Qt::FlatCap);
            painter->setPen(pen);
            painter->drawLines(lines[batch]);
        }
        if (!arrowHeads[batch].isEmpty()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(colors[batch]);
            for (const QPolygonF &head : std::as_const(arrowHeads[batch]))
                painter->drawConvexPolygon(head);
        }
    }

    // Nodes: dimmed ones first, highlighted ones last, so that the chains sit on top.
    QList<int> order;
    order.reserve(d.nodeCount());
    for (int i = 0; i < d.nodeCount(); ++i) {
        if (!d.isVisible(i))
            continue;
        const QPointF p = d.position(i);
        const qreal r = d.radius(i) + 8;
        if (p.x() + r < area.left() || p.x() - r > area.right() || p.y() + r < area.top() || p.y() - r > area.bottom())
            continue;
        order.append(i);
    }
    auto rank = [&](int i) { return !dimming ? 1 : d.isHighlighted(i) ? 2 : 0; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rank(a) < rank(b); });

    const bool tiny = scale < 0.2; // a disc of the smallest size is then 2 pixels across
    if (tiny) {
        // Far out every disc is a few pixels: squares, batched per stage.
        QHash<int, QList<QRectF>> byColor;
        for (int i : std::as_const(order)) {
            const qreal r = std::max(d.radius(i), 1.8 / scale);
            const int key = int(d.node(i).stage) * 2 + (dimming && !d.isHighlighted(i) ? 1 : 0);
            byColor[key].append(QRectF(d.position(i).x() - r, d.position(i).y() - r, 2 * r, 2 * r));
        }
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(Qt::NoPen);
        for (auto it = byColor.cbegin(); it != byColor.cend(); ++it) {
            QColor color = stageColor(static_cast<Stage>(it.key() / 2));
            if (it.key() % 2)
                color.setAlpha(50);
            painter->setBrush(color);
            painter->drawRects(it.value());
        }
    } else {
        QPen border(Qt::white, 1.6);
        border.setCosmetic(true);
        for (int i : std::as_const(order)) {
            const GraphNode &node = d.node(i);
            const bool faded = dimming && !d.isHighlighted(i);
            const QPointF p = d.position(i);
            const qreal r = d.radius(i);
            QColor fill = stageColor(node.stage);
            if (faded)
                fill.setAlpha(55);
            QPen edge = border;
            if (faded)
                edge.setColor(QColor(255, 255, 255, 90));
            painter->setPen(edge);
            painter->setBrush(fill);
            painter->drawEllipse(p, r, r);
            if (node.stage == Stage::Client) {
                QPen ring(faded ? fill : stageColor(Stage::Client).darker(125), 2.4);
                ring.setCosmetic(true);
                painter->setPen(ring);
                painter->setBrush(Qt::NoBrush);
                painter->drawEllipse(p, r + 3.5, r + 3.5);
            }
            if (node.id == d.selectedContact()) {
                QPen ring(edgeHighlightColor, 3);
                ring.setCosmetic(true);
                painter->setPen(ring);
                painter->setBrush(Qt::NoBrush);
                painter->drawEllipse(p, r + 7, r + 7);
            }
            if (d.isPinned(i) && r * scale >= 7) {
                painter->setPen(Qt::NoPen);
                painter->setBrush(faded ? QColor(60, 60, 60, 60) : QColor(50, 54, 58));
                painter->drawEllipse(p + QPointF(r * 0.72, -r * 0.72), 3 / scale, 3 / scale);
            }
        }
    }

    // Names, in device pixels, most important first, never on top of another name.
    const QTransform base = painter->worldTransform();
    auto labelTransform = [&](QPointF at) { return QTransform(1 / scale, 0, 0, 1 / scale, at.x(), at.y()) * base; };
    QList<int> candidates;
    for (int i : std::as_const(order)) {
        const qreal screenRadius = d.radius(i) * scale;
        if (screenRadius >= 5.5 || (dimming && d.isHighlighted(i) && screenRadius >= 1.5))
            candidates.append(i);
    }
    auto priority = [&](int i) {
        const GraphNode &node = d.node(i);
        return (dimming && d.isHighlighted(i) ? 1000.0 : 0.0) + (node.id == d.selectedContact() ? 2000.0 : 0.0)
               + (node.stage == Stage::Client ? 100.0 : 0.0) + d.radius(i);
    };
    std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) { return priority(a) > priority(b); });
    LabelSpace space;
    const QFont regular = labelFont(false);
    const QFont bold = labelFont(true);
    const QFontMetricsF regularMetrics(regular, painter->device());
    const QFontMetricsF boldMetrics(bold, painter->device());
    // Discs are obstacles too, so that a name never hides a person.
    for (int i : std::as_const(order)) {
        const QPointF c = d.position(i) * scale;
        const qreal r = d.radius(i) * scale;
        if (r >= 3)
            space.tryPlace(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
    }
    for (int i : std::as_const(candidates)) {
        if (space.count() > maxLabels + order.size())
            break;
        const GraphNode &node = d.node(i);
        const bool strong = node.stage == Stage::Client || node.id == d.selectedContact();
        const QFontMetricsF &metrics = strong ? boldMetrics : regularMetrics;
        const QString text = metrics.elidedText(shownText(node.name, ShownLength::Button), Qt::ElideRight, 180);
        const qreal w = metrics.horizontalAdvance(text) + 8;
        const qreal h = metrics.height() + 2;
        const qreal r = (d.radius(i) + (node.stage == Stage::Client ? 4 : 0)) * scale;
        const QPointF c = d.position(i) * scale;
        // Below the disc, else above it, else to the right.
        const QRectF tries[] = {QRectF(c.x() - w / 2, c.y() + r + 2, w, h), QRectF(c.x() - w / 2, c.y() - r - 2 - h, w, h),
                                QRectF(c.x() + r + 3, c.y() - h / 2, w, h)};
        for (const QRectF &rect : tries) {
            if (!space.tryPlace(rect))
                continue;
            const bool faded = dimming && !d.isHighlighted(i);
            painter->setWorldTransform(labelTransform(QPointF()));
            painter->setPen(Qt::NoPen);
            painter->setBrush(faded ? QColor(255, 255, 255, 120) : haloColor);
            painter->drawRoundedRect(rect, 4, 4);
            painter->setFont(strong ? bold : regular);
            painter->setPen(faded ? QColor(35, 39, 43, 90) : labelColor);
            painter->drawText(rect, Qt::AlignCenter, text);
            break;
        }
    }
    // Edge kinds last: they matter least.
    const QFont kindFont = edgeLabelFont();
    const QFontMetricsF kindMetrics(kindFont, painter->device());
    painter->setFont(kindFont);
    for (const EdgeLabel &label : std::as_const(edgeLabels)) {
        const QString text = kindLabel(d.edge(label.edge).kind);
        const qreal w = kindMetrics.horizontalAdvance(text) + 6;
        if (label.room < w + 10)
            continue;
        const qreal h = kindMetrics.height();
        const QPointF c = label.at * scale;
        const QRectF rect(c.x() - w / 2, c.y() - h / 2, w, h);
        if (!space.tryPlace(rect))
            continue;
        painter->setWorldTransform(labelTransform(QPointF()));
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 200));
        painter->drawRoundedRect(rect, 3, 3);
        painter->setPen(d.isEdgeHighlighted(label.edge) ? edgeHighlightColor : QColor(92, 100, 110));
        painter->drawText(rect, Qt::AlignCenter, text);
    }
    painter->restore();
}

namespace {

/// Where the legend's entries go: a stage each (disc and name), then the
/// explanation, left to right, a new row whenever the next would not fit.
struct LegendLayout
{
    struct Entry
    {
        std::optional<Stage> stage; // none: the explanation
        QString text;
        QPointF at; // the entry's left end, on its row's middle line
    };
    QList<Entry> entries;
    QSizeF size;
};

constexpr qreal legendPadding = 12;
constexpr qreal legendDisc = 18; // from an entry's left end to its name
constexpr qreal legendGap = 14;

LegendLayout layoutLegend(const QFontMetricsF &metrics, qreal maxWidth)
{
    LegendLayout layout;
    for (Stage stage : QList<Stage>{Stage::None} + stageLadder())
        layout.entries.append({stage, stageDisplayName(stage), {}});
    layout.entries.append({std::nullopt,
                           GraphRenderer::tr("ringed: client · larger: more interactions · arrow: who led to whom"),
                           {}});
    const qreal rowHeight = metrics.height() + 8;
    qreal x = legendPadding;
    qreal row = 0;
    qreal widest = 0;
    for (LegendLayout::Entry &entry : layout.entries) {
        const qreal disc = entry.stage ? legendDisc : 0;
        // An entry wider than a whole row ends in "…".
        const qreal rowRoom = std::max<qreal>(0, maxWidth - 2 * legendPadding - disc);
        if (metrics.horizontalAdvance(entry.text) > rowRoom)
            entry.text = metrics.elidedText(entry.text, Qt::ElideRight, rowRoom);
        const qreal width = disc + metrics.horizontalAdvance(entry.text);
        if (x > legendPadding && x + width + legendPadding > maxWidth) {
            x = legendPadding;
            ++row;
        }
        entry.at = QPointF(x, 7 + row * rowHeight + rowHeight / 2 - 4);
        widest = std::max(widest, x + width);
        x += width + legendGap;
    }
    layout.size = QSizeF(widest + legendPadding, (row + 1) * rowHeight + 6);
    return layout;
}

} // namespace

QSizeF GraphRenderer::legendSize(QPainter *painter, qreal maxWidth)
{
    return layoutLegend(QFontMetricsF(labelFont(false), painter->device()), maxWidth).size;
}

void GraphRenderer::paintLegend(QPainter *painter, QPointF topLeft, qreal maxWidth)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QFont font = labelFont(false);
    const QFontMetricsF metrics(font, painter->device());
    const LegendLayout layout = layoutLegend(metrics, maxWidth);
    const QRectF panel(topLeft, layout.size);
    painter->setPen(QPen(QColor(0, 0, 0, 30), 1));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(panel, 6, 6);
    painter->setFont(font);
    for (const LegendLayout::Entry &entry : layout.entries) {
        const QPointF at = topLeft + entry.at;
        const qreal baseline = at.y() + metrics.ascent() / 2 - 1;
        if (!entry.stage) {
            painter->setPen(QColor(92, 100, 110));
            painter->drawText(QPointF(at.x(), baseline), entry.text);
            continue;
        }
        painter->setPen(QPen(Qt::white, 1.2));
        painter->setBrush(stageColor(*entry.stage));
        painter->drawEllipse(QPointF(at.x() + 6, at.y()), 6, 6);
        if (*entry.stage == Stage::Client) {
            painter->setPen(QPen(stageColor(Stage::Client).darker(125), 1.8));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(at.x() + 6, at.y()), 8.5, 8.5);
        }
        painter->setPen(labelColor);
        painter->drawText(QPointF(at.x() + legendDisc, baseline), entry.text);
    }
    painter->restore();
}

void GraphRenderer::paintPicture(QPainter *painter, const QRectF &target, const GraphPictureOptions &options) const
{
    painter->save();
    if (options.background.alpha() > 0)
        painter->fillRect(target, options.background);
    QRectF graphArea = target;
    QSizeF legend;
    if (options.legend) {
        legend = legendSize(painter, target.width() - 24);
        graphArea.setBottom(target.bottom() - legend.height() - 16);
    }
    const QRectF bounds = m_document.visibleBounds().adjusted(-options.margin, -options.margin, options.margin,
                                                              options.margin + 16);
    if (!bounds.isEmpty() && graphArea.height() > 0) {
        const qreal scale = std::min(graphArea.width() / bounds.width(), graphArea.height() / bounds.height());
        painter->save();
        painter->setClipRect(graphArea, Qt::IntersectClip);
        painter->translate(graphArea.center());
        painter->scale(scale, scale);
        painter->translate(-bounds.center());
        paintScene(painter, bounds, scale);
        painter->restore();
    }
    if (options.legend)
        paintLegend(painter, QPointF(target.left() + 12, target.bottom() - legend.height() - 10), target.width() - 24);
    painter->restore();
}

QSize GraphRenderer::pictureSize(qreal scale, const GraphPictureOptions &options) const
{
    const QRectF bounds = m_document.visibleBounds().adjusted(-options.margin, -options.margin, options.margin,
                                                              options.margin + 16);
    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&probe);
    const QSizeF legend = options.legend ? legendSize(&painter) : QSizeF();
    const qreal width = std::max(bounds.width() * scale, legend.width() + 24);
    const qreal height = bounds.height() * scale + (options.legend ? legend.height() + 16 : 0);
    return QSize(int(std::ceil(width)), int(std::ceil(height)));
}

Status GraphRenderer::savePng(const QString &path, qreal scale) const
{
    if (m_document.visibleNodeCount() == 0)
        return Status::failure(tr("There is nothing to export: no contact is shown."));
    // Keep the image within what a viewer opens comfortably.
    QSize size = pictureSize(scale);
    const qreal shrink = std::min(1.0, 12000.0 / std::max(size.width(), size.height()));
    if (shrink < 1)
        size = pictureSize(scale * shrink);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paintPicture(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Status::failure(
            tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return Status::success();
}

Status GraphRenderer::saveSvg(const QString &path) const
{
    if (m_document.visibleNodeCount() == 0)
        return Status::failure(tr("There is nothing to export: no contact is shown."));
    const QSize size = pictureSize(1.0);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(tr("Relationship graph"));
        generator.setDescription(tr("Who led you to whom, drawn by Rapport"));
        QPainter painter(&generator);
        paintPicture(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size() || !file.commit())
        return Status::failure(
            tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return Status::success();
}

Status GraphRenderer::paintDataFile(Database &database, QPainter *painter, const QRectF &target)
{
    auto document = GraphDocument::load(database, true);
    if (!document)
        return document.status();
    GraphRenderer(**document).paintPicture(painter, target);
    return Status::success();
}

} // namespace Rapport::Ui
