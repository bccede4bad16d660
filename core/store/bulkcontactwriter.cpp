#include "bulkcontactwriter.h"

#include "database.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace Rapport::Core {

namespace {

constexpr int blockRows = 256;

} // namespace

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
    m_fields = {"INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred) VALUES ", 6, {}};
    m_addresses = {"INSERT INTO contact_addresses (contact_id, position, label, street, locality, region, postal_code, "
                   "country) VALUES ",
                   8,
                   {}};
    m_tagLinks = {"INSERT OR IGNORE INTO contact_tags (contact_id, tag_id, position) VALUES ", 3, {}};
    m_created = {"INSERT OR IGNORE INTO import_batch_contacts (batch_id, contact_id, action) VALUES ", 3, {}};
    m_sources = {"INSERT INTO contact_sources (fingerprint, contact_id, batch_id) VALUES ", 3, {}};
    const char *single[] = {
        "INSERT INTO contacts (uid, display_name, given_name, family_name, additional_names, honorific_prefix, "
        "honorific_suffix, nickname, organization, title, birthday, anniversary, photo, photo_mime, notes, "
        "extra_properties, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "INSERT INTO tags (name) VALUES (?)",
        "SELECT id FROM tags WHERE name = ?",
    };
    sqlite3_stmt **targets[] = {&m_insertContact, &m_insertTag, &m_findTag};
    for (int i = 0; i < 3; ++i) {
        if (sqlite3_prepare_v3(m_db, single[i], -1, SQLITE_PREPARE_PERSISTENT, targets[i], nullptr) != SQLITE_OK) {
            m_status = Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
            return;
        }
    }
}

