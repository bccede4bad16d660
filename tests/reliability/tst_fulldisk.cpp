#include "clirunner.h"
#include "contacts/addcontactdialog.h"
#include "filecheck.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "testdatafile.h"
#include "vcardgenerator.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>
#include <csignal>
#include <unistd.h>

using namespace Rapport;
using namespace Rapport::Test;

namespace {

/// A small filesystem of its own (a tmpfs mount) that the test can fill up or
/// make read-only. Mounting needs root with CAP_SYS_ADMIN; where the test
/// cannot mount, `mounted()` is false and the tests use a file size limit
/// (RLIMIT_FSIZE) instead, which fails writes the same way.
class SmallVolume
{
public:
    explicit SmallVolume(int kilobytes)
    {
        if (::geteuid() != 0)
            return;
        m_mounted = QProcess::execute(QStringLiteral("mount"),
                                      {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                       QStringLiteral("size=%1k,mode=0700").arg(kilobytes), QStringLiteral("tmpfs"),
                                       m_dir.path()})
                    == 0;
    }
    ~SmallVolume()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    bool mounted() const { return m_mounted; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Fills what is left with a file, so that the next write fails with ENOSPC.
    void fill()
    {
        QFile filler(path(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Append));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    void unfill() { QFile::remove(path(QStringLiteral("filler"))); }
    bool setReadOnly(bool readOnly)
    {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-o"), readOnly ? QStringLiteral("remount,ro") : QStringLiteral("remount,rw"),
                                  m_dir.path()})
               == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// Runs rapport-cli; where no small volume could be mounted, with writes past
/// `fileSizeLimit` bytes failing (EFBIG, SIGXFSZ ignored).
CliRun runLimitedCli(const QStringList &arguments, qint64 fileSizeLimit = -1)
{
    QProcess process;
    if (fileSizeLimit >= 0) {
        process.setChildProcessModifier([fileSizeLimit] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    process.start(QStringLiteral(RAPPORT_CLI_PATH), arguments);
    if (!process.waitForFinished(120000))
        qFatal("rapport-cli did not finish");
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError())};
}

/// Answers the dialogs of an Edit Contact… that cannot be saved: types a new
/// name, saves, notes the warning, and checks that the dialog comes back with
/// the name still typed, then cancels it.
class EditThatCannotBeSaved : public QObject
{
public:
    QString warning;
    QString nameWhenBack;
    int dialogsSeen = 0;

    void start() { QTimer::singleShot(0, this, [this] { poll(); }); }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            warning = box->text();
            box->accept();
        } else if (auto *dialog = qobject_cast<Ui::AddContactDialog *>(modal)) {
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameField"));
            if (++dialogsSeen == 1) {
                name->setText(QStringLiteral("Dana Whitfield-Okafor"));
                dialog->accept();
            } else {
                nameWhenBack = name->text();
                dialog->reject();
                return;
            }
        }
        QTimer::singleShot(10, this, [this] { poll(); });
    }
};

} // namespace

