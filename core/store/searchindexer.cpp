#include "searchindexer.h"

#include "contactstore.h"
#include "database.h"
#include "logging.h"

#include <QThread>

namespace Rapport::Core {

SearchIndexer::SearchIndexer(QString path, const Clock &clock)
    : m_thread(std::move(path), clock)
{
}

SearchIndexer::~SearchIndexer()
{
    m_stopping = true;
}

void SearchIndexer::catchUp(std::function<void(const QString &error)> finished)
{
    m_thread.run<bool>([this, finished = std::move(finished)](Database &db) -> Result<bool> {
        // Most calls find nothing to do: a look first, so that they do not
        // take the file's write lock for nothing.
        auto stale = db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM contact_search_stale)"));
        if (stale && !stale->toBool()) {
            if (finished)
                finished(QString());
            return true;
        }
        ContactStore store(db);
        QString error;
        while (!m_stopping) {
            auto left = store.refreshSearchIndex(blockSize);
            if (!left) {
                error = left.error();
                qCWarning(lcStore) << "the search index could not catch up:" << error;
                break;
            }
            if (*left == 0)
                break;
            // Room for the window's own writes between two blocks.
            QThread::msleep(5);
        }
        if (finished)
            finished(error);
        return true;
    });
}

} // namespace Rapport::Core