BulkContactWriter::~BulkContactWriter()
{
    for (sqlite3_stmt *s : {m_insertContact, m_insertTag, m_findTag})
        sqlite3_finalize(s);
    for (MultiRowInsert *insert : {&m_fields, &m_addresses, &m_tagLinks, &m_created, &m_sources}) {
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

void BulkContactWriter::bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    // The file holds UTF-8: binding UTF-16 would have SQLite convert each
    // value into a buffer of its own, a third of writing a card. Qt converts
    // faster, and the values stay here until the statement has run.
    if (text.isEmpty()) {
        sqlite3_bind_text(statement, index, "", 0, SQLITE_STATIC);
        return;
    }
    const QByteArray &utf8 = m_boundText.emplace_back(text.toUtf8());
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

Status BulkContactWriter::step(sqlite3_stmt *statement)
{
    if (!statement)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    m_boundText.clear();
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return Status::success();
    return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

Result<qint64> BulkContactWriter::tagId(const QString &name)
{
    // The same folding as the tags table's NOCASE collation (ASCII only), so
    // that the cache and the table agree on which tags are one.
    QString key = name;
    for (QChar &c : key) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    if (const auto it = m_tags.constFind(key); it != m_tags.constEnd())
        return *it;
    bindText(m_findTag, 1, name);
    qint64 id = 0;
    if (sqlite3_step(m_findTag) == SQLITE_ROW)
        id = sqlite3_column_int64(m_findTag, 0);
    sqlite3_reset(m_findTag);
    m_boundText.clear();
    if (id == 0) {
        bindText(m_insertTag, 1, name);
        if (Status inserted = step(m_insertTag); !inserted)
            return inserted;
        id = sqlite3_last_insert_rowid(m_db);
    }
    m_tags.insert(key, id);
    return id;
}

Result<qint64> BulkContactWriter::add(const Contact &c)
{
    if (!m_status)
        return m_status;
    const QString name = c.name();
    if (name.trimmed().isEmpty())
        return Result<qint64>::failure(tr("A contact needs a name, an organization or an email address."));
    sqlite3_stmt *insert = m_insertContact;
    const qint64 now = m_database.clock().now().toMSecsSinceEpoch();
    int i = 1;
    for (const QString *text : {&c.uid, &name, &c.givenName, &c.familyName, &c.additionalNames, &c.honorificPrefix,
                                &c.honorificSuffix, &c.nickname, &c.organization, &c.title, &c.birthday,
                                &c.anniversary})
        bindText(insert, i++, *text);
    if (c.photo.isEmpty())
        sqlite3_bind_null(insert, i++);
    else
        sqlite3_bind_blob(insert, i++, c.photo.constData(), int(c.photo.size()), SQLITE_STATIC);
    bindText(insert, i++, c.photoMimeType);
    bindText(insert, i++, c.notes);
    bindText(insert, i++, c.extraProperties);
    sqlite3_bind_int64(insert, i++, now);
    sqlite3_bind_int64(insert, i++, now);
    if (Status inserted = step(insert); !inserted)
        return Result<qint64>::failure(tr("The contact could not be saved: %1").arg(inserted.error()));
    const qint64 id = sqlite3_last_insert_rowid(m_db);

    // Emails, phones, web addresses and profiles: one statement for all.
    m_fieldRows.clear();
    for (const auto &[kind, fields] : {std::pair{"email", &c.emails}, std::pair{"phone", &c.phones},
                                       std::pair{"url", &c.urls}}) {
        int position = 0;
        for (const ContactField &f : *fields) {
            QString value = f.value.trimmed();
            if (!value.isEmpty())
                m_fieldRows.append(Field{kind, position++, std::move(value), &f.label, f.preferred});
        }
    }
    QStringList services;
    services.reserve(c.socialProfiles.size());
    int position = 0;
    for (const SocialProfile &profile : c.socialProfiles) {
        QString handle = profile.handle.trimmed();
        if (handle.isEmpty())
            continue;
        services.append(profile.service.toLower());
        m_fieldRows.append(Field{"social", position++, std::move(handle), &services.constLast(), false});
    }
    for (qsizetype start = 0; start < m_fieldRows.size(); start += blockRows) {
        const int rows = int(std::min<qsizetype>(blockRows, m_fieldRows.size() - start));
        sqlite3_stmt *s = statement(m_fields, rows);
        if (!s)
            return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
        for (int r = 0; r < rows; ++r) {
            const Field &f = m_fieldRows.at(start + r);
            const int base = r * 6;
            sqlite3_bind_int64(s, base + 1, id);
            sqlite3_bind_text(s, base + 2, f.kind, -1, SQLITE_STATIC);
            sqlite3_bind_int(s, base + 3, f.position);
            bindText(s, base + 4, f.value);
            bindText(s, base + 5, *f.label);
            sqlite3_bind_int(s, base + 6, f.preferred ? 1 : 0);
        }
        if (Status written = step(s); !written)
            return written;
    }

    QList<const PostalAddress *> addresses;
    for (const PostalAddress &a : c.addresses) {
        if (!a.isEmpty())
            addresses.append(&a);
    }
    for (qsizetype start = 0; start < addresses.size(); start += blockRows) {
        const int rows = int(std::min<qsizetype>(blockRows, addresses.size() - start));
        sqlite3_stmt *s = statement(m_addresses, rows);
        if (!s)
            return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
        for (int r = 0; r < rows; ++r) {
            const PostalAddress &a = *addresses.at(start + r);
            const int base = r * 8;
            sqlite3_bind_int64(s, base + 1, id);
            sqlite3_bind_int(s, base + 2, int(start + r));
            int column = base + 3;
            for (const QString *text : {&a.label, &a.street, &a.locality, &a.region, &a.postalCode, &a.country})
                bindText(s, column++, *text);
        }
        if (Status written = step(s); !written)
            return written;
    }

    QList<qint64> tagIds;
    for (const QString &rawTag : c.tags) {
        const QString tag = rawTag.trimmed();
        if (tag.isEmpty())
            continue;
        auto tagRow = tagId(tag);
        if (!tagRow)
            return tagRow.status();
        tagIds.append(*tagRow);
    }
    for (qsizetype start = 0; start < tagIds.size(); start += blockRows) {
        const int rows = int(std::min<qsizetype>(blockRows, tagIds.size() - start));
        sqlite3_stmt *s = statement(m_tagLinks, rows);
        if (!s)
            return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
        for (int r = 0; r < rows; ++r) {
            sqlite3_bind_int64(s, r * 3 + 1, id);
            sqlite3_bind_int64(s, r * 3 + 2, tagIds.at(start + r));
            sqlite3_bind_int(s, r * 3 + 3, int(start + r));
        }
        if (Status written = step(s); !written)
            return written;
    }
    return id;
}

Status BulkContactWriter::recordCreated(qint64 batchId, qint64 contactId)
{
    m_pendingCreated.append(contactId);
    m_pendingCreated.append(batchId);
    return m_pendingCreated.size() >= 2 * blockRows ? flushCreated() : Status::success();
}

Status BulkContactWriter::recordSource(const QByteArray &fingerprint, qint64 contactId, qint64 batchId)
{
    m_pendingSources.append(Source{fingerprint, contactId, batchId});
    return m_pendingSources.size() >= blockRows ? flushSources() : Status::success();
}

Status BulkContactWriter::flushCreated()
{
    const int rows = int(m_pendingCreated.size() / 2);
    if (rows == 0)
        return Status::success();
    sqlite3_stmt *s = statement(m_created, rows);
    if (!s)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    for (int r = 0; r < rows; ++r) {
        sqlite3_bind_int64(s, r * 3 + 1, m_pendingCreated.at(2 * r + 1));
        sqlite3_bind_int64(s, r * 3 + 2, m_pendingCreated.at(2 * r));
        sqlite3_bind_text(s, r * 3 + 3, "created", -1, SQLITE_STATIC);
    }
    Status written = step(s);
    m_pendingCreated.clear();
    return written;
}

Status BulkContactWriter::flushSources()
{
    const int rows = int(m_pendingSources.size());
    if (rows == 0)
        return Status::success();
    sqlite3_stmt *s = statement(m_sources, rows);
    if (!s)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    for (int r = 0; r < rows; ++r) {
        const Source &source = m_pendingSources.at(r);
        sqlite3_bind_blob(s, r * 3 + 1, source.fingerprint.constData(), int(source.fingerprint.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int64(s, r * 3 + 2, source.contactId);
        sqlite3_bind_int64(s, r * 3 + 3, source.batchId);
    }
    Status written = step(s);
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
