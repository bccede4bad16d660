#include "instance/instanceactivation.h"
#include "instance/singleinstance.h"
#include "import/importpreviewdialog.h"
#include "store/contactstore.h"
#include "mainwindow.h"
#include "store/database.h"
#include "store/datafilelock.h"
#include "testdatafile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <cstring>
#include <thread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using Rapport::Core::DataFileLock;
using Rapport::Test::TestDataFile;
using Rapport::Ui::SingleInstance;

namespace {

// handOff() blocks, as in main(); the window's side needs this thread's event
// loop, so the sending start runs on a thread of its own.
class Sender
{
public:
    Sender(const QString &dataFile, const QStringList &files)
        : m_thread([this, dataFile, files] { m_result = int(SingleInstance::handOff(dataFile, files)); })
    {
    }
    ~Sender() { m_thread.join(); }
    bool done() const { return m_result.load() >= 0; }
    SingleInstance::Handoff result() const { return SingleInstance::Handoff(m_result.load()); }

private:
    std::atomic<int> m_result = -1;
    std::thread m_thread;
};

SingleInstance::Handoff handOffFromAnotherStart(const QString &dataFile, const QStringList &files)
{
    Sender sender(dataFile, files);
    return QTest::qWaitFor([&sender] { return sender.done(); }, 30000) ? sender.result()
                                                                       : SingleInstance::Handoff::NotAnswered;
}

// Another start hands `card` over; true when `instance` reports exactly it.
bool deliversTo(SingleInstance &instance, const QString &dataFile, const QString &card)
{
    QSignalSpy received(&instance, &SingleInstance::activationRequested);
    return handOffFromAnotherStart(dataFile, {card}) == SingleInstance::Handoff::Delivered
        && QTest::qWaitFor([&received] { return !received.isEmpty(); }, 30000) && received.size() == 1
        && received.at(0).at(0).toStringList() == QStringList{card};
}

// What a crash leaves behind: a socket file that nobody answers on.
bool leaveStaleSocket(const QString &path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    if (encoded.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound && QFileInfo::exists(path);
}

// The real `rapport` executable on the offscreen platform, its log collected.
class RapportProcess
{
public:
    RapportProcess(const QProcessEnvironment &environment, const QString &folder)
    {
        m_process.setProcessEnvironment(environment);
        m_process.setWorkingDirectory(folder);
    }
    ~RapportProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    void start(const QStringList &arguments) { m_process.start(QStringLiteral(RAPPORT_APP_PATH), arguments); }
    QProcess &process() { return m_process; }
    QString log()
    {
        m_log += m_process.readAllStandardError();
        return QString::fromUtf8(m_log);
    }
    /// The messages of lines "rapport.ui.instance: PREFIX message".
    QStringList messages(const QString &prefix)
    {
        QStringList found;
        const QString marker = QStringLiteral("rapport.ui.instance: ") + prefix;
        for (const QString &line : log().split(QLatin1Char('\n'))) {
            if (line.startsWith(marker))
                found << line.mid(marker.size());
        }
        return found;
    }

private:
    QProcess m_process;
    QByteArray m_log;
};

// Through rapport-cli, as a script would read the file while the window has it open.
QString contactNames(const QString &dataFile)
{
    QProcess cli;
    cli.start(QStringLiteral(RAPPORT_CLI_PATH), {QStringLiteral("--db"), dataFile, QStringLiteral("contacts")});
    if (!cli.waitForFinished(30000) || cli.exitCode() != 0)
        return QString::fromUtf8(cli.readAllStandardError());
    return QString::fromUtf8(cli.readAllStandardOutput()).simplified();
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QVERIFY(QFile::setPermissions(m_runtime.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void serverName_sameFileByAnotherName_isTheSameSocketInTheRuntimeFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
        const QString name = SingleInstance::serverName(path);
        QVERIFY(name.startsWith(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + QLatin1Char('/')));
        QVERIFY(name.contains(QStringLiteral("org.rapportcrm.Rapport-")));
        QCOMPARE(SingleInstance::serverName(dir.filePath(QStringLiteral("./sub/../rapport.sqlite"))), name);
        QVERIFY(QFile::link(dir.path(), dir.filePath(QStringLiteral("linked"))));
        QCOMPARE(SingleInstance::serverName(dir.filePath(QStringLiteral("linked/rapport.sqlite"))), name);
        QVERIFY(SingleInstance::serverName(dir.filePath(QStringLiteral("other.sqlite"))) != name);
        QVERIFY(QFile::encodeName(name).size() < 100); // fits a Unix socket address
    }

    void handOff_nothingRunning_saysSo()
    {
        QTemporaryDir dir;
        QCOMPARE(SingleInstance::handOff(dir.filePath(QStringLiteral("rapport.sqlite")), {}),
                 SingleInstance::Handoff::NoneRunning);
    }

    void handOff_toAListeningWindow_deliversAbsolutePathsOnceTheHandlerReturned()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("rapport.sqlite"));
        SingleInstance instance;
        QVERIFY(instance.listen(data).ok());
        QSignalSpy received(&instance, &SingleInstance::activationRequested);

        const QString previous = QDir::currentPath();
        QDir::setCurrent(dir.path());
        const auto handoff =
            handOffFromAnotherStart(data, {QStringLiteral("cards/ada.vcf"), dir.filePath(QStringLiteral("bob.vcf"))});
        QDir::setCurrent(previous);
        QCOMPARE(handoff, SingleInstance::Handoff::Delivered);
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(),
                 (QStringList{QDir(dir.path()).absoluteFilePath(QStringLiteral("cards/ada.vcf")),
                              dir.filePath(QStringLiteral("bob.vcf"))}));
    }

