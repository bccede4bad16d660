#include "insightschart.h"

#include "plainmessage.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHelpEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPicture>
#include <QStandardPaths>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace Rapport::Ui {

InsightsChart::InsightsChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(250);

    m_plot->setObjectName(QStringLiteral("insightsPlot"));
    m_plot->setBackground(palette().base());
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title = new QCPTextElement(m_plot, title, titleFont);
    m_title->setTextColor(palette().text().color());
    m_title->setMargins(QMargins(12, 10, 12, 4));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    // The title spans the plot and, when there is one, the legend beside it.
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);

    m_saveButton = new QToolButton(m_plot);
    m_saveButton->setObjectName(QStringLiteral("saveChartButton"));
    m_saveButton->setText(tr("Save"));
    m_saveButton->setToolTip(tr("Save this chart as an image or a PDF"));
    m_saveButton->setAutoRaise(true);
    m_saveButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_saveButton);
    menu->addAction(tr("Save as PNG…"), this, [this] { chooseFileAndSave(QStringLiteral("png")); });
    menu->addAction(tr("Save as PDF…"), this, [this] { chooseFileAndSave(QStringLiteral("pdf")); });
    m_saveButton->setMenu(menu);

    connect(m_plot, &QCustomPlot::plottableClick, this,
            [this](QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *) {
                const int series = int(m_series.indexOf(plottable));
                if (series >= 0 && dataIndex >= 0)
                    emit barClicked(series, dataIndex);
            });
}

QWidget *InsightsChart::plotWidget() const
{
    return m_plot;
}

QString InsightsChart::title() const
{
    return m_title->text();
}

void InsightsChart::clearPlot()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_series.clear();
    m_emptyMessage.clear();
}

void InsightsChart::registerSeries(QCPAbstractPlottable *plottable)
{
    m_series.append(plottable);
}

void InsightsChart::styleAxes(QCPAxis *keyAxis)
{
    const QColor text = palette().text().color();
    const QColor grid = palette().mid().color();
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(grid));
        axis->setTickPen(QPen(grid));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid.lighter(130), 0, Qt::DotLine));
    }
    keyAxis->grid()->setVisible(false);
    keyAxis->setTickLength(0, 4);
}

void InsightsChart::setEmptyMessage(const QString &message)
{
    m_emptyMessage = message;
    if (message.isEmpty())
        return;
    auto *text = new QCPItemText(m_plot);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.45);
    text->setText(message);
    text->setColor(palette().placeholderText().color());
    text->setClipToAxisRect(false);
}

QString InsightsChart::toolTipHtml(int series, int index) const
{
    if (!m_toolTip)
        return {};
    const QString text = m_toolTip(series, index);
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.toHtmlEscaped();
    lines.first() = QStringLiteral("<b>%1</b>").arg(lines.first());
    return QStringLiteral("<p style='white-space:pre'>%1</p>").arg(lines.join(QStringLiteral("<br>")));
}

bool InsightsChart::barAt(const QPointF &pos, int &series, int &index) const
{
    int dataIndex = -1;
    QCPAbstractPlottable *plottable = m_plot->plottableAt(pos, false, &dataIndex);
    series = int(m_series.indexOf(plottable));
    index = dataIndex;
    // Bars and boxes answer within the plot's selection tolerance (a few pixels), like a click.
    return series >= 0 && index >= 0;
}

bool InsightsChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        int series = -1;
        int index = -1;
        if (barAt(help->pos(), series, index))
            QToolTip::showText(help->globalPos(), toolTipHtml(series, index), m_plot);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void InsightsChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_saveButton->adjustSize();
    m_saveButton->move(m_plot->width() - m_saveButton->width() - 6, 6);
}

QSize InsightsChart::exportSize() const
{
    return m_plot->isVisible() && m_plot->width() > 50 ? m_plot->size() : QSize(800, 500);
}

Core::Status InsightsChart::saveAs(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = exportSize();
    bool saved = false;
    if (suffix == u"png")
        saved = m_plot->savePng(path, size.width(), size.height(), 2.0);
    else if (suffix == u"pdf")
        saved = m_plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic, tr("Rapport"), title());
    else
        return Core::Status::failure(tr("“%1” is neither a .png nor a .pdf file.").arg(QFileInfo(path).fileName()));
    if (!saved)
        return Core::Status::failure(tr("The chart could not be written to “%1”.").arg(QDir::toNativeSeparators(path)));
    return Core::Status::success();
}

void InsightsChart::chooseFileAndSave(const QString &suffix)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = title().toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QLatin1Char('.') + suffix;
    const QString filter = suffix == u"png" ? tr("PNG image (*.png)") : tr("PDF document (*.pdf)");
    QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), QDir(folder).filePath(name), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    if (Core::Status saved = saveAs(path); !saved)
        showPlainWarning(this, tr("Save Chart"), saved.error());
}

void InsightsChart::render(QPainter *painter, const QRectF &target) const
{
    const QSize size = exportSize();
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        recorder.setMode(QCPPainter::pmVectorized);
        recorder.setMode(QCPPainter::pmNoCaching);
        m_plot->toPainter(&recorder, size.width(), size.height());
    }
    const double scale = std::min(target.width() / size.width(), target.height() / size.height());
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(scale, scale);
    picture.play(painter);
    painter->restore();
}

} // namespace Rapport::Ui
