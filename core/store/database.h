#pragma once

#include "clock.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <memory>

class QSqlQuery;

namespace Rapport::Core {

/// The one connection to a Rapport data file and the only place that talks to
/// SQLite. Opening validates the file, migrates it (after a backup) and sets
/// the pragmas that make every committed edit durable.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::Database)

public:
    /// The schema version this build writes; files above it are refused.
    static int currentSchemaVersion();
    /// Stored in PRAGMA application_id so that another program's SQLite file is
    /// told apart from an empty or old Rapport file.
    static constexpr qint32 applicationId = 0x52505254; // "RPRT"

    struct OpenOptions
    {
        /// Migrate up to this version; tests create older schemas with it.
        int targetVersion = -1;
        /// Create the file when it does not exist.
        bool create = true;
    };

    /// Opens (or creates, 0600) the data file at `path`. On failure the file is
    /// left untouched and the message names the problem: not a Rapport file,
    /// damaged, written by a newer Rapport (naming both versions), unreadable.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Clock &clock,
                                                  const OpenOptions &options);
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  const Clock &clock = SystemClock::instance());

    /// AppDataLocation/rapport.sqlite.
    static QString defaultPath();

    /// The copies of `path` made before migrations, newest first.
    static QStringList backupsOf(const QString &path);
    /// Copies `backupPath` to a new owner-only file beside `dataPath`, named
    /// after it with "-restored-" and the time, and returns the copy's path:
    /// the backup itself and the data file stay as they are.
    static Result<QString> restoreCopy(const QString &backupPath, const QString &dataPath, const QDateTime &now);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString path() const { return m_path; }
    /// The Qt SQL connection's name, for code that needs the driver itself.
    QString connectionName() const { return m_connectionName; }
    const Clock &clock() const { return m_clock; }
    int schemaVersion() const { return m_schemaVersion; }
    /// The copy made before this open migrated the file; empty when none was needed.
    QString backupPath() const { return m_backupPath; }

    /// Prepares (once, then reuses) and runs `sql` with `values` bound in order.
    /// The returned query is positioned before the first row and stays valid
    /// until the same SQL runs again.
    Result<QSqlQuery *> exec(const QString &sql, std::initializer_list<QVariant> values = {});
    Result<QSqlQuery *> exec(const QString &sql, const QVariantList &values);
    /// Runs a query expected to return one value (or none: an invalid QVariant).
    Result<QVariant> scalar(const QString &sql, std::initializer_list<QVariant> values = {});
    /// Runs an INSERT and returns the new row's id.
    Result<qint64> insert(const QString &sql, const QVariantList &values);

    /// Writes a compact copy of the whole file to `path` (VACUUM INTO), owner
    /// only; refuses a path that exists and works only outside a transaction.
    /// On failure nothing is left at `path`.
    Status copyTo(const QString &path);

    /// Transaction nesting, used by Transaction; the outermost level is
    /// BEGIN IMMEDIATE, inner levels are savepoints.
    Status begin();
    Status commit();
    Status rollback();
    int transactionDepth() const { return m_depth; }

    /// Turns foreign-key enforcement on or off for this connection (outside a
    /// transaction only; SQLite ignores it inside one). Returns whether the
    /// setting now is what was asked.
    bool setForeignKeys(bool on);

    /// Milliseconds since the epoch, the form times take in the file.
    static QVariant toStored(const QDateTime &time);
    static QDateTime fromStored(const QVariant &value);
    /// Ids as one JSON array, to bind as a single value that SQLite's
    /// json_each() reads as a table, however many there are.
    static QString jsonIds(const QList<qint64> &ids);

private:
    Database(QString path, QString connectionName, const Clock &clock);
    /// `newFile`: nothing is in the file yet (it gets the page size of new files).
    Status configure(bool newFile);
    Status migrate(int fromVersion, int toVersion);
    Status backUp(int fromVersion);
    Status execPlain(const QString &sql);
    void logStatementsStillReading() const;

    QString m_path;
    QString m_openFileKey; // this file in the process's registry of open files
    QString m_connectionName;
    const Clock &m_clock;
    int m_schemaVersion = 0;
    int m_depth = 0;
    QString m_backupPath;
    QHash<QString, QSqlQuery *> m_statements;
    QList<QSqlQuery *> m_extraStatements;
};

} // namespace Rapport::Core
