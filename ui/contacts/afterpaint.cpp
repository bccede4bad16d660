#include "afterpaint.h"

#include <QEvent>
#include <QWidget>

namespace Rapport::Ui {

namespace {

/// The longest the work waits for a paint that may not come.
constexpr int fallbackMs = 100;

} // namespace

AfterPaint::AfterPaint(QWidget *watched, QObject *parent)
    : QObject(parent)
    , m_watched(watched)
{
    m_fallback.setSingleShot(true);
    m_fallback.setInterval(fallbackMs);
    connect(&m_fallback, &QTimer::timeout, this, &AfterPaint::runNow);
    if (m_watched)
        m_watched->installEventFilter(this);
}

void AfterPaint::run(std::function<void()> work)
{
    m_work = std::move(work);
    m_fallback.start();
}

bool AfterPaint::eventFilter(QObject *watched, QEvent *event)
{
    // The paint itself happens once this returns: the work comes at the next
    // turn of the event loop, after the painted rows have gone to the screen.
    if (watched == m_watched && event->type() == QEvent::Paint && m_work)
        QTimer::singleShot(0, this, &AfterPaint::runNow);
    return QObject::eventFilter(watched, event);
}

void AfterPaint::runNow()
{
    m_fallback.stop();
    if (!m_work)
        return;
    const std::function<void()> work = std::move(m_work);
    m_work = nullptr;
    work();
}

} // namespace Rapport::Ui
