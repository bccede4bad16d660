#include "datafilelock.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

namespace Rapport::Core {

QString DataFileLock::canonicalPath(const QString &dataFilePath)
{
    const QFileInfo file(dataFilePath);
    if (const QString canonical = file.canonicalFilePath(); !canonical.isEmpty())
        return canonical;
    // Not created yet: resolve the folder, keep the name.
    const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
    return QDir::cleanPath((folder.isEmpty() ? file.absolutePath() : folder) + QLatin1Char('/') + file.fileName());
}

QString DataFileLock::lockFilePath(const QString &dataFilePath)
{
    return canonicalPath(dataFilePath) + QStringLiteral(".lock");
}

Result<std::unique_ptr<DataFileLock>> DataFileLock::acquire(const QString &dataFilePath)
{
    const QString path = canonicalPath(dataFilePath);
    const QString shown = QDir::toNativeSeparators(path);
    // On a first start even the folder is missing; make it as Database::open would, private.
    if (const QString folder = QFileInfo(path).absolutePath(); !QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder))
            return Result<std::unique_ptr<DataFileLock>>::failure(
                tr("The folder “%1” cannot be created.").arg(QDir::toNativeSeparators(folder)));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    auto lock = std::make_unique<QLockFile>(lockFilePath(path));
    lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (lock->tryLock(0)) {
        qCDebug(lcStore) << "Locked" << path;
        return std::unique_ptr<DataFileLock>(new DataFileLock(path, std::move(lock)));
    }
    switch (lock->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString program;
        if (!lock->getLockInfo(&pid, &host, &program))
            return Result<std::unique_ptr<DataFileLock>>::failure(
                tr("“%1” is open in another Rapport. Switch to that window, or close it there first.").arg(shown));
        if (!host.isEmpty() && host != QSysInfo::machineHostName())
            return Result<std::unique_ptr<DataFileLock>>::failure(
                tr("“%1” is open in Rapport on the computer “%2” (process %3). Close it there first; if that "
                   "computer is off, delete “%4”.")
                    .arg(shown, host)
                    .arg(pid)
                    .arg(QDir::toNativeSeparators(lockFilePath(path))));
        if (program != QCoreApplication::applicationName())
            return Result<std::unique_ptr<DataFileLock>>::failure(
                tr("“%1” is in use by %2 (process %3). Close it there first.").arg(shown, program).arg(pid));
        return Result<std::unique_ptr<DataFileLock>>::failure(
            tr("“%1” is open in another Rapport window (process %2). Switch to that window, or close it there first.")
                .arg(shown)
                .arg(pid));
    }
    case QLockFile::PermissionError:
        return Result<std::unique_ptr<DataFileLock>>::failure(
            tr("“%1” cannot be opened for writing: Rapport cannot create “%2” in its folder.")
                .arg(shown, QDir::toNativeSeparators(lockFilePath(path))));
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    return Result<std::unique_ptr<DataFileLock>>::failure(
        tr("“%1” cannot be opened: its lock file “%2” cannot be written.")
            .arg(shown, QDir::toNativeSeparators(lockFilePath(path))));
}

DataFileLock::DataFileLock(QString dataFilePath, std::unique_ptr<QLockFile> lock)
    : m_dataFilePath(std::move(dataFilePath))
    , m_lock(std::move(lock))
{
}

DataFileLock::~DataFileLock()
{
    qCDebug(lcStore) << "Unlocked" << m_dataFilePath;
}

} // namespace Rapport::Core
