#pragma once

#include "domain/contact.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

struct sqlite3;
struct sqlite3_stmt;

namespace Rapport::Core {

class Database;

/// Writes many new contacts fast, for imports: statements prepared once on
/// SQLite itself, a contact's emails, phones and profiles in one multi-row
/// INSERT, the import's bookkeeping rows gathered and written in blocks, tags
/// cached. It must be used inside a Transaction; what it writes lands or not
/// with that transaction. Call flush() before the transaction commits.
class BulkContactWriter
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::BulkContactWriter)

public:
    explicit BulkContactWriter(Database &database);
    ~BulkContactWriter();
    BulkContactWriter(const BulkContactWriter &) = delete;
    BulkContactWriter &operator=(const BulkContactWriter &) = delete;

    Status status() const { return m_status; }

    /// Inserts a contact with all its details; returns its id.
    Result<qint64> add(const Contact &contact);
    /// Notes that an import batch created a contact (written in blocks).
    Status recordCreated(qint64 batchId, qint64 contactId);
    /// Notes which imported card a contact holds (written in blocks).
    Status recordSource(const QByteArray &fingerprint, qint64 contactId, qint64 batchId);
    /// Writes what is still gathered.
    Status flush();

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
    /// Binds `text` as UTF-8, kept in m_boundText until the next step().
    void bindText(sqlite3_stmt *statement, int index, const QString &text);
    Status step(sqlite3_stmt *statement);
    Result<qint64> tagId(const QString &name);
    Status flushCreated();
    Status flushSources();

    struct Field
    {
        const char *kind;
        int position;
        QString value;
        const QString *label;
        bool preferred;
    };

    Database &m_database;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertContact = nullptr;
    sqlite3_stmt *m_insertTag = nullptr;
    sqlite3_stmt *m_findTag = nullptr;
    MultiRowInsert m_fields;
    MultiRowInsert m_addresses;
    MultiRowInsert m_tagLinks;
    MultiRowInsert m_created;
    MultiRowInsert m_sources;
    QHash<QString, qint64> m_tags;
    QList<Field> m_fieldRows;
    QList<QByteArray> m_boundText;
    QList<qint64> m_pendingCreated;
    struct Source
    {
        QByteArray fingerprint;
        qint64 contactId;
        qint64 batchId;
    };
    QList<Source> m_pendingSources;
    Status m_status = Status::success();
};

} // namespace Rapport::Core
