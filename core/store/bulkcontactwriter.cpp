#include "bulkcontactwriter.h"

#include "database.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QStringEncoder>
#include <QVarLengthArray>
#include <QtEndian>

#include <sqlite3.h>

// Debian's libxxhash, inlined: the digest of every imported card.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace Rapport::Core {

namespace {

/// Rows per INSERT: a block is written as statements of 256, 128, … 1 rows,
/// so that a handful of statements are prepared whatever the numbers.
constexpr int blockRows = 256;
/// Contacts gathered before they are written, with all their rows.
constexpr int contactBlock = 128;

} // namespace

EncodedContact::EncodedContact(const Contact &c)
{
    // Room for all the text at once (at most three bytes per UTF-16 unit).
    qsizetype length = 0;
    for (const QString *text : {&c.uid, &c.displayName, &c.givenName, &c.familyName, &c.additionalNames,
                                &c.honorificPrefix, &c.honorificSuffix, &c.nickname, &c.organization, &c.title,
                                &c.birthday, &c.anniversary, &c.photoMimeType, &c.notes, &c.extraProperties})
        length += text->size();
    // The name again (name()): at most its parts and a space between each.
    for (const QString *text : {&c.displayName, &c.givenName, &c.familyName, &c.additionalNames, &c.honorificPrefix,
                                &c.honorificSuffix, &c.organization})
        length += text->size() + 1;
    if (!c.emails.isEmpty())
        length += c.emails.constFirst().value.size();
    for (const auto *fields : {&c.emails, &c.phones, &c.urls}) {
        for (const ContactField &f : *fields)
            length += f.value.size() + f.label.size();
    }
    for (const PostalAddress &a : c.addresses) {
        for (const QString *text : {&a.label, &a.street, &a.locality, &a.region, &a.postalCode, &a.country})
            length += text->size();
    }
    for (const SocialProfile &p : c.socialProfiles)
        length += p.service.size() + p.handle.size();
    for (const QString &tag : c.tags)
        length += tag.size();
    m_text.resize(3 * length + 8);

    const QString name = c.name();
    m_hasName = !name.trimmed().isEmpty();
    int column = 0;
    for (const QString *text : {&c.uid, &name, &c.givenName, &c.familyName, &c.additionalNames, &c.honorificPrefix,
                                &c.honorificSuffix, &c.nickname, &c.organization, &c.title, &c.birthday,
                                &c.anniversary, &c.photoMimeType, &c.notes, &c.extraProperties})
        m_columns[column++] = append(*text);
    m_photo = c.photo;

    for (const auto &[kind, fields] : {std::pair{"email", &c.emails}, std::pair{"phone", &c.phones},
                                       std::pair{"url", &c.urls}}) {
        int position = 0;
        for (const ContactField &f : *fields) {
            const QString value = f.value.trimmed();
            if (!value.isEmpty())
                m_fields.append(FieldRow{kind, position++, append(value), append(f.label), f.preferred});
        }
    }
    int position = 0;
    for (const SocialProfile &profile : c.socialProfiles) {
        const QString handle = profile.handle.trimmed();
        if (!handle.isEmpty())
            m_fields.append(FieldRow{"social", position++, append(handle), append(profile.service.toLower()), false});
    }
    position = 0;
    for (const PostalAddress &a : c.addresses) {
        if (a.isEmpty())
            continue;
        AddressRow row{position++, {}};
        int part = 0;
        for (const QString *text : {&a.label, &a.street, &a.locality, &a.region, &a.postalCode, &a.country})
            row.parts[part++] = append(*text);
        m_addresses.append(row);
    }
    for (const QString &rawTag : c.tags) {
        const QString tag = rawTag.trimmed();
        if (!tag.isEmpty()) {
            const Text text = append(tag);
            m_tags.append(text);
            m_tagKeys.append(tagKey(QByteArrayView(m_text.constData() + text.offset, text.size)));
        }
    }
    m_text.truncate(m_textEnd);
}

Hash128 EncodedContact::tagKey(QByteArrayView utf8)
{
    // The same folding as the tags table's NOCASE collation (ASCII only), so
    // that the writer's cache and the table agree on which tags are one.
    QVarLengthArray<char, 64> key(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        key[i] = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
    }
    return Hash128::keyed(QByteArrayView(key.constData(), key.size()));
}

EncodedContact::Text EncodedContact::append(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Straight into the buffer: no QByteArray per piece.
    QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    // m_text has room for all the text (the constructor made it so, and it
    // grows for the rare case that toLower() made a text longer).
    const qsizetype offset = m_textEnd;
    const qsizetype room = encoder.requiredSpace(text.size());
    if (offset + room > m_text.size())
        m_text.resize(std::max(offset + room, 2 * m_text.size()));
    char *end = encoder.appendToBuffer(m_text.data() + offset, text);
    m_textEnd = end - m_text.constData();
    return Text{int(offset), int(m_textEnd - offset)};
}

