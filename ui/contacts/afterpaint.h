#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QWidget;

namespace Rapport::Ui {

/// Runs a function once a widget has painted next, so that slower work (a
/// contact's page) waits until a quick result (the list's new rows) is on the
/// screen. A widget that does not paint soon (hidden, or nothing changed)
/// does not hold the work back for longer than a moment.
class AfterPaint : public QObject
{
    Q_OBJECT

public:
    explicit AfterPaint(QWidget *watched, QObject *parent = nullptr);

    /// Runs `work` after the widget's next paint; replaces work still waiting.
    void run(std::function<void()> work);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runNow();

    QPointer<QWidget> m_watched;
    std::function<void()> m_work;
    QTimer m_fallback;
};

} // namespace Rapport::Ui