/// A data file on a full disk or a read-only one: a clear message, the file
/// intact, and nothing the user typed silently dropped.
class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void cliImport_diskFull_saysSoAndLeavesTheFileAsItWas()
    {
        SmallVolume volume(16 * 1024);
        QTemporaryDir scratch;
        const QString data = volume.mounted() ? volume.path(QStringLiteral("rapport.sqlite"))
                                              : scratch.filePath(QStringLiteral("rapport.sqlite"));
        const QString known = scratch.filePath(QStringLiteral("known.vcf"));
        writeFile(known, generatedVCards(0, 40));
        const QString many = scratch.filePath(QStringLiteral("many.vcf"));
        writeFile(many, generatedVCards(40, 4000));
        QVERIFY(runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data, QStringLiteral("import"), known}).exitCode == 0);
        const QStringList before = FileCheck::contactsDigest(data);
        QCOMPARE(before.size(), 40);

        qint64 limit = -1;
        if (volume.mounted())
            volume.fill();
        else
            limit = QFileInfo(data).size() + 64 * 1024; // the write-ahead log cannot grow past this
        const CliRun full = runLimitedCli({QStringLiteral("--db"), data, QStringLiteral("import"), many}, limit);
        QVERIFY2(full.exitCode != 0 && full.exitCode != 3, qPrintable(full.out + full.err));
        const QString expected = volume.mounted() ? QStringLiteral(" is full") : QStringLiteral("could not be read or written");
        QVERIFY2(full.err.contains(expected), qPrintable(full.err));
        // With room again (SQLite needs some even to read), the file is as it was
        // and the same import goes through: nothing was left half done.
        volume.unfill();
        QCOMPARE(FileCheck::integrity(data), QStringLiteral("ok"));
        QCOMPARE(FileCheck::contactsDigest(data), before);
        const CliRun again = runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data, QStringLiteral("import"), many});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(FileCheck::contactsDigest(data).size(), 4040);
    }

    void open_readOnlyFile_isRefusedSayingSoAndLeftUntouched()
    {
        SmallVolume volume(4096); // room for a new data file (16 KB pages) and its WAL
        QTemporaryDir scratch;
        const QString data = volume.mounted() ? volume.path(QStringLiteral("rapport.sqlite"))
                                              : scratch.filePath(QStringLiteral("rapport.sqlite"));
        QVERIFY(runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data, QStringLiteral("add"),
                                                         QStringLiteral("--name"), QStringLiteral("Marcus Bell")})
                    .exitCode == 0);
        const QByteArray bytes = fileBytes(data);
        if (volume.mounted()) {
            QVERIFY(volume.setReadOnly(true));
        } else {
            if (::geteuid() == 0)
                QSKIP("Running as root where no filesystem can be mounted: permissions do not stop root from writing.");
            QVERIFY(QFile::setPermissions(data, QFileDevice::ReadOwner));
        }

        const CliRun add = runCli(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), data, QStringLiteral("add"),
                                                                    QStringLiteral("--name"), QStringLiteral("Theo Lindqvist")});
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(u"read-only"), qPrintable(add.err));
        QVERIFY2(add.err.contains(u"left as it is"), qPrintable(add.err));
        auto opened = Core::Database::open(data);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(u"read-only"), qPrintable(opened.error()));
        QCOMPARE(fileBytes(data), bytes);
        if (volume.mounted())
            QVERIFY(volume.setReadOnly(false));
    }

    void windowEdit_diskFull_warnsAndBringsTheTypedEditBack()
    {
        SmallVolume volume(2048);
        if (!volume.mounted())
            QSKIP("This machine lets the test mount no small filesystem to fill under the window.");
        const QString data = volume.path(QStringLiteral("rapport.sqlite"));
        qint64 id = 0;
        {
            auto database = Core::Database::open(data);
            QVERIFY(database.ok());
            Core::Contact dana;
            dana.displayName = QStringLiteral("Dana Whitfield");
            auto added = Core::ContactStore(**database).add(dana);
            QVERIFY(added.ok());
            id = *added;
        }
        auto database = Core::Database::open(data);
        QVERIFY(database.ok());
        Ui::MainWindow window(std::move(database).value());
        window.show();
        window.showContact(id);
        // The disk fills up under the open window.
        volume.fill();

        EditThatCannotBeSaved answers;
        answers.start();
        window.findChild<QAction *>(QStringLiteral("editContactAction"))->trigger();
        QCOMPARE(answers.dialogsSeen, 2);
        QVERIFY2(answers.warning.contains(u"disk is full"), qPrintable(answers.warning));
        QCOMPARE(answers.nameWhenBack, QStringLiteral("Dana Whitfield-Okafor"));
        volume.unfill();
        QCOMPARE(Core::ContactStore(window.database()).get(id)->displayName, QStringLiteral("Dana Whitfield"));
        QCOMPARE(FileCheck::integrity(data), QStringLiteral("ok"));
    }
};

QTEST_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
