#include "vcardimporter.h"

#include "insights/rowscan.h"
#include "json/contactjson.h"
#include "logging.h"
#include "store/bulkcontactwriter.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/transaction.h"
#include "vcardreader.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QVarLengthArray>
#include <QSqlQuery>

#include <array>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <numeric>
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


/// The fingerprint earlier versions stored to recognise a card again (SHA-1
/// of its text as UTF-16; 20 bytes), still looked for in data files that hold
/// such fingerprints. Cards are now recognised by EncodedContact::digest()
/// (16 bytes), several times faster to compute.
QByteArray legacyFingerprint(const Contact &c)
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

/// A matching key (a UID, a case-folded email address, …) as the index holds
/// it: 128 bits of keyed hash of its UTF-16 (Hash128::keyed()) instead of its
/// text, so that the writing thread never hashes, compares or frees text.
using KeyHash = Hash128;

KeyHash keyHash(QStringView text)
{
    return Hash128::keyed(QByteArrayView(reinterpret_cast<const char *>(text.utf16()),
                                         text.size() * qsizetype(sizeof(char16_t))));
}

/// Room for a key being put together, without an allocation for most.
using KeyBuffer = QVarLengthArray<char16_t, 128>;

/// Appends text.toCaseFolded() (ASCII without making a string).
void appendFolded(KeyBuffer &out, QStringView text)
{
    const qsizetype start = out.size();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80) {
            out.resize(start);
            const QString folded = text.toString().toCaseFolded();
            out.append(reinterpret_cast<const char16_t *>(folded.constData()), folded.size());
            return;
        }
        out.append(u >= 'A' && u <= 'Z' ? char16_t(u + 32) : u);
    }
}

/// keyHash(text.toCaseFolded()): an email address as the index knows it.
KeyHash foldedHash(QStringView text)
{
    KeyBuffer folded;
    appendFolded(folded, text);
    return keyHash(QStringView(folded.constData(), folded.size()));
}

/// keyHash(phoneKey(phone)), none for a number too short to go by.
std::optional<KeyHash> phoneHash(QStringView phone)
{
    KeyBuffer digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c.unicode());
    }
    if (digits.size() < 6)
        return std::nullopt;
    const qsizetype last = std::min<qsizetype>(10, digits.size());
    return keyHash(QStringView(digits.constData() + digits.size() - last, last));
}

/// The contact's name and organization (each trimmed and case-folded, with
/// U+001F between) as the index knows them; none when either is missing.
std::optional<KeyHash> nameOrgHash(const Contact &contact)
{
    const QStringView organization = QStringView(contact.organization).trimmed();
    if (organization.isEmpty())
        return std::nullopt;
    const QString name = contact.name();
    const QStringView trimmedName = QStringView(name).trimmed();
    if (trimmedName.isEmpty())
        return std::nullopt;
    KeyBuffer key;
    appendFolded(key, trimmedName);
    key.append(char16_t(0x1f));
    appendFolded(key, organization);
    return keyHash(QStringView(key.constData(), key.size()));
}

/// Everything the matching needs from a card, computed on the reading thread.
struct CardKeys
{
    Hash128 fingerprint;
    std::optional<KeyHash> uid;
    QVarLengthArray<KeyHash, 3> emails;
    QVarLengthArray<KeyHash, 3> phones;
    std::optional<KeyHash> nameOrg;
};

CardKeys keysOf(const Contact &c, const EncodedContact &encoded)
{
    CardKeys keys;
    keys.fingerprint = encoded.digest();
    if (!c.uid.isEmpty())
        keys.uid = keyHash(c.uid);
    for (const ContactField &email : c.emails)
        keys.emails.append(foldedHash(email.value));
    for (const ContactField &phone : c.phones) {
        if (const auto key = phoneHash(phone.value))
            keys.phones.append(*key);
    }
    keys.nameOrg = nameOrgHash(c);
    return keys;
}

struct PreparedCard
{
    ParsedCard card;
    CardKeys keys;
    /// The card as a new contact's rows (its fingerprint is their digest);
    /// moved to the writer when the card becomes a new contact.
    std::optional<EncodedContact> encoded;
    /// Which of the files it came from.
    int file = 0;
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
    /// The cards the data file's contacts hold (read first: the reading
    /// thread can set aside the cards already there while the rest loads).
    Status loadSources(Database &db)
    {
        return RowScan::run(db, QStringLiteral("SELECT fingerprint, contact_id FROM contact_sources"), {},
                            [&](const RowScan::Row &row) {
                                const QByteArrayView fingerprint = row.bytes(0);
                                if (const auto digest = Hash128::fromBytes(fingerprint))
                                    m_bySource.insert(*digest, row.integer(1));
                                else if (fingerprint.size() == legacyFingerprintSize)
                                    m_byLegacySource.insert(fingerprint.toByteArray(), row.integer(1));
                            });
    }
    /// The cards the data file held when loadSources() read it (never changed after).
    const QHash<Hash128, qint64> &sources() const { return m_bySource; }

