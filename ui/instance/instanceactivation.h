#pragma once

#include <QObject>
#include <QStringList>

namespace Rapport::Ui {

class MainWindow;
class SingleInstance;

/// Ties a window to its SingleInstance: answers for the window's data file
/// (and for the new one after File → Open), and when another start hands
/// files over, brings the window to the front and imports them, after the
/// import that is running, if any, so that no double-clicked file is dropped.
class InstanceActivation : public QObject
{
    Q_OBJECT

public:
    InstanceActivation(MainWindow &window, SingleInstance &instance, QObject *parent = nullptr);

    /// Files handed over while an import ran, waiting for it to finish.
    QStringList pendingFiles() const { return m_pending; }

private:
    void answerFor(const QString &dataFile);
    void activate(const QStringList &files);
    void importPending();

    MainWindow &m_window;
    SingleInstance &m_instance;
    QStringList m_pending;
};

} // namespace Rapport::Ui
