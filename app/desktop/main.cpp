#include "applicationidentity.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Rapport::Core::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Rapport"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));

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
    auto database = Rapport::Core::Database::open(path);
    if (!database) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Rapport"), database.error());
        return 1;
    }
    Rapport::Ui::MainWindow window(std::move(database).value());
    window.show();
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty())
        window.importFiles(files);
    return app.exec();
}