    /// Everything else a card can match on.
    Status load(Database &db)
    {
        // Read straight off SQLite (RowScan): a re-import of 100,000 cards
        // waits for this before it can match the first card it does not hold.
        using Row = RowScan::Row;
        auto text = [](const Row &row, int column) { return QString::fromUtf8(row.utf8(column)); };
        Status status = RowScan::run(db, QStringLiteral("SELECT uid, id FROM contacts WHERE uid <> ''"), {},
                                     [&](const Row &row) { m_byUid.insert(keyHash(text(row, 0)), row.integer(1)); });
        if (!status)
            return status;
        status = RowScan::run(db,
                              QStringLiteral("SELECT kind = 'email', value, contact_id FROM contact_fields "
                                             "WHERE kind IN ('email', 'phone')"),
                              {}, [&](const Row &row) {
                                  const QString value = text(row, 1);
                                  if (row.integer(0))
                                      m_byEmail.insert(foldedHash(value), row.integer(2));
                                  else if (const auto key = phoneHash(value))
                                      m_byPhone.insert(*key, row.integer(2));
                              });
        if (!status)
            return status;
        status = RowScan::run(db,
                              QStringLiteral("SELECT display_name, organization, id FROM contacts "
                                             "WHERE organization <> ''"),
                              {}, [&](const Row &row) {
                                  Contact c;
                                  c.displayName = text(row, 0);
                                  c.organization = text(row, 1);
                                  if (const auto key = nameOrgHash(c))
                                      m_byNameOrg.insert(*key, row.integer(2));
                              });
        return status;
    }

    /// The contact that holds this card already (0 for none); `legacy` says
    /// whether it was found by the fingerprint of earlier versions.
    qint64 sourceOwner(const CardKeys &keys, const Contact &card, bool *legacy = nullptr) const
    {
        if (legacy)
            *legacy = false;
        if (const qint64 owner = m_bySource.value(keys.fingerprint))
            return owner;
        if (const qint64 owner = m_newSources.value(keys.fingerprint))
            return owner;
        const qint64 owner = m_byLegacySource.isEmpty() ? 0 : m_byLegacySource.value(legacyFingerprint(card));
        if (legacy)
            *legacy = owner != 0;
        return owner;
    }

    void reserve(qsizetype cards)
    {
        m_byUid.reserve(m_byUid.size() + cards);
        m_byEmail.reserve(m_byEmail.size() + 2 * cards);
        m_byPhone.reserve(m_byPhone.size() + cards);
        m_byNameOrg.reserve(m_byNameOrg.size() + cards);
        m_newSources.reserve(cards);
    }

    /// The contact a card matches (0 for none), and why.
    qint64 match(const CardKeys &keys, ImportMatch *reason = nullptr) const
    {
        auto found = [reason](qint64 id, ImportMatch why) {
            if (reason)
                *reason = id ? why : ImportMatch::None;
            return id;
        };
        if (keys.uid) {
            if (qint64 id = m_byUid.value(*keys.uid))
                return found(id, ImportMatch::Uid);
        }
        for (const KeyHash email : keys.emails) {
            if (qint64 id = m_byEmail.value(email))
                return found(id, ImportMatch::Email);
        }
        // Colleagues share an office line: a phone number decides only for a
        // card that has no email address to tell people apart.
        if (!keys.emails.isEmpty())
            return found(0, ImportMatch::None);
        for (const KeyHash phone : keys.phones) {
            if (qint64 id = m_byPhone.value(phone))
                return found(id, ImportMatch::Phone);
        }
        // Name and organization alone are a weak hint: two people can share
        // both. It only decides for a card with no email or phone to go by.
        if (keys.phones.isEmpty() && keys.nameOrg)
            return found(m_byNameOrg.value(*keys.nameOrg), ImportMatch::NameAndOrganization);
        return found(0, ImportMatch::None);
    }

    /// The names of the contacts there, for a plan to show what a card matches.
    Status loadNames(Database &db)
    {
        auto q = db.exec(QStringLiteral("SELECT id, display_name, given_name, family_name, organization FROM contacts"));
        if (!q)
            return q.status();
        while ((*q)->next()) {
            Contact c;
            c.displayName = (*q)->value(1).toString();
            c.givenName = (*q)->value(2).toString();
            c.familyName = (*q)->value(3).toString();
            c.organization = (*q)->value(4).toString();
            m_names.insert((*q)->value(0).toLongLong(), c.name());
        }
        return Status::success();
    }
    QString name(qint64 id) const { return m_names.value(id); }

    /// Notes that contact `id` holds the card with this fingerprint.
    void addSource(const Hash128 &fingerprint, qint64 id) { m_newSources.insert(fingerprint, id); }

    void add(qint64 id, const CardKeys &keys)
    {
        if (keys.uid)
            m_byUid.insert(*keys.uid, id);
        for (const KeyHash email : keys.emails)
            m_byEmail.insert(email, id);
        for (const KeyHash phone : keys.phones)
            m_byPhone.insert(phone, id);
        if (keys.nameOrg)
            m_byNameOrg.insert(*keys.nameOrg, id);
        addSource(keys.fingerprint, id);
    }

private:
    QHash<KeyHash, qint64> m_byUid;
    QHash<KeyHash, qint64> m_byEmail;
    QHash<KeyHash, qint64> m_byPhone;
    QHash<KeyHash, qint64> m_byNameOrg;
    QHash<Hash128, qint64> m_bySource;
    /// Cards known by the fingerprint of earlier versions (legacyFingerprint()).
    QHash<QByteArray, qint64> m_byLegacySource;
    /// The cards of this import (m_bySource stays as loaded: the reading
    /// thread holds a copy of it).
    QHash<Hash128, qint64> m_newSources;
    QHash<qint64, QString> m_names;
    static constexpr qsizetype legacyFingerprintSize = 20;
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
    // Small chunks: the cards in flight stay in the processor's caches.
    static constexpr std::size_t chunkSize = 64;
    static constexpr std::size_t maxChunks = 8;

