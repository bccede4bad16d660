#include "applicationicon.h"
#include "applicationidentity.h"
#include "datafilerecovery.h"
#include "instance/instanceactivation.h"
#include "instance/singleinstance.h"
#include "mainwindow.h"
#include "plainmessage.h"
#include "store/database.h"
#include "store/datafilelock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QThread>

using Rapport::Ui::SingleInstance;

namespace {

// Two starts at the same moment (two files opened at once): the one that lost
// the lock waits briefly for the winner's window to answer.
bool handOffToStartingWindow(const QString &path, const QStringList &files)
{
    const QDeadlineTimer deadline(3000);
    while (!deadline.hasExpired()) {
        if (SingleInstance::handOff(path, files) == SingleInstance::Handoff::Delivered)
            return true;
        QThread::msleep(100);
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Rapport::Core::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Rapport"));
    QApplication::setDesktopFileName(Rapport::Core::applicationId());
    QApplication::setWindowIcon(Rapport::Ui::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Rapport, a personal CRM for solopreneurs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringList{QStringLiteral("db")},
        QApplication::translate("main", "The data file to open (default: %1).")
            .arg(QDir::toNativeSeparators(Rapport::Core::Database::defaultPath())),
        QApplication::translate("main", "FILE"));
    parser.addOption(dbOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "vCard files to import (as when double-clicked)."),
                                 QStringLiteral("[FILE.vcf...]"));
    parser.process(app);

    QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Rapport::Core::Database::defaultPath();
    const QStringList files = parser.positionalArguments();

    // A Rapport already open on this data file takes the files and comes to the front.
    if (SingleInstance::handOff(path, files) == SingleInstance::Handoff::Delivered)
        return 0;
    auto acquired = Rapport::Core::DataFileLock::acquire(path);
    if (!acquired) {
        if (handOffToStartingWindow(path, files))
            return 0;
        Rapport::Ui::showPlainWarning(nullptr, QApplication::translate("main", "Rapport"), acquired.error());
        return 1;
    }
    std::unique_ptr<Rapport::Core::DataFileLock> lock = std::move(acquired).value();

    auto database = Rapport::Core::Database::open(path);
    while (!database) {
        // Damaged, newer or not a data file: left as it is; offer a backup copy or another file.
        lock.reset();
        path = Rapport::Ui::DataFileRecovery::ask(nullptr, path, database.error(),
                                                  QApplication::translate("main", "Quit"));
        if (path.isEmpty())
            return 1;
        auto other = Rapport::Core::DataFileLock::acquire(path);
        if (!other) {
            Rapport::Ui::showPlainWarning(nullptr, QApplication::translate("main", "Rapport"), other.error());
            return 1;
        }
        lock = std::move(other).value();
        database = Rapport::Core::Database::open(path);
    }
    Rapport::Ui::MainWindow window(std::move(database).value());
    window.setDataFileLock(std::move(lock));

    SingleInstance instance;
    Rapport::Ui::InstanceActivation activation(window, instance);

    window.show();
    if (!files.isEmpty())
        window.importFiles(files);
    return app.exec();
}
