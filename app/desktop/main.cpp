#include "applicationicon.h"
#include "applicationidentity.h"
#include "instance/instanceactivation.h"
#include "instance/singleinstance.h"
#include "mainwindow.h"
#include "store/database.h"
#include "store/datafilelock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QMessageBox>
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

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Rapport::Core::Database::defaultPath();
    const QStringList files = parser.positionalArguments();

    // A Rapport already open on this data file takes the files and comes to the front.
    if (SingleInstance::handOff(path, files) == SingleInstance::Handoff::Delivered)
        return 0;
    auto lock = Rapport::Core::DataFileLock::acquire(path);
    if (!lock) {
        if (handOffToStartingWindow(path, files))
            return 0;
        QMessageBox::critical(nullptr, QApplication::translate("main", "Rapport"), lock.error());
        return 1;
    }

    auto database = Rapport::Core::Database::open(path);
    if (!database) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Rapport"), database.error());
        return 1;
    }
    Rapport::Ui::MainWindow window(std::move(database).value());
    window.setDataFileLock(std::move(lock).value());

    SingleInstance instance;
    Rapport::Ui::InstanceActivation activation(window, instance);

    window.show();
    if (!files.isEmpty())
        window.importFiles(files);
    return app.exec();
}
