#include "reminderscheduler.h"

#include "keepintouch.h"
#include "logging.h"
#include "store/database.h"
#include "store/reminderstore.h"

#include <algorithm>

namespace Rapport::Core {

namespace {

/// Wall time may drift from monotonic time by this much between heartbeats
/// before it counts as a jump.
constexpr qint64 jumpToleranceMs = 30 * 1000;
/// QTimer takes an int; a far-off due time is reached through shorter waits.
constexpr qint64 longestWaitMs = 6 * 3600 * 1000;

} // namespace

ReminderScheduler::ReminderScheduler(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_elapsed.start();
    m_monotonic = [this] { return m_elapsed.elapsed(); };
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::refresh);
    m_heartbeat.setInterval(60 * 1000);
    connect(&m_heartbeat, &QTimer::timeout, this, &ReminderScheduler::checkClock);
}

void ReminderScheduler::setMonotonicSource(std::function<qint64()> source)
{
    m_monotonic = std::move(source);
    rememberClock();
}

void ReminderScheduler::setHeartbeatInterval(int msecs)
{
    m_heartbeat.setInterval(msecs);
}

void ReminderScheduler::start()
{
    QElapsedTimer took;
    took.start();
    if (Status armed = KeepInTouch(m_database).rearmAll(); !armed)
        emit failed(armed.error());
    const qint64 armedMs = took.elapsed();
    m_running = true;
    rememberClock();
    m_heartbeat.start();
    announce(true, Occasion::Started);
    qCInfo(lcReminders) << "started: cadences re-armed in" << armedMs << "ms, due follow-ups told in"
                        << took.elapsed() - armedMs << "ms";
}

void ReminderScheduler::refresh()
{
    if (m_running)
        announce(false, Occasion::SameTime);
}

void ReminderScheduler::checkClock()
{
    if (!m_running)
        return;
    const qint64 monotonic = m_monotonic();
    const QDateTime wall = m_database.clock().now();
    const QByteArray zone = m_database.clock().timeZone().id();
    const qint64 drift = m_lastWall.msecsTo(wall) - (monotonic - m_lastMonotonic);
    const bool jumped = std::abs(drift) > jumpToleranceMs || zone != m_lastZone;
    rememberClock();
    if (jumped) {
        qCInfo(lcReminders) << "the clock moved by" << drift / 1000 << "s; time zone" << zone;
        emit clockJumped();
        announce(true, Occasion::ClockJumped);
    } else {
        announce(false, Occasion::SameTime);
    }
}

void ReminderScheduler::rememberClock()
{
    m_lastMonotonic = m_monotonic();
    m_lastWall = m_database.clock().now();
    m_lastZone = m_database.clock().timeZone().id();
}

void ReminderScheduler::announce(bool together, Occasion occasion)
{
    const QDateTime now = m_database.clock().now();
    ReminderStore store(m_database);
    auto due = store.dueUnannounced(now);
    if (!due) {
        emit failed(due.error());
    } else if (!due->isEmpty()) {
        QList<qint64> ids;
        for (const Reminder &reminder : std::as_const(*due))
            ids.append(reminder.id);
        // Remember first: a second check while the first is being shown must not repeat it.
        if (Status marked = store.markNotified(ids, now); !marked) {
            emit failed(marked.error());
        } else if (due->size() == 1 || (!together && due->size() <= burstSize)) {
            for (const Reminder &reminder : std::as_const(*due))
                emit reminderDue(reminder);
        } else {
            emit remindersDueTogether(*due, together ? occasion : Occasion::SameTime);
        }
    }
    auto dueNow = store.countDueBy(now);
    const int count = dueNow ? int(*dueNow) : 0;
    if (count != m_dueCount) {
        m_dueCount = count;
        emit dueCountChanged(count);
    }
    arm();
}

void ReminderScheduler::arm()
{
    const QDateTime now = m_database.clock().now();
    auto next = ReminderStore(m_database).nextDueAfter(now);
    m_nextDue = next ? *next : QDateTime();
    if (!m_nextDue.isValid()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(now.msecsTo(m_nextDue), 0, longestWaitMs)));
}

} // namespace Rapport::Core
