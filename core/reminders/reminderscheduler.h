#pragma once

#include "domain/reminder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Rapport::Core {

class Database;

/// Tells when follow-ups fall due. It keeps one timer on the next due time,
/// re-reads the data file when told it changed (refresh()), and checks the
/// wall clock against a monotonic one every heartbeat so that a suspend and
/// resume, a clock set by hand or a time-zone change are noticed. Each due
/// time is announced once (the data file remembers it, also across restarts):
/// what fell due while Rapport was closed, or while the clock jumped, arrives
/// as one dueTogether() instead of a burst.
class ReminderScheduler : public QObject
{
    Q_OBJECT

public:
    enum class Occasion {
        Started,     ///< Fell due while Rapport was not running.
        ClockJumped, ///< Fell due while the computer slept or the clock moved.
        SameTime,    ///< Several fell due at once.
    };
    Q_ENUM(Occasion)

    /// More than this many due at one moment are announced together.
    static constexpr int burstSize = 3;

    explicit ReminderScheduler(Database &database, QObject *parent = nullptr);

    /// Milliseconds from a clock that never jumps; QElapsedTimer by default.
    void setMonotonicSource(std::function<qint64()> source);
    void setHeartbeatInterval(int msecs);

    /// Arms every keep-in-touch cadence, announces what fell due while Rapport
    /// was closed (once, together), then waits for the next due time.
    void start();
    bool isRunning() const { return m_running; }

    /// The next moment something falls due; invalid when nothing is pending.
    QDateTime nextDue() const { return m_nextDue; }
    /// Follow-ups due or overdue now.
    int dueCount() const { return m_dueCount; }

public slots:
    /// Re-reads the follow-ups after an edit and announces what is due now.
    void refresh();
    /// Compares wall and monotonic time; on a jump, announces together.
    void checkClock();

signals:
    void reminderDue(const Rapport::Core::Reminder &reminder);
    void remindersDueTogether(const QList<Rapport::Core::Reminder> &reminders,
                              Rapport::Core::ReminderScheduler::Occasion occasion);
    void dueCountChanged(int count);
    /// The wall clock or the time zone moved: "today" may be another day now.
    void clockJumped();
    void failed(const QString &message);

private:
    void announce(bool together, Occasion occasion);
    void arm();
    void rememberClock();

    Database &m_database;
    QTimer m_timer;
    QTimer m_heartbeat;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_monotonic;
    QDateTime m_nextDue;
    int m_dueCount = -1;
    bool m_running = false;
    qint64 m_lastMonotonic = 0;
    QDateTime m_lastWall;
    QByteArray m_lastZone;
};

} // namespace Rapport::Core
