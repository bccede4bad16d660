#include "introductionstore.h"

#include "database.h"
#include "transaction.h"

#include <QSqlQuery>

namespace Rapport::Core {

IntroductionStore::IntroductionStore(Database &database)
    : m_database(database)
{
}

Result<qint64> IntroductionStore::add(const Introduction &introduction)
{
    if (introduction.fromContact == introduction.toContact)
        return Result<qint64>::failure(tr("A contact cannot introduce themselves."));
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    for (qint64 id : {introduction.fromContact, introduction.toContact}) {
        auto found = m_database.scalar(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"), {id});
        if (!found)
            return found.status();
        if (!found->isValid())
            return Result<qint64>::failure(tr("There is no contact with id %1.").arg(id));
    }
    auto existing = m_database.scalar(
        QStringLiteral("SELECT id FROM introductions WHERE from_contact = ? AND to_contact = ?"),
        {introduction.fromContact, introduction.toContact});
    if (!existing)
        return existing.status();
    if (existing->isValid())
        return Result<qint64>::failure(tr("This introduction is already recorded."));
    const QDate date = introduction.date.isValid() ? introduction.date : m_database.clock().now().date();
    auto id = m_database.insert(QStringLiteral("INSERT INTO introductions (from_contact, to_contact, kind, date, "
                                               "note, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                {introduction.fromContact, introduction.toContact,
                                 introductionKindKey(introduction.kind), date.toString(Qt::ISODate),
                                 introduction.note, Database::toStored(m_database.clock().now())});
    if (!id)
        return Result<qint64>::failure(tr("The introduction could not be saved: %1").arg(id.error()));
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return *id;
}

Status IntroductionStore::remove(qint64 id)
{
    auto removed = m_database.exec(QStringLiteral("DELETE FROM introductions WHERE id = ?"), {id});
    if (!removed)
        return Status::failure(tr("The introduction could not be deleted: %1").arg(removed.error()));
    if ((*removed)->numRowsAffected() != 1)
        return Status::failure(tr("There is no introduction with id %1.").arg(id));
    return Status::success();
}

Result<QList<Introduction>> IntroductionStore::all()
{
    return read(QString(), {});
}

Result<QList<Introduction>> IntroductionStore::into(qint64 contactId)
{
    return read(QStringLiteral(" WHERE to_contact = ?"), {contactId});
}

Result<QList<Introduction>> IntroductionStore::from(qint64 contactId)
{
    return read(QStringLiteral(" WHERE from_contact = ?"), {contactId});
}

Result<QList<Introduction>> IntroductionStore::upstreamOf(qint64 contactId)
{
    return read(QStringLiteral(" WHERE to_contact IN (WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT "
                               "i.from_contact FROM introductions i JOIN up ON i.to_contact = up.id) SELECT id FROM up)"),
                {contactId});
}

Result<QList<Introduction>> IntroductionStore::read(const QString &where, const QVariantList &values)
{
    auto q = m_database.exec(QStringLiteral("SELECT id, from_contact, to_contact, kind, date, note FROM "
                                            "introductions%1 ORDER BY date, id")
                                 .arg(where),
                             values);
    if (!q)
        return Result<QList<Introduction>>::failure(tr("The introductions could not be read: %1").arg(q.error()));
    QList<Introduction> introductions;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        introductions.append(Introduction{
            r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(),
            introductionKindFromKey(r.value(3).toString()).value_or(IntroductionKind::Introduced),
            QDate::fromString(r.value(4).toString(), Qt::ISODate), r.value(5).toString()});
    }
    return introductions;
}

} // namespace Rapport::Core
