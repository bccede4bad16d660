#pragma once

#include "domain/contact.h"
#include "hash128.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QVarLengthArray>

#include <array>

struct sqlite3;
struct sqlite3_stmt;

namespace Rapport::Core {

class Database;

/// A new contact as the rows BulkContactWriter writes, its text already in
/// UTF-8 and trimmed. Making one is half the work of writing a contact, and
/// it needs no connection: an import makes them on its reading thread.
class EncodedContact
{
public:
    EncodedContact() = default;
    explicit EncodedContact(const Contact &contact);

    /// False when the contact has nothing to be called by (it cannot be saved).
    bool hasName() const { return m_hasName; }
    /// 16 bytes that tell this contact's rows from any other's (XXH3-128 of
    /// them all): the same for the same card read again. A card that differs
    /// only in what the rows leave out (spaces around a value, an empty
    /// field, the case of a profile's service) is the same card.
    Hash128 digest() const;

private:
    friend class BulkContactWriter;

    /// A piece of m_text.
    struct Text
    {
        int offset = 0;
        int size = 0;
    };
    Text append(const QString &text);
    /// A tag as the writer's cache knows it: its case folded as the tags
    /// table's NOCASE collation folds it (ASCII only), hashed (Hash128::keyed()).
    static Hash128 tagKey(QByteArrayView utf8);

    struct FieldRow
    {
        const char *kind;
        int position;
        Text value;
        Text label;
        bool preferred;
    };
    struct AddressRow
    {
        int position;
        std::array<Text, 6> parts;
    };
    /// uid, name, given, family, additional, prefix, suffix, nickname,
    /// organization, title, birthday, anniversary, photo type, notes, extras.
    static constexpr int textColumns = 15;

    QByteArray m_text;
    /// The end of the text appended so far, while the constructor appends.
    qsizetype m_textEnd = 0;
    std::array<Text, textColumns> m_columns{};
    QByteArray m_photo;
    // Room for what most cards have, without an allocation each. (Never
    // move-assign an EncodedContact: Qt 6.4's QVarLengthArray leaks the
    // target's heap buffer there. Moving one into a new place is fine.)
    QVarLengthArray<FieldRow, 8> m_fields;
    QVarLengthArray<AddressRow, 2> m_addresses;
    QVarLengthArray<Text, 4> m_tags;
    /// Each tag's tagKey().
    QVarLengthArray<Hash128, 4> m_tagKeys;
    bool m_hasName = false;
};

/// Writes many new contacts fast, for imports. It holds the write transaction's
/// next contact id itself, so that it can return a new contact's id at once
/// and write contacts, their emails, phones and profiles, their addresses and
/// tags, and the import's bookkeeping, each in multi-row INSERTs of many
/// contacts, prepared once on SQLite itself. It must be used inside a
/// Transaction (nobody else may add contacts meanwhile); what it writes lands
/// or not with that transaction. Call flush() before anything reads what it
/// wrote, and before the transaction commits.
class BulkContactWriter
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::BulkContactWriter)

public:
    explicit BulkContactWriter(Database &database);
    ~BulkContactWriter();
    BulkContactWriter(const BulkContactWriter &) = delete;
    BulkContactWriter &operator=(const BulkContactWriter &) = delete;

    Status status() const { return m_status; }

    /// Adds a contact with all its details (written by a later flush); returns its id.
    Result<qint64> add(EncodedContact &&contact);
    Result<qint64> add(const Contact &contact) { return add(EncodedContact(contact)); }
    /// Whether `id` is a contact this writer added.
    bool added(qint64 id) const { return id >= m_firstId && id < m_nextId; }
    /// Notes that an import batch created a contact.
    Status recordCreated(qint64 batchId, qint64 contactId);
    /// Notes which imported card a contact holds.
    Status recordSource(const Hash128 &fingerprint, qint64 contactId, qint64 batchId);
    /// Writes what is still gathered.
    Status flush();
    /// Keeps the contacts written until takeWritten(), for the caller to free
    /// where it suits it (an import hands them back to its reading thread,
    /// whose memory they are). Otherwise they are freed once written.
    void setKeepWritten(bool keep) { m_keepWritten = keep; }
    QList<EncodedContact> takeWritten() { return std::exchange(m_written, {}); }

private:
    /// "INSERT INTO t (a, b, c) VALUES (?, ?, ?), (?, ?, ?), …" prepared once
    /// per number of rows.
    struct MultiRowInsert
    {
        QByteArray prefix;
        int columns = 0;
        QHash<int, sqlite3_stmt *> statements;
    };
    sqlite3_stmt *statement(MultiRowInsert &insert, int rows);
    /// Writes `count` rows through `insert` in statements of 256, 128, … 1
    /// rows; bind(statement, firstParameter, row) binds one row.
    template<typename Bind>
    Status writeRows(MultiRowInsert &insert, qsizetype count, Bind &&bind);
    /// Binds a piece of the contact's text (it stays put until the step).
    static void bindText(sqlite3_stmt *statement, int index, const EncodedContact &contact, EncodedContact::Text text);
    Status step(sqlite3_stmt *statement);
    /// The id of the tag `utf8`, whose EncodedContact::tagKey() is `key`.
    Result<qint64> tagId(QByteArrayView utf8, const Hash128 &key);
    Status flushContacts();
    Status flushCreated();
    Status flushSources();

    Database &m_database;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertTag = nullptr;
    sqlite3_stmt *m_findTag = nullptr;
    MultiRowInsert m_contacts;
    MultiRowInsert m_fields;
    MultiRowInsert m_addresses;
    MultiRowInsert m_tagLinks;
    MultiRowInsert m_created;
    MultiRowInsert m_sources;
    qint64 m_firstId = 1;
    qint64 m_nextId = 1;
    QHash<Hash128, qint64> m_tags;
    QList<EncodedContact> m_pendingContacts;
    QList<EncodedContact> m_written;
    bool m_keepWritten = false;
    QList<qint64> m_pendingCreated;
    struct Source
    {
        Hash128 fingerprint;
        qint64 contactId;
        qint64 batchId;
    };
    QList<Source> m_pendingSources;
    Status m_status = Status::success();
};

} // namespace Rapport::Core
