#include "database.h"

#include "logging.h"
#include "migrations.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QSqlDriver>
#include <sqlite3.h>

#include <algorithm>

namespace Rapport::Core {

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("rapport-%1").arg(counter.fetchAndAddRelaxed(1));
}

// SQLite's primary result codes for what can happen to the file itself.
enum SqliteCode { Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, Full = 13, CannotOpen = 14, NotADatabase = 26 };

int sqliteCode(const QSqlError &error)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff;
    return isNumber ? code : 0;
}

/// SQLite's message, prefixed by what it means for the user's file when the
/// problem is the file (full disk, read-only, damaged) rather than a statement.
QString sqlErrorText(const QSqlError &error)
{
    const QString text = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
    switch (sqliteCode(error)) {
    case Full:
        return Database::tr("the disk is full (%1)").arg(text);
    case ReadOnly:
        return Database::tr("the data file is read-only or its folder cannot be written (%1)").arg(text);
    case IoError:
        return Database::tr("the disk could not be read or written (%1)").arg(text);
    case Corrupt:
    case NotADatabase:
        return Database::tr("the data file is damaged (%1)").arg(text);
    case Busy:
    case Locked:
        return Database::tr("another program is writing to the data file (%1)").arg(text);
    case CannotOpen:
        return Database::tr("the data file cannot be opened (%1)").arg(text);
    default:
        return text;
    }
}

/// The size the header of an SQLite file says the file has, or 0 when the
/// header does not say (old writers, or a size SQLite itself would not trust).
qint64 sizeInHeader(const QByteArray &header)
{
    const auto byteAt = [&header](int i) { return quint32(quint8(header.at(i))); };
    const auto bigEndian32 = [&byteAt](int i) {
        return (byteAt(i) << 24) | (byteAt(i + 1) << 16) | (byteAt(i + 2) << 8) | byteAt(i + 3);
    };
    const quint32 rawPageSize = (byteAt(16) << 8) | byteAt(17);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 pages = bigEndian32(28);
    // SQLite trusts the page count only when it was written with the change counter.
    if (pages == 0 || bigEndian32(24) != bigEndian32(92) || pageSize < 512)
        return 0;
    return pageSize * pages;
}

// The data files this process has connections to. POSIX releases every lock
// a process holds on a file when any of its descriptors of that file closes,
// so reading the header of a file a connection here has open would silently
// drop that connection's SQLite locks; another process (rapport-cli, or a
// read while an import runs) could then checkpoint and delete the WAL under
// it, and what this process writes afterwards would be lost.
QMutex openFilesMutex;
QHash<QString, int> openFiles;

