#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace Rapport::Core {
class Database;
class RelationshipGraph;
}

namespace Rapport::App {

/// rapport-cli: parses `[--db FILE] COMMAND [ARGS]` and runs the command on
/// core. Exit codes: 0 success, 1 an error (message on stderr), 2 bad usage.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::App::CommandLine)

public:
    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    CommandLine(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);
    /// Whether the command named in `arguments` draws (the printed report),
    /// and so needs a QApplication on the offscreen platform.
    static bool needsGui(const QStringList &arguments);

private:
    using Command = int (CommandLine::*)(QCommandLineParser &);
    struct CommandInfo;

    int usage(const QString &problem);
    int fail(const QString &message);
    std::unique_ptr<Core::Database> openDatabase(bool create);
    bool contactId(QCommandLineParser &parser, const QString &option, qint64 &id);

    int demo(QCommandLineParser &parser);
    int contacts(QCommandLineParser &parser);
    int add(QCommandLineParser &parser);
    int log(QCommandLineParser &parser);
    int introduce(QCommandLineParser &parser);
    int stage(QCommandLineParser &parser);
    int importFiles(QCommandLineParser &parser);
    int exportFile(QCommandLineParser &parser);
    int imports(QCommandLineParser &parser);
    int undoImport(QCommandLineParser &parser);
    int due(QCommandLineParser &parser);
    int report(QCommandLineParser &parser);
    int cadence(QCommandLineParser &parser);
    int funnel(QCommandLineParser &parser);
    bool loadGraph(Core::RelationshipGraph &graph);
    int chains(QCommandLineParser &parser);
    int path(QCommandLineParser &parser);
    int attribution(QCommandLineParser &parser);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_databasePath;
    QString m_commandName;
};

} // namespace Rapport::App