    /// Producer side: false once the consumer has given up.
    bool push(QList<PreparedCard> &&chunk)
    {
        std::deque<QList<PreparedCard>> spent;
        std::deque<QList<EncodedContact>> spentRows;
        {
            std::unique_lock lock(m_mutex);
            if (m_chunks.size() >= maxChunks) {
                QElapsedTimer waited;
                waited.start();
                m_space.wait(lock, [this] { return m_chunks.size() < maxChunks || m_cancelled; });
                m_readerWaited += waited.nsecsElapsed();
            }
            if (m_cancelled)
                return false;
            m_chunks.push_back(std::move(chunk));
            spent.swap(m_spent);
            spentRows.swap(m_spentRows);
            m_ready.notify_one();
        }
        // Freeing the cards (and the rows made of them) the writer is done
        // with happens here, on the reading thread whose memory they are:
        // freeing them on the writing thread made both threads contend for
        // the allocator's lock, and cost a 100,000-card import 0.6 s.
        return true;
    }
    /// Producer side: pushes `chunk` (and empties it) only when there is room
    /// at once. False once the consumer has given up.
    bool offer(QList<PreparedCard> &chunk)
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled)
            return false;
        if (m_chunks.size() < maxChunks) {
            m_chunks.push_back(std::exchange(chunk, {}));
            m_ready.notify_one();
        }
        return true;
    }
    /// Consumer side: hands a processed chunk back to be freed by the reader.
    void recycle(QList<PreparedCard> &&chunk, QList<EncodedContact> &&rows)
    {
        std::lock_guard lock(m_mutex);
        if (!m_finished) {
            m_spent.push_back(std::move(chunk));
            m_spentRows.push_back(std::move(rows));
        }
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
        if (m_chunks.empty() && !m_finished) {
            QElapsedTimer waited;
            waited.start();
            m_ready.wait(lock, [this] { return !m_chunks.empty() || m_finished; });
            m_writerWaited += waited.nsecsElapsed();
        }
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

    /// How long each side waited for the other, in ms (once both are done).
    qint64 readerWaited() const { return m_readerWaited / 1000000; }
    qint64 writerWaited() const { return m_writerWaited / 1000000; }

private:
    qint64 m_readerWaited = 0; // ns, guarded by m_mutex
    qint64 m_writerWaited = 0; // ns, guarded by m_mutex
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<QList<PreparedCard>> m_chunks;
    std::deque<QList<PreparedCard>> m_spent;
    std::deque<QList<EncodedContact>> m_spentRows;
    bool m_finished = false;
    bool m_cancelled = false;
};

/// The secondary indexes of the tables an import writes. Keeping them up to
/// date row by row is most of a large import's cost; building them once at
/// the end is several times faster. (Only reading a contact back for a merge
/// needs them during the import: the first merge rebuilds them.)
const char *const deferrableTables[] = {"contacts", "contact_fields", "contact_addresses", "contact_tags",
                                        "contact_sources"};

/// Indexes an import adds to in order (by new contact, in one batch, all
/// of the same stage and never met): adding at the end as it goes is cheaper
/// than building them again.
const char16_t *const appendedIndexes[] = {u"contacts_by_stage", u"contacts_by_last_interaction",
                                           u"contact_sources_by_contact", u"contact_sources_by_batch"};

/// An index or trigger a large import drops, and the statement that puts it back.
struct SetAside
{
    QString name;
    QString sql;
    bool trigger = false;
};

/// Drops the indexes a large import builds again at the end, and the search
/// index's triggers; returns what puts them back.
Result<QList<SetAside>> setAsideIndexesAndTriggers(Database &db)
{
    QList<SetAside> saved;
    // The search index's triggers note every row written as a changed
    // contact, several times per contact; the import notes its new contacts
    // in one statement instead when it puts them back (rebuildDeferred).
    {
        auto q = db.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE 'contact\\_search\\_%' ESCAPE '\\'"));
        if (!q)
            return q.status();
        while ((*q)->next())
            saved.append(SetAside{(*q)->value(0).toString(), (*q)->value(1).toString(), true});
    }
    for (const char *table : deferrableTables) {
        // sql IS NULL for the indexes behind PRIMARY KEY and UNIQUE: those stay.
        // sql IS NULL for the automatic indexes; UNIQUE ones keep their promise
        // during the import.
        auto q = db.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"),
                         {QString::fromLatin1(table)});
        if (!q)
            return q.status();
        while ((*q)->next()) {
            const QString name = (*q)->value(0).toString();
            if (std::find(std::begin(appendedIndexes), std::end(appendedIndexes), name) == std::end(appendedIndexes))
                saved.append(SetAside{name, (*q)->value(1).toString()});
        }
    }
    for (const SetAside &index : std::as_const(saved)) {
        // Names from the schema itself, never from user text.
        QString quoted = index.name;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        const QString drop = index.trigger ? QStringLiteral("DROP TRIGGER \"%1\"") : QStringLiteral("DROP INDEX \"%1\"");
        if (auto dropped = db.exec(drop.arg(quoted)); !dropped)
            return dropped.status();
    }
    return saved;
}

/// The files read on a thread of their own from the start, while the caller's
/// thread matches and writes: on two cores an import takes about as long as
/// the slower of the two, not their sum.
class CardStream
{
public:
    /// Cards whose fingerprint is in `known` are only counted (knownCards()).
    explicit CardStream(const QStringList &paths, const QHash<Hash128, qint64> &known = {})
        : m_paths(paths)
        , m_fileResults(paths.size())
        , m_known(known)
    {
        m_clock.start();
        m_reader = std::thread([this] { read(); });
    }
    ~CardStream() { stop(); }
    CardStream(const CardStream &) = delete;
    CardStream &operator=(const CardStream &) = delete;

