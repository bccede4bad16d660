#pragma once

#include "domain/contact.h"
#include "domain/contactrow.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace Rapport::Core {

class ContactSnapshot;
class Database;

/// Contacts and their details (emails, phones, profiles, addresses, tags).
class ContactStore
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ContactStore)

public:
    explicit ContactStore(Database &database);

    /// Creates a contact with all its details in one transaction; returns its id.
    /// A contact needs a name, an organization or an email.
    Result<qint64> add(const Contact &contact);
    /// Replaces the stored details of `contact.id`. Stage, history and
    /// introductions are not touched.
    Status update(const Contact &contact);
    /// Deletes a contact with everything that hangs off it, and the
    /// interactions no one else took part in, in one transaction. With
    /// `removed`, first keeps every row it takes away, for ContactSnapshot::restore.
    Status remove(qint64 id, ContactSnapshot *removed = nullptr);
    Result<Contact> get(qint64 id);
    /// Every contact with every detail, ordered by name. Reads each table once.
    Result<QList<Contact>> all();
    Result<bool> exists(qint64 id);
    /// The names (Contact::name()) of these contacts, read together; ids of
    /// contacts that are not there are left out.
    Result<QHash<qint64, QString>> names(const QList<qint64> &ids);
    Result<qint64> count();
    /// The tags at least one contact carries, by name.
    Result<QStringList> tagsInUse();

    /// Whether rows() and rowCount() answer this search text through the
    /// contacts' trigram index (three characters or more, one line) rather than
    /// by reading every contact.
    static bool searchUsesIndex(const QString &search);
    /// Whether rows() and rowCount() read the index's copy of the contacts'
    /// text for this search (any text: shorter text is matched with LIKE there).
    static bool searchReadsIndex(const QString &search);

    /// Rows for a list, filtered and sorted in SQL.
    Result<QList<ContactRow>> rows(const ContactListQuery &query, int offset, int limit);
    Result<qint64> rowCount(const ContactListQuery &query);

    /// A search brings the index's rows of up to this many changed contacts up
    /// to date itself; more (after a large import) would keep it waiting for
    /// seconds, so it reads every contact instead while a SearchIndexer
    /// catches up beside it.
    static constexpr int searchCatchUpLimit = 2000;
    /// Brings the index's rows of at most `limit` changed contacts (the
    /// lowest ids) up to date in one transaction; returns how many are left.
    Result<qint64> refreshSearchIndex(int limit);

private:
    /// Brings the search index's rows of the contacts changed since up to
    /// date; false when it cannot now (another connection is writing, or too
    /// many changed for one search to wait for), and the search then reads
    /// every contact instead.
    Result<bool> searchIndexReady();
    Status validate(const Contact &contact) const;
    Status writeDetails(qint64 id, const Contact &contact);
    Result<QList<Contact>> load(qint64 onlyId);

    Database &m_database;
};

} // namespace Rapport::Core