QString openFileKey(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

bool isOpenInThisProcess(const QString &path)
{
    const QMutexLocker locker(&openFilesMutex);
    return openFiles.value(openFileKey(path)) > 0;
}

/// What a look at an existing file found, without changing a byte of it.
struct FileFacts
{
    bool empty = true;
    int version = 0;
};

Result<FileFacts> inspectExisting(const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    // A file that a connection here has open was checked when it was opened,
    // and only SQLite may open it now (see openFiles).
    if (!isOpenInThisProcess(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Result<FileFacts>::failure(
                Database::tr("The data file “%1” cannot be read: %2").arg(name, file.errorString()));
        }
        if (file.size() == 0)
            return FileFacts{};

        static const QByteArray sqliteMagic("SQLite format 3\0", 16);
        const QByteArray header = file.read(100);
        const qint64 actualSize = file.size();
        file.close();
        if (!header.startsWith(sqliteMagic)) {
            return Result<FileFacts>::failure(
                Database::tr("“%1” is not a Rapport data file: it is not an SQLite database. "
                             "The file was left as it is.")
                    .arg(name));
        }
        if (header.size() < 100) {
            return Result<FileFacts>::failure(
                Database::tr("The data file “%1” is damaged (it is cut short). The file was left as it is.")
                    .arg(name));
        }
        // Without a write-ahead log beside it (which may hold the missing pages
        // until they are copied in), the file must be as long as its header says.
        const qint64 expected = sizeInHeader(header);
        if (expected > 0 && actualSize < expected && QFileInfo(path + QStringLiteral("-wal")).size() == 0) {
            return Result<FileFacts>::failure(
                Database::tr("The data file “%1” is damaged: it is cut short (%2 of its %3 bytes are there). "
                             "The file was left as it is.")
                    .arg(name)
                    .arg(actualSize)
                    .arg(expected));
        }
    }

    // Every edit is saved at once: a file that cannot take them is refused
    // now, not after the user has typed something.
    const QFileInfo info(path);
    if (!info.isWritable()) {
        return Result<FileFacts>::failure(
            Database::tr("The data file “%1” is read-only, and Rapport saves every change at once. Make it "
                         "writable, or copy it to a folder you can write to and open the copy. "
                         "The file was left as it is.")
                .arg(name));
    }
    if (!QFileInfo(info.absolutePath()).isWritable()) {
        return Result<FileFacts>::failure(
            Database::tr("The folder of the data file “%1” is read-only; Rapport keeps the journal of changes "
                         "being saved beside the file. Open a copy in a folder you can write to. "
                         "The file was left as it is.")
                .arg(name));
    }

    // A read-only connection, so that nothing (not even the journal mode) is
    // written before we know the file is ours and not from the future.
    FileFacts facts;
    QString problem;
    int problemCode = 0;
    const QString connectionName = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        const auto noteProblem = [&problem, &problemCode](const QSqlError &error) {
            problem = sqlErrorText(error);
            problemCode = sqliteCode(error);
        };
        if (!db.open()) {
            noteProblem(db.lastError());
        } else {
            QSqlQuery query(db);
            qint64 appId = 0;
            qint64 tables = 0;
            if (query.exec(QStringLiteral("PRAGMA application_id")) && query.next())
                appId = query.value(0).toLongLong();
            else
                noteProblem(query.lastError());
            if (problem.isEmpty() && query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                facts.version = query.value(0).toInt();
            else if (problem.isEmpty())
                noteProblem(query.lastError());
            if (problem.isEmpty()
                && query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'"))
                && query.next())
                tables = query.value(0).toLongLong();
            else if (problem.isEmpty())
                noteProblem(query.lastError());
            query.finish();

            if (problem.isEmpty()) {
                facts.empty = tables == 0 && appId == 0 && facts.version == 0;
                if (!facts.empty && appId != Database::applicationId) {
                    problem = QStringLiteral("foreign");
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);

    if (problem == u"foreign") {
        return Result<FileFacts>::failure(
            Database::tr("“%1” is an SQLite database of another program, not a Rapport data file. "
                         "The file was left as it is.")
                .arg(name));
    }
    if (!problem.isEmpty() && problemCode != Corrupt && problemCode != NotADatabase && problemCode != 0) {
        // Not the file's fault: a full disk (SQLite needs room for its shared
        // memory file even to read), the disk itself, a lock.
        if (QStorageInfo(QFileInfo(path).absolutePath()).bytesAvailable() < 1024 * 1024) {
            return Result<FileFacts>::failure(
                Database::tr("The disk holding the data file “%1” is full: make room on it, then open the file "
                             "again (%2). The file was left as it is.")
                    .arg(name, problem));
        }
        return Result<FileFacts>::failure(
            Database::tr("The data file “%1” cannot be opened: %2. The file was left as it is.").arg(name, problem));
    }
    if (!problem.isEmpty()) {
        return Result<FileFacts>::failure(
            Database::tr("The data file “%1” is damaged and cannot be opened (%2). "
                         "The file was left as it is.")
                .arg(name, problem));
    }
    if (facts.version > Database::currentSchemaVersion()) {
        return Result<FileFacts>::failure(
            Database::tr("The data file “%1” was written by a newer version of Rapport (data format %2); "
                         "this version understands data format %3 and older. Update Rapport to open it. "
                         "The file was left as it is.")
                .arg(name)
                .arg(facts.version)
                .arg(Database::currentSchemaVersion()));
    }
    return facts;
}

Status createPrivateFile(const QString &path)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral("."))) {
            return Status::failure(Database::tr("The folder “%1” cannot be created.")
                                       .arg(QDir::toNativeSeparators(dir.absolutePath())));
        }
        QFile::setPermissions(dir.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QFile file(path);
    // Created with owner-only permissions from the first byte: contacts are private.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return Status::failure(Database::tr("The data file “%1” cannot be created: %2")
                                   .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return Status::success();
}

} // namespace

int Database::currentSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/rapport.sqlite");
}

QStringList Database::backupsOf(const QString &path)
{
    const QFileInfo info(path);
    const QDir dir = info.absoluteDir();
    // Named "<file>.v<version>-backup-<yyyyMMdd-HHmmss>[-n]" by backUp().
    const QStringList names = dir.entryList({info.fileName() + QStringLiteral(".v*-backup-*")}, QDir::Files);
    QList<QFileInfo> backups;
    for (const QString &name : names)
        backups.append(QFileInfo(dir.filePath(name)));
    // The time in the name orders them ("-2" and up for copies in the same second).
    const auto stampOf = [](const QFileInfo &backup) { return backup.fileName().section(QStringLiteral("-backup-"), 1); };
    std::sort(backups.begin(), backups.end(),
              [&stampOf](const QFileInfo &a, const QFileInfo &b) { return stampOf(a) > stampOf(b); });
    QStringList paths;
    for (const QFileInfo &backup : std::as_const(backups))
        paths.append(backup.absoluteFilePath());
    return paths;
}

