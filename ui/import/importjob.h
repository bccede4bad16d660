#pragma once

#include "vcard/vcardimporter.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace Rapport::Ui {

/// Runs the long parts of a vCard import off the GUI thread, on a connection
/// of its own to the data file, reporting progress: reading and matching the
/// files into a plan, or committing a plan. cancel() makes it stop; a
/// cancelled commit writes nothing.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    /// A job that plans the import of `files` (see Core::VCardImporter::plan).
    ImportJob(QString databasePath, QStringList files, QObject *parent = nullptr);
    /// A job that commits `plan` (see Core::VCardImporter::commit).
    ImportJob(QString databasePath, std::shared_ptr<const Core::ImportPlan> plan, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel() { m_cancelled = true; }
    bool isRunning() const;
    bool isPlanning() const { return !m_plan; }

signals:
    void progressed(qint64 done, qint64 total);
    /// A planning job, exactly once: the plan, or an error message (also when cancelled).
    void planned(std::shared_ptr<Rapport::Core::ImportPlan> plan, const QString &error);
    /// A committing job, exactly once: the outcome, or an error message (also when cancelled).
    void finished(const Rapport::Core::ImportResult &result, const QString &error);

private:
    QString m_databasePath;
    QStringList m_files;
    std::shared_ptr<const Core::ImportPlan> m_plan;
    std::atomic<bool> m_cancelled = false;
    QThread *m_thread = nullptr;
};

} // namespace Rapport::Ui

Q_DECLARE_METATYPE(Rapport::Core::ImportResult)
Q_DECLARE_METATYPE(std::shared_ptr<Rapport::Core::ImportPlan>)
