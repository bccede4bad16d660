#include "vcardimporter.h"

#include "json/contactjson.h"
#include "store/bulkcontactwriter.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/transaction.h"
#include "vcardreader.h"

#include <QCryptographicHash>
#include <QScopeGuard>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace Rapport::Core {

namespace {

/// The digits of a phone number; the last ten identify it across "+1 303…"
/// and "(303)…" spellings. Numbers too short to be sure of are not matched.
QString phoneKey(const QString &phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.size() < 6)
        return {};
    return digits.right(10);
}

QString nameOrgKey(const Contact &contact)
{
    if (contact.organization.trimmed().isEmpty() || contact.name().trimmed().isEmpty())
        return {};
    return contact.name().trimmed().toCaseFolded() + QChar(0x1f) + contact.organization.trimmed().toCaseFolded();
}

/// A digest of everything a card says, to recognise the same card next time.
QByteArray fingerprint(const Contact &c)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const QString &text) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.constData()), text.size() * 2));
        hash.addData(QByteArrayView("\x1f", 1));
    };
    for (const QString *text : {&c.uid, &c.displayName, &c.givenName, &c.familyName, &c.additionalNames,
                                &c.honorificPrefix, &c.honorificSuffix, &c.nickname, &c.organization, &c.title,
                                &c.birthday, &c.anniversary, &c.notes, &c.extraProperties})
        add(*text);
    for (const auto *fields : {&c.emails, &c.phones, &c.urls}) {
        for (const ContactField &field : *fields) {
            add(field.value);
            add(field.label);
        }
        add(QStringLiteral("|"));
    }
    for (const SocialProfile &profile : c.socialProfiles) {
        add(profile.service);
        add(profile.handle);
    }
    for (const PostalAddress &a : c.addresses) {
        for (const QString *text : {&a.label, &a.street, &a.locality, &a.region, &a.postalCode, &a.country})
            add(*text);
    }
    for (const QString &tag : c.tags)
        add(tag);
    hash.addData(c.photo);
    return hash.result();
}

/// Everything the matching needs from a card, computed on the reading thread.
struct CardKeys
{
    QByteArray fingerprint;
    QString uid;
    QStringList emails;
    QStringList phones;
    QString nameOrg;
};

CardKeys keysOf(const Contact &c)
{
    CardKeys keys;
    keys.fingerprint = fingerprint(c);
    keys.uid = c.uid;
    for (const ContactField &email : c.emails)
        keys.emails.append(email.value.toCaseFolded());
    for (const ContactField &phone : c.phones) {
        if (QString key = phoneKey(phone.value); !key.isEmpty())
            keys.phones.append(std::move(key));
    }
    keys.nameOrg = nameOrgKey(c);
    return keys;
}

struct PreparedCard
{
    ParsedCard card;
    CardKeys keys;
};

bool containsField(const QList<ContactField> &fields, const ContactField &candidate, bool isPhone)
{
    const QString key = isPhone ? phoneKey(candidate.value) : QString();
    for (const ContactField &field : fields) {
        if (field.value.compare(candidate.value, Qt::CaseInsensitive) == 0)
            return true;
        if (isPhone && !key.isEmpty() && phoneKey(field.value) == key)
            return true;
    }
    return false;
}

