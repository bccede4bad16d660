// bench_window: how quickly the main window starts, searches and opens a
// contact on a large data file (see gen_datafile). Not a test: it prints
// medians. Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
//
//   bench_window FILE.sqlite [--runs N] [--contact ID]
//
//   start   open the data file + construct MainWindow + show, until the
//           contact table has painted
//   search  one keystroke in the search field until the list shows the new
//           rows (painted), from the keystroke (including the 150 ms pause the
//           field waits for more typing)
//   open    select a contact (default 1, the one with 5,000 interactions)
//           until its page has painted

#include "contacts/contactlistmodel.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Rapport;

namespace {

/// Sets `painted` when `widget` (or its viewport) gets a paint event.
class PaintWatcher : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

void waitForPaint(PaintWatcher &watcher)
{
    QElapsedTimer guard;
    guard.start();
    while (!watcher.painted && guard.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    qint64 contactId = 1;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size()) {
        runs = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    if (const qsizetype at = args.indexOf(QStringLiteral("--contact")); at >= 0 && at + 1 < args.size()) {
        contactId = args.at(at + 1).toLongLong();
        args.remove(at, 2);
    }
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: bench_window FILE.sqlite [--runs N] [--contact ID]\n");
        return 2;
    }
    const QString path = args.first();

    QList<double> start;
    QList<double> keystroke;
    QList<double> afterPause;
    QList<double> open;
    const QStringList typed = {QStringLiteral("l"), QStringLiteral("i"), QStringLiteral("n"), QStringLiteral("d")};
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto database = Core::Database::open(path);
        if (!database) {
            std::fprintf(stderr, "bench_window: %s\n", qPrintable(database.error()));
            return 1;
        }
        auto window = std::make_unique<Ui::MainWindow>(std::move(database).value());
        auto *table = window->findChild<QTableView *>(QStringLiteral("contactTable"));
        PaintWatcher tablePaint;
        table->viewport()->installEventFilter(&tablePaint);
        window->show();
        waitForPaint(tablePaint);
        start << timer.nsecsElapsed() / 1e6;

        // Each keystroke narrows the list: "l", "li", "lin", "lind".
        auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchField"));
        auto *pause = window->findChild<QTimer *>(QStringLiteral("searchTimer"));
        qint64 firedAt = 0;
        QObject::connect(pause, &QTimer::timeout, [&] { firedAt = timer.nsecsElapsed(); });
        search->clear();
        QCoreApplication::processEvents();
        for (const QString &key : typed) {
            bool reset = false;
            auto connection = QObject::connect(window->contactModel(), &QAbstractItemModel::modelReset,
                                               [&reset] { reset = true; });
            tablePaint.painted = false;
            firedAt = 0;
            timer.restart();
            QTest::keyClicks(search, key);
            QElapsedTimer guard;
            guard.start();
            while ((!reset || !tablePaint.painted) && guard.elapsed() < 20000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
            const qint64 done = timer.nsecsElapsed();
            keystroke << done / 1e6;
            afterPause << (done - firedAt) / 1e6;
            QObject::disconnect(connection);
        }

        // Open the contact with the long history.
        search->clear();
        QTest::qWait(200);
        auto *page = window->findChild<QWidget *>(QStringLiteral("contactPage"));
        PaintWatcher pagePaint;
        page->installEventFilter(&pagePaint);
        for (QWidget *child : page->findChildren<QWidget *>())
            child->installEventFilter(&pagePaint);
        timer.restart();
        window->showContact(contactId);
        // The new page content is created on showContact; watch it too.
        for (QWidget *child : page->findChildren<QWidget *>())
            child->installEventFilter(&pagePaint);
        waitForPaint(pagePaint);
        open << timer.nsecsElapsed() / 1e6;
        window.reset();
        QCoreApplication::processEvents();
    }
    std::printf("bench_window %s, %d runs (medians)\n", qPrintable(path), runs);
    std::printf("  start to first painted window: %8.1f ms\n", median(start));
    // The pause's own handler runs the search before ours sees the timeout, so
    // the work is the whole time less the pause; afterPause is only the paint.
    std::printf("  search keystroke to list:      %8.1f ms (%.1f ms of it the %d ms typing pause; painting %.1f ms)\n",
                median(keystroke), 150.0, 150, median(afterPause));
    std::printf("  open contact %lld:              %8.1f ms\n", contactId, median(open));
    return 0;
}
