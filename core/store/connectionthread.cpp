#include "connectionthread.h"

#include "database.h"

namespace Rapport::Core {

ConnectionThread::ConnectionThread(QString path, const Clock &clock)
    : m_path(std::move(path))
    , m_clock(clock)
{
}

ConnectionThread::~ConnectionThread()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_tasks.clear();
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void ConnectionThread::post(Task task)
{
    {
        const std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
        if (!m_thread.joinable())
            m_thread = std::thread([this] { loop(); });
    }
    m_wake.notify_one();
}

void ConnectionThread::loop()
{
    // Qt SQL connections belong to the thread that opened them: this one
    // opens, uses and closes its own.
    std::unique_ptr<Database> database;
    QString openError;
    bool tried = false;
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_stopping)
                break;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        if (!tried) {
            tried = true;
            Database::OpenOptions options;
            options.create = false;
            auto opened = Database::open(m_path, m_clock, options);
            if (opened)
                database = std::move(opened).value();
            else
                openError = opened.error();
        }
        task(database.get(), openError);
    }
}

} // namespace Rapport::Core
