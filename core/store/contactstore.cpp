#include "contactstore.h"

#include "contactsnapshot.h"
#include "database.h"
#include "reminders/keepintouch.h"
#include "transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace Rapport::Core {

namespace {

const QString contactColumns = QStringLiteral(
    "c.id, c.uid, c.display_name, c.given_name, c.family_name, c.additional_names, c.honorific_prefix, "
    "c.honorific_suffix, c.nickname, c.organization, c.title, c.birthday, c.anniversary, c.photo, c.photo_mime, c.notes, "
    "c.met_channel, c.met_on, c.keep_in_touch_days, c.archived, c.extra_properties, c.stage, c.manual_stage, "
    "c.last_interaction_at, c.created_at, c.updated_at");

Contact readContact(const QSqlQuery &q)
{
    Contact c;
    int i = 0;
    c.id = q.value(i++).toLongLong();
    c.uid = q.value(i++).toString();
    c.displayName = q.value(i++).toString();
    c.givenName = q.value(i++).toString();
    c.familyName = q.value(i++).toString();
    c.additionalNames = q.value(i++).toString();
    c.honorificPrefix = q.value(i++).toString();
    c.honorificSuffix = q.value(i++).toString();
    c.nickname = q.value(i++).toString();
    c.organization = q.value(i++).toString();
    c.title = q.value(i++).toString();
    c.birthday = q.value(i++).toString();
    c.anniversary = q.value(i++).toString();
    c.photo = q.value(i++).toByteArray();
    c.photoMimeType = q.value(i++).toString();
    c.notes = q.value(i++).toString();
    c.metChannel = q.value(i++).toString();
    c.metOn = QDate::fromString(q.value(i++).toString(), Qt::ISODate);
    c.keepInTouchDays = q.value(i++).toInt();
    c.archived = q.value(i++).toBool();
    c.extraProperties = q.value(i++).toString();
    c.stage = static_cast<Stage>(q.value(i++).toInt());
    const QVariant manual = q.value(i++);
    if (!manual.isNull())
        c.manualStage = static_cast<Stage>(manual.toInt());
    c.lastInteractionAt = Database::fromStored(q.value(i++));
    c.createdAt = Database::fromStored(q.value(i++));
    c.updatedAt = Database::fromStored(q.value(i++));
    return c;
}

QVariant storedDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

/// The user's text as one FTS5 string: every character literal, quotes doubled,
/// so that `o'brien`, `anne-marie`, `a "b"` or `name:x` are only text to find.
QString ftsPhrase(QString text)
{
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

/// LIKE over contact_search's stored text (FTS5 keeps it in the table
/// contact_search_content, a column per indexed column, rowid as id), aliased
/// `s`: one lookup per contact instead of one per field and tag. Values on one
/// line never match across the line feeds that keep a contact's values apart.
QString indexedTextLike()
{
    return QStringLiteral("s.c0 LIKE ? ESCAPE '\\' OR s.c1 LIKE ? ESCAPE '\\' OR s.c2 LIKE ? ESCAPE '\\' "
                          "OR s.c3 LIKE ? ESCAPE '\\' OR s.c4 LIKE ? ESCAPE '\\'");
}

/// The WHERE clause for a list query: fixed SQL fragments chosen by the query,
/// the user's text only ever bound as a value.
QString whereClause(const ContactListQuery &query, bool indexReady, QVariantList &values,
                    const QList<qint64> *indexMatches = nullptr)
{
    QStringList conditions;
    if (!query.includeArchived)
        conditions << QStringLiteral("c.archived = 0");
    if (query.stage) {
        conditions << QStringLiteral("c.stage = ?");
        values << static_cast<int>(*query.stage);
    }
    if (!query.tag.isEmpty()) {
        conditions << QStringLiteral("EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                     "WHERE ct.contact_id = c.id AND t.name = ?)");
        values << query.tag;
    }
    if (query.ids) {
        // One bound JSON array, however many ids: SQLite's json_each() reads it as a table.
        QJsonArray ids;
        for (qint64 id : *query.ids)
            ids.append(id);
        conditions << QStringLiteral("c.id IN (SELECT value FROM json_each(?))");
        values << QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
    }
    const QString search = query.search.trimmed();
    const bool useIndex = indexReady && ContactStore::searchUsesIndex(search);
    if (!search.isEmpty() && useIndex) {
        // The index finds the contacts holding the text in any case; SQLite's
        // LIKE, the search's definition, ignores case only for ASCII letters.
        // For ASCII text the two agree, so the index alone answers; other text
        // is checked with LIKE too, among the (few) contacts the index found.
        if (indexMatches) {
            // What the index found already, not looked up a second time.
            conditions << QStringLiteral("c.id IN (SELECT value FROM json_each(?))");
            values << Database::jsonIds(*indexMatches);
        } else {
            conditions << QStringLiteral("c.id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH ?)");
            values << ftsPhrase(search);
        }
    }
    if (!search.isEmpty() && indexReady && !useIndex && !search.contains(QLatin1Char('\n'))) {
        // Too short for a trigram: LIKE over the index's copy of each contact's
        // text, one row per contact, instead of over every field and tag.
        conditions << QStringLiteral("c.id IN (SELECT s.id FROM contact_search_content s WHERE %1)")
                          .arg(indexedTextLike());
        const QString pattern = escapeLike(search);
        for (int i = 0; i < 5; ++i)
            values << pattern;
    } else if (!search.isEmpty() && (!useIndex || !isAscii(search))) {
        const QString pattern = escapeLike(search);
        conditions << QStringLiteral(
            "(c.display_name LIKE ? ESCAPE '\\' OR c.organization LIKE ? ESCAPE '\\' "
            "OR c.notes LIKE ? ESCAPE '\\' "
            "OR EXISTS (SELECT 1 FROM contact_fields f WHERE f.contact_id = c.id AND f.value LIKE ? ESCAPE '\\') "
            "OR EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
            "WHERE ct.contact_id = c.id AND t.name LIKE ? ESCAPE '\\'))");
        for (int i = 0; i < 5; ++i)
            values << pattern;
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

const QString nextFollowUpExpression = QStringLiteral(
    "(SELECT MIN(CASE WHEN r.state = 'snoozed' AND r.snoozed_until IS NOT NULL THEN r.snoozed_until "
    "ELSE r.due_at END) FROM reminders r WHERE r.contact_id = c.id AND r.state <> 'done')");

} // namespace

bool ContactStore::searchReadsIndex(const QString &search)
{
    return !search.trimmed().isEmpty();
}

bool ContactStore::searchUsesIndex(const QString &search)
{
    // Text of fewer than three characters has no trigram to look up, and text
    // with a line feed could match across two values the index keeps in one column.
    const QString text = search.trimmed();
    return text.toUcs4().size() >= 3 && !text.contains(QLatin1Char('\n'));
}

ContactStore::ContactStore(Database &database)
    : m_database(database)
{
}

Status ContactStore::validate(const Contact &contact) const
{
    if (contact.name().trimmed().isEmpty())
        return Status::failure(tr("A contact needs a name, an organization or an email address."));
    if (contact.keepInTouchDays < 0)
        return Status::failure(tr("The keep-in-touch cadence cannot be negative."));
    return Status::success();
}

Result<qint64> ContactStore::add(const Contact &contact)
{
    if (Status valid = validate(contact); !valid)
        return valid;
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    const QVariant now = Database::toStored(m_database.clock().now());
    auto id = m_database.insert(
        QStringLiteral("INSERT INTO contacts (uid, display_name, given_name, family_name, additional_names, "
                       "honorific_prefix, honorific_suffix, nickname, organization, title, birthday, anniversary, photo, "
                       "photo_mime, notes, met_channel, met_on, keep_in_touch_days, archived, extra_properties, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {contact.uid, contact.name(), contact.givenName, contact.familyName, contact.additionalNames,
         contact.honorificPrefix, contact.honorificSuffix, contact.nickname, contact.organization, contact.title,
         contact.birthday, contact.anniversary, contact.photo.isEmpty() ? QVariant() : QVariant(contact.photo),
         contact.photoMimeType, contact.notes, contact.metChannel, storedDate(contact.metOn), contact.keepInTouchDays,
         contact.archived ? 1 : 0, contact.extraProperties, now, now});
    if (!id)
        return Result<qint64>::failure(tr("The contact could not be saved: %1").arg(id.error()));
    if (Status details = writeDetails(*id, contact); !details)
        return details;
    if (contact.keepInTouchDays > 0) {
        if (Status rearmed = KeepInTouch(m_database).rearm(*id); !rearmed)
            return Status::failure(tr("The contact could not be saved: %1").arg(rearmed.error()));
    }
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return *id;
}

Status ContactStore::update(const Contact &contact)
{
    if (Status valid = validate(contact); !valid)
        return valid;
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto updated = m_database.exec(
        QStringLiteral("UPDATE contacts SET uid = ?, display_name = ?, given_name = ?, family_name = ?, "
                       "additional_names = ?, honorific_prefix = ?, honorific_suffix = ?, nickname = ?, "
                       "organization = ?, title = ?, birthday = ?, anniversary = ?, photo = ?, photo_mime = ?, notes = ?, "
                       "met_channel = ?, met_on = ?, keep_in_touch_days = ?, archived = ?, extra_properties = ?, "
                       "updated_at = ? WHERE id = ?"),
        {contact.uid, contact.name(), contact.givenName, contact.familyName, contact.additionalNames,
         contact.honorificPrefix, contact.honorificSuffix, contact.nickname, contact.organization, contact.title,
         contact.birthday, contact.anniversary, contact.photo.isEmpty() ? QVariant() : QVariant(contact.photo),
         contact.photoMimeType, contact.notes, contact.metChannel, storedDate(contact.metOn), contact.keepInTouchDays,
         contact.archived ? 1 : 0, contact.extraProperties, Database::toStored(m_database.clock().now()),
         contact.id});
    if (!updated)
        return Status::failure(tr("The contact could not be saved: %1").arg(updated.error()));
    if ((*updated)->numRowsAffected() != 1)
        return Status::failure(tr("There is no contact with id %1.").arg(contact.id));
    if (Status rearmed = KeepInTouch(m_database).rearm(contact.id); !rearmed)
        return Status::failure(tr("The contact could not be saved: %1").arg(rearmed.error()));
    for (const char *table : {"contact_fields", "contact_addresses", "contact_tags"}) {
        auto cleared = m_database.exec(
            QStringLiteral("DELETE FROM %1 WHERE contact_id = ?").arg(QLatin1StringView(table)), {contact.id});
        if (!cleared)
            return Status::failure(tr("The contact could not be saved: %1").arg(cleared.error()));
    }
    if (Status details = writeDetails(contact.id, contact); !details)
        return details;
    return transaction.commit();
}

Status ContactStore::writeDetails(qint64 id, const Contact &contact)
{
    const QString insertField = QStringLiteral(
        "INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred) VALUES (?, ?, ?, ?, ?, ?)");
    auto writeFields = [&](const QString &kind, const QList<ContactField> &fields) -> Status {
        int position = 0;
        for (const ContactField &field : fields) {
            if (field.value.trimmed().isEmpty())
                continue;
            auto inserted = m_database.exec(
                insertField, {id, kind, position++, field.value.trimmed(), field.label, field.preferred ? 1 : 0});
            if (!inserted)
                return Status::failure(tr("The contact's details could not be saved: %1").arg(inserted.error()));
        }
        return Status::success();
    };
    for (const auto &[kind, fields] : {std::pair{QStringLiteral("email"), &contact.emails},
                                       std::pair{QStringLiteral("phone"), &contact.phones},
                                       std::pair{QStringLiteral("url"), &contact.urls}}) {
        if (Status written = writeFields(kind, *fields); !written)
            return written;
    }
    int position = 0;
    for (const SocialProfile &profile : contact.socialProfiles) {
        if (profile.handle.trimmed().isEmpty())
            continue;
        auto inserted = m_database.exec(insertField, {id, QStringLiteral("social"), position++,
                                                      profile.handle.trimmed(), profile.service.toLower(), 0});
        if (!inserted)
            return Status::failure(tr("The contact's details could not be saved: %1").arg(inserted.error()));
    }
    position = 0;
    for (const PostalAddress &address : contact.addresses) {
        if (address.isEmpty())
            continue;
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO contact_addresses (contact_id, position, label, street, locality, region, "
                           "postal_code, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, position++, address.label, address.street, address.locality, address.region, address.postalCode,
             address.country});
        if (!inserted)
            return Status::failure(tr("The contact's address could not be saved: %1").arg(inserted.error()));
    }
    position = 0;
    for (const QString &rawTag : contact.tags) {
        const QString tag = rawTag.trimmed();
        if (tag.isEmpty())
            continue;
        auto created = m_database.exec(QStringLiteral("INSERT OR IGNORE INTO tags (name) VALUES (?)"), {tag});
        auto tagId = created ? m_database.scalar(QStringLiteral("SELECT id FROM tags WHERE name = ?"), {tag})
                             : Result<QVariant>(created.status());
        auto linked = tagId ? m_database.exec(QStringLiteral("INSERT OR IGNORE INTO contact_tags (contact_id, "
                                                             "tag_id, position) VALUES (?, ?, ?)"),
                                              {id, *tagId, position++})
                            : Result<QSqlQuery *>(tagId.status());
        if (!linked)
            return Status::failure(tr("The tag “%1” could not be saved: %2").arg(tag, linked.error()));
    }
    return Status::success();
}

Status ContactStore::remove(qint64 id, ContactSnapshot *removed)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    if (removed) {
        auto snapshot = ContactSnapshot::capture(m_database, id);
        if (!snapshot)
            return snapshot.status();
        *removed = std::move(snapshot).value();
    }
    // An interaction with no one left in it would hang in the activity timeline with no one.
    auto orphans = m_database.exec(
        QStringLiteral("DELETE FROM interactions WHERE id IN (SELECT p.interaction_id FROM interaction_participants p "
                       "WHERE p.contact_id = ?) AND NOT EXISTS (SELECT 1 FROM interaction_participants o WHERE "
                       "o.interaction_id = interactions.id AND o.contact_id <> ?)"),
        {id, id});
    if (!orphans)
        return Status::failure(tr("The contact could not be deleted: %1").arg(orphans.error()));
    auto deleted = m_database.exec(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {id});
    if (!deleted)
        return Status::failure(tr("The contact could not be deleted: %1").arg(deleted.error()));
    if ((*deleted)->numRowsAffected() != 1)
        return Status::failure(tr("There is no contact with id %1.").arg(id));
    return transaction.commit();
}

Result<Contact> ContactStore::get(qint64 id)
{
    auto loaded = load(id);
    if (!loaded)
        return loaded.status();
    if (loaded->isEmpty())
        return Result<Contact>::failure(tr("There is no contact with id %1.").arg(id));
    return loaded->constFirst();
}

Result<QList<Contact>> ContactStore::all()
{
    return load(0);
}

Result<QList<Contact>> ContactStore::load(qint64 onlyId)
{
    // One pass over each table, stitched together by id: a few queries
    // whatever the number of contacts.
    const QString filter = onlyId > 0 ? QStringLiteral(" WHERE c.id = ?") : QString();
    const QVariantList filterValues = onlyId > 0 ? QVariantList{onlyId} : QVariantList{};
    const QString failure = tr("The contacts could not be read: %1");

    QList<Contact> contacts;
    QHash<qint64, qsizetype> indexOf;
    {
        auto q = m_database.exec(QStringLiteral("SELECT %1 FROM contacts c%2 ORDER BY c.display_name COLLATE "
                                                "NOCASE, c.id")
                                     .arg(contactColumns, filter),
                                 filterValues);
        if (!q)
            return Result<QList<Contact>>::failure(failure.arg(q.error()));
        while ((*q)->next()) {
            indexOf.insert((*q)->value(0).toLongLong(), contacts.size());
            contacts.append(readContact(**q));
        }
    }
    if (contacts.isEmpty())
        return contacts;

    const QString detailFilter = onlyId > 0 ? QStringLiteral(" WHERE contact_id = ?") : QString();
    auto fields = m_database.exec(QStringLiteral("SELECT contact_id, kind, value, label, preferred FROM "
                                                 "contact_fields%1 ORDER BY contact_id, kind, position")
                                      .arg(detailFilter),
                                  filterValues);
    if (!fields)
        return Result<QList<Contact>>::failure(failure.arg(fields.error()));
    while ((*fields)->next()) {
        const auto it = indexOf.constFind((*fields)->value(0).toLongLong());
        if (it == indexOf.constEnd())
            continue;
        Contact &c = contacts[*it];
        const QString kind = (*fields)->value(1).toString();
        const QString value = (*fields)->value(2).toString();
        const QString label = (*fields)->value(3).toString();
        if (kind == u"social") {
            c.socialProfiles.append(SocialProfile{label, value});
            continue;
        }
        ContactField field{value, label, (*fields)->value(4).toBool()};
        if (kind == u"email")
            c.emails.append(field);
        else if (kind == u"phone")
            c.phones.append(field);
        else
            c.urls.append(field);
    }

    auto addresses = m_database.exec(
        QStringLiteral("SELECT contact_id, label, street, locality, region, postal_code, country FROM "
                       "contact_addresses%1 ORDER BY contact_id, position")
            .arg(detailFilter),
        filterValues);
    if (!addresses)
        return Result<QList<Contact>>::failure(failure.arg(addresses.error()));
    while ((*addresses)->next()) {
        const auto it = indexOf.constFind((*addresses)->value(0).toLongLong());
        if (it == indexOf.constEnd())
            continue;
        const QSqlQuery &a = **addresses;
        contacts[*it].addresses.append(PostalAddress{a.value(1).toString(), a.value(2).toString(),
                                                     a.value(3).toString(), a.value(4).toString(),
                                                     a.value(5).toString(), a.value(6).toString()});
    }

    auto tags = m_database.exec(QStringLiteral("SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON "
                                               "t.id = ct.tag_id%1 ORDER BY ct.contact_id, ct.position")
                                    .arg(onlyId > 0 ? QStringLiteral(" WHERE ct.contact_id = ?") : QString()),
                                filterValues);
    if (!tags)
        return Result<QList<Contact>>::failure(failure.arg(tags.error()));
    while ((*tags)->next()) {
        const auto it = indexOf.constFind((*tags)->value(0).toLongLong());
        if (it != indexOf.constEnd())
            contacts[*it].tags.append((*tags)->value(1).toString());
    }

    auto introducers = m_database.exec(QStringLiteral("SELECT to_contact, from_contact FROM introductions%1 "
                                                      "ORDER BY to_contact, date, id")
                                           .arg(onlyId > 0 ? QStringLiteral(" WHERE to_contact = ?") : QString()),
                                       filterValues);
    if (!introducers)
        return Result<QList<Contact>>::failure(failure.arg(introducers.error()));
    while ((*introducers)->next()) {
        const auto it = indexOf.constFind((*introducers)->value(0).toLongLong());
        if (it != indexOf.constEnd())
            contacts[*it].introducedBy.append((*introducers)->value(1).toLongLong());
    }
    return contacts;
}

Result<bool> ContactStore::exists(qint64 id)
{
    auto found = m_database.scalar(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"), {id});
    if (!found)
        return found.status();
    return found->isValid();
}

Result<qint64> ContactStore::count()
{
    auto counted = m_database.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
    if (!counted)
        return counted.status();
    return counted->toLongLong();
}

Result<QHash<qint64, QString>> ContactStore::names(const QList<qint64> &ids)
{
    QHash<qint64, QString> names;
    if (ids.isEmpty())
        return names;
    auto q = m_database.exec(QStringLiteral("SELECT id, display_name FROM contacts WHERE id IN (SELECT value FROM "
                                            "json_each(?))"),
                             {Database::jsonIds(ids)});
    if (!q)
        return Result<QHash<qint64, QString>>::failure(tr("The contacts could not be read: %1").arg(q.error()));
    QList<qint64> unnamed;
    while ((*q)->next()) {
        const QString name = (*q)->value(1).toString().trimmed();
        if (name.isEmpty())
            unnamed.append((*q)->value(0).toLongLong());
        else
            names.insert((*q)->value(0).toLongLong(), name);
    }
    (*q)->finish();
    // The stores always keep a name; a file written elsewhere may not.
    for (qint64 id : std::as_const(unnamed)) {
        auto contact = get(id);
        if (!contact)
            return contact.status();
        names.insert(id, contact->name());
    }
    return names;
}

Result<QStringList> ContactStore::tagsInUse()
{
    auto q = m_database.exec(QStringLiteral("SELECT t.name FROM tags t WHERE EXISTS (SELECT 1 FROM contact_tags ct "
                                            "WHERE ct.tag_id = t.id) ORDER BY t.name COLLATE NOCASE"));
    if (!q)
        return Result<QStringList>::failure(tr("The tags could not be read: %1").arg(q.error()));
    QStringList tags;
    while ((*q)->next())
        tags << (*q)->value(0).toString();
    return tags;
}

Result<bool> ContactStore::searchIndexReady()
{
    auto stale = m_database.scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM contact_search_stale LIMIT ?)"),
                                   {searchCatchUpLimit + 1});
    if (!stale)
        return stale.status();
    if (stale->toInt() == 0)
        return true;
    if (stale->toInt() > searchCatchUpLimit)
        return false;
    auto left = refreshSearchIndex(searchCatchUpLimit);
    return left.ok() && *left == 0;
}