Hash128 EncodedContact::digest() const
{
    // All the text (every piece, in the order the rows hold them), then the
    // layout that cuts it into pieces and says what each is (little-endian
    // numbers), then the photo: no two different contacts feed the same bytes.
    QVarLengthArray<quint32, 128> layout;
    auto number = [&layout](qsizetype n) { layout.append(qToLittleEndian(quint32(n))); };
    for (const Text t : m_columns)
        number(t.size);
    number(m_fields.size());
    for (const FieldRow &f : m_fields) {
        number(quint8(f.kind[0]));
        number(f.position);
        number(f.value.size);
        number(f.label.size);
        number(f.preferred ? 1 : 0);
    }
    number(m_addresses.size());
    for (const AddressRow &a : m_addresses) {
        for (const Text t : a.parts)
            number(t.size);
    }
    number(m_tags.size());
    for (const Text t : m_tags)
        number(t.size);
    number(m_photo.size());

    XXH3_state_t state;
    XXH3_INITSTATE(&state);
    XXH3_128bits_reset(&state);
    XXH3_128bits_update(&state, m_text.constData(), size_t(m_text.size()));
    XXH3_128bits_update(&state, layout.constData(), size_t(layout.size()) * sizeof(quint32));
    XXH3_128bits_update(&state, m_photo.constData(), size_t(m_photo.size()));
    const XXH128_hash_t hash = XXH3_128bits_digest(&state);
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, hash);
    Hash128 digest;
    static_assert(sizeof canonical.digest == sizeof digest.bytes);
    std::memcpy(digest.bytes.data(), canonical.digest, sizeof digest.bytes);
    return digest;
}

BulkContactWriter::BulkContactWriter(Database &database)
    : m_database(database)
{
    const QVariant handle = QSqlDatabase::database(database.connectionName(), false).driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_db) {
        m_status = Status::failure(tr("The data file's connection is not SQLite."));
        return;
    }
    m_contacts = {"INSERT INTO contacts (id, uid, display_name, given_name, family_name, additional_names, "
                  "honorific_prefix, honorific_suffix, nickname, organization, title, birthday, anniversary, "
                  "photo_mime, notes, extra_properties, photo, created_at, updated_at) VALUES ",
                  19,
                  {}};
    m_fields = {"INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred) VALUES ", 6, {}};
    m_addresses = {"INSERT INTO contact_addresses (contact_id, position, label, street, locality, region, postal_code, "
                   "country) VALUES ",
                   8,
                   {}};
    m_tagLinks = {"INSERT OR IGNORE INTO contact_tags (contact_id, tag_id, position) VALUES ", 3, {}};
    m_created = {"INSERT OR IGNORE INTO import_batch_contacts (batch_id, contact_id, action) VALUES ", 3, {}};
    m_sources = {"INSERT INTO contact_sources (fingerprint, contact_id, batch_id) VALUES ", 3, {}};
    const char *single[] = {
        "INSERT INTO tags (name) VALUES (?)",
        "SELECT id FROM tags WHERE name = ?",
    };
    sqlite3_stmt **targets[] = {&m_insertTag, &m_findTag};
    for (int i = 0; i < 2; ++i) {
        if (sqlite3_prepare_v3(m_db, single[i], -1, SQLITE_PREPARE_PERSISTENT, targets[i], nullptr) != SQLITE_OK) {
            m_status = Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
            return;
        }
    }
    // The ids SQLite would give (one more than the largest), given here: the
    // transaction holds the only writer.
    sqlite3_stmt *last = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT max(id) FROM contacts", -1, &last, nullptr) != SQLITE_OK
        || sqlite3_step(last) != SQLITE_ROW) {
        m_status = Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    } else if (sqlite3_column_int64(last, 0) == std::numeric_limits<sqlite3_int64>::max()) {
        m_status = Status::failure(tr("The data file has run out of contact numbers."));
    } else {
        m_firstId = m_nextId = sqlite3_column_int64(last, 0) + 1;
    }
    sqlite3_finalize(last);
}

BulkContactWriter::~BulkContactWriter()
{
    for (sqlite3_stmt *s : {m_insertTag, m_findTag})
        sqlite3_finalize(s);
    for (MultiRowInsert *insert : {&m_contacts, &m_fields, &m_addresses, &m_tagLinks, &m_created, &m_sources}) {
        for (sqlite3_stmt *s : std::as_const(insert->statements))
            sqlite3_finalize(s);
    }
}