    /// The next chunk of cards; an empty optional when everything was read.
    std::optional<QList<PreparedCard>> pop() { return m_queue.pop(); }
    /// Hands back a chunk and the rows written since (freed on the reading thread).
    void recycle(QList<PreparedCard> &&chunk, QList<EncodedContact> &&rows = {})
    {
        m_queue.recycle(std::move(chunk), std::move(rows));
    }
    qint64 cardsRead() const { return m_cardsRead.load(); }
    /// The cards read that are in the `known` set (never popped).
    qint64 knownCards() const { return m_knownCards.load(); }
    /// Waits for the reader once everything was popped; false when it failed.
    bool finish()
    {
        if (m_reader.joinable())
            m_reader.join();
        return !m_failed;
    }
    /// Each file's outcome (problems, skipped cards, errors); valid after finish().
    const QList<VCardParseResult> &fileResults() const { return m_fileResults; }
    /// How long reading took, in ms; valid after finish().
    qint64 readFor() const { return m_readFor; }
    qint64 readerWaited() const { return m_queue.readerWaited(); }
    qint64 writerWaited() const { return m_queue.writerWaited(); }

private:
    void read()
    {
        // An exception must not escape a thread (that would end the program):
        // running out of memory while reading becomes a failed import instead.
        try {
            for (qsizetype i = 0; i < m_paths.size(); ++i) {
                QList<PreparedCard> chunk;
                chunk.reserve(CardQueue::chunkSize);
                bool open = true;
                m_fileResults[i] = VCardReader::parseFile(m_paths.at(i), [&](ParsedCard &&card) {
                    // A card's rows as a new contact are also what tells it apart.
                    std::optional<EncodedContact> encoded(std::in_place, card.contact);
                    CardKeys keys = keysOf(card.contact, *encoded);
                    ++m_cardsRead;
                    if (m_known.contains(keys.fingerprint)) {
                        // Now and then the cards so far go over even so (maybe
                        // none), if there is room: the other side reports
                        // progress and may cancel, and the reader never waits.
                        if (++m_knownCards % CardQueue::chunkSize == 0) {
                            open = m_queue.offer(chunk);
                            if (chunk.isEmpty())
                                chunk.reserve(CardQueue::chunkSize);
                        }
                        return open;
                    }
                    chunk.append(PreparedCard{std::move(card), std::move(keys), std::move(encoded), int(i)});
                    if (chunk.size() >= qsizetype(CardQueue::chunkSize)) {
                        open = m_queue.push(std::move(chunk));
                        chunk = QList<PreparedCard>();
                        chunk.reserve(CardQueue::chunkSize);
                    }
                    return open;
                });
                if (!open || (!chunk.isEmpty() && !m_queue.push(std::move(chunk))))
                    break;
            }
        } catch (...) {
            m_failed = true;
        }
        m_readFor = m_clock.elapsed();
        m_queue.finish();
    }
    /// However the caller ends, the reader is released and joined.
    void stop()
    {
        m_queue.cancel();
        if (m_reader.joinable())
            m_reader.join();
    }

    const QStringList m_paths;
    QList<VCardParseResult> m_fileResults;
    QElapsedTimer m_clock;
    qint64 m_readFor = 0;
    CardQueue m_queue;
    const QHash<Hash128, qint64> m_known;
    std::atomic<qint64> m_cardsRead = 0;
    std::atomic<qint64> m_knownCards = 0;
    std::atomic<bool> m_failed = false;
    std::thread m_reader;
};

qint64 totalSize(const QStringList &paths)
{
    qint64 bytes = 0;
    for (const QString &path : paths)
        bytes += QFileInfo(path).size();
    return bytes;
}

constexpr qint64 typicalCardBytes = 600;

/// Every row the import writes points at a contact or batch it has just
/// written itself; checking that on each insert is a third of the import's
/// time. (The pragma is ignored inside a transaction, so it goes first.)
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(Database &database)
        : m_database(database)
        , m_outermost(database.transactionDepth() == 0)
    {
        if (m_outermost)
            m_database.setForeignKeys(false);
    }
    ~ForeignKeysOff()
    {
        if (m_outermost)
            m_database.setForeignKeys(true);
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    Database &m_database;
    const bool m_outermost;
};

/// Writes one import batch in one transaction: new contacts, merges (keeping
/// what each merged contact was before, for undo) and where each card went.
/// Nothing lands unless finish() succeeds.
class BatchWriter
{
public:
    explicit BatchWriter(Database &database)
        : m_database(database)
        , m_foreignKeys(database)
        , m_transaction(database)
        , m_contacts(database)
    {
        m_clock.start();
    }
    ~BatchWriter()
    {
        restoreChecks();
        if (m_cacheChanged) {
            m_database.exec(QStringLiteral("PRAGMA cache_size = -32768"));
            m_database.exec(QStringLiteral("PRAGMA threads = 0"));
        }
    }
    BatchWriter(const BatchWriter &) = delete;
    BatchWriter &operator=(const BatchWriter &) = delete;

    Status status() const { return m_transaction.status(); }
    ImportResult &result() { return m_result; }