/// Adds to `target` what `incoming` has and it lacks. Returns whether anything changed.
bool mergeInto(Contact &target, const Contact &incoming)
{
    bool changed = false;
    auto fill = [&changed](QString &field, const QString &value) {
        if (field.trimmed().isEmpty() && !value.trimmed().isEmpty()) {
            field = value;
            changed = true;
        }
    };
    fill(target.uid, incoming.uid);
    fill(target.displayName, incoming.displayName);
    fill(target.givenName, incoming.givenName);
    fill(target.familyName, incoming.familyName);
    fill(target.additionalNames, incoming.additionalNames);
    fill(target.honorificPrefix, incoming.honorificPrefix);
    fill(target.honorificSuffix, incoming.honorificSuffix);
    fill(target.nickname, incoming.nickname);
    fill(target.organization, incoming.organization);
    fill(target.title, incoming.title);
    fill(target.birthday, incoming.birthday);
    fill(target.anniversary, incoming.anniversary);
    if (target.photo.isEmpty() && !incoming.photo.isEmpty()) {
        target.photo = incoming.photo;
        target.photoMimeType = incoming.photoMimeType;
        changed = true;
    }
    for (const auto &[targetFields, incomingFields, isPhone] :
         {std::tuple{&target.emails, &incoming.emails, false}, std::tuple{&target.phones, &incoming.phones, true},
          std::tuple{&target.urls, &incoming.urls, false}}) {
        for (const ContactField &field : *incomingFields) {
            if (!containsField(*targetFields, field, isPhone)) {
                targetFields->append(ContactField{field.value, field.label, false});
                changed = true;
            }
        }
    }
    for (const SocialProfile &profile : incoming.socialProfiles) {
        const bool known = std::any_of(target.socialProfiles.cbegin(), target.socialProfiles.cend(),
                                       [&profile](const SocialProfile &p) {
                                           return p.service.compare(profile.service, Qt::CaseInsensitive) == 0
                                                  && p.handle.compare(profile.handle, Qt::CaseInsensitive) == 0;
                                       });
        if (!known) {
            target.socialProfiles.append(profile);
            changed = true;
        }
    }
    for (const PostalAddress &address : incoming.addresses) {
        if (!target.addresses.contains(address)) {
            target.addresses.append(address);
            changed = true;
        }
    }
    for (const QString &tag : incoming.tags) {
        if (!target.tags.contains(tag, Qt::CaseInsensitive)) {
            target.tags.append(tag);
            changed = true;
        }
    }
    // A note is new unless one of the target's paragraphs is exactly it.
    const QString note = incoming.notes.trimmed();
    const QStringList paragraphs = target.notes.split(QStringLiteral("\n\n"));
    const bool knownNote = target.notes.trimmed() == note
                           || std::any_of(paragraphs.cbegin(), paragraphs.cend(),
                                          [&note](const QString &p) { return p.trimmed() == note; });
    if (!note.isEmpty() && !knownNote) {
        target.notes = target.notes.trimmed().isEmpty() ? note : target.notes + QStringLiteral("\n\n") + note;
        changed = true;
    }
    const QStringList keptLines = target.extraProperties.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    for (const QString &line : incoming.extraProperties.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
        if (!keptLines.contains(line)) {
            target.extraProperties += line + QStringLiteral("\r\n");
            changed = true;
        }
    }
    return changed;
}

/// What the data file already holds, by every key a card can match on.
class MatchIndex
{
public:
    Status load(Database &db)
    {
        auto uids = db.exec(QStringLiteral("SELECT uid, id FROM contacts WHERE uid <> ''"));
        if (!uids)
            return uids.status();
        while ((*uids)->next())
            m_byUid.insert((*uids)->value(0).toString(), (*uids)->value(1).toLongLong());
        auto fields = db.exec(QStringLiteral("SELECT kind, value, contact_id FROM contact_fields "
                                             "WHERE kind IN ('email', 'phone')"));
        if (!fields)
            return fields.status();
        while ((*fields)->next()) {
            const QString value = (*fields)->value(1).toString();
            const qint64 id = (*fields)->value(2).toLongLong();
            if ((*fields)->value(0).toString() == u"email")
                m_byEmail.insert(value.toCaseFolded(), id);
            else if (const QString key = phoneKey(value); !key.isEmpty())
                m_byPhone.insert(key, id);
        }
        auto names = db.exec(QStringLiteral("SELECT display_name, organization, id FROM contacts "
                                            "WHERE organization <> ''"));
        if (!names)
            return names.status();
        while ((*names)->next()) {
            Contact c;
            c.displayName = (*names)->value(0).toString();
            c.organization = (*names)->value(1).toString();
            m_byNameOrg.insert(nameOrgKey(c), (*names)->value(2).toLongLong());
        }
        auto sources = db.exec(QStringLiteral("SELECT fingerprint, contact_id FROM contact_sources"));
        if (!sources)
            return sources.status();
        while ((*sources)->next())
            m_bySource.insert((*sources)->value(0).toByteArray(), (*sources)->value(1).toLongLong());
        return Status::success();
    }

    qint64 sourceOwner(const QByteArray &fingerprint) const { return m_bySource.value(fingerprint); }

