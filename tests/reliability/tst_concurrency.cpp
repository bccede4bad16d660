#include "clirunner.h"
#include "filecheck.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "testdatafile.h"
#include "vcardgenerator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace Rapport;
using namespace Rapport::Test;
using Rapport::Core::ContactStore;

/// The command line and the window on one data file at the same time: both
/// get their changes in (SQLite serialises the writes; each side waits its
/// turn), or the one that cannot wait says the file is busy. Never a
/// corrupted file, never a lost change.
class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void cliImportWhileTheWindowSavesEdits_bothGetEverythingIn()
    {
        TestDataFile data;
        const qint64 dana = addContact(data.open(), QStringLiteral("Dana Whitfield"));
        data.close();
        const QString cards = data.filePath(QStringLiteral("cards.vcf"));
        {
            QFile file(cards);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(generatedVCards(0, 3000));
        }

        Ui::MainWindow window(openOwnedDatabase(data));
        window.show();
        QProcess import;
        import.start(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data.path(), QStringLiteral("import"), cards});
        QVERIFY(import.waitForStarted());

        int edits = 0;
        QElapsedTimer timer;
        timer.start();
        while (import.state() != QProcess::NotRunning || edits < 20) {
            auto contact = ContactStore(window.database()).get(dana);
            QVERIFY2(contact.ok(), qPrintable(contact.error()));
            Core::Contact edited = *contact;
            edited.notes = QStringLiteral("edit %1").arg(++edits);
            const Core::Status saved = window.editContact(edited);
            QVERIFY2(saved.ok(), qPrintable(QStringLiteral("edit %1 after %2 ms: %3").arg(edits).arg(timer.elapsed()).arg(saved.error())));
            import.waitForFinished(5);
            QVERIFY(timer.elapsed() < 120000);
        }
        QCOMPARE(import.exitStatus(), QProcess::NormalExit);
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
        qInfo("%d edits saved by the window while rapport-cli imported 3,000 cards", edits);

        QCOMPARE(FileCheck::integrity(data.path()), QStringLiteral("ok"));
        QCOMPARE(FileCheck::rows(data.path(), QStringLiteral("contacts")), 3001);
        QCOMPARE(ContactStore(window.database()).get(dana)->notes, QStringLiteral("edit %1").arg(edits));
    }

    void cliWhileTheWindowWritesForLong_saysTheFileIsBusyAndChangesNothing()
    {
        TestDataFile data;
        addContact(data.open(), QStringLiteral("Dana Whitfield"));
        data.close();
        Ui::MainWindow window(openOwnedDatabase(data));
        // The window is in the middle of a long write (longer than the 5 s the command line waits).
        QVERIFY(window.database().begin().ok());
        const CliRun add = runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data.path(), QStringLiteral("add"),
                                                                    QStringLiteral("--name"), QStringLiteral("Theo Lindqvist")});
        QVERIFY(window.database().rollback().ok());
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(u"another program is writing to the data file"), qPrintable(add.err));
        QCOMPARE(FileCheck::integrity(data.path()), QStringLiteral("ok"));
        QCOMPARE(FileCheck::rows(data.path(), QStringLiteral("contacts")), 1);

        // Once the window is done, the same command goes through.
        const CliRun again = runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data.path(), QStringLiteral("add"),
                                                                      QStringLiteral("--name"), QStringLiteral("Theo Lindqvist")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(FileCheck::rows(data.path(), QStringLiteral("contacts")), 2);
    }
};

QTEST_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