    /// Records the batch; `newCards` is about how many contacts it will create.
    Status begin(const QStringList &paths, qint64 totalBytes, qint64 newCards)
    {
        QStringList names;
        for (const QString &path : paths)
            names << QFileInfo(path).fileName();
        auto batch = m_database.insert(QStringLiteral("INSERT INTO import_batches (imported_at, files) VALUES (?, ?)"),
                                       {Database::toStored(m_database.clock().now()), names.join(QStringLiteral(", "))});
        if (!batch)
            return batch.status();
        m_result.batchId = *batch;

        // A large import relative to what is there: rebuild the search indexes
        // once at the end (inside this transaction) instead of updating them per row.
        auto existing = m_database.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
        if (!existing)
            return existing.status();
        // (Re-importing what is there does not count: that is mostly lookups.)
        if (newCards > std::max<qint64>(2000, 2 * existing->toLongLong())) {
            auto dropped = setAsideIndexesAndTriggers(m_database);
            if (!dropped)
                return dropped.status();
            m_deferred = *dropped;
            // The CHECK constraints cost an ephemeral table per statement run
            // (SQLite builds one for each `x IN (…)` list), half of writing a
            // card. Every value BulkContactWriter writes that they check is a
            // constant of its own; they are back before anything else writes.
            if (auto unchecked = m_database.exec(QStringLiteral("PRAGMA ignore_check_constraints = ON")); !unchecked)
                return unchecked.status();
            m_checksOff = true;
        }
        // A large import writes pages many times before it commits; a page cache
        // twice the files' size (the data file grows by about 1.4 times what
        // it imports; up to 256 MB, released after) keeps SQLite from spilling
        // half-built pages to the WAL along the way: as big as the files, a
        // 100,000-card import wrote 138,000 times instead of 71,000 and was
        // 8 % slower. Building the indexes at the end may sort on a second thread.
        const qint64 cacheKiB = std::clamp<qint64>(totalBytes * 2 / 1024, 32 * 1024, 256 * 1024);
        m_database.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB));
        m_database.exec(QStringLiteral("PRAGMA threads = 2"));
        m_cacheChanged = true;
        m_writer.emplace(m_database);
        return m_writer->status();
    }

    /// `encoded`, when given, is `contact` made ready to write.
    Result<qint64> create(const Contact &contact, std::optional<EncodedContact> &&encoded, int line,
                          const Hash128 &fingerprint)
    {
        auto id = encoded ? m_writer->add(std::move(*encoded)) : m_writer->add(contact);
        if (!id && !m_writer->status()) // writing a block failed: not this card's doing
            return id;
        if (!id)
            return Result<qint64>::failure(VCardImporter::tr("line %1: %2").arg(line).arg(id.error()));
        ++m_result.created;
        if (Status recorded = m_writer->recordCreated(m_result.batchId, *id); !recorded)
            return recorded;
        if (Status source = m_writer->recordSource(fingerprint, *id, m_result.batchId); !source)
            return source;
        return *id;
    }

    /// Adds to contact `target` what the card has and it lacks. Returns false
    /// (and writes nothing) when that contact is not there.
    Result<bool> merge(qint64 target, const Contact &contact, int line, const Hash128 &fingerprint)
    {
        // Reading a contact back needs it written, and the indexes.
        if (Status flushed = m_writer->flush(); !flushed)
            return flushed;
        if (Status rebuilt = rebuildDeferred(); !rebuilt)
            return rebuilt;
        auto current = m_contacts.get(target);
        if (!current) {
            if (auto there = m_contacts.exists(target); there && !*there)
                return false;
            return current.status();
        }
        Contact merged = *current;
        if (mergeInto(merged, contact)) {
            if (!m_writer->added(target)) {
                const QByteArray before = QJsonDocument(contactSnapshot(*current)).toJson(QJsonDocument::Compact);
                if (auto recorded = m_database.exec(m_recordSql, {m_result.batchId, target, QStringLiteral("merged"),
                                                                  QString::fromUtf8(before)});
                    !recorded)
                    return recorded.status();
            }
            ++m_result.merged;
            if (Status updated = m_contacts.update(merged); !updated)
                return Result<bool>::failure(VCardImporter::tr("line %1: %2").arg(line).arg(updated.error()));
        } else {
            ++m_result.unchanged;
        }
        if (Status source = m_writer->recordSource(fingerprint, target, m_result.batchId); !source)
            return source;
        return true;
    }

    void countUnchanged(qint64 cards = 1) { m_result.unchanged += cards; }
    /// Notes that contact `owner` holds the card with this fingerprint too.
    /// Keeps the new contacts' rows once written, for takeWritten() (see
    /// BulkContactWriter::setKeepWritten()); call after begin().
    void keepWritten() { m_writer->setKeepWritten(true); }
    QList<EncodedContact> takeWritten() { return m_writer ? m_writer->takeWritten() : QList<EncodedContact>(); }
    Status recordSource(const Hash128 &fingerprint, qint64 owner)
    {
        return m_writer->recordSource(fingerprint, owner, m_result.batchId);
    }
    void countSkipped() { ++m_result.skipped; }

    /// Writes what is gathered, counts the batch and commits; `progress` has
    /// the last word (a Cancel pressed now still counts).
    Result<ImportResult> finish(const VCardImporter::Progress &progress, qint64 done)
    {
        const qint64 matched = m_clock.elapsed();
        if (Status flushed = m_writer->flush(); !flushed)
            return flushed;
        const qint64 written = m_clock.elapsed();
        if (Status rebuilt = rebuildDeferred(); !rebuilt)
            return rebuilt;
        const qint64 indexed = m_clock.elapsed();
        auto counted = m_database.exec(QStringLiteral("UPDATE import_batches SET created = ?, merged = ?, unchanged = ?, "
                                                      "skipped = ?, finished_at = ? WHERE id = ?"),
                                       {m_result.created, m_result.merged, m_result.unchanged, m_result.skipped,
                                        Database::toStored(m_database.clock().now()), m_result.batchId});
        if (!counted)
            return counted.status();
        if (progress && !progress(done, done))
            return Result<ImportResult>::failure(VCardImporter::tr("The import was cancelled; nothing was imported."));
        if (Status committed = m_transaction.commit(); !committed)
            return committed;
        qCDebug(lcImport, "cards matched and given to SQLite by %lld ms, written by %lld, indexes built by %lld, "
                          "committed by %lld",
                matched, written, indexed, m_clock.elapsed());
        return m_result;
    }

