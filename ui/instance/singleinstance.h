#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace Rapport::Ui {

/// One running Rapport per user and data file. The window listens on a local
/// socket named after its data file; a later `rapport FILE.vcf` on the same
/// data file hands its files over and exits instead of opening a second window.
///
/// The socket lives in the user's runtime folder (XDG_RUNTIME_DIR, or a 0700
/// folder Qt makes in /tmp) and only its owner may connect.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Handoff {
        Delivered, ///< a running Rapport took the files
        NoneRunning, ///< nothing answers for this data file
        NotAnswered, ///< something listens but did not confirm in time
    };

    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    /// The socket's full path for a data file: the application id and a hash of
    /// the file's canonical path, in the runtime folder. Empty when the user
    /// has no usable runtime folder (then every start runs on its own, and the
    /// data file's lock still keeps two windows off one file).
    static QString serverName(const QString &dataFilePath);

    /// Sends `files` (made absolute against the current folder) to the Rapport
    /// that has `dataFilePath` open, and waits up to `timeoutMs` for it to
    /// confirm. Blocking: for main() before the event loop runs.
    static Handoff handOff(const QString &dataFilePath, const QStringList &files, int timeoutMs = 5000);

    /// Answers later starts for `dataFilePath`, and no longer for the previous
    /// file. A socket a crashed Rapport left behind is replaced; one that still
    /// answers is left alone and the call fails.
    Core::Status listen(const QString &dataFilePath);
    /// The socket listened on, or empty.
    QString currentServerName() const;

signals:
    /// Another start handed over these absolute paths (possibly none: it only
    /// asks to be brought to the front). Queued: emitted from the event loop,
    /// after the socket's handler returned, so a slot may open dialogs.
    void activationRequested(const QStringList &files);

private:
    void acceptConnections();
    void readRequest(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
};

} // namespace Rapport::Ui