Result<QString> Database::restoreCopy(const QString &backupPath, const QString &dataPath, const QDateTime &now)
{
    const QFileInfo data(dataPath);
    const QString stamp = now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString copy = data.absoluteDir().filePath(QStringLiteral("%1-restored-%2.sqlite").arg(data.completeBaseName(), stamp));
    for (int n = 2; QFileInfo::exists(copy); ++n)
        copy = data.absoluteDir().filePath(QStringLiteral("%1-restored-%2-%3.sqlite").arg(data.completeBaseName(), stamp).arg(n));
    QFile source(backupPath);
    if (!source.open(QIODevice::ReadOnly)) {
        return Result<QString>::failure(tr("The backup “%1” cannot be read: %2")
                                            .arg(QDir::toNativeSeparators(backupPath), source.errorString()));
    }
    if (Status created = createPrivateFile(copy); !created)
        return created;
    QFile target(copy);
    bool written = target.open(QIODevice::WriteOnly | QIODevice::Truncate);
    while (written && !source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        written = !chunk.isEmpty() && target.write(chunk) == chunk.size();
    }
    written = written && target.flush() && source.error() == QFileDevice::NoError;
    if (!written) {
        const QString problem = target.error() != QFileDevice::NoError ? target.errorString() : source.errorString();
        target.close();
        QFile::remove(copy);
        return Result<QString>::failure(tr("The backup could not be copied to “%1”: %2")
                                            .arg(QDir::toNativeSeparators(copy), problem));
    }
    return copy;
}

Database::Database(QString path, QString connectionName, const Clock &clock)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_clock(clock)
{
    m_openFileKey = openFileKey(m_path);
    const QMutexLocker locker(&openFilesMutex);
    ++openFiles[m_openFileKey];
}

Database::~Database()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    qDeleteAll(m_extraStatements);
    m_extraStatements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    const QMutexLocker locker(&openFilesMutex);
    if (--openFiles[m_openFileKey] <= 0)
        openFiles.remove(m_openFileKey);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Clock &clock)
{
    return open(path, clock, OpenOptions{});
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Clock &clock,
                                                 const OpenOptions &options)
{
    const int target = options.targetVersion < 0 ? currentSchemaVersion() : options.targetVersion;
    FileFacts facts;
    if (QFileInfo::exists(path)) {
        auto inspected = inspectExisting(path);
        if (!inspected)
            return inspected.status();
        facts = *inspected;
    } else {
        if (!options.create) {
            return Result<std::unique_ptr<Database>>::failure(
                tr("The data file “%1” does not exist.").arg(QDir::toNativeSeparators(path)));
        }
        if (Status created = createPrivateFile(path); !created)
            return created;
    }

    std::unique_ptr<Database> database(new Database(path, nextConnectionName(), clock));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            return Result<std::unique_ptr<Database>>::failure(
                tr("The data file “%1” cannot be opened: %2")
                    .arg(QDir::toNativeSeparators(path), sqlErrorText(db.lastError())));
        }
    }
    if (Status configured = database->configure(facts.empty); !configured)
        return configured;

    database->m_schemaVersion = facts.version;
    if (facts.version < target) {
        if (!facts.empty) {
            if (Status backedUp = database->backUp(facts.version); !backedUp)
                return backedUp;
        }
        if (Status migrated = database->migrate(facts.version, target); !migrated)
            return migrated;
    }
    return database;
}

Status Database::copyTo(const QString &path)
{
    if (QFileInfo::exists(path))
        return Status::failure(tr("“%1” already exists; choose a new name.").arg(QDir::toNativeSeparators(path)));
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return Status::failure(tr("The copy needs a name of its own."));
    if (m_depth > 0)
        return Status::failure(tr("The data file cannot be copied while a change is being written."));
    if (Status created = createPrivateFile(path); !created)
        return created;
    // VACUUM refuses to run while any statement of this connection is still
    // stepping; the cached ones are done with, so let them go first.
    for (QSqlQuery *statement : std::as_const(m_statements))
        statement->finish();
    for (QSqlQuery *statement : std::as_const(m_extraStatements))
        statement->finish();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(QStringLiteral("VACUUM INTO ?"))) {
        QFile::remove(path);
        return Status::failure(tr("The data file cannot be copied: %1").arg(sqlErrorText(query.lastError())));
    }
    query.addBindValue(QDir::toNativeSeparators(path));
    if (!query.exec()) {
        const QString error = sqlErrorText(query.lastError());
        QFile::remove(path);
        return Status::failure(tr("The data file cannot be copied to “%1”: %2")
                                   .arg(QDir::toNativeSeparators(path), error));
    }
    return Status::success();
}

