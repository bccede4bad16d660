#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariantList>

#include <functional>

class QSqlQuery;
struct sqlite3_stmt;

namespace Rapport::Core {

class Database;

/// Reads the rows of a large query with as little cost per row as possible:
/// straight on SQLite's handle when Qt's driver uses this same libsqlite3 (as
/// Debian's does; see BulkContactWriter), else through QSqlQuery. The insights
/// scan up to millions of rows, where QSqlQuery's QVariant per value dominates.
class RowScan
{
public:
    /// One row, valid during the callback only.
    class Row
    {
    public:
        qint64 integer(int column) const;
        bool isNull(int column) const;
        /// The value as UTF-8 bytes, valid until the next call.
        QByteArrayView utf8(int column) const;
        /// A BLOB's bytes, valid until the next call.
        QByteArrayView bytes(int column) const;

    private:
        friend class RowScan;
        sqlite3_stmt *m_statement = nullptr;
        QSqlQuery *m_query = nullptr;
        mutable QByteArray m_buffer;
    };

    /// Runs `sql` with `values` (integers or text) bound in order and calls
    /// `each` for every row. Returns the database's message on failure.
    static Status run(Database &database, const QString &sql, const QVariantList &values,
                      const std::function<void(const Row &)> &each);
};

} // namespace Rapport::Core
