#include "rowscan.h"

#include "store/database.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

namespace Rapport::Core {

qint64 RowScan::Row::integer(int column) const
{
    return m_statement ? sqlite3_column_int64(m_statement, column) : m_query->value(column).toLongLong();
}

bool RowScan::Row::isNull(int column) const
{
    return m_statement ? sqlite3_column_type(m_statement, column) == SQLITE_NULL : m_query->value(column).isNull();
}

QByteArrayView RowScan::Row::utf8(int column) const
{
    if (m_statement) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
    }
    m_buffer = m_query->value(column).toString().toUtf8();
    return m_buffer;
}

QByteArrayView RowScan::Row::bytes(int column) const
{
    if (m_statement) {
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QByteArrayView(blob, sqlite3_column_bytes(m_statement, column));
    }
    m_buffer = m_query->value(column).toByteArray();
    return m_buffer;
}

Status RowScan::run(Database &database, const QString &sql, const QVariantList &values,
                    const std::function<void(const Row &)> &each)
{
    sqlite3 *db = nullptr;
    const QVariant handle = QSqlDatabase::database(database.connectionName(), false).driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        db = *static_cast<sqlite3 *const *>(handle.constData());
    Row row;
    if (!db) {
        auto q = database.exec(sql, values);
        if (!q)
            return q.status();
        row.m_query = *q;
        while ((*q)->next())
            each(row);
        (*q)->finish();
        return Status::success();
    }

    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    QList<QByteArray> texts; // kept alive until the statement is done
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values[i];
        int bound = SQLITE_OK;
        if (value.typeId() == QMetaType::QString) {
            texts.append(value.toString().toUtf8());
            bound = sqlite3_bind_text(statement, i + 1, texts.constLast().constData(), int(texts.constLast().size()),
                                      SQLITE_STATIC);
        } else {
            bound = sqlite3_bind_int64(statement, i + 1, value.toLongLong());
        }
        if (bound != SQLITE_OK) {
            sqlite3_finalize(statement);
            return Status::failure(QString::fromUtf8(sqlite3_errmsg(db)));
        }
    }
    row.m_statement = statement;
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(statement)) == SQLITE_ROW)
        each(row);
    sqlite3_finalize(statement);
    if (stepped != SQLITE_DONE)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(db)));
    return Status::success();
}

} // namespace Rapport::Core
