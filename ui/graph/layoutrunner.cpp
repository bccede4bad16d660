#include "layoutrunner.h"

#include "graph/forcelayout.h"
#include "graphdocument.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

namespace Rapport::Ui {

using namespace Rapport::Core;

LayoutRunner::LayoutRunner(QObject *parent)
    : QObject(parent)
{
}

LayoutRunner::~LayoutRunner()
{
    cancel();
}

std::unique_ptr<ForceLayout> LayoutRunner::makeLayout(const GraphDocument &document, bool restart)
{
    std::vector<std::pair<int, int>> edges;
    edges.reserve(document.edgeCount());
    for (int e = 0; e < document.edgeCount(); ++e)
        edges.emplace_back(document.edgeSource(e), document.edgeTarget(e));
    ForceLayout::Options options;
    options.edgeLength = 170;
    options.padding = 10;
    auto layout = std::make_unique<ForceLayout>(document.nodeCount(), std::move(edges), options);
    for (int i = 0; i < document.nodeCount(); ++i) {
        layout->setRadius(i, document.radius(i));
        const bool pinned = document.isPinned(i);
        if (document.hasPosition(i) && (pinned || !restart))
            layout->setPosition(i, document.position(i));
        layout->setPinned(i, pinned);
    }
    return layout;
}

void LayoutRunner::start(std::unique_ptr<ForceLayout> layout)
{
    cancel();
    const int generation = ++m_generation;
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelled;
    QPointer<LayoutRunner> self(this);
    ForceLayout *raw = layout.release();
    m_thread = QThread::create([raw, cancelled, generation, self] {
        std::unique_ptr<ForceLayout> owned(raw);
        QElapsedTimer sinceDelivery;
        sinceDelivery.start();
        owned->start();
        while (!owned->step()) {
            if (cancelled->load())
                return;
            if (sinceDelivery.elapsed() >= 40) {
                sinceDelivery.restart();
                QMetaObject::invokeMethod(
                    self, [self, generation, positions = owned->positions()] {
                        if (self)
                            self->deliver(generation, positions, false, false);
                    },
                    Qt::QueuedConnection);
            }
        }
        owned->removeOverlaps();
        if (cancelled->load())
            return;
        QMetaObject::invokeMethod(
            self, [self, generation, positions = owned->positions()] {
                if (self)
                    self->deliver(generation, positions, true, true);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("graph layout"));
    m_thread->start(QThread::LowPriority);
}

void LayoutRunner::cancel()
{
    if (!m_thread)
        return;
    m_cancel->store(true);
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    ++m_generation; // whatever it posted before stopping is stale
}

void LayoutRunner::deliver(int generation, const std::vector<QPointF> &positions, bool done, bool converged)
{
    if (generation != m_generation)
        return;
    if (!done) {
        emit progressed(positions);
        return;
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    emit finished(positions, converged);
}

} // namespace Rapport::Ui
