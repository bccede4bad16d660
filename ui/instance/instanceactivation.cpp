#include "instanceactivation.h"

#include "instance/singleinstance.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QLoggingCategory>

namespace Rapport::Ui {

Q_DECLARE_LOGGING_CATEGORY(lcInstance)

InstanceActivation::InstanceActivation(MainWindow &window, SingleInstance &instance, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_instance(instance)
{
    answerFor(window.database().path());
    connect(&window, &MainWindow::dataFileChanged, this, &InstanceActivation::answerFor);
    connect(&instance, &SingleInstance::activationRequested, this, &InstanceActivation::activate);
    // Queued: the finished import's own handler must return before the next one starts.
    connect(&window, &MainWindow::importFinished, this, &InstanceActivation::importPending, Qt::QueuedConnection);
}

void InstanceActivation::answerFor(const QString &dataFile)
{
    if (const Core::Status listening = m_instance.listen(dataFile); !listening)
        qCWarning(lcInstance).noquote() << listening.error();
}

void InstanceActivation::activate(const QStringList &files)
{
    m_window.setWindowState((m_window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window.show();
    m_window.raise();
    m_window.activateWindow();
    m_pending += files;
    importPending();
}

void InstanceActivation::importPending()
{
    if (m_pending.isEmpty() || m_window.isImporting())
        return;
    const QStringList files = std::exchange(m_pending, {});
    qCDebug(lcInstance).noquote() << "Importing:" << files.join(QLatin1Char(' '));
    m_window.importFiles(files);
}

} // namespace Rapport::Ui
