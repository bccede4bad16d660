#include "reportdocument.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>
#include <QTextOption>

#include <vector>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

const QColor inkColor(0x22, 0x26, 0x2e);
const QColor mutedColor(0x6b, 0x72, 0x80);
const QColor accentColor(0x1f, 0x4e, 0x79);
const QColor ruleColor(0xc9, 0xcf, 0xd8);
const QColor zebraColor(0xf3, 0xf5, 0xf8);

constexpr int maximumParagraphLength = 20000;

QString shortened(const QString &text, int limit)
{
    if (text.size() <= limit)
        return text;
    return text.left(limit) + QChar(0x2026);
}

/// Plain text laid out at a width with the device's own metrics; breaks at
/// word boundaries, or anywhere in a word too long for the line.
class TextBox
{
public:
    TextBox(QString text, const QFont &font, QPaintDevice *device, qreal width)
    {
        text.replace(QLatin1Char('\n'), QChar::LineSeparator);
        text.replace(QLatin1Char('\r'), QLatin1Char(' '));
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        m_layout = std::make_shared<QTextLayout>(text, font, device);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        m_layout->setTextOption(option);
        m_layout->beginLayout();
        qreal y = 0;
        for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, y));
            y += line.height();
            m_naturalWidth = std::max(m_naturalWidth, line.naturalTextWidth());
        }
        m_layout->endLayout();
        m_height = y;
    }

    qreal height() const { return m_height; }
    qreal naturalWidth() const { return m_naturalWidth; }
    int lineCount() const { return m_layout->lineCount(); }
    qreal lineTop(int line) const { return m_layout->lineAt(line).y(); }
    qreal lineHeight(int line) const { return m_layout->lineAt(line).height(); }

    void paint(QPainter &painter, const QPointF &at, const QColor &color) const
    {
        painter.setPen(color);
        m_layout->draw(&painter, at);
    }
    void paintLine(QPainter &painter, int line, const QPointF &at, const QColor &color) const
    {
        painter.setPen(color);
        const QTextLine l = m_layout->lineAt(line);
        l.draw(&painter, at - QPointF(0, l.y()));
    }

private:
    std::shared_ptr<QTextLayout> m_layout;
    qreal m_height = 0;
    qreal m_naturalWidth = 0;
};

} // namespace

struct ReportDocument::Block
{
    enum class Kind { Title, Heading, Paragraph, Facts, Table, Picture, Spacing, PageBreak };
    Kind kind = Kind::Paragraph;
    QString text;
    QString subtitle;
    QString byline;
    TextStyle style = TextStyle::Body;
    QList<Column> columns;
    QList<Row> rows;
    qreal points = 0;
    Painter painter;
};

/// Turns blocks into items of known height, then places the items on pages.
class ReportDocument::Layout
{
public:
    struct Item
    {
        qreal height = 0;
        bool keepWithNext = false;
        bool pageBreak = false;
        bool spacing = false;
        /// For a table row: the index of its table's header item, repeated on a new page.
        int header = -1;
        std::function<void(QPainter &, qreal y)> paint;
    };

    Layout(QPagedPaintDevice *device, const QString &runningTitle)
        : m_device(device)
        , m_unit(device->logicalDpiY() / 72.0)
        , m_width(device->width())
        , m_height(device->height())
        , m_runningTitle(runningTitle)
    {
        m_body = font(9.5);
        m_small = font(8);
        m_bold = font(9.5, QFont::DemiBold);
        m_heading = font(13, QFont::DemiBold);
        m_title = font(22, QFont::DemiBold);
        m_subtitle = font(11.5);
    }

    qreal pt(qreal points) const { return points * m_unit; }

