#include "filecheck.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Rapport::Test {

namespace {

template<typename Read>
auto withConnection(const QString &path, Read read)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("filecheck-%1").arg(counter.fetchAndAddRelaxed(1));
    decltype(read(std::declval<QSqlDatabase &>())) result{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open())
            result = read(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

QString FileCheck::integrity(const QString &path)
{
    const QString result = withConnection(path, [](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
            return query.lastError().text();
        QStringList lines;
        while (query.next())
            lines << query.value(0).toString();
        return lines.join(u'\n');
    });
    return result.isEmpty() ? QStringLiteral("(the file could not be opened)") : result;
}

QStringList FileCheck::contactsDigest(const QString &path)
{
    return withConnection(path, [](QSqlDatabase &db) {
        QSqlQuery query(db);
        QStringList lines;
        const bool ran = query.exec(QStringLiteral(
            "SELECT c.display_name, c.organization, c.title, c.notes, "
            "(SELECT group_concat(kind || ':' || value, ',') FROM "
            " (SELECT kind, value FROM contact_fields f WHERE f.contact_id = c.id ORDER BY kind, position)) "
            "FROM contacts c"));
        if (!ran)
            return QStringList{QStringLiteral("(cannot read: %1)").arg(query.lastError().text())};
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < 5; ++i)
                fields << query.value(i).toString();
            lines << fields.join(u'|');
        }
        lines.sort();
        return lines;
    });
}

qint64 FileCheck::rows(const QString &path, const QString &table)
{
    return withConnection(path, [&table](QSqlDatabase &db) -> qint64 {
        QSqlQuery query(db);
        // `table` is a name from the test itself, never outside input.
        if (!query.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    });
}

} // namespace Rapport::Test