private:
    Status restoreChecks()
    {
        if (!m_checksOff)
            return Status::success();
        m_checksOff = false;
        return m_database.exec(QStringLiteral("PRAGMA ignore_check_constraints = OFF")).status();
    }

    Status rebuildDeferred()
    {
        if (Status checked = restoreChecks(); !checked)
            return checked;
        if (m_deferred.isEmpty())
            return Status::success();
        // What the dropped triggers would have noted: every contact created so far.
        if (auto noted = m_database.exec(QStringLiteral("INSERT OR IGNORE INTO contact_search_stale (contact_id) "
                                                        "SELECT contact_id FROM import_batch_contacts "
                                                        "WHERE batch_id = ? AND action = 'created'"),
                                         {m_result.batchId});
            !noted)
            return noted.status();
        for (const SetAside &saved : std::as_const(m_deferred)) {
            if (auto rebuilt = m_database.exec(saved.sql); !rebuilt)
                return rebuilt.status();
        }
        m_deferred.clear();
        return Status::success();
    }

    Database &m_database;
    ForeignKeysOff m_foreignKeys;
    Transaction m_transaction;
    ContactStore m_contacts;
    std::optional<BulkContactWriter> m_writer;
    QList<SetAside> m_deferred;
    ImportResult m_result;
    bool m_cacheChanged = false;
    bool m_checksOff = false;
    QElapsedTimer m_clock;
    const QString m_recordSql = QStringLiteral(
        "INSERT OR IGNORE INTO import_batch_contacts (batch_id, contact_id, action, before) VALUES (?, ?, ?, ?)");
};

Result<ImportResult> cancelled()
{
    return Result<ImportResult>::failure(VCardImporter::tr("The import was cancelled; nothing was imported."));
}

} // namespace

Result<ImportResult> VCardImporter::importFiles(const QStringList &paths, const Progress &progress)
{
    BatchWriter batch(m_database);
    if (!batch.status())
        return batch.status();
    // Before reading, the file's size is the best guess at how many cards are new.
    const qint64 totalBytes = totalSize(paths);
    MatchIndex index;
    QElapsedTimer clock;
    clock.start();
    if (Status loaded = index.loadSources(m_database); !loaded)
        return Result<ImportResult>::failure(tr("The contacts could not be read for matching: %1").arg(loaded.error()));
    // The cards the file holds already need nothing but counting: the reader
    // does that itself, and does not wait for the rest of the index meanwhile.
    CardStream stream(paths, index.sources());
    if (Status loaded = index.load(m_database); !loaded)
        return Result<ImportResult>::failure(tr("The contacts could not be read for matching: %1").arg(loaded.error()));
    qCDebug(lcImport, "matching index of the data file's contacts loaded in %lld ms", clock.elapsed());
    if (Status begun = batch.begin(paths, totalBytes, totalBytes / typicalCardBytes); !begun)
        return begun;
    // The rows written go back to the reading thread, whose memory they are.
    batch.keepWritten();
    index.reserve(totalBytes / typicalCardBytes);

    qint64 done = 0;
    // Every 256 cards, those the reader counted as known included; false to cancel.
    qint64 reported = 0;
    auto report = [&] {
        const qint64 seen = done + stream.knownCards();
        if (!progress || seen - reported < 256)
            return true;
        reported = seen;
        return progress(seen, std::max(seen, stream.cardsRead()));
    };
    while (auto chunk = stream.pop()) {
        for (PreparedCard &prepared : *chunk) {
            const ParsedCard &card = prepared.card;
            const Hash128 &print = prepared.keys.fingerprint;
            bool legacy = false;
            if (const qint64 owner = index.sourceOwner(prepared.keys, card.contact, &legacy)) {
                batch.countUnchanged();
                // Known by its old fingerprint: next time by its new one.
                if (legacy) {
                    if (Status recorded = batch.recordSource(print, owner); !recorded)
                        return recorded;
                    index.addSource(print, owner);
                }
            } else {
                qint64 target = 0;
                if (const qint64 match = index.match(prepared.keys)) {
                    auto merged = batch.merge(match, card.contact, card.line, print);
                    if (!merged)
                        return merged.status();
                    target = *merged ? match : 0;
                }
                if (!target) {
                    auto id = batch.create(card.contact, std::move(prepared.encoded), card.line, print);
                    if (!id)
                        return id.status();
                    target = *id;
                }
                index.add(target, prepared.keys);
            }
            ++done;
            if (!report())
                return cancelled();
        }
        stream.recycle(std::move(*chunk), batch.takeWritten());
        if (!report())
            return cancelled();
    }
    if (!stream.finish())
        return Result<ImportResult>::failure(tr("The files could not be read (out of memory?); nothing was imported."));
    qCDebug(lcImport, "%lld cards read in %lld ms; the reader waited %lld ms for the writer, the writer %lld ms for it",
            stream.cardsRead(), stream.readFor(), stream.readerWaited(), stream.writerWaited());
    batch.countUnchanged(stream.knownCards());
    done += stream.knownCards();

    ImportResult &result = batch.result();
    for (const VCardParseResult &file : stream.fileResults()) {
        if (!file.isVCard())
            result.fileErrors << file.fileError;
        result.problems += file.problems;
        result.skipped += file.skippedCards;
    }
    return batch.finish(progress, done);
}

