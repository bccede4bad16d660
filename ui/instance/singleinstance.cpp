#include "singleinstance.h"

#include "applicationidentity.h"
#include "store/datafilelock.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

namespace Rapport::Ui {

Q_LOGGING_CATEGORY(lcInstance, "rapport.ui.instance")

namespace {

// A request is a length, then this magic and the list of absolute paths; the
// reply is one byte once the window has them.
constexpr quint32 requestMagic = 0x52505031; // "RPP1"
constexpr char acknowledgement = 'k';
constexpr quint32 maximumRequestSize = 1 << 20;
constexpr QDataStream::Version streamVersion = QDataStream::Qt_6_4;
constexpr int idleClientTimeoutMs = 10000;

} // namespace

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &dataFilePath)
{
    // Qt makes sure this folder belongs to the user alone (0700), also when it
    // has to create one in /tmp for want of XDG_RUNTIME_DIR.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return {};
    const QByteArray hash = QCryptographicHash::hash(Core::DataFileLock::canonicalPath(dataFilePath).toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(24);
    return runtime + QLatin1Char('/') + Core::applicationId() + QLatin1Char('-') + QString::fromLatin1(hash);
}

SingleInstance::Handoff SingleInstance::handOff(const QString &dataFilePath, const QStringList &files, int timeoutMs)
{
    const QString name = serverName(dataFilePath);
    if (name.isEmpty() || !QFileInfo::exists(name))
        return Handoff::NoneRunning;
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(timeoutMs)) {
        qCDebug(lcInstance).noquote() << "Nothing answers on" << name << "-" << socket.errorString();
        return socket.error() == QLocalSocket::SocketTimeoutError ? Handoff::NotAnswered : Handoff::NoneRunning;
    }

    QStringList absolute;
    absolute.reserve(files.size());
    for (const QString &file : files)
        absolute << QFileInfo(file).absoluteFilePath();
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(streamVersion);
        out << requestMagic << absolute;
    }
    QByteArray request;
    {
        QDataStream out(&request, QIODevice::WriteOnly);
        out.setVersion(streamVersion);
        out << quint32(payload.size());
    }
    request += payload;
    socket.write(request);
    socket.flush();
    // Only the reply proves the window has the files; without it they may be lost.
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            qCWarning(lcInstance).noquote() << "The running Rapport did not confirm on" << name << "-"
                                            << socket.errorString();
            return Handoff::NotAnswered;
        }
    }
    char reply = 0;
    socket.getChar(&reply);
    return reply == acknowledgement ? Handoff::Delivered : Handoff::NotAnswered;
}

Core::Status SingleInstance::listen(const QString &dataFilePath)
{
    const QString name = serverName(dataFilePath);
    if (name.isEmpty())
        return Core::Status::failure(tr("There is no private runtime folder, so another start of Rapport cannot "
                                        "find this window."));
    if (m_server && m_server->fullServerName() == name)
        return Core::Status::success();

    // Qt binds in a private folder and renames the socket over `name`, so
    // listen() alone would silently take over from a Rapport that still runs.
    // Only a socket that nobody answers on (left by a crash) is replaced.
    if (QFileInfo::exists(name)) {
        QLocalSocket probe;
        probe.connectToServer(name);
        if (probe.waitForConnected(1000))
            return Core::Status::failure(tr("Another Rapport already answers for this data file."));
        qCDebug(lcInstance).noquote() << "Replacing the stale socket" << name;
    }
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    bool listening = server->listen(name);
    if (!listening && server->serverError() == QAbstractSocket::AddressInUseError) {
        // Qt builds that bind in place report the stale file instead of replacing it.
        QLocalServer::removeServer(name);
        listening = server->listen(name);
    }
    if (!listening) {
        const QString error = server->errorString();
        delete server;
        return Core::Status::failure(tr("Another start of Rapport cannot find this window: %1").arg(error));
    }
    delete m_server; // no longer answers for the previous data file
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    qCDebug(lcInstance).noquote() << "Listening on" << name;
    return Core::Status::success();
}

QString SingleInstance::currentServerName() const
{
    return m_server ? m_server->fullServerName() : QString();
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        QTimer::singleShot(idleClientTimeoutMs, socket, [socket] { socket->abort(); });
        readRequest(socket);
    }
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (socket->bytesAvailable() < qint64(sizeof(quint32)))
        return;
    quint32 size = 0;
    {
        const QByteArray header = socket->peek(sizeof(quint32));
        QDataStream in(header);
        in.setVersion(streamVersion);
        in >> size;
    }
    if (size > maximumRequestSize) {
        qCWarning(lcInstance) << "Refused a request of" << size << "bytes";
        socket->abort();
        return;
    }
    if (socket->bytesAvailable() < qint64(sizeof(quint32)) + size)
        return;
    socket->skip(sizeof(quint32));
    const QByteArray payload = socket->read(size);
    QDataStream in(payload);
    in.setVersion(streamVersion);
    quint32 magic = 0;
    QStringList files;
    in >> magic >> files;
    if (in.status() != QDataStream::Ok || magic != requestMagic) {
        qCWarning(lcInstance) << "Refused a request that is not Rapport's";
        socket->abort();
        return;
    }
    QStringList accepted;
    for (const QString &file : std::as_const(files)) {
        if (QFileInfo(file).isAbsolute()) {
            qCDebug(lcInstance).noquote() << "Handed over:" << file;
            accepted << file;
        } else {
            qCWarning(lcInstance).noquote() << "Ignored a path that is not absolute:" << file;
        }
    }
    socket->write(&acknowledgement, 1);
    socket->flush();
    socket->disconnectFromServer();
    // A dialog opened in here would spin a nested event loop inside this
    // socket's handler; the window reacts once the handler has returned.
    QMetaObject::invokeMethod(
        this, [this, accepted] { emit activationRequested(accepted); }, Qt::QueuedConnection);
}

} // namespace Rapport::Ui
