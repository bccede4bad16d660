#include "store/datafilelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using Rapport::Core::DataFileLock;

class TestDataFileLock : public QObject
{
    Q_OBJECT

private slots:
    void acquire_freeFile_keepsALockBesideItUntilReleased()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
        {
            auto lock = DataFileLock::acquire(path);
            QVERIFY2(lock.ok(), qPrintable(lock.error()));
            QCOMPARE(lock.value()->dataFilePath(), DataFileLock::canonicalPath(path));
            QVERIFY(QFileInfo::exists(path + QStringLiteral(".lock")));
            QVERIFY(!QFileInfo::exists(path)); // the lock never creates the data file
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".lock")));
    }

    void acquire_folderMissingOnAFirstStart_makesItPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("share/rapport/rapport.sqlite"));
        auto lock = DataFileLock::acquire(path);
        QVERIFY2(lock.ok(), qPrintable(lock.error()));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("share/rapport"))).permissions(),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser
                     | QFile::ExeUser);
        QVERIFY(QFileInfo::exists(DataFileLock::lockFilePath(path)));
    }

    void acquire_fileAlreadyLocked_failsNamingTheFileAndTheProgram()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
        auto first = DataFileLock::acquire(path);
        QVERIFY(first.ok());
        std::unique_ptr<DataFileLock> held = std::move(first).value();
        auto second = DataFileLock::acquire(path);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().contains(QDir::toNativeSeparators(DataFileLock::canonicalPath(path))),
                 qPrintable(second.error()));
        QVERIFY2(second.error().contains(QString::number(QCoreApplication::applicationPid())), qPrintable(second.error()));
        QVERIFY2(second.error().contains(QStringLiteral("another Rapport")), qPrintable(second.error()));

        held.reset();
        QVERIFY(DataFileLock::acquire(path).ok());
    }

    void acquire_sameFileByAnotherName_isTheSameLock()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("real")), dir.filePath(QStringLiteral("linked"))));
        const QString real = dir.filePath(QStringLiteral("real/rapport.sqlite"));
        auto lock = DataFileLock::acquire(real);
        QVERIFY(lock.ok());
        QVERIFY(!DataFileLock::acquire(dir.filePath(QStringLiteral("linked/rapport.sqlite"))).ok());
        QVERIFY(!DataFileLock::acquire(dir.filePath(QStringLiteral("linked/../real/./rapport.sqlite"))).ok());
        QCOMPARE(DataFileLock::canonicalPath(dir.filePath(QStringLiteral("linked/rapport.sqlite"))),
                 lock.value()->dataFilePath());
    }

    void acquire_lockOfAProgramThatEnded_isTakenOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
        // A lock that a crashed Rapport left: its process is gone.
        QProcess ended;
        ended.start(QStringLiteral("true"), {});
        QVERIFY(ended.waitForStarted());
        const qint64 pid = ended.processId();
        QVERIFY(ended.waitForFinished());
        {
            QFile stale(DataFileLock::lockFilePath(path));
            QVERIFY(stale.open(QIODevice::WriteOnly));
            stale.write(QByteArray::number(pid) + "\nrapport\n" + QSysInfo::machineHostName().toUtf8() + '\n');
        }
        auto lock = DataFileLock::acquire(path);
        QVERIFY2(lock.ok(), qPrintable(lock.error()));
        QVERIFY(!DataFileLock::acquire(path).ok());
    }

    void acquire_lockOfARunningProgram_isNeverStaleByAge()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
        auto lock = DataFileLock::acquire(path);
        QVERIFY(lock.ok());
        // A window left open for a month still holds its file.
        QFile file(DataFileLock::lockFilePath(path));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-30), QFileDevice::FileModificationTime));
        file.close();
        QVERIFY(!DataFileLock::acquire(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestDataFileLock)
#include "tst_datafilelock.moc"
