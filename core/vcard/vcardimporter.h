#pragma once

#include "result.h"
#include "vcardproblem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Rapport::Core {

class Database;

/// What an import did.
struct ImportResult
{
    qint64 batchId = 0;
    int created = 0;
    int merged = 0;
    /// Cards whose every detail the data file already held.
    int unchanged = 0;
    /// Cards the reader had to skip (reported in problems).
    int skipped = 0;
    QList<VCardProblem> problems;
    /// Files that could not be read or are not vCards; nothing came from them.
    QStringList fileErrors;
};

/// What undoing an import did. Contacts changed since the import (edited, or
/// given interactions, follow-ups or introductions) are kept as they are.
struct UndoSummary
{
    int removed = 0;
    int restored = 0;
    int kept = 0;
};

/// A past import, as listed for undo.
struct ImportBatch
{
    qint64 id = 0;
    QDateTime importedAt;
    QString files;
    int created = 0;
    int merged = 0;
    int unchanged = 0;
    int skipped = 0;
    QDateTime undoneAt;
};

/// Imports vCard files into the data file. Each card is matched against the
/// contacts already there (UID; any email, case-insensitive; for a card without
/// email, any phone number compared by its digits; for a card with neither,
/// name and organization together)
/// and becomes a new contact or is merged into its match. A merge only adds:
/// another phone, a note, a missing title; it never overwrites what is there.
/// The whole import is one transaction and one batch that can be undone.
class VCardImporter
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::VCardImporter)

public:
    /// Called with (cards done, cards in all files so far); return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit VCardImporter(Database &database);

    /// Reads, matches and commits `paths`. Unreadable or non-vCard files are
    /// listed in fileErrors and contribute nothing. A cancelled or failed
    /// import writes nothing.
    Result<ImportResult> importFiles(const QStringList &paths, const Progress &progress = {});

    /// Removes the contacts a batch created and restores those it merged into,
    /// except contacts the user changed since. Only the newest import not yet
    /// undone can be undone (an older one would take later imports' data with it).
    Result<UndoSummary> undo(qint64 batchId);
    Result<QList<ImportBatch>> batches();

private:
    Database &m_database;
};

} // namespace Rapport::Core