    void reserve(qsizetype cards)
    {
        m_byUid.reserve(m_byUid.size() + cards);
        m_byEmail.reserve(m_byEmail.size() + 2 * cards);
        m_byPhone.reserve(m_byPhone.size() + cards);
        m_bySource.reserve(m_bySource.size() + cards);
    }

    qint64 match(const CardKeys &keys) const
    {
        if (!keys.uid.isEmpty()) {
            if (qint64 id = m_byUid.value(keys.uid))
                return id;
        }
        for (const QString &email : keys.emails) {
            if (qint64 id = m_byEmail.value(email))
                return id;
        }
        // Colleagues share an office line: a phone number decides only for a
        // card that has no email address to tell people apart.
        if (!keys.emails.isEmpty())
            return 0;
        for (const QString &phone : keys.phones) {
            if (qint64 id = m_byPhone.value(phone))
                return id;
        }
        // Name and organization alone are a weak hint: two people can share
        // both. It only decides for a card with no email or phone to go by.
        if (keys.phones.isEmpty() && !keys.nameOrg.isEmpty())
            return m_byNameOrg.value(keys.nameOrg);
        return 0;
    }

    void add(qint64 id, const CardKeys &keys)
    {
        if (!keys.uid.isEmpty())
            m_byUid.insert(keys.uid, id);
        for (const QString &email : keys.emails)
            m_byEmail.insert(email, id);
        for (const QString &phone : keys.phones)
            m_byPhone.insert(phone, id);
        if (!keys.nameOrg.isEmpty())
            m_byNameOrg.insert(keys.nameOrg, id);
        m_bySource.insert(keys.fingerprint, id);
    }

private:
    QHash<QString, qint64> m_byUid;
    QHash<QString, qint64> m_byEmail;
    QHash<QString, qint64> m_byPhone;
    QHash<QString, qint64> m_byNameOrg;
    QHash<QByteArray, qint64> m_bySource;
};

} // namespace

VCardImporter::VCardImporter(Database &database)
    : m_database(database)
{
}

namespace {

/// Cards handed from the reading thread to the writing one, a chunk at a time,
/// with a bound so that reading never runs far ahead of writing.
class CardQueue
{
public:
    static constexpr std::size_t chunkSize = 512;
    static constexpr std::size_t maxChunks = 24;

    /// Producer side: false once the consumer has given up.
    bool push(QList<PreparedCard> &&chunk)
    {
        std::deque<QList<PreparedCard>> spent;
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [this] { return m_chunks.size() < maxChunks || m_cancelled; });
            if (m_cancelled)
                return false;
            m_chunks.push_back(std::move(chunk));
            spent.swap(m_spent);
            m_ready.notify_one();
        }
        // Freeing the cards the writer is done with happens here, on the
        // reading thread, off the writer's critical path.
        return true;
    }
    /// Consumer side: hands a processed chunk back to be freed by the reader.
    void recycle(QList<PreparedCard> &&chunk)
    {
        std::lock_guard lock(m_mutex);
        if (!m_finished)
            m_spent.push_back(std::move(chunk));
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_ready.notify_one();
    }
    /// Consumer side: an empty optional when everything was read.
    std::optional<QList<PreparedCard>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_chunks.empty() || m_finished; });
        if (m_chunks.empty())
            return std::nullopt;
        QList<PreparedCard> chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_space.notify_one();
        return chunk;
    }
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_space.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<QList<PreparedCard>> m_chunks;
    std::deque<QList<PreparedCard>> m_spent;
    bool m_finished = false;
    bool m_cancelled = false;
};

/// The secondary indexes of the tables an import writes. Keeping them up to
/// date row by row is most of a large import's cost; building them once at
/// the end is several times faster. (Only reading a contact back for a merge
/// needs them during the import: the first merge rebuilds them.)
const char *const deferrableTables[] = {"contacts", "contact_fields", "contact_addresses", "contact_tags",
                                        "contact_sources"};

struct SavedIndex
{
    QString name;
    QString sql;
};

