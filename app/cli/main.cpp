#include "applicationidentity.h"
#include "commandline.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    // Only the printed report draws; it does so offscreen, with no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> app;
    if (Rapport::App::CommandLine::needsGui(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    Rapport::Core::setApplicationIdentity();
    // Diagnostics stay quiet unless asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("rapport.*.debug=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Rapport::App::CommandLine commandLine(out, err);
    const int code = commandLine.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
