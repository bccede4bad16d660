// bench_window: how quickly the main window starts, searches and opens a
// contact on a large data file (see gen_datafile). Not a test: it prints
// medians. Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
//
//   bench_window FILE.sqlite [--runs N] [--contact ID]
//
//   start   open the data file + construct MainWindow + show, until the
//           contact table has painted
//   search  the last keystroke of a search in the search field until the list
//           shows the new rows (painted), and until the status bar shows how
//           many match (counted off the GUI thread), for several kinds of
//           search.
//           CPU time is the whole process's (GUI and counting threads).
//   open    select a contact (default 1, the one with 5,000 interactions)
//           until its page has painted

#include "contacts/contactlistmodel.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

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

/// CPU time of the whole process (every thread), in milliseconds.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct SearchKind
{
    const char *what;
    QString typed; // the last character is the timed keystroke
    QList<double> list, listCpu, counted, countedCpu;
    qint64 matches = 0;
};

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
    QList<double> open;
    QList<SearchKind> kinds{
        {"one character (LIKE)", QStringLiteral("l"), {}, {}, {}, {}},
        {"two characters (LIKE)", QStringLiteral("li"), {}, {}, {}, {}},
        {"common prefix \"lin\"", QStringLiteral("lin"), {}, {}, {}, {}},
        {"common prefix \"lind\"", QStringLiteral("lind"), {}, {}, {}, {}},
        {"rare word \"77777\"", QStringLiteral("77777"), {}, {}, {}, {}},
        {"email fragment \"nora.berg\"", QStringLiteral("nora.berg"), {}, {}, {}, {}},
        {"email domain \"@example.org\" (all)", QStringLiteral("@example.org"), {}, {}, {}, {}},
        {"no match \"zzqx\"", QStringLiteral("zzqx"), {}, {}, {}, {}},
    };
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

        auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchField"));
        auto *countLabel = window->findChild<QLabel *>(QStringLiteral("contactCountLabel"));
        auto *model = window->contactModel();
        auto settle = [&] {
            // Until the search has run and the count has come back.
            QElapsedTimer guard;
            guard.start();
            while (guard.elapsed() < 20000
                   && (window->findChild<QTimer *>(QStringLiteral("searchTimer"))->isActive()
                       || !model->knownTotalCount()))
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            // And until the page of the first match, built after the list has
            // painted, is there: the keystroke timed next finds the window idle,
            // as it is between a person's keystrokes.
            guard.restart();
            while (guard.elapsed() < 200)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        };
        for (SearchKind &kind : kinds) {
            search->setText(kind.typed.chopped(1));
            settle();
            bool reset = false;
            auto connection = QObject::connect(model, &QAbstractItemModel::modelReset, [&reset] { reset = true; });
            tablePaint.painted = false;
            const double cpuStart = cpuMs();
            timer.restart();
            QTest::keyClicks(search, kind.typed.right(1));
            QElapsedTimer guard;
            guard.start();
            while ((!reset || !tablePaint.painted) && guard.elapsed() < 20000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            kind.list << timer.nsecsElapsed() / 1e6;
            kind.listCpu << cpuMs() - cpuStart;
            while (!model->knownTotalCount() && guard.elapsed() < 20000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            QCoreApplication::processEvents(); // the status bar's update
            kind.counted << timer.nsecsElapsed() / 1e6;
            kind.countedCpu << cpuMs() - cpuStart;
            kind.matches = model->knownTotalCount().value_or(-1);
            if (countLabel->text().startsWith(QStringLiteral("Counting")))
                std::fprintf(stderr, "bench_window: the status bar still counts after \"%s\"\n",
                             qPrintable(kind.typed));
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
    std::printf("  search, last keystroke to (medians, wall / CPU of the process):\n");
    for (const SearchKind &kind : std::as_const(kinds)) {
        std::printf("    %-40s list %7.1f / %6.1f ms   count %7.1f / %6.1f ms   (%lld match)\n", kind.what,
                    median(kind.list), median(kind.listCpu), median(kind.counted), median(kind.countedCpu),
                    kind.matches);
    }
    std::printf("  open contact %lld:              %8.1f ms\n", contactId, median(open));
    return 0;
}