Status Database::execPlain(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        qCWarning(lcStore) << "statement failed:" << sql << query.lastError().text();
        return Status::failure(sqlErrorText(query.lastError()));
    }
    return Status::success();
}

Status Database::configure(bool newFile)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // A new data file gets 16 KB pages: a quarter of the reads and writes of
    // 4 KB pages when a large import commits, which took it from 0.30 to
    // 0.22 s for 100,000 cards. Only a new one: a file made before keeps its
    // own, and so do its backups (VACUUM INTO would take the new size).
    if (newFile && !query.exec(QStringLiteral("PRAGMA page_size = 16384"))) {
        return Status::failure(tr("The data file “%1” cannot be opened for writing (%2).")
                                   .arg(QDir::toNativeSeparators(m_path), sqlErrorText(query.lastError())));
    }
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()
        || query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return Status::failure(tr("The data file “%1” cannot be opened for writing (%2).")
                                   .arg(QDir::toNativeSeparators(m_path), sqlErrorText(query.lastError())));
    }
    query.finish();
    // A 32 MB page cache lets a large import stay in memory until it commits.
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA cache_size = -32768"}) {
        if (Status status = execPlain(QString::fromLatin1(pragma)); !status)
            return Status::failure(tr("The data file cannot be configured: %1").arg(status.error()));
    }
    return Status::success();
}

Status Database::backUp(int fromVersion)
{
    const QString stamp = m_clock.now().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString backup = QStringLiteral("%1.v%2-backup-%3").arg(m_path).arg(fromVersion).arg(stamp);
    for (int n = 2; QFileInfo::exists(backup); ++n)
        backup = QStringLiteral("%1.v%2-backup-%3-%4").arg(m_path).arg(fromVersion).arg(stamp).arg(n);
    if (Status created = createPrivateFile(backup); !created)
        return created;
    // VACUUM INTO writes a consistent copy that includes what is still in the WAL.
    auto copied = exec(QStringLiteral("VACUUM INTO ?"), {backup});
    if (!copied) {
        QFile::remove(backup);
        return Status::failure(tr("Before updating the data file, Rapport could not make a backup copy "
                                  "at “%1”: %2. Nothing was changed.")
                                   .arg(QDir::toNativeSeparators(backup), copied.error()));
    }
    (*copied)->finish();
    qCDebug(lcStore) << "backed up schema version" << fromVersion << "to" << backup;
    m_backupPath = backup;
    return Status::success();
}

Status Database::migrate(int fromVersion, int toVersion)
{
    for (const Migration &migration : schemaMigrations()) {
        if (migration.version <= fromVersion || migration.version > toVersion)
            continue;
        if (Status begun = begin(); !begun)
            return begun;
        Status step = Status::success();
        for (const QString &statement : migration.statements) {
            step = execPlain(statement);
            if (!step)
                break;
        }
        // Both values are our own integers, never user text.
        if (step)
            step = execPlain(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        if (step)
            step = execPlain(QStringLiteral("PRAGMA application_id = %1").arg(applicationId));
        if (step)
            step = commit();
        else
            rollback();
        if (!step) {
            return Status::failure(tr("The data file could not be updated to data format %1 (%2): %3. "
                                      "It was left at format %4.")
                                       .arg(migration.version)
                                       .arg(migration.description, step.error())
                                       .arg(m_schemaVersion));
        }
        m_schemaVersion = migration.version;
        qCDebug(lcStore) << "migrated to schema version" << migration.version;
    }
    return Status::success();
}

Result<QSqlQuery *> Database::exec(const QString &sql, std::initializer_list<QVariant> values)
{
    return exec(sql, QVariantList(values));
}

Result<QSqlQuery *> Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery *query = m_statements.value(sql);
    if (query && query->isActive() && query->isSelect()) {
        // The same SQL is still being read by a caller: rewinding it under
        // them would repeat their rows. This call gets a statement of its own.
        query = nullptr;
        auto *extra = new QSqlQuery(QSqlDatabase::database(m_connectionName, false));
        m_extraStatements.append(extra);
        if (!extra->prepare(sql))
            return Result<QSqlQuery *>::failure(sqlErrorText(extra->lastError()));
        extra->setForwardOnly(true);
        query = extra;
    } else if (!query) {
        query = new QSqlQuery(QSqlDatabase::database(m_connectionName, false));
        if (!query->prepare(sql)) {
            const QString error = sqlErrorText(query->lastError());
            delete query;
            qCWarning(lcStore) << "prepare failed:" << sql << error;
            return Result<QSqlQuery *>::failure(error);
        }
        query->setForwardOnly(true);
        m_statements.insert(sql, query);
    }
    query->finish();
    // Qt keeps values bound by an earlier run: unbind them all first.
    for (int i = 0; i < query->boundValues().size(); ++i)
        query->bindValue(i, QVariant());
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString is an empty text, not SQL NULL; NULL is an invalid QVariant.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query->bindValue(i, QStringLiteral(""));
        else
            query->bindValue(i, value);
    }
    if (!query->exec()) {
        const QString error = sqlErrorText(query->lastError());
        qCWarning(lcStore) << "statement failed:" << sql << error;
        return Result<QSqlQuery *>::failure(error);
    }
    return query;
}

