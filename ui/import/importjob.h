#pragma once

#include "vcard/vcardimporter.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace Rapport::Ui {

/// Runs a vCard import off the GUI thread, on a connection of its own to the
/// data file, reporting progress; cancel() makes it stop and write nothing.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    ImportJob(QString databasePath, QStringList files, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel() { m_cancelled = true; }
    bool isRunning() const;

signals:
    void progressed(qint64 done, qint64 total);
    /// Exactly once: the outcome, or an error message (also when cancelled).
    void finished(const Rapport::Core::ImportResult &result, const QString &error);

private:
    QString m_databasePath;
    QStringList m_files;
    std::atomic<bool> m_cancelled = false;
    QThread *m_thread = nullptr;
};

} // namespace Rapport::Ui

Q_DECLARE_METATYPE(Rapport::Core::ImportResult)
