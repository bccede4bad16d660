#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Rapport::Core {

class Database;

/// Every row that deleting one contact takes away, table by table, so that the
/// deletion can be undone exactly: the contact, its details and tags, the
/// interactions it took part in (with all their participants), introductions,
/// reminders, stage history, and whatever later tables hang off contacts or
/// interactions by a foreign key. Ids are kept, so links to the contact work
/// again after a restore.
class ContactSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ContactSnapshot)

public:
    struct Table
    {
        QString name;
        QStringList columns;
        /// Indexes into `columns` of the primary key (empty: none declared).
        QList<int> key;
        QList<QVariantList> rows;
    };

    qint64 contactId() const { return m_contactId; }
    QString contactName() const { return m_contactName; }
    const QList<Table> &tables() const { return m_tables; }
    /// How many rows of `table` the snapshot holds.
    qsizetype rowCount(const QString &table) const;

    /// Reads every row the deletion of `contactId` would remove. Call inside
    /// the deleting transaction.
    static Result<ContactSnapshot> capture(Database &database, qint64 contactId);
    /// Puts every row back with its id, parents before children, in one
    /// transaction. Rows that exist again unchanged (an interaction shared with
    /// another contact) are left alone; a row whose id was taken by something
    /// else refuses the whole restore, naming the table.
    Status restore(Database &database) const;

private:
    Status collect(Database &database, const QString &table, const QString &column, const QVariantList &values,
                   int depth);

    qint64 m_contactId = 0;
    QString m_contactName;
    QList<Table> m_tables;
};

} // namespace Rapport::Core
