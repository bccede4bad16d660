#include "graph/graphdocument.h"
#include "graph/graphpage.h"
#include "graph/graphrenderer.h"
#include "graph/graphview.h"
#include "graph/hairlines.h"
#include "graph/graphstore.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/introductionstore.h"
#include "store/stagetracker.h"
#include "testdatafile.h"

#include <QAction>
#include <QComboBox>
#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

#include <algorithm>
#include <cstdlib>

using namespace Rapport::Core;
using namespace Rapport::Ui;
using Rapport::Test::TestDataFile;

namespace {

struct Network
{
    qint64 ana, ben, cleo, dev, eli, fay;
};

/// Ana → Ben → Dev (client); Ana → Cleo → Dev; Eli → Fay, apart.
Network buildNetwork(Database &db)
{
    Network n{};
    n.ana = Rapport::Test::addContact(db, QStringLiteral("Ana Ruiz"));
    n.ben = Rapport::Test::addContact(db, QStringLiteral("Ben Okafor"));
    n.cleo = Rapport::Test::addContact(db, QStringLiteral("Cleo Martin"));
    n.dev = Rapport::Test::addContact(db, QStringLiteral("Dev Patel"));
    n.eli = Rapport::Test::addContact(db, QStringLiteral("Eli Brandt"));
    n.fay = Rapport::Test::addContact(db, QStringLiteral("Fay Cho"));
    IntroductionStore introductions(db);
    for (auto [from, to] : {std::pair{n.ana, n.ben}, {n.ben, n.dev}, {n.ana, n.cleo}, {n.cleo, n.dev}, {n.eli, n.fay}}) {
        if (!introductions.add(Introduction{0, from, to, IntroductionKind::Recommended, QDate(2026, 3, 2), {}}))
            qFatal("cannot add an introduction");
    }
    if (!StageTracker(db).setManual(n.dev, Stage::Client))
        qFatal("cannot set a stage");
    return n;
}

QPoint viewportPoint(GraphPage &page, qint64 contactId)
{
    const GraphDocument &d = *page.document();
    return page.view()->mapFromScene(d.position(d.graph().indexOf(contactId)));
}

/// What the view shows, painted as it paints on screen.
QImage shownPicture(GraphView *view)
{
    QImage image(view->viewport()->size(), QImage::Format_RGB32);
    image.fill(Qt::black);
    view->viewport()->render(&image);
    return image;
}

/// Pixels that differ by more than the last bits of antialiasing: a line
/// clipped at a different place may shade its edge pixels a little differently.
int visiblyDifferentPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *p = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *q = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int d = std::max({std::abs(qRed(p[x]) - qRed(q[x])), std::abs(qGreen(p[x]) - qGreen(q[x])),
                                    std::abs(qBlue(p[x]) - qBlue(q[x]))});
            count += d > 16 ? 1 : 0;
        }
    }
    return count;
}

/// How much darker than white the picture is, all pixels together.
double ink(const QImage &image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *p = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            sum += 255 - qGray(p[x]);
    }
    return sum;
}

/// Tells the view that the document changed without changing what it shows,
/// so that it paints everything afresh.
void touchDocument(GraphDocument &d)
{
    d.setPosition(0, d.position(0), d.isPinned(0));
}

QSet<qint64> highlightedContacts(const GraphDocument &d)
{
    QSet<qint64> ids;
    for (int i = 0; i < d.nodeCount(); ++i) {
        if (d.isHighlighted(i))
            ids.insert(d.node(i).id);
    }
    return ids;
}

QSet<QPair<qint64, qint64>> highlightedEdges(const GraphDocument &d)
{
    QSet<QPair<qint64, qint64>> edges;
    for (int e = 0; e < d.edgeCount(); ++e) {
        if (d.isEdgeHighlighted(e))
            edges.insert({d.edge(e).from, d.edge(e).to});
    }
    return edges;
}

} // namespace