    QFont font(qreal points, QFont::Weight weight = QFont::Normal) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setStyleHint(QFont::SansSerif);
        f.setPointSizeF(points);
        f.setWeight(weight);
        // Any letter spacing turns ligatures off, so that text copied from the
        // PDF (or searched in it) reads "fi", not the single glyph "ﬁ".
        f.setLetterSpacing(QFont::AbsoluteSpacing, 0.1);
        return f;
    }

    void add(const Block &block)
    {
        switch (block.kind) {
        case Block::Kind::Title: addTitle(block); break;
        case Block::Kind::Heading: addHeading(block.text); break;
        case Block::Kind::Paragraph: addParagraph(block.text, block.style); break;
        case Block::Kind::Facts: addTable(block.columns, block.rows, false); break;
        case Block::Kind::Table: addTable(block.columns, block.rows, true); break;
        case Block::Kind::Picture: addPicture(block.points, block.painter); break;
        case Block::Kind::Spacing: addSpace(pt(block.points)); break;
        case Block::Kind::PageBreak: m_items.push_back(Item{0, false, true, false, -1, {}}); break;
        }
    }

    /// Places every item; returns the pages as lists of (item, y).
    std::vector<std::vector<std::pair<int, qreal>>> paginate() const
    {
        std::vector<std::vector<std::pair<int, qreal>>> pages(1);
        const qreal bottom = m_height - footerHeight();
        qreal top = 0;
        qreal y = top;
        auto newPage = [&] {
            pages.emplace_back();
            top = headerHeight();
            y = top;
        };
        int lastPlaced = -1;
        for (int i = 0; i < int(m_items.size()); ++i) {
            const Item &item = m_items[size_t(i)];
            if (item.pageBreak) {
                if (y > top)
                    newPage();
                continue;
            }
            if (item.spacing && y <= top)
                continue; // no gap at the top of a page
            // A heading goes to the next page with what it introduces: this item,
            // every item kept with it, and the first item that is not.
            qreal needed = item.height;
            for (int next = i; m_items[size_t(next)].keepWithNext && next + 1 < int(m_items.size()); ++next)
                needed += m_items[size_t(next + 1)].height;
            if (y + needed > bottom && y > top) {
                if (item.spacing) {
                    newPage();
                    continue;
                }
                newPage();
                if (item.header >= 0 && lastPlaced != item.header) {
                    pages.back().emplace_back(item.header, y);
                    y += m_items[size_t(item.header)].height;
                }
            }
            pages.back().emplace_back(i, y);
            y += item.height;
            lastPlaced = i;
        }
        return pages;
    }

    void paintPage(QPainter &painter, const std::vector<std::pair<int, qreal>> &placed, int page, int pageCount) const
    {
        painter.save();
        painter.setClipRect(QRectF(0, 0, m_width, m_height));
        if (page > 0) {
            painter.setFont(m_small);
            painter.setPen(mutedColor);
            const QFontMetricsF metrics(m_small, m_device);
            painter.drawText(QRectF(0, 0, m_width, metrics.height()), Qt::AlignLeft | Qt::AlignTop,
                             metrics.elidedText(m_runningTitle, Qt::ElideRight, m_width * 0.8));
            painter.setPen(QPen(ruleColor, pt(0.6)));
            const qreal rule = metrics.height() + pt(4);
            painter.drawLine(QPointF(0, rule), QPointF(m_width, rule));
        }
        for (const auto &[index, y] : placed) {
            if (m_items[size_t(index)].paint)
                m_items[size_t(index)].paint(painter, y);
        }
        painter.setFont(m_small);
        painter.setPen(mutedColor);
        const QFontMetricsF metrics(m_small, m_device);
        const QRectF footer(0, m_height - metrics.height(), m_width, metrics.height());
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                         ReportDocument::tr("Page %1 of %2").arg(page + 1).arg(pageCount));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, ReportDocument::tr("Rapport"));
        painter.restore();
    }