Result<QList<SavedIndex>> dropDeferrableIndexes(Database &db)
{
    QList<SavedIndex> saved;
    for (const char *table : deferrableTables) {
        // sql IS NULL for the indexes behind PRIMARY KEY and UNIQUE: those stay.
        // sql IS NULL for the automatic indexes; UNIQUE ones keep their promise
        // during the import.
        auto q = db.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"),
                         {QString::fromLatin1(table)});
        if (!q)
            return q.status();
        while ((*q)->next())
            saved.append(SavedIndex{(*q)->value(0).toString(), (*q)->value(1).toString()});
    }
    for (const SavedIndex &index : std::as_const(saved)) {
        // Names from the schema itself, never from user text.
        QString quoted = index.name;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        if (auto dropped = db.exec(QStringLiteral("DROP INDEX \"%1\"").arg(quoted)); !dropped)
            return dropped.status();
    }
    return saved;
}

} // namespace

Result<ImportResult> VCardImporter::importFiles(const QStringList &paths, const Progress &progress)
{
    ImportResult result;
    // Every row the import writes points at a contact or batch it has just
    // written itself; checking that on each insert is a third of the import's
    // time. (The pragma is ignored inside a transaction, so it goes first.)
    const bool outermost = m_database.transactionDepth() == 0;
    if (outermost)
        m_database.setForeignKeys(false);
    auto restoreForeignKeys = qScopeGuard([&] {
        if (outermost)
            m_database.setForeignKeys(true);
    });
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();

    // Reading runs on a second thread from the start, while this one loads
    // what the file holds and then writes: on two cores the
    // import takes about as long as the slower of the two, not their sum.
    CardQueue queue;
    std::atomic<qint64> cardsRead = 0;
    QList<VCardParseResult> fileResults(paths.size());
    std::atomic<bool> readerFailed = false;
    std::thread reader([&] {
        // An exception must not escape a thread (that would end the program):
        // running out of memory while reading becomes a failed import instead.
        try {
            for (qsizetype i = 0; i < paths.size(); ++i) {
                QList<PreparedCard> chunk;
                chunk.reserve(CardQueue::chunkSize);
                bool open = true;
                fileResults[i] = VCardReader::parseFile(paths.at(i), [&](ParsedCard &&card) {
                    CardKeys keys = keysOf(card.contact);
                    chunk.append(PreparedCard{std::move(card), std::move(keys)});
                    ++cardsRead;
                    if (chunk.size() >= qsizetype(CardQueue::chunkSize)) {
                        open = queue.push(std::move(chunk));
                        chunk = QList<PreparedCard>();
                        chunk.reserve(CardQueue::chunkSize);
                    }
                    return open;
                });
                if (!open || (!chunk.isEmpty() && !queue.push(std::move(chunk))))
                    break;
            }
        } catch (...) {
            readerFailed = true;
        }
        queue.finish();
    });
    // However the writing ends, the reader is released and joined.
    auto stopReader = qScopeGuard([&] {
        queue.cancel();
        reader.join();
    });

    MatchIndex index;
    if (Status loaded = index.load(m_database); !loaded)
        return Result<ImportResult>::failure(tr("The contacts could not be read for matching: %1").arg(loaded.error()));

    QStringList names;
    qint64 totalBytes = 0;
    for (const QString &path : paths) {
        names << QFileInfo(path).fileName();
        totalBytes += QFileInfo(path).size();
    }
    auto batch = m_database.insert(QStringLiteral("INSERT INTO import_batches (imported_at, files) VALUES (?, ?)"),
                                   {Database::toStored(m_database.clock().now()), names.join(QStringLiteral(", "))});
    if (!batch)
        return batch.status();
    result.batchId = *batch;

    // A large import relative to what is there: rebuild the search indexes
    // once at the end (inside this transaction) instead of updating them per row.
    auto existing = m_database.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
    if (!existing)
        return existing.status();
    QList<SavedIndex> deferred;
    constexpr qint64 typicalCardBytes = 600;
    // (Re-importing what is there does not count: that is mostly lookups.)
    if (totalBytes / typicalCardBytes > std::max<qint64>(2000, 2 * existing->toLongLong())) {
        auto dropped = dropDeferrableIndexes(m_database);
        if (!dropped)
            return dropped.status();
        deferred = *dropped;
    }

    index.reserve(totalBytes / typicalCardBytes);
    // A large import writes pages many times before it commits; a page cache
    // big enough for all of them (up to 64 MB, released after) keeps SQLite
    // from spilling half-built pages to the WAL along the way.
    const qint64 cacheKiB = std::clamp<qint64>(totalBytes * 2 / 1024, 32 * 1024, 64 * 1024);
    m_database.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB));
    auto restoreCache = qScopeGuard([this] { m_database.exec(QStringLiteral("PRAGMA cache_size = -32768")); });
    ContactStore contacts(m_database);
    BulkContactWriter writer(m_database);
    if (!writer.status())
        return writer.status();
    const QString recordSql = QStringLiteral(
        "INSERT OR IGNORE INTO import_batch_contacts (batch_id, contact_id, action, before) VALUES (?, ?, ?, ?)");

    qint64 done = 0;
    QSet<qint64> createdHere;
    while (auto chunk = queue.pop()) {
        for (PreparedCard &prepared : *chunk) {
            const ParsedCard &card = prepared.card;
            const QByteArray &print = prepared.keys.fingerprint;
            if (index.sourceOwner(print)) {
                ++result.unchanged;
            } else if (const qint64 match = index.match(prepared.keys)) {
                if (!deferred.isEmpty()) {
                    if (Status flushed = writer.flush(); !flushed)
                        return flushed;
                    for (const SavedIndex &saved : std::as_const(deferred)) {
                        if (auto rebuilt = m_database.exec(saved.sql); !rebuilt)
                            return rebuilt.status();
                    }
                    deferred.clear();
                }
                auto current = contacts.get(match);
                if (!current)
                    return current.status();
                Contact merged = *current;
                if (mergeInto(merged, card.contact)) {
                    if (!createdHere.contains(match)) {
                        const QByteArray before = QJsonDocument(contactSnapshot(*current)).toJson(QJsonDocument::Compact);
                        if (auto recorded = m_database.exec(recordSql, {result.batchId, match, QStringLiteral("merged"),
                                                                        QString::fromUtf8(before)});
                            !recorded)
                            return recorded.status();
                    }
                    ++result.merged;
                    if (Status updated = contacts.update(merged); !updated)
                        return Result<ImportResult>::failure(tr("line %1: %2").arg(card.line).arg(updated.error()));
                } else {
                    ++result.unchanged;
                }
                index.add(match, prepared.keys);
                if (Status source = writer.recordSource(print, match, result.batchId); !source)
                    return source;
            } else {
                auto id = writer.add(card.contact);
                if (!id)
                    return Result<ImportResult>::failure(tr("line %1: %2").arg(card.line).arg(id.error()));
                createdHere.insert(*id);
                ++result.created;
                index.add(*id, prepared.keys);
                if (Status recorded = writer.recordCreated(result.batchId, *id); !recorded)
                    return recorded;
                if (Status source = writer.recordSource(print, *id, result.batchId); !source)
                    return source;
            }
            ++done;
            if (progress && (done % 256) == 0 && !progress(done, cardsRead.load()))
                return Result<ImportResult>::failure(tr("The import was cancelled; nothing was imported."));
        }
        queue.recycle(std::move(*chunk));
    }
    stopReader.dismiss();
    reader.join();
    if (readerFailed)
        return Result<ImportResult>::failure(tr("The files could not be read (out of memory?); nothing was imported."));

    for (const VCardParseResult &file : std::as_const(fileResults)) {
        if (!file.isVCard())
            result.fileErrors << file.fileError;
        result.problems += file.problems;
        result.skipped += file.skippedCards;
    }
    if (Status flushed = writer.flush(); !flushed)
        return flushed;
    for (const SavedIndex &saved : std::as_const(deferred)) {
        if (auto rebuilt = m_database.exec(saved.sql); !rebuilt)
            return rebuilt.status();
    }
    auto counted = m_database.exec(QStringLiteral("UPDATE import_batches SET created = ?, merged = ?, unchanged = ?, "
                                                  "skipped = ?, finished_at = ? WHERE id = ?"),
                                   {result.created, result.merged, result.unchanged, result.skipped,
                                    Database::toStored(m_database.clock().now()), result.batchId});
    if (!counted)
        return counted.status();
    // The last word before anything lands: a Cancel pressed now still counts.
    if (progress && !progress(done, done))
        return Result<ImportResult>::failure(tr("The import was cancelled; nothing was imported."));
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return result;
}

