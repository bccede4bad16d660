#pragma once

#include "domain/contact.h"
#include "result.h"
#include "store/hash128.h"
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

/// What an import does with one card.
enum class ImportAction {
    /// Becomes a contact of its own.
    New,
    /// Adds what it has and the matched contact lacks.
    Merge,
    /// Matches a contact that already holds all of it: nothing to write.
    Unchanged,
    /// Left out.
    Skip,
};

/// Why a card was matched to a contact.
enum class ImportMatch {
    None,
    /// This very card was imported before.
    SameCard,
    Uid,
    Email,
    Phone,
    NameAndOrganization,
};

/// One card of an ImportPlan.
struct PlannedCard
{
    Contact contact;
    /// The file's name (as in problems) and the line of its BEGIN:VCARD.
    QString file;
    int line = 0;
    /// What the plan proposes, and what commit() will do (the user may change it).
    ImportAction proposed = ImportAction::New;
    ImportAction choice = ImportAction::New;
    /// The contact it matches: > 0 one in the data file, < 0 an earlier card of
    /// the same plan (-1 is cards[0]), 0 none.
    qint64 matchId = 0;
    QString matchName;
    ImportMatch reason = ImportMatch::None;
    /// The card could not be read (it is reported in problems) and is always skipped.
    bool unreadable = false;
    /// Its problems: ImportPlan::problems[firstProblem … firstProblem + problemCount).
    int firstProblem = 0;
    int problemCount = 0;
    /// A digest of the card, to recognise it next time.
    Hash128 fingerprint;

    bool isMatched() const { return matchId != 0; }
};

/// What an import would do, card by card, before anything is written.
struct ImportPlan
{
    QList<PlannedCard> cards;
    /// The files as given to plan().
    QStringList paths;
    /// Every problem, by file and then by line.
    QList<VCardProblem> problems;
    /// Files that could not be read or are not vCards; nothing comes from them.
    QStringList fileErrors;

    /// Whether `action` makes sense for card `index` (Merge and Unchanged need a
    /// match; an unreadable card can only be skipped).
    bool allows(qsizetype index, ImportAction action) const;
    /// Sets a card's choice if allowed; returns whether it did.
    bool choose(qsizetype index, ImportAction action);
    /// How many cards are set to `action`.
    qsizetype count(ImportAction action) const;
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

    /// Reads and matches `paths` without writing anything: what importing them
    /// would do, card by card, for the user to review. Fails only when the data
    /// file cannot be read or `progress` cancels.
    Result<ImportPlan> plan(const QStringList &paths, const Progress &progress = {});
    /// Carries out a plan with each card's `choice`, in one transaction, as one
    /// batch that can be undone. A merge whose contact is gone since the plan
    /// was made (or whose earlier card of the plan was skipped) creates the card
    /// as a new contact instead. A cancelled or failed commit writes nothing.
    Result<ImportResult> commit(const ImportPlan &plan, const Progress &progress = {});

    /// Removes the contacts a batch created and restores those it merged into,
    /// except contacts the user changed since. Only the newest import not yet
    /// undone can be undone (an older one would take later imports' data with it).
    Result<UndoSummary> undo(qint64 batchId);
    Result<QList<ImportBatch>> batches();

private:
    Database &m_database;
};

} // namespace Rapport::Core
