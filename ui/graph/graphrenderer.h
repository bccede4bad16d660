#pragma once

#include "result.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>

#include <limits>
#include <QSize>

class QPainter;
class QPaintDevice;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class GraphDocument;

/// How GraphRenderer::paintPicture() frames the graph.
struct GraphPictureOptions
{
    bool legend = true;
    /// Filled behind the graph; transparent leaves the device as it is.
    QColor background = Qt::white;
    /// Scene units kept around the graph.
    qreal margin = 40;
};

/// Paints the relationship graph: introductions as arrows labelled with their
/// kind, contacts as discs coloured by stage and sized by activity, clients
/// ringed, names where there is room for them. The graph view paints with it,
/// and so do the PNG and SVG exports and the printed report, so that they all
/// show the same picture.
///
/// For a picture of a data file in a report:
/// @code
///   auto document = GraphDocument::load(database, /*layOutMissing=*/true);
///   GraphRenderer(**document).paintPicture(&painter, pageRect);
/// @endcode
/// or, in one call, GraphRenderer::paintDataFile(database, &painter, pageRect).
class GraphRenderer
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::GraphRenderer)

public:
    explicit GraphRenderer(const GraphDocument &document);

    /// Paints what of the visible graph lies in `exposed` (scene units) on a
    /// painter already transformed to the scene. `scale` is device pixels per
    /// scene unit: below a few pixels per disc, names, arrows and edge labels
    /// give way so that a large network stays fast and legible.
    void paintScene(QPainter *painter, const QRectF &exposed, qreal scale) const;

    /// Fits the visible graph into `target` (device coordinates of the
    /// painter), keeping its proportions, with the legend in a corner.
    void paintPicture(QPainter *painter, const QRectF &target, const GraphPictureOptions &options) const;
    void paintPicture(QPainter *painter, const QRectF &target) const { paintPicture(painter, target, GraphPictureOptions()); }

    /// The size of a picture of the visible graph at `scale` device pixels per
    /// scene unit, margins included, for exports.
    QSize pictureSize(qreal scale, const GraphPictureOptions &options = GraphPictureOptions()) const;

    /// Writes the visible graph as a PNG or SVG file (atomically for PNG).
    Core::Status savePng(const QString &path, qreal scale = 1.5) const;
    Core::Status saveSvg(const QString &path) const;

    /// The legend: a colour per stage, what size and rings mean. Painted with
    /// its top-left corner at `topLeft`, in device coordinates.
    /// It takes a second row (or more) where one would be wider than `maxWidth`.
    static void paintLegend(QPainter *painter, QPointF topLeft,
                            qreal maxWidth = std::numeric_limits<qreal>::max());
    static QSizeF legendSize(QPainter *painter, qreal maxWidth = std::numeric_limits<qreal>::max());

    /// Loads the data file's graph (laying out contacts that have no saved
    /// position) and paints it into `target`: the printed report's picture.
    static Core::Status paintDataFile(Core::Database &database, QPainter *painter, const QRectF &target);

private:
    const GraphDocument &m_document;
};

} // namespace Rapport::Ui
