// Prints how long the printed relationship summaries take on a large network:
// the network summary of a 10,000-contact file to PDF, and a contact summary.
//   bench_report [--contacts N] [--runs N]
#include "benchnetwork.h"

#include "report/reportpdf.h"
#include "report/reports.h"
#include "store/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Rapport;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    auto intArgument = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
    };
    Bench::NetworkSize size;
    size.contacts = intArgument(QStringLiteral("--contacts"), 10000);
    size.interactions = size.contacts * 10;
    size.introductions = size.contacts / 2;
    size.reminders = size.contacts / 5;
    const int runs = std::max(1, intArgument(QStringLiteral("--runs"), 5));

    QTemporaryDir dir;
    auto database = Core::Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!database) {
        out << database.error() << Qt::endl;
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (Core::Status generated = Bench::generateNetwork(**database, size); !generated) {
        out << generated.error() << Qt::endl;
        return 1;
    }
    out << QStringLiteral("generated %1 contacts, %2 interactions, %3 introductions in %4 ms")
               .arg(size.contacts)
               .arg(size.interactions)
               .arg(size.introductions)
               .arg(timer.elapsed())
        << Qt::endl;

    // A contact with a typical history: the one with the most interactions.
    auto busiest = (*database)->scalar(QStringLiteral(
        "SELECT contact_id FROM interaction_participants GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1"));
    const qint64 contactId = busiest ? busiest->toLongLong() : 1;

    QList<double> network;
    QList<double> contact;
    int networkPages = 0;
    int contactPages = 0;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        auto document = Ui::Reports::networkSummary(**database);
        auto pages = document ? Ui::ReportPdf::write(*document, dir.filePath(QStringLiteral("network.pdf")),
                                                     QStringLiteral("Network"))
                              : Core::Result<int>(document.status());
        if (!pages) {
            out << pages.error() << Qt::endl;
            return 1;
        }
        network << timer.nsecsElapsed() / 1e6;
        networkPages = *pages;

        timer.restart();
        auto one = Ui::Reports::contactSummary(**database, contactId);
        auto onePages = one ? Ui::ReportPdf::write(*one, dir.filePath(QStringLiteral("contact.pdf")),
                                                   QStringLiteral("Contact"))
                            : Core::Result<int>(one.status());
        if (!onePages) {
            out << onePages.error() << Qt::endl;
            return 1;
        }
        contact << timer.nsecsElapsed() / 1e6;
        contactPages = *onePages;
    }
    out << QStringLiteral("network summary to PDF: median %1 ms over %2 runs (%3 pages; target <= 5000 ms)")
               .arg(median(network), 0, 'f', 0)
               .arg(runs)
               .arg(networkPages)
        << Qt::endl;
    out << QStringLiteral("contact summary to PDF: median %1 ms over %2 runs (%3 pages; target <= 300 ms)")
               .arg(median(contact), 0, 'f', 0)
               .arg(runs)
               .arg(contactPages)
        << Qt::endl;
    return 0;
}
