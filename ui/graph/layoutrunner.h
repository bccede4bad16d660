#pragma once

#include <QObject>
#include <QPointF>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace Rapport::Core {
class ForceLayout;
}

namespace Rapport::Ui {

class GraphDocument;

/// Runs a force layout on a thread of its own and hands its positions back to
/// the GUI thread as it goes, so that a large graph settles before the user's
/// eyes without freezing the window. Starting again, or destroying the runner,
/// cancels the run in progress.
class LayoutRunner : public QObject
{
    Q_OBJECT

public:
    explicit LayoutRunner(QObject *parent = nullptr);
    ~LayoutRunner() override;

    /// A layout of the document's nodes and edges, with their radii, pins and
    /// positions (every unpinned node starts afresh when `restart`).
    static std::unique_ptr<Core::ForceLayout> makeLayout(const GraphDocument &document, bool restart);

    void start(std::unique_ptr<Core::ForceLayout> layout);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

signals:
    /// Positions so far, about 25 times a second.
    void progressed(const std::vector<QPointF> &positions);
    /// The final positions; `converged` is false when it was cancelled.
    void finished(const std::vector<QPointF> &positions, bool converged);

private:
    void deliver(int generation, const std::vector<QPointF> &positions, bool done, bool converged);

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
};

} // namespace Rapport::Ui