private:
    qreal headerHeight() const { return QFontMetricsF(m_small, m_device).height() + pt(14); }
    qreal footerHeight() const { return QFontMetricsF(m_small, m_device).height() + pt(12); }

    void addSpace(qreal height) { m_items.push_back(Item{height, false, false, true, -1, {}}); }

    void addText(const QString &text, const QFont &font, const QColor &color, bool keepWithNext)
    {
        const TextBox box(shortened(text, maximumParagraphLength), font, m_device, m_width);
        // One item per line, so that a long paragraph flows over pages.
        for (int line = 0; line < box.lineCount(); ++line) {
            Item item;
            item.height = box.lineHeight(line);
            item.keepWithNext = keepWithNext;
            item.paint = [box, line, color](QPainter &painter, qreal y) {
                box.paintLine(painter, line, QPointF(0, y), color);
            };
            m_items.push_back(std::move(item));
        }
    }

    void addTitle(const Block &block)
    {
        addText(block.text, m_title, inkColor, true);
        if (!block.subtitle.isEmpty()) {
            addSpace(pt(2));
            addText(block.subtitle, m_subtitle, mutedColor, true);
        }
        if (!block.byline.isEmpty()) {
            addSpace(pt(4));
            addText(block.byline, m_small, mutedColor, true);
        }
        Item rule;
        rule.height = pt(14);
        rule.paint = [this](QPainter &painter, qreal y) {
            painter.setPen(QPen(accentColor, pt(1.2)));
            painter.drawLine(QPointF(0, y + pt(7)), QPointF(m_width, y + pt(7)));
        };
        m_items.push_back(std::move(rule));
    }

    void addHeading(const QString &text)
    {
        addSpace(pt(12));
        addText(text, m_heading, accentColor, true);
        Item gap;
        gap.height = pt(5);
        gap.keepWithNext = true;
        m_items.push_back(std::move(gap));
    }

    void addParagraph(const QString &text, TextStyle style)
    {
        switch (style) {
        case TextStyle::Body: addText(text, m_body, inkColor, false); break;
        case TextStyle::Small: addText(text, m_small, inkColor, false); break;
        case TextStyle::Muted: addText(text, m_body, mutedColor, false); break;
        case TextStyle::Emphasis: addText(text, m_bold, inkColor, false); break;
        }
        addSpace(pt(4));
    }

    void addPicture(qreal points, const Painter &paintPicture)
    {
        Item item;
        item.height = std::min(pt(points), m_height - headerHeight() - footerHeight());
        const qreal height = item.height;
        item.paint = [this, paintPicture, height](QPainter &painter, qreal y) {
            painter.save();
            const QRectF rect(0, y, m_width, height);
            painter.setClipRect(rect);
            paintPicture(painter, rect);
            painter.restore();
        };
        m_items.push_back(std::move(item));
        addSpace(pt(6));
    }

    void addTable(const QList<Column> &columns, const QList<Row> &rows, bool withHeader)
    {
        if (columns.isEmpty())
            return;
        qreal totalWeight = 0;
        for (const Column &column : columns)
            totalWeight += column.weight;
        const qreal padX = pt(4);
        const qreal padY = pt(2.5);
        QList<qreal> xs;
        QList<qreal> widths;
        qreal x = 0;
        for (const Column &column : columns) {
            const qreal w = m_width * column.weight / totalWeight;
            xs.append(x);
            widths.append(w);
            x += w;
        }

        int headerIndex = -1;
        if (withHeader) {
            QList<TextBox> boxes;
            qreal height = 0;
            for (int c = 0; c < columns.size(); ++c) {
                boxes.append(TextBox(columns[c].title, m_small, m_device, widths[c] - 2 * padX));
                height = std::max(height, boxes.last().height());
            }
            Item header;
            header.height = height + 2 * padY + pt(1);
            header.keepWithNext = true;
            const qreal rowHeight = header.height;
            header.paint = [=, this](QPainter &painter, qreal y) {
                for (int c = 0; c < boxes.size(); ++c) {
                    const qreal offset = columns[c].alignment & Qt::AlignRight
                                             ? widths[c] - 2 * padX - boxes[c].naturalWidth()
                                             : 0;
                    boxes[c].paint(painter, QPointF(xs[c] + padX + offset, y + padY), mutedColor);
                }
                painter.setPen(QPen(ruleColor, pt(0.8)));
                painter.drawLine(QPointF(0, y + rowHeight - pt(0.5)), QPointF(m_width, y + rowHeight - pt(0.5)));
            };
            m_items.push_back(std::move(header));
            headerIndex = int(m_items.size()) - 1;
        }

        const qreal maximumRow = m_height - headerHeight() - footerHeight() - pt(40);
        for (int r = 0; r < rows.size(); ++r) {
            const Row &row = rows[r];
            struct CellBox
            {
                TextBox text;
                std::optional<TextBox> detail;
                QColor color;
            };
            QList<CellBox> cells;
            qreal height = 0;
            for (int c = 0; c < columns.size(); ++c) {
                const Cell cell = c < row.size() ? row[c] : Cell{};
                const QFont &f = cell.bold || (!withHeader && c == 0) ? m_bold : m_body;
                CellBox box{TextBox(shortened(cell.text, maximumCellLength), f, m_device, widths[c] - 2 * padX),
                            std::nullopt, cell.color.isValid() ? cell.color : inkColor};
                qreal h = box.text.height();
                if (!cell.detail.isEmpty()) {
                    box.detail = TextBox(shortened(cell.detail, maximumCellLength), m_small, m_device,
                                         widths[c] - 2 * padX);
                    h += pt(1.5) + box.detail->height();
                }
                height = std::max(height, h);
                cells.append(std::move(box));
            }
            Item item;
            item.height = std::min(height + 2 * padY, maximumRow);
            item.header = headerIndex;
            const qreal rowHeight = item.height;
            const bool zebra = withHeader && r % 2 == 1;
            item.paint = [=, this](QPainter &painter, qreal y) {
                painter.save();
                const QRectF rowRect(0, y, m_width, rowHeight);
                painter.setClipRect(rowRect);
                if (zebra)
                    painter.fillRect(rowRect, zebraColor);
                for (int c = 0; c < cells.size(); ++c) {
                    const qreal offset = columns[c].alignment & Qt::AlignRight
                                             ? widths[c] - 2 * padX - cells[c].text.naturalWidth()
                                             : 0;
                    const QPointF at(xs[c] + padX + offset, y + padY);
                    cells[c].text.paint(painter, at, c == 0 && !withHeader ? mutedColor : cells[c].color);
                    if (cells[c].detail)
                        cells[c].detail->paint(painter, at + QPointF(-offset, cells[c].text.height() + pt(1.5)),
                                               mutedColor);
                }
                painter.restore();
            };
            m_items.push_back(std::move(item));
        }
        addSpace(pt(6));
    }

    QPagedPaintDevice *m_device;
    qreal m_unit;
    qreal m_width;
    qreal m_height;
    QString m_runningTitle;
    QFont m_body;
    QFont m_small;
    QFont m_bold;
    QFont m_heading;
    QFont m_title;
    QFont m_subtitle;
    std::vector<Item> m_items;
};

