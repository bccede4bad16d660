#pragma once

#include "clock.h"
#include "store/connectionthread.h"

#include <QString>

#include <atomic>
#include <functional>

namespace Rapport::Core {

/// Brings the contacts' search index up to date beside the window, after an
/// import of thousands of cards (or a file another program changed): a block
/// of contacts per transaction on a connection of its own, so that neither a
/// search nor an edit waits more than one block for it. Until it is done,
/// searches read every contact (ContactStore::searchCatchUpLimit), which is
/// slower but finds the same.
class SearchIndexer
{
public:
    /// `clock` must outlive the indexer and be safe to read from its thread.
    SearchIndexer(QString path, const Clock &clock);
    /// Stops after the block in hand.
    ~SearchIndexer();
    SearchIndexer(const SearchIndexer &) = delete;
    SearchIndexer &operator=(const SearchIndexer &) = delete;

    /// Catches up with whatever changed, if anything did; returns at once.
    /// `finished` (if set) is called on the indexer's thread when it is done,
    /// with an empty message or what went wrong; not at all when the file could
    /// not be opened a second time or the indexer went before it started.
    void catchUp(std::function<void(const QString &error)> finished = {});

    /// Contacts per transaction: about a tenth of a second of work each.
    static constexpr int blockSize = 1000;

private:
    std::atomic<bool> m_stopping = false;
    ConnectionThread m_thread;
};

} // namespace Rapport::Core