Result<UndoSummary> VCardImporter::undo(qint64 batchId)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto batch = m_database.exec(QStringLiteral("SELECT undone_at, coalesce(finished_at, imported_at) FROM import_batches "
                                                "WHERE id = ?"),
                                 {batchId});
    if (!batch)
        return batch.status();
    if (!(*batch)->next())
        return Result<UndoSummary>::failure(tr("There is no import with number %1.").arg(batchId));
    const bool alreadyUndone = !(*batch)->value(0).isNull();
    const qint64 finishedAt = (*batch)->value(1).toLongLong();
    (*batch)->finish();
    if (alreadyUndone)
        return Result<UndoSummary>::failure(tr("Import %1 was already undone.").arg(batchId));
    auto later = m_database.scalar(QStringLiteral("SELECT max(id) FROM import_batches WHERE id > ? AND undone_at IS NULL "
                                                  "AND (created > 0 OR merged > 0)"),
                                   {batchId});
    if (!later)
        return later.status();
    if (!later->isNull()) {
        return Result<UndoSummary>::failure(
            tr("Import %1 came after this one and may have added to the same people; undo it first.")
                .arg(later->toLongLong()));
    }

    struct Row
    {
        qint64 contactId;
        bool created;
        QString before;
        bool changedSince;
    };
    QList<Row> rows;
    {
        // Changed since the import: edited, or given something of the user's own.
        auto q = m_database.exec(
            QStringLiteral("SELECT b.contact_id, b.action, b.before, "
                           "c.updated_at > ? "
                           "OR EXISTS (SELECT 1 FROM interaction_participants p WHERE p.contact_id = c.id) "
                           "OR EXISTS (SELECT 1 FROM reminders r WHERE r.contact_id = c.id) "
                           "OR EXISTS (SELECT 1 FROM introductions i WHERE i.from_contact = c.id OR i.to_contact = c.id) "
                           "FROM import_batch_contacts b JOIN contacts c ON c.id = b.contact_id WHERE b.batch_id = ?"),
            {finishedAt, batchId});
        if (!q)
            return q.status();
        while ((*q)->next()) {
            rows.append(Row{(*q)->value(0).toLongLong(), (*q)->value(1).toString() == u"created",
                            (*q)->value(2).toString(), (*q)->value(3).toBool()});
        }
    }
    UndoSummary summary;
    ContactStore contacts(m_database);
    for (const Row &row : std::as_const(rows)) {
        if (row.changedSince) {
            ++summary.kept;
            continue;
        }
        if (row.created) {
            auto removed = m_database.exec(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {row.contactId});
            if (!removed)
                return removed.status();
            ++summary.removed;
        } else {
            Contact restored = contactFromJson(QJsonDocument::fromJson(row.before.toUtf8()).object());
            restored.id = row.contactId;
            if (Status status = contacts.update(restored); !status)
                return status;
            ++summary.restored;
        }
    }
    auto sources = m_database.exec(QStringLiteral("DELETE FROM contact_sources WHERE batch_id = ?"), {batchId});
    if (!sources)
        return sources.status();
    auto marked = m_database.exec(QStringLiteral("UPDATE import_batches SET undone_at = ? WHERE id = ?"),
                                  {Database::toStored(m_database.clock().now()), batchId});
    if (!marked)
        return marked.status();
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return summary;
}

Result<QList<ImportBatch>> VCardImporter::batches()
{
    auto q = m_database.exec(QStringLiteral("SELECT id, imported_at, files, created, merged, unchanged, skipped, "
                                            "undone_at FROM import_batches ORDER BY id DESC"));
    if (!q)
        return q.status();
    QList<ImportBatch> list;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        list.append(ImportBatch{r.value(0).toLongLong(), Database::fromStored(r.value(1)), r.value(2).toString(),
                                r.value(3).toInt(), r.value(4).toInt(), r.value(5).toInt(), r.value(6).toInt(),
                                Database::fromStored(r.value(7))});
    }
    return list;
}

} // namespace Rapport::Core
