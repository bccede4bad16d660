#include "networksummaryreport.h"

#include "graph/graphdocument.h"
#include "graph/graphrenderer.h"
#include "graph/graphstore.h"
#include "insights/activityanalysis.h"
#include "insights/boxchart.h"
#include "insights/barchart.h"
#include "insights/coldcontacts.h"
#include "insights/insightschart.h"
#include "insights/insightspage.h"
#include "qcustomplot.h"
#include "insights/funnelanalysis.h"
#include "store/database.h"
#include "store/reminderstore.h"
#include "stagecolors.h"

#include <QFileInfo>
#include <QImage>
#include <QLocale>

#include <algorithm>
#include <memory>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

QString percent(std::optional<double> share)
{
    if (!share)
        return QStringLiteral("–");
    return QLocale().toString(*share * 100, 'f', 0) + QStringLiteral(" %");
}

QString days(const DayStats &stats)
{
    if (stats.count == 0)
        return QStringLiteral("–");
    return NetworkSummaryReport::tr("%1 (%2–%3)")
        .arg(QLocale().toString(stats.median, 'f', 0), QLocale().toString(stats.lowerQuartile, 'f', 0),
             QLocale().toString(stats.upperQuartile, 'f', 0));
}

} // namespace

Result<ReportDocument> NetworkSummaryReport::build(Database &database, const QDate &from, const QDate &to)
{
    const QLocale locale;
    const QDateTime now = database.clock().now();
    auto graph = GraphStore(database).load();
    if (!graph)
        return graph.status();

    ReportDocument document(tr("Network summary"));
    QString period = tr("All time");
    if (from.isValid() || to.isValid()) {
        period = tr("From %1 to %2")
                     .arg(from.isValid() ? locale.toString(from, QLocale::LongFormat) : tr("the start"),
                          to.isValid() ? locale.toString(to, QLocale::LongFormat) : tr("today"));
    }
    document.addTitle(tr("Network summary"), period,
                      tr("%1 · printed %2")
                          .arg(QFileInfo(database.path()).fileName(),
                               ReportDocument::dateTime(now)));

    // Where everyone stands, and the funnel between the rungs.
    QList<int> standing(int(Stage::Client) + 1, 0);
    int people = 0;
    for (const GraphNode &node : graph->nodes()) {
        if (node.archived)
            continue;
        ++people;
        ++standing[int(node.stage)];
    }
    InsightsFilter filter;
    filter.from = from;
    filter.to = to;
    auto funnel = FunnelAnalysis(database).compute(filter);
    if (!funnel)
        return funnel.status();
    document.addFacts({{tr("Contacts"), locale.toString(people)},
                       {tr("Clients"), locale.toString(standing[int(Stage::Client)])},
                       {tr("Introductions"), locale.toString(graph->edges().size())}});
    document.addHeading(tr("The funnel"));
    document.addParagraph(tr("How many contacts reached each rung of the ladder (a contact who skipped a rung "
                             "counts as having passed it), the share of the rung below that went on, and the "
                             "median days the step took, with the middle half in brackets."),
                          ReportDocument::TextStyle::Muted);
    QList<ReportDocument::Row> funnelRows;
    for (const FunnelStep &step : funnel->steps) {
        funnelRows.append({{stageDisplayName(step.stage), {}, stageColor(step.stage), true},
                           {locale.toString(standing.value(int(step.stage))), {}, {}, false},
                           {locale.toString(step.reached()), {}, {}, false},
                           {percent(step.conversion), {}, {}, false},
                           {days(step.daysFromPrevious), {}, {}, false}});
    }
    document.addTable({{tr("Stage"), 1.6},
                       {tr("There now"), 1.1, Qt::AlignRight},
                       {tr("Reached"), 1.1, Qt::AlignRight},
                       {tr("Went on from the rung below"), 2, Qt::AlignRight},
                       {tr("Median days for the step"), 2, Qt::AlignRight}},
                      funnelRows);

    // The same charts as the Insights page, drawn as vectors.
    auto insights = std::make_shared<InsightsPage>(database);
    insights->setGrain(ActivityGrain::Month);
    if (from.isValid() || to.isValid())
        insights->setCustomPeriod(from.isValid() ? from : QDate(1970, 1, 1), to.isValid() ? to : now.toLocalTime().date());
    else
        insights->setPeriod(InsightsPage::Period::AllTime);
    if (Status loaded = insights->reload(); !loaded)
        return loaded;
    insights->resize(1100, 1400);
    // Drawn at three times screen resolution: QCustomPlot's vector export scales
    // its point-sized fonts twice on a 300 dpi page.
    auto paintChart = [](InsightsChart *chart, QPainter &painter, const QRectF &rect) {
        const int width = 900;
        const int height = int(width * rect.height() / rect.width());
        const QPixmap pixmap = chart->plot()->toPixmap(width, height, 3.0);
        painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()));
    };
    document.addPicture(190, [insights, paintChart](QPainter &painter, const QRectF &rect) {
        paintChart(insights->daysChart(), painter, rect);
    });
    document.addHeading(tr("Interactions per month"));
    document.addPicture(220, [insights, paintChart](QPainter &painter, const QRectF &rect) {
        paintChart(insights->activityChart(), painter, rect);
    });

    // The clients and the chain behind each one.
    document.addHeading(tr("Clients and how they came"));
    QList<ReportDocument::Row> clientRows;
    for (const GraphNode &node : graph->nodes()) {
        if (node.archived || node.stage != Stage::Client)
            continue;
        const ChainList chains = graph->chainsTo(node.id, 16);
        QStringList lines;
        for (const QList<qint64> &chain : chains.chains) {
            if (chain.size() < 2)
                continue;
            QStringList steps;
            for (int i = 0; i < chain.size(); ++i) {
                const GraphNode *link = graph->node(chain[i]);
                QString step = link ? link->name : QString::number(chain[i]);
                if (i + 1 < chain.size()) {
                    if (const GraphEdge *edge = graph->edgeBetween(chain[i], chain[i + 1])) {
                        step += edge->date.isValid()
                                    ? tr(" (%1, %2)").arg(introductionKindDisplayName(edge->kind).toLower(),
                                                          locale.toString(edge->date, QLocale::ShortFormat))
                                    : tr(" (%1)").arg(introductionKindDisplayName(edge->kind).toLower());
                    }
                }
                steps << step;
            }
            lines << steps.join(QStringLiteral(" → "));
        }
        if (chains.truncated)
            lines << tr("… and more chains");
        clientRows.append({{node.name, {}, {}, true},
                           {lines.isEmpty() ? tr("A first contact: nobody introduced them.") : lines.join(QLatin1Char('\n')),
                            {}, lines.isEmpty() ? QColor(0x6b, 0x72, 0x80) : QColor(), false}});
    }
    if (clientRows.isEmpty())
        document.addParagraph(tr("No clients yet."), ReportDocument::TextStyle::Muted);
    else
        document.addTable({{tr("Client"), 1.6}, {tr("The chain behind them"), 5}}, clientRows);

    // Who brought the most.
    document.addHeading(tr("Top introducers"));
    QList<Attribution> attribution = graph->attribution();
    attribution.erase(std::remove_if(attribution.begin(), attribution.end(),
                                     [](const Attribution &a) { return a.transitiveClients == 0; }),
                      attribution.end());
    std::stable_sort(attribution.begin(), attribution.end(), [](const Attribution &a, const Attribution &b) {
        if (a.transitiveClients != b.transitiveClients)
            return a.transitiveClients > b.transitiveClients;
        return a.directClients > b.directClients;
    });
    if (attribution.size() > 15)
        attribution.resize(15);
    if (attribution.isEmpty()) {
        document.addParagraph(tr("Nobody has led you to a client yet."), ReportDocument::TextStyle::Muted);
    } else {
        QList<ReportDocument::Row> rows;
        for (const Attribution &a : std::as_const(attribution)) {
            const GraphNode *node = graph->node(a.contactId);
            rows.append({{node ? node->name : QString(), {}, {}, true},
                         {node ? stageDisplayName(node->stage) : QString(), {}, node ? stageColor(node->stage) : QColor(),
                          false},
                         {locale.toString(a.directClients), {}, {}, false},
                         {locale.toString(a.transitiveClients), {}, {}, false},
                         {locale.toString(a.reached), {}, {}, false}});
        }
        document.addTable({{tr("Introducer"), 2.4},
                           {tr("Stage"), 1.1},
                           {tr("Clients directly"), 1.3, Qt::AlignRight},
                           {tr("Clients in all"), 1.3, Qt::AlignRight},
                           {tr("People reached"), 1.3, Qt::AlignRight}},
                          rows);
    }

    // What needs doing.
    document.addHeading(tr("Going cold"));
    auto cold = ColdContacts(database).compute(InsightsFilter{});
    if (!cold)
        return cold.status();
    QList<const GraphNode *> coldNodes;
    for (const QList<qint64> &ids : std::as_const(cold->byStage)) {
        for (qint64 id : ids) {
            if (const GraphNode *node = graph->node(id))
                coldNodes.append(node);
        }
    }
    // The warmest relationships first: they have the most to lose.
    std::stable_sort(coldNodes.begin(), coldNodes.end(), [](const GraphNode *a, const GraphNode *b) {
        if (a->stage != b->stage)
            return a->stage > b->stage;
        return a->lastInteractionAt < b->lastInteractionAt;
    });
    constexpr int coldShown = 30;
    if (coldNodes.isEmpty()) {
        document.addParagraph(tr("Nobody is past their keep-in-touch cadence."), ReportDocument::TextStyle::Muted);
    } else {
        QList<ReportDocument::Row> rows;
        for (const GraphNode *node : coldNodes.mid(0, coldShown)) {
            const QString last = node->lastInteractionAt.isValid()
                                     ? tr("%1 (%2 days ago)")
                                           .arg(locale.toString(node->lastInteractionAt.toLocalTime().date(),
                                                                QLocale::ShortFormat))
                                           .arg(node->lastInteractionAt.daysTo(now))
                                     : tr("never");
            rows.append({{node->name, {}, {}, true},
                         {stageDisplayName(node->stage), {}, stageColor(node->stage), false},
                         {last, {}, {}, false}});
        }
        document.addTable({{tr("Contact"), 2.6}, {tr("Stage"), 1.2}, {tr("Last interaction"), 2.4}}, rows);
        if (coldNodes.size() > coldShown) {
            document.addParagraph(tr("… and %1 more past their cadence.").arg(coldNodes.size() - coldShown),
                                  ReportDocument::TextStyle::Muted);
        }
    }

    document.addHeading(tr("Overdue follow-ups"));
    auto overdue = ReminderStore(database).dueBefore(now);
    if (!overdue)
        return overdue.status();
    if (overdue->isEmpty()) {
        document.addParagraph(tr("Nothing is overdue."), ReportDocument::TextStyle::Muted);
    } else {
        QList<ReportDocument::Row> rows;
        for (const Reminder &reminder : std::as_const(*overdue)) {
            const GraphNode *node = graph->node(reminder.contactId);
            rows.append({{ReportDocument::dateTime(reminder.effectiveDueAt()), {},
                          stageColor(Stage::Client), false},
                         {node ? node->name : QString(), {}, {}, true},
                         {reminder.note, {}, {}, false}});
        }
        document.addTable({{tr("Was due"), 1.5}, {tr("Contact"), 2}, {tr("Follow-up"), 4.5}}, rows);
    }
    // The picture of it all, on a page of its own.
    auto picture = GraphDocument::load(database, true);
    if (!picture)
        return picture.status();
    if (!graph->nodes().isEmpty()) {
        document.addPageBreak();
        document.addHeading(tr("The relationship graph"));
        document.addParagraph(tr("Who led you to whom: each arrow is an introduction, each disc a contact coloured "
                                 "by stage and sized by activity; clients are ringed."),
                              ReportDocument::TextStyle::Muted);
        std::shared_ptr<GraphDocument> shared(std::move(picture).value());
        document.addPicture(560, [shared](QPainter &painter, const QRectF &rect) {
            // Laid out as on a screen (text at 96 dpi on a canvas a little wider
            // than the page, so that names and the legend fit), then drawn at
            // three times that resolution.
            const qreal toScreen = 124.0 / painter.device()->logicalDpiX();
            const QSize logical = (rect.size() * toScreen).toSize();
            constexpr qreal ratio = 3.0;
            QImage image(logical * ratio, QImage::Format_ARGB32_Premultiplied);
            image.setDotsPerMeterX(qRound(96 / 0.0254));
            image.setDotsPerMeterY(qRound(96 / 0.0254));
            image.setDevicePixelRatio(ratio);
            image.fill(Qt::white);
            {
                QPainter imagePainter(&image);
                imagePainter.setRenderHint(QPainter::Antialiasing);
                imagePainter.setRenderHint(QPainter::TextAntialiasing);
                GraphPictureOptions options;
                options.margin = 64;
                GraphRenderer(*shared).paintPicture(&imagePainter, QRectF(QPointF(0, 0), QSizeF(logical)), options);
            }
            painter.drawImage(rect, image);
        });
    }
    return document;
}

} // namespace Rapport::Ui
