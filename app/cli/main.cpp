#include "applicationidentity.h"
#include "commandline.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
