// bench_vcard: how fast Rapport reads and imports vCards. Not a test: it prints
// figures. Each measurement runs in a child process of its own so that its
// peak RSS is its own.
//
//   bench_vcard FILE.vcf [--runs N] [--kcontacts PATH]
//       parse (all cards kept, as KContacts does), stream (parse, cards dropped
//       as read), import into an empty file, re-import (every card known),
//       the window's import preview (plan) and its import (plan+commit);
//       with --kcontacts, also KDE's parser on the same file in the same run
//       (shared/tools/kcontacts-parse; its own parse_ms and its peak RSS).
//   bench_vcard --one MODE FILE.vcf         one measurement (used by the above)

#include "store/database.h"
#include "vcard/vcardimporter.h"
#include "vcard/vcardreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace Rapport::Core;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int runOne(const QString &mode, const QString &file)
{
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("bench.sqlite"));
    qint64 cards = 0;
    if (mode == u"reimport") {
        // The first import is set-up, not measured.
        auto db = Database::open(dbPath);
        if (!db || !VCardImporter(**db).importFiles({file}))
            return 1;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 ns = 0;
    if (mode == u"parse") {
        const VCardParseResult result = VCardReader::parseFile(file);
        cards = result.cards.size();
        // As KContacts' harness does: the clock stops with the cards in hand,
        // before they are freed.
        ns = timer.nsecsElapsed();
    } else if (mode == u"stream") {
        VCardReader::parseFile(file, [&cards](ParsedCard &&) {
            ++cards;
            return true;
        });
    } else if (mode == u"plan" || mode == u"plan+commit") {
        // What the window does: the preview's plan, then (when the user says
        // Import) its commit, into an empty file.
        auto db = Database::open(dbPath);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error()));
            return 1;
        }
        auto plan = VCardImporter(**db).plan({file});
        if (!plan) {
            std::fprintf(stderr, "%s\n", qPrintable(plan.error()));
            return 1;
        }
        cards = plan->cards.size();
        if (mode == u"plan+commit") {
            if (auto committed = VCardImporter(**db).commit(*plan); !committed) {
                std::fprintf(stderr, "%s\n", qPrintable(committed.error()));
                return 1;
            }
        }
    } else {
        auto db = Database::open(dbPath);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error()));
            return 1;
        }
        auto imported = VCardImporter(**db).importFiles({file});
        if (!imported) {
            std::fprintf(stderr, "%s\n", qPrintable(imported.error()));
            return 1;
        }
        cards = imported->created + imported->merged + imported->unchanged;
    }
    if (ns == 0)
        ns = timer.nsecsElapsed(); // imports: including closing the file, as a user waits for it
    std::printf("%lld %lld %ld\n", static_cast<long long>(ns), static_cast<long long>(cards), peakRssKiB());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() == 3 && args.at(0) == u"--one")
        return runOne(args.at(1), args.at(2));

    int runs = 5;
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i >= 0 && i + 1 < args.size()) {
        runs = std::max(1, args.at(i + 1).toInt());
        args.remove(i, 2);
    }
    QString kcontacts;
    if (const qsizetype i = args.indexOf(QStringLiteral("--kcontacts")); i >= 0 && i + 1 < args.size()) {
        kcontacts = args.at(i + 1);
        args.remove(i, 2);
    }
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: bench_vcard FILE.vcf [--runs N]\n");
        return 2;
    }
    const QString file = args.constFirst();
    const double megabytes = QFileInfo(file).size() / 1e6;
    std::printf("file: %s (%.1f MB), %d runs each, medians:\n", qPrintable(file), megabytes, runs);
    double ourParse = 0;
    for (const char *mode : {"parse", "stream", "import", "reimport", "plan", "plan+commit"}) {
        QList<double> seconds;
        QList<long> rss;
        qint64 cards = 0;
        for (int run = 0; run < runs; ++run) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--one"), QString::fromLatin1(mode), file});
            child.waitForFinished(-1);
            const QStringList fields = QString::fromLatin1(child.readAllStandardOutput()).split(QLatin1Char(' '));
            if (child.exitCode() != 0 || fields.size() != 3) {
                std::fprintf(stderr, "%s failed: %s\n", mode, child.readAllStandardError().constData());
                return 1;
            }
            seconds << fields.at(0).toLongLong() / 1e9;
            cards = fields.at(1).toLongLong();
            rss << fields.at(2).trimmed().toLong();
        }
        std::sort(seconds.begin(), seconds.end());
        std::sort(rss.begin(), rss.end());
        const double median = seconds.at(seconds.size() / 2);
        if (qstrcmp(mode, "parse") == 0)
            ourParse = median;
        std::printf("  %-11s %7lld cards  %6.3f s  %9.0f cards/s  %6.1f MB/s  peak RSS %5.0f MB\n", mode,
                    static_cast<long long>(cards), median, cards / median, megabytes / median,
                    rss.at(rss.size() / 2) / 1024.0);
    }
    if (!kcontacts.isEmpty()) {
        // KContacts prints its own parse time; /usr/bin/time gives its peak RSS.
        QList<double> seconds;
        QList<long> rss;
        for (int run = 0; run < runs; ++run) {
            QProcess child;
            child.start(QStringLiteral("/usr/bin/time"), {QStringLiteral("-f"), QStringLiteral("rss=%M"), kcontacts, file});
            child.waitForFinished(-1);
            const QString out = QString::fromLatin1(child.readAllStandardOutput());
            const QString err = QString::fromLatin1(child.readAllStandardError());
            const qsizetype ms = out.indexOf(u"parse_ms=");
            const qsizetype kb = err.lastIndexOf(u"rss=");
            if (child.exitCode() != 0 || ms < 0 || kb < 0) {
                std::fprintf(stderr, "kcontacts failed: %s %s\n", qPrintable(out), qPrintable(err));
                return 1;
            }
            seconds << out.mid(ms + 9).section(QLatin1Char(' '), 0, 0).trimmed().toDouble() / 1000.0;
            rss << err.mid(kb + 4).trimmed().toLong();
        }
        std::sort(seconds.begin(), seconds.end());
        std::sort(rss.begin(), rss.end());
        const double median = seconds.at(seconds.size() / 2);
        std::printf("  %-11s %7s        %6.3f s  %9s         %6.1f MB/s  peak RSS %5.0f MB\n", "kcontacts", "", median,
                    "", megabytes / median, rss.at(rss.size() / 2) / 1024.0);
        std::printf("  parse speed-up over KContacts: %.1fx\n", median / ourParse);
    }
    return 0;
}