Result<qint64> ContactStore::refreshSearchIndex(int limit)
{
    // One statement for all of them: FTS5 writes its changes out at the end of
    // every statement, so row by row would cost a write each. The block is
    // chosen inside the transaction, so two connections catching up at once
    // never index a contact twice.
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto last = m_database.scalar(QStringLiteral("SELECT max(contact_id) FROM (SELECT contact_id FROM "
                                                 "contact_search_stale ORDER BY contact_id LIMIT ?)"),
                                  {limit});
    if (!last)
        return last.status();
    if (last->isNull())
        return qint64(0);
    for (const char *sql :
         {"DELETE FROM contact_search WHERE rowid IN (SELECT contact_id FROM contact_search_stale "
          "WHERE contact_id <= ?)",
          "INSERT INTO contact_search (rowid, name, organization, notes, fields, tags) "
          "SELECT c.id, c.display_name, c.organization, c.notes, "
          "(SELECT group_concat(f.value, char(10)) FROM contact_fields f WHERE f.contact_id = c.id), "
          "(SELECT group_concat(t.name, char(10)) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
          "WHERE ct.contact_id = c.id) FROM contacts c "
          "WHERE c.id IN (SELECT contact_id FROM contact_search_stale WHERE contact_id <= ?)",
          "DELETE FROM contact_search_stale WHERE contact_id <= ?"}) {
        if (auto done = m_database.exec(QString::fromLatin1(sql), {*last}); !done)
            return done.status();
    }
    auto left = m_database.scalar(QStringLiteral("SELECT count(*) FROM contact_search_stale"));
    if (!left)
        return left.status();
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return left->toLongLong();
}

