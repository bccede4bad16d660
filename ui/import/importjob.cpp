#include "importjob.h"

#include "store/database.h"

#include <QPointer>
#include <QThread>

namespace Rapport::Ui {

ImportJob::ImportJob(QString databasePath, QStringList files, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_files(std::move(files))
{
    qRegisterMetaType<Rapport::Core::ImportResult>();
    qRegisterMetaType<std::shared_ptr<Rapport::Core::ImportPlan>>();
}

ImportJob::ImportJob(QString databasePath, std::shared_ptr<const Core::ImportPlan> plan, QObject *parent)
    : ImportJob(std::move(databasePath), QStringList(), parent)
{
    m_plan = std::move(plan);
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        m_cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportJob::start()
{
    m_thread = QThread::create([this] {
        Core::ImportResult result;
        std::shared_ptr<Core::ImportPlan> plan;
        QString error;
        // A connection of the worker's own: Qt SQL connections belong to one thread.
        // Never create a file here: if the data file went away, say so.
        Core::Database::OpenOptions options;
        options.create = false;
        auto database = Core::Database::open(m_databasePath, Core::SystemClock::instance(), options);
        if (!database) {
            error = database.error();
        } else {
            Core::VCardImporter importer(**database);
            auto progress = [this](qint64 done, qint64 total) {
                emit progressed(done, total);
                return !m_cancelled.load();
            };
            if (m_plan) {
                auto imported = importer.commit(*m_plan, progress);
                if (imported)
                    result = *imported;
                else
                    error = imported.error();
            } else {
                auto planned = importer.plan(m_files, progress);
                if (planned)
                    plan = std::make_shared<Core::ImportPlan>(std::move(planned).value());
                else
                    error = planned.error();
            }
        }
        database = Core::Result<std::unique_ptr<Core::Database>>::failure(QString()); // close before reporting
        if (m_plan)
            emit finished(result, error);
        else
            emit planned(plan, error);
    });
    m_thread->start();
}

} // namespace Rapport::Ui
