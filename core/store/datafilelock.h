#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace Rapport::Core {

/// Keeps a data file for the one Rapport window that has it open: a lock file
/// beside it (FILE.lock) naming the process, host and program. A lock left by a
/// process that no longer runs (a crash, a power cut) is taken over; a lock
/// never goes stale by age alone, so a window may stay open for weeks.
///
/// rapport-cli does not take it: each of its commands is one SQLite
/// transaction, which SQLite's busy timeout serialises with the window's, so a
/// scripted import while the window is open is safe.
class DataFileLock
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::DataFileLock)

public:
    /// Takes the lock for the data file at `dataFilePath`. Fails, naming the file
    /// and the process that holds it, when another running program has it open,
    /// or when the lock file cannot be written.
    static Result<std::unique_ptr<DataFileLock>> acquire(const QString &dataFilePath);

    /// The absolute path with symbolic links resolved, also for a file that does
    /// not exist yet, so that one file has one lock and one instance however it
    /// is named on the command line.
    static QString canonicalPath(const QString &dataFilePath);
    /// FILE.lock beside the data file.
    static QString lockFilePath(const QString &dataFilePath);

    ~DataFileLock();
    DataFileLock(const DataFileLock &) = delete;
    DataFileLock &operator=(const DataFileLock &) = delete;

    /// The canonical path of the data file this lock keeps.
    QString dataFilePath() const { return m_dataFilePath; }

private:
    DataFileLock(QString dataFilePath, std::unique_ptr<QLockFile> lock);

    QString m_dataFilePath;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Rapport::Core