QString ReportDocument::dateTime(const QDateTime &time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    const QDateTime local = time.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + locale.toString(local.time(), format);
}

ReportDocument::ReportDocument(QString runningTitle)
    : m_runningTitle(std::move(runningTitle))
{
}

ReportDocument::~ReportDocument() = default;
ReportDocument::ReportDocument(ReportDocument &&) noexcept = default;
ReportDocument &ReportDocument::operator=(ReportDocument &&) noexcept = default;

void ReportDocument::addTitle(const QString &title, const QString &subtitle, const QString &byline)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Title;
    block->text = title;
    block->subtitle = subtitle;
    block->byline = byline;
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addHeading(const QString &text)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Heading;
    block->text = text;
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addParagraph(const QString &text, TextStyle style)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Paragraph;
    block->text = text;
    block->style = style;
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addFacts(const QList<std::pair<QString, QString>> &facts)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Facts;
    block->columns = {Column{QString(), 1.1, Qt::AlignLeft}, Column{QString(), 4, Qt::AlignLeft}};
    for (const auto &[label, value] : facts)
        block->rows.append(Row{Cell{label, {}, {}, false}, Cell{value, {}, {}, false}});
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addTable(const QList<Column> &columns, const QList<Row> &rows)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Table;
    block->columns = columns;
    block->rows = rows;
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addPicture(qreal heightInPoints, Painter painter)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Picture;
    block->points = heightInPoints;
    block->painter = std::move(painter);
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addSpacing(qreal points)
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::Spacing;
    block->points = points;
    m_blocks.push_back(std::move(block));
}

void ReportDocument::addPageBreak()
{
    auto block = std::make_unique<Block>();
    block->kind = Block::Kind::PageBreak;
    m_blocks.push_back(std::move(block));
}

Result<int> ReportDocument::print(QPagedPaintDevice *device) const
{
    QPainter painter;
    if (!painter.begin(device))
        return Result<int>::failure(tr("The document could not be started: the printer or file is not ready."));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    Layout layout(device, m_runningTitle);
    for (const auto &block : m_blocks)
        layout.add(*block);
    const auto pages = layout.paginate();
    for (int page = 0; page < int(pages.size()); ++page) {
        if (page > 0 && !device->newPage()) {
            painter.end();
            return Result<int>::failure(tr("Page %1 could not be started.").arg(page + 1));
        }
        layout.paintPage(painter, pages[size_t(page)], page, int(pages.size()));
    }
    if (!painter.end())
        return Result<int>::failure(tr("The document could not be finished."));
    return int(pages.size());
}

} // namespace Rapport::Ui
