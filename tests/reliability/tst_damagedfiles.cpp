#include "clirunner.h"
#include "datafilerecovery.h"
#include "filecheck.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/transaction.h"
#include "testdatafile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Rapport;
using namespace Rapport::Test;
using Core::Database;

namespace {

void addPeople(Database &database, int count)
{
    Core::Transaction transaction(database);
    for (int i = 0; i < count; ++i) {
        Core::Contact contact;
        contact.displayName = QStringLiteral("Person %1").arg(i);
        contact.notes = QStringLiteral("Met at the spring workshop; follow up about the brochure. ").repeated(4);
        QVERIFY(Core::ContactStore(database).add(contact).ok());
    }
    QVERIFY(transaction.commit().ok());
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// Clicks the button named `button` of the next message box that opens and
/// remembers the box's texts.
struct MessageBoxAnswer
{
    QString text;
    QString informativeText;
    bool answered = false;

    void clickWhenShown(const QString &button)
    {
        QTimer::singleShot(0, [this, button] { poll(button); });
    }

private:
    void poll(const QString &button)
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        auto *target = box ? box->findChild<QPushButton *>(button) : nullptr;
        if (!target) {
            QTimer::singleShot(10, [this, button] { poll(button); });
            return;
        }
        QCOMPARE(box->textFormat(), Qt::PlainText);
        text = box->text();
        informativeText = box->informativeText();
        answered = true;
        target->click();
    }
};

} // namespace