bool ImportPlan::allows(qsizetype index, ImportAction action) const
{
    if (index < 0 || index >= cards.size())
        return false;
    const PlannedCard &card = cards.at(index);
    if (card.unreadable)
        return action == ImportAction::Skip;
    switch (action) {
    case ImportAction::New:
    case ImportAction::Skip:
        return true;
    case ImportAction::Merge:
    case ImportAction::Unchanged:
        return card.isMatched();
    }
    return false;
}

bool ImportPlan::choose(qsizetype index, ImportAction action)
{
    if (!allows(index, action))
        return false;
    PlannedCard &card = cards[index];
    // Merge and Unchanged are one choice (into the match); the plan knows which.
    if ((action == ImportAction::Merge || action == ImportAction::Unchanged)
        && (card.proposed == ImportAction::Merge || card.proposed == ImportAction::Unchanged))
        action = card.proposed;
    card.choice = action;
    return true;
}

qsizetype ImportPlan::count(ImportAction action) const
{
    return std::count_if(cards.cbegin(), cards.cend(), [action](const PlannedCard &c) { return c.choice == action; });
}

Result<ImportPlan> VCardImporter::plan(const QStringList &paths, const Progress &progress)
{
    // One read transaction: the plan sees one state of the data file throughout.
    Transaction snapshot(m_database);
    if (!snapshot.status())
        return snapshot.status();
    CardStream stream(paths);
    MatchIndex index;
    if (Status loaded = index.loadSources(m_database); !loaded)
        return Result<ImportPlan>::failure(tr("The contacts could not be read for matching: %1").arg(loaded.error()));
    if (Status loaded = index.load(m_database); !loaded)
        return Result<ImportPlan>::failure(tr("The contacts could not be read for matching: %1").arg(loaded.error()));
    if (Status named = index.loadNames(m_database); !named)
        return Result<ImportPlan>::failure(tr("The contacts could not be read for matching: %1").arg(named.error()));
    index.reserve(totalSize(paths) / typicalCardBytes);
    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();

    ImportPlan plan;
    plan.paths = paths;
    QList<int> fileOf;
    // Room for about as many cards as the files' size suggests, at once: a
    // list of them all that grows moves them all each time it does. (Pages
    // never touched cost nothing if the guess is too high.)
    plan.cards.reserve(totalSize(paths) / typicalCardBytes + 1);
    fileOf.reserve(plan.cards.capacity());
    ContactStore contacts(m_database);
    // What each matched contact will hold after the cards before this one.
    QHash<qint64, Contact> merged;
    qint64 done = 0;
    while (auto chunk = stream.pop()) {
        for (PreparedCard &prepared : *chunk) {
            PlannedCard planned;
            planned.file = names.at(prepared.file);
            planned.line = prepared.card.line;
            planned.fingerprint = prepared.keys.fingerprint;
            if (const qint64 owner = index.sourceOwner(prepared.keys, prepared.card.contact)) {
                planned.matchId = owner;
                planned.reason = ImportMatch::SameCard;
                planned.proposed = ImportAction::Unchanged;
            } else if (const qint64 match = index.match(prepared.keys, &planned.reason)) {
                planned.matchId = match;
                auto target = merged.find(match);
                if (target == merged.end()) {
                    if (match > 0) {
                        auto current = contacts.get(match);
                        if (!current)
                            return current.status();
                        target = merged.insert(match, *current);
                    } else {
                        target = merged.insert(match, plan.cards.at(-match - 1).contact);
                    }
                }
                planned.proposed = mergeInto(*target, prepared.card.contact) ? ImportAction::Merge
                                                                             : ImportAction::Unchanged;
                index.add(match, prepared.keys);
            } else {
                index.add(-(plan.cards.size() + 1), prepared.keys);
            }
            if (planned.matchId > 0)
                planned.matchName = index.name(planned.matchId);
            else if (planned.matchId < 0)
                planned.matchName = plan.cards.at(-planned.matchId - 1).contact.name();
            planned.choice = planned.proposed;
            planned.contact = std::move(prepared.card.contact);
            plan.cards.append(std::move(planned));
            fileOf.append(prepared.file);
            ++done;
            if (progress && (done % 256) == 0 && !progress(done, stream.cardsRead()))
                return Result<ImportPlan>::failure(tr("The import was cancelled; nothing was imported."));
        }
        stream.recycle(std::move(*chunk));
    }
    if (!stream.finish())
        return Result<ImportPlan>::failure(tr("The files could not be read (out of memory?); nothing was imported."));

    // The cards the reader skipped join the others in file and line order
    // (cards that matched an earlier card of the plan follow it to its new
    // place). Without any, the cards are in that order already and stay put:
    // a second list of them all would add a third to the plan's peak.
    const QList<VCardParseResult> &files = stream.fileResults();
    const qsizetype skippedCards = std::accumulate(files.cbegin(), files.cend(), qsizetype(0),
                                                   [](qsizetype n, const VCardParseResult &f) {
                                                       return n + f.skippedLines.size();
                                                   });
    QList<PlannedCard> ordered;
    if (skippedCards > 0)
        ordered.reserve(plan.cards.size() + skippedCards);
    QList<PlannedCard> &cards = skippedCards > 0 ? ordered : plan.cards;
    QList<qint64> movedTo(skippedCards > 0 ? plan.cards.size() : 0);
    qsizetype next = 0;
    for (int f = 0; f < files.size(); ++f) {
        const VCardParseResult &file = files.at(f);
        if (!file.isVCard())
            plan.fileErrors << file.fileError;
        auto skipped = file.skippedLines.cbegin();
        auto addSkipped = [&](int upTo) {
            for (; skipped != file.skippedLines.cend() && *skipped < upTo; ++skipped) {
                PlannedCard unreadable;
                unreadable.file = names.at(f);
                unreadable.line = *skipped;
                unreadable.unreadable = true;
                unreadable.proposed = unreadable.choice = ImportAction::Skip;
                ordered.append(std::move(unreadable));
            }
        };
        const qsizetype firstCardOfFile = skippedCards > 0 ? ordered.size() : next;
        for (; next < plan.cards.size() && fileOf.at(next) == f; ++next) {
            if (skippedCards == 0)
                continue;
            addSkipped(plan.cards.at(next).line);
            movedTo[next] = ordered.size();
            ordered.append(std::move(plan.cards[next]));
        }
        if (skippedCards > 0)
            addSkipped(std::numeric_limits<int>::max());
        const qsizetype endOfFile = skippedCards > 0 ? ordered.size() : next;

        // Problems in line order; each belongs to the card whose lines hold it
        // (cards and problems both by line: one walk pairs them).
        const qsizetype firstProblemOfFile = plan.problems.size();
        plan.problems += file.problems;
        std::stable_sort(plan.problems.begin() + firstProblemOfFile, plan.problems.end(),
                         [](const VCardProblem &a, const VCardProblem &b) { return a.line < b.line; });
        qsizetype owner = -1;
        qsizetype card = firstCardOfFile;
        for (qsizetype p = firstProblemOfFile; p < plan.problems.size(); ++p) {
            const int line = plan.problems.at(p).line;
            if (line <= 0)
                continue;
            while (card < endOfFile && cards.at(card).line <= line)
                owner = card++;
            if (owner < 0)
                continue;
            PlannedCard &holder = cards[owner];
            if (holder.problemCount++ == 0)
                holder.firstProblem = int(p);
        }
    }
    if (skippedCards > 0) {
        for (PlannedCard &card : ordered) {
            if (card.matchId < 0)
                card.matchId = -(movedTo.at(-card.matchId - 1) + 1);
        }
        plan.cards = std::move(ordered);
    }
    if (progress && !progress(done, done))
        return Result<ImportPlan>::failure(tr("The import was cancelled; nothing was imported."));
    return plan;
}

