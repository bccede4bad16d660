#include "contactcounter.h"

#include "store/contactstore.h"
#include "store/database.h"

#include <QThread>

namespace Rapport::Ui {

ContactCounter::ContactCounter(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
{
}

ContactCounter::~ContactCounter()
{
    if (!m_thread)
        return;
    {
        const QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_next.reset();
    }
    m_wake.wakeAll();
    m_thread->wait();
    delete m_thread;
}

void ContactCounter::count(const Core::ContactListQuery &query, quint64 ticket)
{
    {
        const QMutexLocker locker(&m_mutex);
        m_next = Request{query, ticket};
    }
    if (!m_thread) {
        m_thread = QThread::create([this] { run(); });
        m_thread->start(QThread::LowPriority);
    }
    m_wake.wakeAll();
}

void ContactCounter::run()
{
    // A connection of the thread's own (Qt SQL connections belong to one
    // thread), opened at the first request and kept for the next ones.
    std::unique_ptr<Core::Database> database;
    QString openError;
    for (;;) {
        Request request;
        {
            QMutexLocker locker(&m_mutex);
            while (!m_stopping && !m_next)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            request = *m_next;
            m_next.reset();
        }
        if (!database && openError.isEmpty()) {
            Core::Database::OpenOptions options;
            options.create = false;
            auto opened = Core::Database::open(m_databasePath, Core::SystemClock::instance(), options);
            if (opened)
                database = std::move(opened).value();
            else
                openError = opened.error();
        }
        if (!database) {
            emit counted(request.ticket, 0, openError);
            continue;
        }
        auto counted = Core::ContactStore(*database).rowCount(request.query);
        emit this->counted(request.ticket, counted ? *counted : 0, counted ? QString() : counted.error());
    }
}

} // namespace Rapport::Ui