/// A truncated or damaged data file, one from a newer Rapport, one that is not
/// a data file: a clear message, the file untouched, and where Rapport backed
/// the file up before a format update, an offer to open a copy of the backup.
class TestDamagedFiles : public QObject
{
    Q_OBJECT

private slots:
    void open_truncatedFile_isRefusedAsCutShortAndLeftUntouched()
    {
        TestDataFile data;
        addPeople(data.open(), 400);
        data.close();
        QVERIFY(!QFileInfo::exists(data.path() + QStringLiteral("-wal")));
        const QByteArray whole = fileBytes(data.path());
        QVERIFY(whole.size() > 100000);
        const QByteArray cut = whole.left(whole.size() / 2);
        writeBytes(data.path(), cut);

        auto opened = Database::open(data.path(), data.clock());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(u"cut short"), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(u"left as it is"), qPrintable(opened.error()));
        QCOMPARE(fileBytes(data.path()), cut);
        QCOMPARE(QDir(data.dir()).entryList(QDir::Files), QStringList{QStringLiteral("rapport.sqlite")});
    }

    void read_damagedPage_reportsTheFileAsDamagedAndChangesNothing()
    {
        TestDataFile data;
        addPeople(data.open(), 400);
        data.close();
        QByteArray bytes = fileBytes(data.path());
        // Overwrite everything but the first and last tenth (the schema, the
        // header) with noise: the contacts' pages are in there.
        for (qsizetype i = bytes.size() / 10; i < bytes.size() * 9 / 10; ++i)
            bytes[i] = char((i * 31) ^ 0x5a);
        writeBytes(data.path(), bytes);

        auto opened = Database::open(data.path(), data.clock());
        if (opened) {
            auto all = Core::ContactStore(**opened).all();
            QVERIFY(!all.ok());
            QVERIFY2(all.error().contains(u"damaged"), qPrintable(all.error()));
        } else {
            QVERIFY2(opened.error().contains(u"damaged"), qPrintable(opened.error()));
        }
        opened = Core::Status::failure(QString());
        QCOMPARE(fileBytes(data.path()), bytes);
    }

    void backupsOf_listsTheCopiesMadeBeforeMigrationsNewestFirst()
    {
        TestDataFile data;
        QVERIFY(Database::backupsOf(data.path()).isEmpty());
        writeBytes(data.path() + QStringLiteral(".v2-backup-20260101-100000"), "old");
        writeBytes(data.path() + QStringLiteral(".v3-backup-20260301-090000"), "newer");
        writeBytes(data.path() + QStringLiteral(".v3-backup-20260301-090000-2"), "newest");
        writeBytes(data.filePath(QStringLiteral("other.sqlite.v3-backup-20270101-000000")), "another file's");
        const QStringList backups = Database::backupsOf(data.path());
        QCOMPARE(backups.size(), 3);
        QVERIFY2(backups.at(0).endsWith(u"-090000-2"), qPrintable(backups.join(u',')));
        QVERIFY2(backups.at(1).endsWith(u"-090000"), qPrintable(backups.join(u',')));
        QVERIFY2(backups.at(2).endsWith(u"20260101-100000"), qPrintable(backups.join(u',')));
    }

    void recovery_damagedFileWithABackup_opensACopyOfTheBackupAndTouchesNeither()
    {
        TestDataFile data;
        {
            Database::OpenOptions options;
            options.targetVersion = 3;
            auto old = Database::open(data.path(), data.clock(), options);
            QVERIFY(old.ok());
            // SQL the old format understands, not today's store.
            QVERIFY((*old)->exec(QStringLiteral("INSERT INTO contacts (display_name, created_at, updated_at) VALUES (?, 0, 0)"),
                                 {QStringLiteral("Dana Whitfield")})
                        .ok());
        }
        // Opening it now updates its format, after a backup.
        addContact(data.open(), QStringLiteral("Marcus Bell"));
        const QString backup = data.open().backupPath();
        QVERIFY(!backup.isEmpty());
        data.close();
        const QByteArray backupBytes = fileBytes(backup);
        const QByteArray cut = fileBytes(data.path()).left(4096);
        writeBytes(data.path(), cut);

        auto opened = Database::open(data.path(), data.clock());
        QVERIFY(!opened.ok());
        MessageBoxAnswer answer;
        answer.clickWhenShown(QStringLiteral("openBackupButton"));
        const QString restored = Ui::DataFileRecovery::ask(nullptr, data.path(), opened.error(), QStringLiteral("Quit"));
        QVERIFY(answer.answered);
        QCOMPARE(answer.text, opened.error());
        QVERIFY2(answer.informativeText.contains(QDir::toNativeSeparators(backup)), qPrintable(answer.informativeText));

        QVERIFY2(restored.contains(u"rapport-restored-"), qPrintable(restored));
        QCOMPARE(QFileInfo(restored).absolutePath(), QFileInfo(data.path()).absolutePath());
        QCOMPARE(QFileInfo(restored).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        {
            auto copy = Database::open(restored, data.clock());
            QVERIFY2(copy.ok(), qPrintable(copy.error()));
            auto contacts = Core::ContactStore(**copy).all();
            QVERIFY(contacts.ok());
            QCOMPARE(contacts->size(), 1);
            QCOMPARE(contacts->constFirst().displayName, QStringLiteral("Dana Whitfield"));
        }
        QCOMPARE(fileBytes(data.path()), cut);
        QCOMPARE(fileBytes(backup), backupBytes);
    }

    void recovery_giveUp_returnsNothing()
    {
        TestDataFile data;
        writeBytes(data.path(), "<html>not a data file</html>");
        auto opened = Database::open(data.path(), data.clock());
        QVERIFY(!opened.ok());
        MessageBoxAnswer answer;
        answer.clickWhenShown(QStringLiteral("giveUpButton"));
        QVERIFY(Ui::DataFileRecovery::ask(nullptr, data.path(), opened.error(), QStringLiteral("Quit")).isEmpty());
        QVERIFY(answer.answered);
        QVERIFY(answer.informativeText.isEmpty()); // no backup to offer
    }

    void window_openDamagedFile_offersRecoveryAndKeepsTheCurrentFile()
    {
        TestDataFile current;
        addContact(current.open(), QStringLiteral("Grace Adeyemi"));
        current.close();
        TestDataFile damaged;
        addPeople(damaged.open(), 300);
        damaged.close();
        const QByteArray cut = fileBytes(damaged.path()).left(20000);
        writeBytes(damaged.path(), cut);

        Ui::MainWindow window(openOwnedDatabase(current));
        MessageBoxAnswer answer;
        answer.clickWhenShown(QStringLiteral("giveUpButton"));
        window.openDataFileOrRecover(damaged.path(), QStringLiteral("Open Data File"));
        QVERIFY(answer.answered);
        QVERIFY2(answer.text.contains(u"cut short"), qPrintable(answer.text));
        QCOMPARE(window.database().path(), current.path());
        QCOMPARE(fileBytes(damaged.path()), cut);
    }

    void cli_damagedFileWithABackup_namesTheBackup()
    {
        TestDataFile data;
        {
            Database::OpenOptions options;
            options.targetVersion = 2;
            QVERIFY(Database::open(data.path(), data.clock(), options).ok());
        }
        const QString backup = data.open().backupPath();
        data.close();
        writeBytes(data.path(), fileBytes(data.path()).left(2048));
        const CliRun run = runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data.path(), QStringLiteral("contacts")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"damaged"), qPrintable(run.err));
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(backup)), qPrintable(run.err));
    }
};

QTEST_MAIN(TestDamagedFiles)
#include "tst_damagedfiles.moc"