    void listen_socketIsTheUsersAlone()
    {
        QTemporaryDir dir;
        SingleInstance instance;
        QVERIFY(instance.listen(dir.filePath(QStringLiteral("rapport.sqlite"))).ok());
        const QFile::Permissions permissions = QFileInfo(instance.currentServerName()).permissions();
        QVERIFY(permissions & QFile::ReadOwner);
        QVERIFY(!(permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
    }

    void listen_socketLeftByACrash_isReplaced()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("rapport.sqlite"));
        QVERIFY(leaveStaleSocket(SingleInstance::serverName(data)));
        QCOMPARE(SingleInstance::handOff(data, {}), SingleInstance::Handoff::NoneRunning);

        SingleInstance instance;
        QVERIFY(instance.listen(data).ok());
        QVERIFY(deliversTo(instance, data, dir.filePath(QStringLiteral("ada.vcf"))));
    }

    void listen_socketThatStillAnswers_isLeftToItsWindow()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("rapport.sqlite"));
        SingleInstance first;
        QVERIFY(first.listen(data).ok());
        SingleInstance second;
        QVERIFY(!second.listen(data).ok());
        QVERIFY(second.currentServerName().isEmpty());
        QVERIFY(deliversTo(first, data, dir.filePath(QStringLiteral("ada.vcf"))));
    }

    void listen_anotherDataFile_stopsAnsweringForTheFirst()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.sqlite"));
        const QString second = dir.filePath(QStringLiteral("second.sqlite"));
        SingleInstance instance;
        QVERIFY(instance.listen(first).ok());
        QVERIFY(instance.listen(second).ok());
        QCOMPARE(SingleInstance::handOff(first, {}), SingleInstance::Handoff::NoneRunning);
        QVERIFY(!QFileInfo::exists(SingleInstance::serverName(first)));
        QCOMPARE(handOffFromAnotherStart(second, {}), SingleInstance::Handoff::Delivered);
    }

    void request_notFromRapport_isRefused()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("rapport.sqlite"));
        SingleInstance instance;
        QVERIFY(instance.listen(data).ok());
        QSignalSpy received(&instance, &SingleInstance::activationRequested);
        QTest::ignoreMessage(QtWarningMsg, "Refused a request that is not Rapport's");
        QLocalSocket socket;
        socket.connectToServer(instance.currentServerName());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(QByteArrayLiteral("\0\0\0\x08GET / HTTP/1.0"));
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(received.count(), 0);
        QCOMPARE(socket.bytesAvailable(), 0);
    }

    void openDataFile_fileOpenInAnotherWindow_isRefusedAndTheCurrentStays()
    {
        TestDataFile current;
        TestDataFile other;
        other.open();
        other.close();
        auto held = DataFileLock::acquire(other.path());
        QVERIFY(held.ok());
        auto opened = Rapport::Core::Database::open(current.path(), current.clock());
        QVERIFY(opened.ok());
        Rapport::Ui::MainWindow window(std::move(opened).value());
        QSignalSpy changed(&window, &Rapport::Ui::MainWindow::dataFileChanged);

        const auto status = window.openDataFile(other.path());
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QDir::toNativeSeparators(DataFileLock::canonicalPath(other.path()))),
                 qPrintable(status.error()));
        QCOMPARE(window.database().path(), current.path());
        QCOMPARE(changed.count(), 0);

        std::unique_ptr<DataFileLock> otherWindow = std::move(held).value();
        otherWindow.reset(); // the other window closes
        QVERIFY(window.openDataFile(other.path()).ok());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!DataFileLock::acquire(other.path()).ok()); // now this window holds it
        QVERIFY(DataFileLock::acquire(current.path()).ok()); // and let the first one go
    }

    void activation_followsTheWindowsDataFileAndImportsFilesHandedOverDuringAnImport()
    {
        TestDataFile data;
        TestDataFile other; // outlives the window, which ends up holding its lock
        QByteArray cards;
        for (int i = 0; i < 3000; ++i)
            cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Webinar Attendee " + QByteArray::number(i) + "\r\nEND:VCARD\r\n";
        const QString big = data.filePath(QStringLiteral("attendees.vcf"));
        const QString late = data.filePath(QStringLiteral("keoni.vcf"));
        for (const auto &[path, bytes] : {std::pair{big, cards},
                                          std::pair{late, QByteArray("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Keoni Akana\r\n"
                                                                     "END:VCARD\r\n")}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        auto opened = Rapport::Core::Database::open(data.path(), data.clock());
        QVERIFY(opened.ok());
        Rapport::Ui::MainWindow window(std::move(opened).value());
        SingleInstance instance;
        Rapport::Ui::InstanceActivation activation(window, instance);
        QCOMPARE(instance.currentServerName(), SingleInstance::serverName(data.path()));

        QSignalSpy finished(&window, &Rapport::Ui::MainWindow::importFinished);
        // The user accepts each import preview as it appears.
        QTimer acceptPreviews;
        acceptPreviews.setInterval(50);
        connect(&acceptPreviews, &QTimer::timeout, &window, [&window] {
            for (auto *preview : window.findChildren<Rapport::Ui::ImportPreviewDialog *>()) {
                auto *import = preview->findChild<QPushButton *>(QStringLiteral("importButton"));
                if (preview->isVisible() && import && import->isEnabled())
                    import->click();
            }
        });
        acceptPreviews.start();
        window.importFiles({big});
        QVERIFY(window.isImporting());
        emit instance.activationRequested({late});
        QCOMPARE(activation.pendingFiles(), QStringList{late});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY(activation.pendingFiles().isEmpty());
        QCOMPARE(Rapport::Core::ContactStore(window.database()).count().valueOr(-1), qint64(3001));

        QVERIFY(window.openDataFile(other.path()).ok());
        QCOMPARE(instance.currentServerName(), SingleInstance::serverName(other.path()));
    }

    void twoStarts_theSecondHandsItsFileToTheFirstAndExits()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("cards")));
        const QString card = dir.filePath(QStringLiteral("cards/ada.vcf"));
        {
            QFile file(card);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
                       "EMAIL:ada@example.org\r\nEND:VCARD\r\n");
        }
        const QString data = dir.filePath(QStringLiteral("rapport.sqlite"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
        environment.insert(QStringLiteral("HOME"), dir.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("share")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("rapport.ui.instance.debug=true"));
        environment.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));

        RapportProcess first(environment, dir.path());
        first.start({QStringLiteral("--db"), data});
        QTRY_VERIFY_WITH_TIMEOUT(!first.messages(QStringLiteral("Listening on ")).isEmpty(), 30000);

        // As a file manager does: the card relative to its folder.
        RapportProcess second(environment, dir.path());
        second.start({QStringLiteral("--db"), data, QStringLiteral("cards/ada.vcf")});
        QVERIFY(second.process().waitForFinished(30000));
        QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.process().exitCode(), 0);
        QVERIFY2(second.messages(QStringLiteral("Listening on ")).isEmpty(), qPrintable(second.log()));

        QTRY_COMPARE_WITH_TIMEOUT(first.messages(QStringLiteral("Handed over: ")), QStringList{card}, 30000);
        // It opens the import preview for it (importing is then the user's choice;
        // the in-process test above carries an import through).
        QTRY_COMPARE_WITH_TIMEOUT(first.messages(QStringLiteral("Importing: ")), QStringList{card}, 30000);
        // The preview writes nothing until the user says Import; a script can read the file meanwhile.
        QVERIFY2(!contactNames(data).contains(QStringLiteral("Ada Lovelace")), qPrintable(first.log()));
        QCOMPARE(first.process().state(), QProcess::Running);

        // The first one crashes; the next start replaces its socket and lock.
        first.process().kill();
        QVERIFY(first.process().waitForFinished(30000));
        QVERIFY(QFileInfo::exists(SingleInstance::serverName(data)));
        QVERIFY(QFileInfo::exists(DataFileLock::lockFilePath(data)));
        RapportProcess third(environment, dir.path());
        third.start({QStringLiteral("--db"), data});
        QTRY_VERIFY_WITH_TIMEOUT(!third.messages(QStringLiteral("Listening on ")).isEmpty(), 30000);
        QCOMPARE(third.messages(QStringLiteral("Replacing the stale socket ")).size(), 1);
    }

private:
    QTemporaryDir m_runtime;
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
