// libFuzzer target for opening a data file: any bytes on disk under the data
// file's name must be refused with a message or opened and read, never a
// crash, a hang or a sanitizer report. What opens is read the way the window
// reads it at start: the contacts list and its count, a contact page with its
// timeline and summary, the graph, the Insights numbers and the agenda.
//
// Build: cmake -S . -B build-fuzz -G Ninja -DRAPPORT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
// Seeds: build-fuzz/tests/fuzz/fuzz_datafile -seeds_for=SEED_DIR writes data
//        files of every schema version (a small network in each) to SEED_DIR.
// Run:   build-fuzz/tests/fuzz/fuzz_datafile -max_total_time=600 -max_len=262144 CORPUS_DIR SEED_DIR

#include "clock.h"
#include "demo/samplenetwork.h"
#include "graph/graphstore.h"
#include "insights/activityanalysis.h"
#include "insights/coldcontacts.h"
#include "insights/funnelanalysis.h"
#include "reminders/agenda.h"
#include "report/contactsummary.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace Rapport::Core;

namespace {

QCoreApplication *application = nullptr;
QTemporaryDir *workDir = nullptr;

QString dataFilePath()
{
    return workDir->filePath(QStringLiteral("fuzz.sqlite"));
}

void removeDataFile()
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(dataFilePath() + QString::fromLatin1(suffix));
    // Migrations back the file up first; those copies are of no interest here.
    const QDir dir(workDir->path());
    for (const QString &backup : dir.entryList({QStringLiteral("*backup*")}, QDir::Files))
        QFile::remove(dir.filePath(backup));
}

void readLikeTheWindow(Database &database)
{
    ContactStore contacts(database);
    ContactListQuery query;
    (void)contacts.rowCount(query);
    auto rows = contacts.rows(query, 0, 50);
    query.search = QStringLiteral("a");
    (void)contacts.rows(query, 0, 50);
    (void)contacts.tagsInUse();
    if (rows && !rows->isEmpty()) {
        const qint64 id = rows->constFirst().id;
        (void)contacts.get(id);
        InteractionStore interactions(database);
        (void)interactions.forContact(id, 0, 100);
        (void)ContactSummaryReader(database).read(id);
    }
    (void)GraphStore(database).load();
    const InsightsFilter filter;
    (void)FunnelAnalysis(database).compute(filter);
    (void)ActivityAnalysis(database).interactions(filter, ActivityGrain::Month);
    (void)ColdContacts(database).compute(filter);
    (void)Agenda::build(database);
}

// Data files of every schema version, each holding the sample network (or,
// for the oldest formats, what of it their tables can hold), as seeds.
int writeSeeds(const QString &seedDir)
{
    QDir().mkpath(seedDir);
    const ManualClock clock(QDateTime(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::utc()));
    for (int version = 1; version <= Database::currentSchemaVersion(); ++version) {
        const QString path = QDir(seedDir).filePath(QStringLiteral("v%1.sqlite").arg(version));
        const QString scratch = path + QStringLiteral(".scratch");
        QFile::remove(path);
        {
            Database::OpenOptions options;
            options.targetVersion = version;
            auto database = Database::open(scratch, clock, options);
            if (!database) {
                std::fprintf(stderr, "%s\n", qPrintable(database.error()));
                return 1;
            }
            if (version == Database::currentSchemaVersion()) {
                if (Status populated = SampleNetwork::populate(**database); !populated) {
                    std::fprintf(stderr, "%s\n", qPrintable(populated.error()));
                    return 1;
                }
            }
            if (Status copied = (*database)->copyTo(path); !copied) {
                std::fprintf(stderr, "%s\n", qPrintable(copied.error()));
                return 1;
            }
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(scratch + QString::fromLatin1(suffix));
        // Small pages make small seeds, which the fuzzer mutates many times faster.
        const QString connection = QStringLiteral("seed-%1").arg(version);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path);
            QSqlQuery query(db);
            if (!db.open() || !query.exec(QStringLiteral("PRAGMA journal_mode = DELETE"))
                || !query.exec(QStringLiteral("PRAGMA page_size = 512")) || !query.exec(QStringLiteral("VACUUM"))) {
                std::fprintf(stderr, "%s\n", qPrintable(query.lastError().text()));
                return 1;
            }
        }
        QSqlDatabase::removeDatabase(connection);
    }
    return 0;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static int fakeArgc = 1;
    static char name[] = "fuzz_datafile";
    static char *fakeArgv[] = {name, nullptr};
    application = new QCoreApplication(fakeArgc, fakeArgv);
    // Damaged files make the store log every failed statement.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.warning=false"));
    workDir = new QTemporaryDir();
    for (int i = 1; i < *argc; ++i) {
        if (std::strncmp((*argv)[i], "-seeds_for=", 11) == 0)
            std::exit(writeSeeds(QString::fromLocal8Bit((*argv)[i] + 11)));
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    removeDataFile();
    {
        QFile file(dataFilePath());
        if (!file.open(QIODevice::WriteOnly))
            __builtin_trap();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    {
        auto database = Database::open(dataFilePath(), SystemClock::instance(), Database::OpenOptions{-1, false});
        if (database)
            readLikeTheWindow(**database);
        else if (database.error().isEmpty())
            __builtin_trap(); // a refusal always says why
    }
    removeDataFile();
    return 0;
}
