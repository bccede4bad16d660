#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace Rapport::Core {

/// Where core asks for "now". Production uses SystemClock; tests inject a
/// ManualClock so that no test ever sleeps or depends on the date it runs.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    /// The user's time zone, for "tomorrow morning" and "due today".
    virtual QTimeZone timeZone() const { return QTimeZone::systemTimeZone(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }

    /// A shared instance for callers that do not care to inject one.
    static const Clock &instance();
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start) : m_now(std::move(start)) {}
    QDateTime now() const override { return m_now; }
    QTimeZone timeZone() const override { return m_zone.isValid() ? m_zone : QTimeZone::systemTimeZone(); }
    void setNow(const QDateTime &now) { m_now = now; }
    void advanceSecs(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    /// An invalid zone means the system's.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

private:
    QDateTime m_now;
    QTimeZone m_zone;
};

} // namespace Rapport::Core
