#pragma once

#include "clock.h"
#include "result.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace Rapport::Core {

class Database;

/// A thread with a connection of its own to a data file, for work that runs
/// beside the caller's: in WAL mode readers do not wait for one another, so on
/// two cores two long reads take about as long as the longer one, and a write
/// here waits for the caller's (or makes it wait) only while one commits. The
/// connection opens at the first job (never creating the file) and lives as
/// long as the thread; jobs run one after another in the order given.
class ConnectionThread
{
public:
    /// `clock` must outlive the thread and be safe to read from it.
    ConnectionThread(QString path, const Clock &clock);
    /// Waits for the job running, drops the ones not started.
    ~ConnectionThread();
    ConnectionThread(const ConnectionThread &) = delete;
    ConnectionThread &operator=(const ConnectionThread &) = delete;

    /// Runs `job` on the thread with its connection; the future holds what it
    /// returns, or a failure naming why the file could not be opened.
    template<typename T>
    std::future<Result<T>> run(std::function<Result<T>(Database &)> job)
    {
        auto promise = std::make_shared<std::promise<Result<T>>>();
        std::future<Result<T>> future = promise->get_future();
        post([promise, job = std::move(job)](Database *database, const QString &openError) {
            if (!database) {
                promise->set_value(Result<T>::failure(openError));
                return;
            }
            try {
                promise->set_value(job(*database));
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
        return future;
    }

private:
    using Task = std::function<void(Database *database, const QString &openError)>;
    void post(Task task);
    void loop();

    const QString m_path;
    const Clock &m_clock;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_tasks;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Rapport::Core