class TestGraphPage : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_data = std::make_unique<TestDataFile>();
        m_net = buildNetwork(m_data->open());
        m_undo = std::make_unique<QUndoStack>();
        m_page = std::make_unique<GraphPage>(m_data->open(), m_undo.get());
        m_page->resize(1000, 700);
        m_page->show();
        QTRY_VERIFY(m_page->document()->nodeCount() == 6 && !m_page->isLayoutRunning());
        m_page->view()->fitToContacts();
    }
    void cleanup()
    {
        m_page.reset();
        m_undo.reset();
        m_data.reset();
    }

    void layout_isSavedInTheDataFile()
    {
        const auto saved = GraphStore(m_data->open()).positions().value();
        QCOMPARE(saved.size(), 6);
        const GraphDocument &d = *m_page->document();
        const GraphPosition ben = saved.value(m_net.ben);
        QCOMPARE(QPointF(ben.x, ben.y), d.position(d.graph().indexOf(m_net.ben)));
        QVERIFY(!ben.pinned);
    }

    void clickingAClient_highlightsExactlyItsChains()
    {
        GraphDocument &d = *m_page->document();
        QTest::mouseClick(m_page->view()->viewport(), Qt::LeftButton, {}, viewportPoint(*m_page, m_net.dev));
        QCOMPARE(d.selectedContact(), m_net.dev);
        QCOMPARE(highlightedContacts(d), (QSet<qint64>{m_net.ana, m_net.ben, m_net.cleo, m_net.dev}));
        QCOMPARE(highlightedEdges(d), (QSet<QPair<qint64, qint64>>{
                                          {m_net.ana, m_net.ben}, {m_net.ben, m_net.dev}, {m_net.ana, m_net.cleo},
                                          {m_net.cleo, m_net.dev}}));
        const QString panel = m_page->findChild<QTextBrowser *>(QStringLiteral("graphPathPanel"))->toPlainText();
        QVERIFY2(panel.contains(QStringLiteral("Ana Ruiz → Ben Okafor → Dev Patel")), qPrintable(panel));
        QVERIFY2(panel.contains(QStringLiteral("Ana Ruiz → Cleo Martin → Dev Patel")), qPrintable(panel));
        QVERIFY2(panel.contains(QStringLiteral("recommended")), qPrintable(panel));

        // Someone in the middle: only the chain up to them, not what came after.
        QTest::mouseClick(m_page->view()->viewport(), Qt::LeftButton, {}, viewportPoint(*m_page, m_net.ben));
        QCOMPARE(highlightedContacts(d), (QSet<qint64>{m_net.ana, m_net.ben}));
        QCOMPARE(highlightedEdges(d), (QSet<QPair<qint64, qint64>>{{m_net.ana, m_net.ben}}));

        // The background clears the selection and the dimming.
        QTest::mouseClick(m_page->view()->viewport(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(d.selectedContact(), qint64(0));
        QVERIFY(!d.hasHighlight());
    }

    void panningTheView_showsWhatPaintingAfreshShows()
    {
        GraphView *view = m_page->view();
        GraphDocument &d = *m_page->document();
        const QImage before = shownPicture(view);
        for (int step = 0; step < 3; ++step) {
            QTest::keyClick(view, Qt::Key_Right);
            QTest::keyClick(view, Qt::Key_Down);
            shownPicture(view);
        }
        const QImage panned = shownPicture(view);
        QVERIFY(visiblyDifferentPixels(panned, before) > 100);
        touchDocument(d);
        QCOMPARE(visiblyDifferentPixels(panned, shownPicture(view)), 0);
        // Back where it started, the same picture again.
        for (int step = 0; step < 3; ++step) {
            QTest::keyClick(view, Qt::Key_Left);
            QTest::keyClick(view, Qt::Key_Up);
        }
        QCOMPARE(visiblyDifferentPixels(shownPicture(view), before), 0);
    }

    void selectingAndZooming_repaintTheView()
    {
        GraphView *view = m_page->view();
        GraphDocument &d = *m_page->document();
        const QImage plain = shownPicture(view);
        QTest::keyClick(view, Qt::Key_Right);
        shownPicture(view);
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(visiblyDifferentPixels(shownPicture(view), plain), 0);
        d.select(m_net.dev);
        const QImage selected = shownPicture(view);
        QVERIFY(visiblyDifferentPixels(selected, plain) > 100);
        touchDocument(d);
        QCOMPARE(visiblyDifferentPixels(selected, shownPicture(view)), 0);
        view->zoomBy(1.25);
        const QImage zoomed = shownPicture(view);
        QVERIFY(visiblyDifferentPixels(zoomed, selected) > 100);
        touchDocument(d);
        QCOMPARE(visiblyDifferentPixels(zoomed, shownPicture(view)), 0);
    }

    void hairlinesInThePicture_lookLikeQPaintersLines_data()
    {
        QTest::addColumn<qreal>("scale");
        QTest::newRow("zoomed in, antialiased") << 1.3;
        QTest::newRow("far out, aliased") << 0.3;
    }
    void hairlinesInThePicture_lookLikeQPaintersLines()
    {
        QFETCH(qreal, scale);
        GraphDocument &d = *m_page->document();
        const QRectF bounds = d.visibleBounds().adjusted(-40, -40, 40, 40);
        const QSize size = (bounds.size() * scale).toSize();
        auto paint = [&](bool clipped) {
            QImage image(size, QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            if (clipped) // a clip makes the renderer leave the lines to QPainter
                painter.setClipRect(QRect(QPoint(0, 0), size));
            painter.scale(scale, scale);
            painter.translate(-bounds.topLeft());
            GraphRenderer(d).paintScene(&painter, bounds, scale);
            return image;
        };
        const QImage direct = paint(false);
        const QImage qpainter = paint(true);
        // Pixel for pixel the two may shade a line's edge differently; a
        // quarter of the size, they must look the same.
        const QSize small = size / 4;
        QCOMPARE(visiblyDifferentPixels(direct.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation),
                                        qpainter.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)),
                 0);
        const double inkDirect = ink(direct);
        const double inkQPainter = ink(qpainter);
        QVERIFY2(std::abs(inkDirect - inkQPainter) < 0.05 * inkQPainter,
                 qPrintable(QStringLiteral("%1 against %2").arg(inkDirect).arg(inkQPainter)));
    }

    void hairlines_goStraightIntoUnclippedImages_only()
    {
        QImage image(40, 40, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QVERIFY(drawHairlinesIntoImage(&painter, {QLineF(2, 20, 38, 20)}, Qt::black));
        QCOMPARE(image.pixelColor(20, 20), QColor(Qt::black));
        QCOMPARE(image.pixelColor(20, 10), QColor(Qt::white));
        painter.setClipRect(0, 0, 20, 40);
        QVERIFY(!drawHairlinesIntoImage(&painter, {QLineF(2, 30, 38, 30)}, Qt::black));
        QCOMPARE(image.pixelColor(20, 30), QColor(Qt::white));
    }

    void doubleClick_asksToOpenTheContact()
    {
        QSignalSpy opened(m_page.get(), &GraphPage::contactActivated);
        QTest::mouseDClick(m_page->view()->viewport(), Qt::LeftButton, {}, viewportPoint(*m_page, m_net.cleo));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.constFirst().constFirst().toLongLong(), m_net.cleo);
    }

    void shiftDragBetweenContacts_storesAnIntroduction_thatUndoRemoves()
    {
        QWidget *viewport = m_page->view()->viewport();
        const QPoint from = viewportPoint(*m_page, m_net.fay);
        const QPoint to = viewportPoint(*m_page, m_net.dev);
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(viewport, (from + to) / 2);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, to);

        Database &db = m_data->open();
        auto into = IntroductionStore(db).into(m_net.dev).value();
        QCOMPARE(into.size(), 3);
        QVERIFY(std::any_of(into.cbegin(), into.cend(), [&](const Introduction &i) { return i.fromContact == m_net.fay; }));
        QVERIFY(m_page->document()->graph().edgeBetween(m_net.fay, m_net.dev));
        QCOMPARE(m_undo->count(), 1);

        m_undo->undo();
        QCOMPARE(IntroductionStore(db).into(m_net.dev)->size(), 2);
        QVERIFY(!m_page->document()->graph().edgeBetween(m_net.fay, m_net.dev));
        m_undo->redo();
        QCOMPARE(IntroductionStore(db).into(m_net.dev)->size(), 3);
        QVERIFY(m_page->document()->graph().edgeBetween(m_net.fay, m_net.dev));
    }

    void dragOntoNothing_orOntoItself_recordsNothing()
    {
        QWidget *viewport = m_page->view()->viewport();
        const QPoint from = viewportPoint(*m_page, m_net.eli);
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ControlModifier, from);
        QTest::mouseMove(viewport, QPoint(2, 2));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ControlModifier, QPoint(2, 2));
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ControlModifier, from);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ControlModifier, from);
        QCOMPARE(IntroductionStore(m_data->open()).all()->size(), 5);
        QCOMPARE(m_undo->count(), 0);
    }

    void drawingAnIntroductionTwice_isRefusedWithAMessage()
    {
        const Status drawn = m_page->drawIntroduction(m_net.ana, m_net.ben);
        QVERIFY(!drawn.ok());
        QVERIFY2(drawn.error().contains(QStringLiteral("already")), qPrintable(drawn.error()));
        QCOMPARE(m_undo->count(), 0);
    }

    void draggingAContact_pinsItThere_andUndoPutsItBack()
    {
        GraphDocument &d = *m_page->document();
        const int fay = d.graph().indexOf(m_net.fay);
        const QPointF before = d.position(fay);
        QWidget *viewport = m_page->view()->viewport();
        const QPoint from = viewportPoint(*m_page, m_net.fay);
        const QPoint to = from + QPoint(60, 40);
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, from + QPoint(30, 20));
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);

        QVERIFY(d.isPinned(fay));
        const QPointF after = d.position(fay);
        QVERIFY(QLineF(before, after).length() > 20);
        auto saved = GraphStore(m_data->open()).positions().value().value(m_net.fay);
        QVERIFY(saved.pinned);
        QCOMPARE(QPointF(saved.x, saved.y), after);

        m_undo->undo();
        QCOMPARE(d.position(fay), before);
        QVERIFY(!d.isPinned(fay));
        saved = GraphStore(m_data->open()).positions().value().value(m_net.fay);
        QVERIFY(!saved.pinned);
        QCOMPARE(QPointF(saved.x, saved.y), before);
    }

    void filters_keepTheContactsAsked_data()
    {
        QTest::addColumn<QString>("box");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("visible");
        QTest::newRow("clients only") << "graphStageFilter" << 6 << 1;
        QTest::newRow("contacts without a stage") << "graphStageFilter" << 1 << 5;
        QTest::newRow("everyone") << "graphStageFilter" << 0 << 6;
    }
    void filters_keepTheContactsAsked()
    {
        QFETCH(QString, box);
        QFETCH(int, index);
        QFETCH(int, visible);
        m_page->findChild<QComboBox *>(box)->setCurrentIndex(index);
        QCOMPARE(m_page->document()->visibleNodeCount(), visible);
    }

    void egoNetwork_showsTheContactAndItsNeighbours()
    {
        m_page->showContact(m_net.ben);
        m_page->findChild<QCheckBox *>(QStringLiteral("graphEgoCheck"))->setChecked(true);
        const GraphDocument &d = *m_page->document();
        QSet<qint64> shown;
        for (int i = 0; i < d.nodeCount(); ++i) {
            if (d.isVisible(i))
                shown.insert(d.node(i).id);
        }
        // Two steps by default: Ben, Ana and Dev, then Cleo through either.
        QCOMPARE(shown, (QSet<qint64>{m_net.ana, m_net.ben, m_net.cleo, m_net.dev}));
    }

    void exports_writeAPngAndAnSvgOfTheVisibleGraph()
    {
        const QString png = m_data->filePath(QStringLiteral("graph.png"));
        const QString svg = m_data->filePath(QStringLiteral("graph.svg"));
        QVERIFY(m_page->exportPng(png).ok());
        QVERIFY(m_page->exportSvg(svg).ok());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100 && image.height() > 100);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Ana Ruiz"));

        m_page->findChild<QComboBox *>(QStringLiteral("graphStageFilter"))->setCurrentIndex(5); // meeting: nobody
        const Status empty = m_page->exportPng(m_data->filePath(QStringLiteral("empty.png")));
        QVERIFY(!empty.ok());
        QVERIFY(!QFile::exists(m_data->filePath(QStringLiteral("empty.png"))));
    }

    void paintDataFile_drawsTheGraphOnAnyPainter()
    {
        QImage image(600, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        QVERIFY(GraphRenderer::paintDataFile(m_data->open(), &painter, QRectF(0, 0, 600, 400)).ok());
        painter.end();
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                coloured += (c.saturation() > 80) ? 1 : 0;
            }
        }
        QVERIFY2(coloured > 100, qPrintable(QString::number(coloured)));
    }

    void legend_narrowerThanItsOneRow_wrapsIntoRowsThatFit()
    {
        // A page is narrower than the legend's one row was: it was cut off.
        QImage image(10, 10, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        const QSizeF oneRow = GraphRenderer::legendSize(&painter);
        for (const qreal room : {oneRow.width() * 0.8, oneRow.width() * 0.5, 300.0}) {
            const QSizeF wrapped = GraphRenderer::legendSize(&painter, room);
            QVERIFY2(wrapped.width() <= room, qPrintable(QStringLiteral("%1 > %2").arg(wrapped.width()).arg(room)));
            QVERIFY(wrapped.height() > oneRow.height());
        }
        QCOMPARE(GraphRenderer::legendSize(&painter, oneRow.width()), oneRow);

        // Everything inside the panel: nothing is painted right of its edge.
        const qreal room = oneRow.width() * 0.6;
        const QSizeF size = GraphRenderer::legendSize(&painter, room);
        painter.end();
        QImage canvas(QSize(int(oneRow.width()) + 40, int(size.height()) + 40), QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::transparent);
        QPainter onCanvas(&canvas);
        GraphRenderer::paintLegend(&onCanvas, QPointF(10, 10), room);
        onCanvas.end();
        for (int y = 0; y < canvas.height(); ++y) {
            for (int x = int(std::ceil(10 + size.width())) + 1; x < canvas.width(); ++x)
                QCOMPARE(qAlpha(canvas.pixel(x, y)), 0);
        }
    }

    void mainWindow_graphAction_switchesToTheGraph()
    {
        m_page.reset();
        auto opened = Database::open(m_data->path(), m_data->clock());
        QVERIFY(opened.ok());
        MainWindow window(std::move(opened).value());
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("graphAction"));
        QVERIFY(action);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("undoAction")));
        action->trigger();
        auto *stack = window.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget(), window.graphPage());
        QCOMPARE(window.graphPage()->document()->nodeCount(), 6);
        emit window.graphPage()->contactActivated(m_net.cleo);
        QVERIFY(!action->isChecked());
        QVERIFY(stack->currentWidget() != window.graphPage());
    }

private:
    std::unique_ptr<TestDataFile> m_data;
    Network m_net{};
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<GraphPage> m_page;
};

QTEST_MAIN(TestGraphPage)
#include "tst_graphpage.moc"