Result<QVariant> Database::scalar(const QString &sql, std::initializer_list<QVariant> values)
{
    auto query = exec(sql, values);
    if (!query)
        return query.status();
    QVariant value;
    if ((*query)->next())
        value = (*query)->value(0);
    (*query)->finish();
    return value;
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &values)
{
    auto query = exec(sql, values);
    if (!query)
        return query.status();
    const qint64 id = (*query)->lastInsertId().toLongLong();
    (*query)->finish();
    return id;
}

void Database::logStatementsStillReading() const
{
    // A statement left on a row keeps its read snapshot, and a connection
    // with an old snapshot cannot start writing once another process wrote:
    // BEGIN IMMEDIATE then fails as busy at once. Name the culprits.
    const QVariant handle = QSqlDatabase::database(m_connectionName, false).driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    auto *db = *static_cast<sqlite3 *const *>(handle.data());
    for (sqlite3_stmt *statement = sqlite3_next_stmt(db, nullptr); statement; statement = sqlite3_next_stmt(db, statement)) {
        if (sqlite3_stmt_busy(statement))
            qCWarning(lcStore) << "a statement is still reading (finish() it):" << sqlite3_sql(statement);
    }
}

Status Database::begin()
{
    Status status = m_depth == 0 ? execPlain(QStringLiteral("BEGIN IMMEDIATE"))
                                 : execPlain(QStringLiteral("SAVEPOINT rapport_%1").arg(m_depth));
    if (!status && m_depth == 0)
        logStatementsStillReading();
    if (!status)
        return Status::failure(tr("The data file is busy or cannot be written: %1").arg(status.error()));
    ++m_depth;
    return status;
}

Status Database::commit()
{
    if (m_depth == 0)
        return Status::failure(QStringLiteral("commit without a transaction"));
    --m_depth;
    if (m_depth > 0)
        return execPlain(QStringLiteral("RELEASE rapport_%1").arg(m_depth));
    Status status = execPlain(QStringLiteral("COMMIT"));
    if (!status) {
        execPlain(QStringLiteral("ROLLBACK"));
        return Status::failure(tr("The change could not be saved: %1").arg(status.error()));
    }
    return status;
}

Status Database::rollback()
{
    if (m_depth == 0)
        return Status::failure(QStringLiteral("rollback without a transaction"));
    --m_depth;
    if (m_depth > 0) {
        Status status = execPlain(QStringLiteral("ROLLBACK TO rapport_%1").arg(m_depth));
        execPlain(QStringLiteral("RELEASE rapport_%1").arg(m_depth));
        return status;
    }
    return execPlain(QStringLiteral("ROLLBACK"));
}

bool Database::setForeignKeys(bool on)
{
    if (m_depth > 0 || !execPlain(on ? QStringLiteral("PRAGMA foreign_keys = ON") : QStringLiteral("PRAGMA foreign_keys = OFF")))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const bool now = query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next() && query.value(0).toBool();
    if (now != on)
        qCWarning(lcStore) << "foreign_keys is" << now << "after asking for" << on;
    return now == on;
}

QVariant Database::toStored(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime Database::fromStored(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString Database::jsonIds(const QList<qint64> &ids)
{
    QByteArray list = "[";
    for (qint64 id : ids) {
        if (list.size() > 1)
            list += ',';
        list += QByteArray::number(id);
    }
    list += ']';
    return QString::fromLatin1(list);
}

} // namespace Rapport::Core