Result<ImportResult> VCardImporter::commit(const ImportPlan &plan, const Progress &progress)
{
    BatchWriter batch(m_database);
    if (!batch.status())
        return batch.status();
    if (Status begun = batch.begin(plan.paths, totalSize(plan.paths), plan.count(ImportAction::New)); !begun)
        return begun;

    // The rows of the cards to import as new are made on a second thread, a
    // block ahead of the writing; the rows written go back to it to be freed.
    constexpr qsizetype block = 256;
    using Block = QList<std::optional<EncodedContact>>;
    auto encode = [&plan](qsizetype from, QList<EncodedContact> spent) {
        spent.clear();
        Block rows;
        const qsizetype to = std::min(from + block, plan.cards.size());
        rows.reserve(to - from);
        for (qsizetype i = from; i < to; ++i) {
            const PlannedCard &card = plan.cards.at(i);
            if (card.choice == ImportAction::New && !card.unreadable)
                rows.append(EncodedContact(card.contact));
            else
                rows.append(std::nullopt);
        }
        return rows;
    };
    batch.keepWritten();
    std::future<Block> next = std::async(std::launch::async, encode, 0, QList<EncodedContact>());
    Block rows;

    // What each card became, for the cards after it that match it.
    QList<qint64> ids(plan.cards.size(), 0);
    qint64 done = 0;
    for (qsizetype i = 0; i < plan.cards.size(); ++i) {
        if (i % block == 0) {
            rows = next.get();
            if (i + block < plan.cards.size())
                next = std::async(std::launch::async, encode, i + block, batch.takeWritten());
        }
        const PlannedCard &card = plan.cards.at(i);
        const qint64 target = card.matchId > 0 ? card.matchId : card.matchId < 0 ? ids.value(-card.matchId - 1) : 0;
        if (card.choice == ImportAction::Skip || card.unreadable) {
            batch.countSkipped();
        } else if (card.choice != ImportAction::New && target && card.reason == ImportMatch::SameCard) {
            batch.countUnchanged();
            ids[i] = target;
        } else {
            if (card.choice != ImportAction::New && target) {
                auto merged = batch.merge(target, card.contact, card.line, card.fingerprint);
                if (!merged)
                    return merged.status();
                if (*merged)
                    ids[i] = target;
            }
            if (!ids.at(i)) {
                auto id = batch.create(card.contact, std::move(rows[i % block]), card.line, card.fingerprint);
                if (!id)
                    return id.status();
                ids[i] = *id;
            }
        }
        ++done;
        if (progress && (done % 256) == 0 && !progress(done, plan.cards.size()))
            return cancelled();
    }
    batch.result().problems = plan.problems;
    batch.result().fileErrors = plan.fileErrors;
    return batch.finish(progress, done);
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
    if (!(*batch)->next()) {
        (*batch)->finish();
        return Result<UndoSummary>::failure(tr("There is no import with number %1.").arg(batchId));
    }
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