sqlite3_stmt *BulkContactWriter::statement(MultiRowInsert &insert, int rows)
{
    if (sqlite3_stmt *cached = insert.statements.value(rows))
        return cached;
    QByteArray row = "(?";
    for (int c = 1; c < insert.columns; ++c)
        row += ", ?";
    row += ')';
    QByteArray sql = insert.prefix;
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += ", ";
        sql += row;
    }
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &prepared, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(prepared);
        return nullptr;
    }
    insert.statements.insert(rows, prepared);
    return prepared;
}

Status BulkContactWriter::step(sqlite3_stmt *statement)
{
    if (!statement)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return Status::success();
    return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

template<typename Bind>
Status BulkContactWriter::writeRows(MultiRowInsert &insert, qsizetype count, Bind &&bind)
{
    qsizetype row = 0;
    for (int rows = blockRows; rows > 0; rows /= 2) {
        while (count - row >= rows) {
            sqlite3_stmt *s = statement(insert, rows);
            if (!s)
                return step(nullptr);
            for (int r = 0; r < rows; ++r)
                bind(s, r * insert.columns + 1, row + r);
            if (Status written = step(s); !written)
                return written;
            row += rows;
        }
    }
    return Status::success();
}

void BulkContactWriter::bindText(sqlite3_stmt *statement, int index, const EncodedContact &contact,
                                 EncodedContact::Text text)
{
    sqlite3_bind_text(statement, index, text.size ? contact.m_text.constData() + text.offset : "", text.size,
                      SQLITE_STATIC);
}

Result<qint64> BulkContactWriter::tagId(QByteArrayView utf8, const Hash128 &key)
{
    if (const auto it = m_tags.constFind(key); it != m_tags.constEnd())
        return *it;
    sqlite3_bind_text(m_findTag, 1, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    qint64 id = 0;
    if (sqlite3_step(m_findTag) == SQLITE_ROW)
        id = sqlite3_column_int64(m_findTag, 0);
    sqlite3_reset(m_findTag);
    if (id == 0) {
        sqlite3_bind_text(m_insertTag, 1, utf8.data(), int(utf8.size()), SQLITE_STATIC);
        if (Status inserted = step(m_insertTag); !inserted)
            return inserted;
        id = sqlite3_last_insert_rowid(m_db);
    }
    m_tags.insert(key, id);
    return id;
}

Result<qint64> BulkContactWriter::add(EncodedContact &&contact)
{
    if (!m_status)
        return m_status;
    if (!contact.hasName())
        return Result<qint64>::failure(tr("A contact needs a name, an organization or an email address."));
    if (m_nextId == std::numeric_limits<qint64>::max())
        return Result<qint64>::failure(tr("The data file has run out of contact numbers."));
    if (m_pendingContacts.capacity() < contactBlock)
        m_pendingContacts.reserve(contactBlock); // a block's room at once, not grown one by one
    m_pendingContacts.append(std::move(contact));
    const qint64 id = m_nextId++;
    if (m_pendingContacts.size() >= contactBlock) {
        if (Status written = flushContacts(); !written)
            return written;
    }
    return id;
}

Status BulkContactWriter::flushContacts()
{
    if (!m_status)
        return m_status;
    const qsizetype count = m_pendingContacts.size();
    if (count == 0)
        return Status::success();
    const qint64 firstId = m_nextId - count;
    const qint64 now = m_database.clock().now().toMSecsSinceEpoch();
    Status written = writeRows(m_contacts, count, [&](sqlite3_stmt *s, int p, qsizetype row) {
        const EncodedContact &c = m_pendingContacts.at(row);
        sqlite3_bind_int64(s, p, firstId + row);
        for (int t = 0; t < EncodedContact::textColumns; ++t)
            bindText(s, p + 1 + t, c, c.m_columns[t]);
        const int after = p + 1 + EncodedContact::textColumns;
        if (c.m_photo.isEmpty())
            sqlite3_bind_null(s, after);
        else
            sqlite3_bind_blob(s, after, c.m_photo.constData(), int(c.m_photo.size()),
                              SQLITE_STATIC);
        sqlite3_bind_int64(s, after + 1, now);
        sqlite3_bind_int64(s, after + 2, now);
    });
    if (!written) {
        m_pendingContacts.clear();
        // The ids given out are not there: nothing more is written.
        m_status = Status::failure(tr("The contacts could not be saved: %1").arg(written.error()));
        return m_status;
    }

    // Every row of every contact in the block, in statements of many contacts.
    struct Ref
    {
        qsizetype contact;
        qsizetype row;
    };
    QList<Ref> fields;
    QList<Ref> addresses;
    QList<std::pair<qsizetype, qint64>> tags;
    for (qsizetype i = 0; i < count && written; ++i) {
        const EncodedContact &c = m_pendingContacts.at(i);
        for (qsizetype f = 0; f < c.m_fields.size(); ++f)
            fields.append(Ref{i, f});
        for (qsizetype a = 0; a < c.m_addresses.size(); ++a)
            addresses.append(Ref{i, a});
        for (qsizetype t = 0; t < c.m_tags.size(); ++t) {
            const EncodedContact::Text text = c.m_tags.at(t);
            auto tagRow = tagId(QByteArrayView(c.m_text.constData() + text.offset, text.size), c.m_tagKeys.at(t));
            if (!tagRow)
                written = tagRow.status();
            else
                tags.append({i, *tagRow});
        }
    }
    if (written) {
        written = writeRows(m_fields, fields.size(), [&](sqlite3_stmt *s, int p, qsizetype row) {
            const Ref ref = fields.at(row);
            const EncodedContact &c = m_pendingContacts.at(ref.contact);
            const EncodedContact::FieldRow &f = c.m_fields.at(ref.row);
            sqlite3_bind_int64(s, p, firstId + ref.contact);
            sqlite3_bind_text(s, p + 1, f.kind, -1, SQLITE_STATIC);
            sqlite3_bind_int(s, p + 2, f.position);
            bindText(s, p + 3, c, f.value);
            bindText(s, p + 4, c, f.label);
            sqlite3_bind_int(s, p + 5, f.preferred ? 1 : 0);
        });
    }
    if (written) {
        written = writeRows(m_addresses, addresses.size(), [&](sqlite3_stmt *s, int p, qsizetype row) {
            const Ref ref = addresses.at(row);
            const EncodedContact &c = m_pendingContacts.at(ref.contact);
            const EncodedContact::AddressRow &a = c.m_addresses.at(ref.row);
            sqlite3_bind_int64(s, p, firstId + ref.contact);
            sqlite3_bind_int(s, p + 1, a.position);
            for (int part = 0; part < 6; ++part)
                bindText(s, p + 2 + part, c, a.parts[part]);
        });
    }
    if (written) {
        // A tag's position is its place among the contact's tags.
        QList<int> positions(tags.size());
        for (qsizetype t = 0; t < tags.size(); ++t)
            positions[t] = t > 0 && tags.at(t - 1).first == tags.at(t).first ? positions.at(t - 1) + 1 : 0;
        written = writeRows(m_tagLinks, tags.size(), [&](sqlite3_stmt *s, int p, qsizetype row) {
            sqlite3_bind_int64(s, p, firstId + tags.at(row).first);
            sqlite3_bind_int64(s, p + 1, tags.at(row).second);
            sqlite3_bind_int(s, p + 2, positions.at(row));
        });
    }
    if (m_keepWritten && m_written.isEmpty())
        m_written.swap(m_pendingContacts);
    else if (m_keepWritten)
        std::move(m_pendingContacts.begin(), m_pendingContacts.end(), std::back_inserter(m_written));
    m_pendingContacts.clear();
    if (!written)
        m_status = written;
    return written;
}

Status BulkContactWriter::recordCreated(qint64 batchId, qint64 contactId)
{
    if (!m_status)
        return m_status;
    m_pendingCreated.append(contactId);
    m_pendingCreated.append(batchId);
    return m_pendingCreated.size() >= 2 * blockRows ? flushCreated() : Status::success();
}

Status BulkContactWriter::recordSource(const Hash128 &fingerprint, qint64 contactId, qint64 batchId)
{
    if (!m_status)
        return m_status;
    m_pendingSources.append(Source{fingerprint, contactId, batchId});
    return m_pendingSources.size() >= blockRows ? flushSources() : Status::success();
}

Status BulkContactWriter::flushCreated()
{
    // The contacts first: the rows point at them.
    if (Status contacts = flushContacts(); !contacts)
        return contacts;
    Status written = writeRows(m_created, m_pendingCreated.size() / 2, [this](sqlite3_stmt *s, int p, qsizetype row) {
        sqlite3_bind_int64(s, p, m_pendingCreated.at(2 * row + 1));
        sqlite3_bind_int64(s, p + 1, m_pendingCreated.at(2 * row));
        sqlite3_bind_text(s, p + 2, "created", -1, SQLITE_STATIC);
    });
    m_pendingCreated.clear();
    return written;
}

Status BulkContactWriter::flushSources()
{
    if (Status contacts = flushContacts(); !contacts)
        return contacts;
    Status written = writeRows(m_sources, m_pendingSources.size(), [this](sqlite3_stmt *s, int p, qsizetype row) {
        const Source &source = m_pendingSources.at(row);
        sqlite3_bind_blob(s, p, source.fingerprint.bytes.data(), int(source.fingerprint.bytes.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, p + 1, source.contactId);
        sqlite3_bind_int64(s, p + 2, source.batchId);
    });
    m_pendingSources.clear();
    return written;
}

Status BulkContactWriter::flush()
{
    if (Status created = flushCreated(); !created)
        return created;
    return flushSources();
}

} // namespace Rapport::Core
