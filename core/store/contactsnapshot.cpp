#include "contactsnapshot.h"

#include "database.h"
#include "transaction.h"

#include <QSet>
#include <QSqlQuery>

namespace Rapport::Core {

namespace {

/// Foreign-key children of a table: rows of `child` whose `column` holds a
/// value of the parent's `parentColumn`, removed with it (cascade) or
/// cleared (set null).
struct ChildLink
{
    QString child;
    QString column;
    QString parentColumn;
    bool setNull = false;
};

QString quoted(const QString &identifier)
{
    QString text = identifier;
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    if (a.typeId() == QMetaType::QByteArray || b.typeId() == QMetaType::QByteArray)
        return a.toByteArray() == b.toByteArray();
    return a.toString() == b.toString();
}

QString rowKey(const QVariantList &row, const QList<int> &key)
{
    QStringList parts;
    if (key.isEmpty()) {
        for (const QVariant &value : row)
            parts << (value.isNull() ? QStringLiteral("\x01") : value.toString());
    } else {
        for (int i : key)
            parts << row.value(i).toString();
    }
    return parts.join(QChar(0x1f));
}

Result<QList<ChildLink>> childLinks(Database &database, const QString &parent)
{
    QStringList tables;
    {
        auto q = database.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                              "LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
        if (!q)
            return q.status();
        while ((*q)->next())
            tables << (*q)->value(0).toString();
    }
    QList<ChildLink> links;
    for (const QString &table : std::as_const(tables)) {
        auto q = database.exec(QStringLiteral("SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM "
                                              "pragma_foreign_key_list(?)"),
                               {table});
        if (!q)
            return q.status();
        QHash<int, int> columnsPerKey;
        QList<std::pair<int, ChildLink>> found;
        while ((*q)->next()) {
            const int id = (*q)->value(0).toInt();
            ++columnsPerKey[id];
            if ((*q)->value(2).toString().compare(parent, Qt::CaseInsensitive) != 0)
                continue;
            const QString onDelete = (*q)->value(5).toString().toUpper();
            if (onDelete != u"CASCADE" && onDelete != u"SET NULL")
                continue;
            QString parentColumn = (*q)->value(4).toString();
            if (parentColumn.isEmpty())
                parentColumn = QStringLiteral("rowid");
            found.append({id, ChildLink{table, (*q)->value(3).toString(), parentColumn, onDelete == u"SET NULL"}});
        }
        for (const auto &[id, link] : found) {
            if (columnsPerKey.value(id) == 1) // keys over several columns do not occur in the schema
                links.append(link);
        }
    }
    return links;
}

} // namespace

qsizetype ContactSnapshot::rowCount(const QString &table) const
{
    for (const Table &t : m_tables) {
        if (t.name == table)
            return t.rows.size();
    }
    return 0;
}

Result<ContactSnapshot> ContactSnapshot::capture(Database &database, qint64 contactId)
{
    ContactSnapshot snapshot;
    snapshot.m_contactId = contactId;
    auto name = database.scalar(QStringLiteral("SELECT display_name FROM contacts WHERE id = ?"), {contactId});
    if (!name)
        return name.status();
    if (!name->isValid())
        return Result<ContactSnapshot>::failure(tr("There is no contact with id %1.").arg(contactId));
    snapshot.m_contactName = name->toString();

    QVariantList interactions;
    {
        auto q = database.exec(
            QStringLiteral("SELECT interaction_id FROM interaction_participants WHERE contact_id = ? "
                           "ORDER BY interaction_id"),
            {contactId});
        if (!q)
            return q.status();
        while ((*q)->next())
            interactions << (*q)->value(0);
    }
    // The contact and its interactions first, so that a restore inserts parents before children.
    if (Status s = snapshot.collect(database, QStringLiteral("contacts"), QStringLiteral("id"), {contactId}, 0); !s)
        return s;
    if (Status s = snapshot.collect(database, QStringLiteral("interactions"), QStringLiteral("id"), interactions, 0);
        !s)
        return s;
    return snapshot;
}

Status ContactSnapshot::collect(Database &database, const QString &table, const QString &column,
                                const QVariantList &values, int depth)
{
    if (depth > 8 || values.isEmpty())
        return Status::success();
    const QString failure = tr("The contact's data could not be read: %1");
    qsizetype index = -1;
    for (qsizetype i = 0; i < m_tables.size(); ++i) {
        if (m_tables[i].name == table)
            index = i;
    }
    if (index < 0) {
        Table fresh;
        fresh.name = table;
        auto q = database.exec(QStringLiteral("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid"), {table});
        if (!q)
            return Status::failure(failure.arg(q.error()));
        QList<std::pair<int, int>> keyOrder;
        while ((*q)->next()) {
            if (const int pk = (*q)->value(1).toInt(); pk > 0)
                keyOrder.append({pk, static_cast<int>(fresh.columns.size())});
            fresh.columns << (*q)->value(0).toString();
        }
        std::sort(keyOrder.begin(), keyOrder.end());
        for (const auto &[order, position] : keyOrder)
            fresh.key << position;
        m_tables.append(fresh);
        index = m_tables.size() - 1;
    }

    QStringList columnList;
    for (const QString &c : std::as_const(m_tables[index].columns))
        columnList << quoted(c);
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                            .arg(columnList.join(QStringLiteral(", ")), quoted(table), quoted(column));
    QSet<QString> seen;
    for (const QVariantList &row : std::as_const(m_tables[index].rows))
        seen.insert(rowKey(row, m_tables[index].key));
    QList<QVariantList> added;
    for (const QVariant &value : values) {
        auto q = database.exec(sql, {value});
        if (!q)
            return Status::failure(failure.arg(q.error()));
        while ((*q)->next()) {
            QVariantList row;
            row.reserve(columnList.size());
            for (int i = 0; i < columnList.size(); ++i) {
                // A typed null would be bound back as an empty value, not NULL.
                const QVariant v = (*q)->value(i);
                row << (v.isNull() ? QVariant() : v);
            }
            if (const QString key = rowKey(row, m_tables[index].key); !seen.contains(key)) {
                seen.insert(key);
                added << row;
            }
        }
    }
    m_tables[index].rows << added;
    if (added.isEmpty())
        return Status::success();

    auto links = childLinks(database, table);
    if (!links)
        return Status::failure(failure.arg(links.error()));
    const QStringList columns = m_tables[index].columns;
    for (const ChildLink &link : std::as_const(*links)) {
        const qsizetype parentIndex = columns.indexOf(link.parentColumn);
        if (parentIndex < 0)
            continue;
        QVariantList keys;
        for (const QVariantList &row : std::as_const(added))
            keys << row.value(parentIndex);
        if (Status s = collect(database, link.child, link.column, keys, depth + 1); !s)
            return s;
    }
    return Status::success();
}

Status ContactSnapshot::restore(Database &database) const
{
    const QString failure = tr("The contact could not be restored: %1");
    Transaction transaction(database);
    if (!transaction.status())
        return transaction.status();
    // Rows go back table by table; links between them are checked once all are in (reset at commit).
    if (auto deferred = database.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred)
        return Status::failure(failure.arg(deferred.error()));
    for (const Table &table : m_tables) {
        if (table.rows.isEmpty())
            continue;
        QStringList columnList;
        QStringList placeholders;
        for (const QString &c : table.columns) {
            columnList << quoted(c);
            placeholders << QStringLiteral("?");
        }
        QStringList keyConditions;
        for (int i : table.key)
            keyConditions << quoted(table.columns.value(i)) + QStringLiteral(" = ?");
        const QString select = QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                   .arg(columnList.join(QStringLiteral(", ")), quoted(table.name),
                                        keyConditions.join(QStringLiteral(" AND ")));
        const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(quoted(table.name), columnList.join(QStringLiteral(", ")),
                                        placeholders.join(QStringLiteral(", ")));
        for (const QVariantList &row : table.rows) {
            if (!table.key.isEmpty()) {
                QVariantList keyValues;
                for (int i : table.key)
                    keyValues << row.value(i);
                auto existing = database.exec(select, keyValues);
                if (!existing)
                    return Status::failure(failure.arg(existing.error()));
                if ((*existing)->next()) {
                    // Unchanged: shared with another contact. Cleared by ON DELETE SET NULL: set it back.
                    QStringList cleared;
                    QVariantList clearedValues;
                    bool conflict = false;
                    for (int i = 0; i < row.size(); ++i) {
                        const QVariant now = (*existing)->value(i);
                        if (sameValue(row[i], now))
                            continue;
                        if (!now.isNull()) {
                            conflict = true;
                            break;
                        }
                        cleared << quoted(table.columns.value(i)) + QStringLiteral(" = ?");
                        clearedValues << row[i];
                    }
                    (*existing)->finish();
                    if (!conflict && cleared.isEmpty())
                        continue;
                    if (!conflict) {
                        auto updated = database.exec(QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                                                         .arg(quoted(table.name), cleared.join(QStringLiteral(", ")),
                                                              keyConditions.join(QStringLiteral(" AND "))),
                                                     clearedValues + keyValues);
                        if (!updated)
                            return Status::failure(failure.arg(updated.error()));
                        continue;
                    }
                    if (table.name == u"contacts")
                        return Status::failure(failure.arg(tr("another contact now has id %1.").arg(m_contactId)));
                    return Status::failure(failure.arg(tr("a row of “%1” has been reused since.").arg(table.name)));
                }
            }
            auto inserted = database.exec(insert, row);
            if (!inserted)
                return Status::failure(failure.arg(inserted.error()));
        }
    }
    return transaction.commit();
}

} // namespace Rapport::Core