Result<QList<ContactRow>> ContactStore::rows(const ContactListQuery &query, int offset, int limit)
{
    bool indexReady = false;
    if (searchReadsIndex(query.search)) {
        auto ready = searchIndexReady();
        if (!ready)
            return Result<QList<ContactRow>>::failure(tr("The contacts could not be read: %1").arg(ready.error()));
        indexReady = *ready;
    }
    QVariantList values;
    const QString where = whereClause(query, indexReady, values);
    QString order;
    switch (query.sortKey) {
    case ContactListQuery::SortKey::Name:
        order = QStringLiteral("c.display_name COLLATE NOCASE %1");
        break;
    case ContactListQuery::SortKey::Organization:
        order = QStringLiteral("c.organization = '', c.organization COLLATE NOCASE %1");
        break;
    case ContactListQuery::SortKey::Stage:
        order = QStringLiteral("c.stage %1");
        break;
    case ContactListQuery::SortKey::LastInteraction:
        order = QStringLiteral("c.last_interaction_at IS NULL, c.last_interaction_at %1");
        break;
    case ContactListQuery::SortKey::NextFollowUp:
        order = QStringLiteral("next_follow_up IS NULL, next_follow_up %1");
        break;
    }
    order = order.arg(query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    const QString columns = QStringLiteral(
        "SELECT c.id, c.display_name, c.organization, "
        "(SELECT f.value FROM contact_fields f WHERE f.contact_id = c.id AND f.kind = 'email' "
        "ORDER BY f.position LIMIT 1), c.stage, c.last_interaction_at, %1 AS next_follow_up, "
        "(SELECT group_concat(name, ', ') FROM (SELECT t.name FROM contact_tags ct JOIN tags t "
        "ON t.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY ct.position)), c.archived ")
                                .arg(nextFollowUpExpression);
    const QString ordered = QStringLiteral(" ORDER BY %1, c.display_name COLLATE NOCASE, c.id").arg(order);
    auto read = [](QSqlQuery &r) {
        QList<ContactRow> rows;
        while (r.next()) {
            rows.append(ContactRow{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                                   r.value(3).toString(), static_cast<Stage>(r.value(4).toInt()),
                                   Database::fromStored(r.value(5)), Database::fromStored(r.value(6)),
                                   r.value(7).toString(), r.value(8).toBool()});
        }
        r.finish();
        return rows;
    };
    // Left to itself SQLite reads every contact the index found and sorts them
    // by name: quick for a few, tens of milliseconds for thousands, a quarter
    // of a second for a mail domain every contact has. When many match,
    // walking the names in order and testing each contact's text with LIKE
    // (the search's definition) stops after a page instead, and would read
    // every name when few match. A look at the index, stopping at a thousand,
    // tells the two apart; text too short for the index always walks.
    const QString search = query.search.trimmed();
    if (query.sortKey == ContactListQuery::SortKey::Name && indexReady && !query.ids
        && !search.contains(QLatin1Char('\n'))) {
        bool many = true;
        if (searchUsesIndex(search)) {
            auto probe = m_database.exec(QStringLiteral("SELECT rowid FROM contact_search WHERE contact_search MATCH ? "
                                                        "LIMIT 1000"),
                                         {ftsPhrase(search)});
            if (!probe)
                return Result<QList<ContactRow>>::failure(tr("The contacts could not be read: %1").arg(probe.error()));
            QList<qint64> matches;
            while ((*probe)->next())
                matches.append((*probe)->value(0).toLongLong());
            (*probe)->finish();
            many = matches.size() >= 1000;
            if (!many) {
                QVariantList fewValues;
                const QString fewWhere = whereClause(query, indexReady, fewValues, &matches);
                fewValues << limit << offset;
                auto few = m_database.exec(
                    columns + QStringLiteral("FROM contacts c%1%2 LIMIT ? OFFSET ?").arg(fewWhere, ordered), fewValues);
                if (!few)
                    return Result<QList<ContactRow>>::failure(tr("The contacts could not be read: %1").arg(few.error()));
                return read(**few);
            }
        }
        if (many) {
            ContactListQuery filters = query;
            filters.search.clear();
            QVariantList walkValues;
            QString walkWhere = whereClause(filters, false, walkValues);
            walkWhere += (walkWhere.isEmpty() ? QStringLiteral(" WHERE (") : QStringLiteral(" AND (")) + indexedTextLike()
                + QLatin1Char(')');
            const QString pattern = escapeLike(search);
            for (int i = 0; i < 5; ++i)
                walkValues << pattern;
            walkValues << limit << offset;
            auto walk = m_database.exec(columns
                                            + QStringLiteral("FROM contacts c INDEXED BY contacts_by_name CROSS JOIN "
                                                             "contact_search_content s ON s.id = c.id%1%2 LIMIT ? OFFSET ?")
                                                  .arg(walkWhere, ordered),
                                        walkValues);
            if (!walk)
                return Result<QList<ContactRow>>::failure(tr("The contacts could not be read: %1").arg(walk.error()));
            return read(**walk);
        }
    }
    values << limit << offset;
    auto q = m_database.exec(columns + QStringLiteral("FROM contacts c%1%2 LIMIT ? OFFSET ?").arg(where, ordered), values);
    if (!q)
        return Result<QList<ContactRow>>::failure(tr("The contacts could not be read: %1").arg(q.error()));
    return read(**q);
}

Result<qint64> ContactStore::rowCount(const ContactListQuery &query)
{
    bool indexReady = false;
    if (searchReadsIndex(query.search)) {
        auto ready = searchIndexReady();
        if (!ready)
            return Result<qint64>::failure(tr("The contacts could not be counted: %1").arg(ready.error()));
        indexReady = *ready;
    }
    QVariantList values;
    const QString where = whereClause(query, indexReady, values);
    auto q = m_database.exec(QStringLiteral("SELECT count(*) FROM contacts c%1").arg(where), values);
    if (!q)
        return Result<qint64>::failure(tr("The contacts could not be counted: %1").arg(q.error()));
    qint64 n = 0;
    if ((*q)->next())
        n = (*q)->value(0).toLongLong();
    (*q)->finish();
    return n;
}

} // namespace Rapport::Core
