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
    QPointer<ImportJob> self(this);
    m_thread = QThread::create([this, self] {
        Core::ImportResult result;
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
            auto imported = importer.importFiles(m_files, [this](qint64 done, qint64 total) {
                emit progressed(done, total);
                return !m_cancelled.load();
            });
            if (imported)
                result = *imported;
            else
                error = imported.error();
        }
        database = Core::Result<std::unique_ptr<Core::Database>>::failure(QString()); // close before reporting
        emit finished(result, error);
    });
    m_thread->start();
}

} // namespace Rapport::Ui
