#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace Rapport::Test {

/// What one run of rapport-cli printed and returned.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the rapport-cli that `cliPath` names (suites pass RAPPORT_CLI_PATH) and
/// waits for it; a crash gives exit code -1.
inline CliRun runCli(const QString &cliPath, const QStringList &arguments)
{
    QProcess process;
    process.start(cliPath, arguments);
    if (!process.waitForFinished(60000))
        qFatal("rapport-cli did not finish");
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError())};
}

} // namespace Rapport::Test
