#pragma once

#include "domain/contactrow.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <optional>

class QThread;

namespace Rapport::Ui {

/// Counts the contacts a list query matches on a thread and a connection of
/// its own, so that the list of a search shows before its count: a count over a
/// large file can take longer than a keystroke may. A request made while a
/// count runs replaces any request still waiting, so typing ahead never queues
/// up counts nobody will read.
class ContactCounter : public QObject
{
    Q_OBJECT

public:
    explicit ContactCounter(QString databasePath, QObject *parent = nullptr);
    /// Waits for a count that is running to finish.
    ~ContactCounter() override;

    /// Counts the contacts `query` matches; counted() reports the number with `ticket`.
    void count(const Core::ContactListQuery &query, quint64 ticket);

signals:
    /// The number of contacts the request with `ticket` matches, or an error message.
    void counted(quint64 ticket, qint64 count, const QString &error);

private:
    struct Request
    {
        Core::ContactListQuery query;
        quint64 ticket = 0;
    };
    void run();

    QString m_databasePath;
    QThread *m_thread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::optional<Request> m_next; // guarded by m_mutex
    bool m_stopping = false;       // guarded by m_mutex
};

} // namespace Rapport::Ui
