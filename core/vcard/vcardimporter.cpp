#include "vcardimporter.h"

#include "json/contactjson.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/transaction.h"
#include "vcardreader.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace Rapport::Core {

namespace {

/// The digits of a phone number; the last ten identify it across "+1 303…"
/// and "(303)…" spellings. Numbers too short to be sure of are not matched.
QString phoneKey(const QString &phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.size() < 6)
        return {};
    return digits.right(10);
}

QString nameOrgKey(const Contact &contact)
{
    if (contact.organization.trimmed().isEmpty() || contact.name().trimmed().isEmpty())
        return {};
    return contact.name().trimmed().toCaseFolded() + QChar(0x1f) + contact.organization.trimmed().toCaseFolded();
}

/// A digest of everything a card says, to recognise the same card next time.
QByteArray fingerprint(const Contact &c)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const QString &text) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.constData()), text.size() * 2));
        hash.addData(QByteArrayView("\x1f", 1));
    };
    for (const QString *text : {&c.uid, &c.displayName, &c.givenName, &c.familyName, &c.additionalNames,
                                &c.honorificPrefix, &c.honorificSuffix, &c.nickname, &c.organization, &c.title,
                                &c.birthday, &c.anniversary, &c.notes, &c.extraProperties})
        add(*text);
    for (const auto *fields : {&c.emails, &c.phones, &c.urls}) {
        for (const ContactField &field : *fields) {
            add(field.value);
            add(field.label);
        }
        add(QStringLiteral("|"));
    }
    for (const SocialProfile &profile : c.socialProfiles) {
        add(profile.service);
        add(profile.handle);
    }
    for (const PostalAddress &a : c.addresses) {
        for (const QString *text : {&a.label, &a.street, &a.locality, &a.region, &a.postalCode, &a.country})
            add(*text);
    }
    for (const QString &tag : c.tags)
        add(tag);
    hash.addData(c.photo);
    return hash.result();
}

bool containsField(const QList<ContactField> &fields, const ContactField &candidate, bool isPhone)
{
    const QString key = isPhone ? phoneKey(candidate.value) : QString();
    for (const ContactField &field : fields) {
        if (field.value.compare(candidate.value, Qt::CaseInsensitive) == 0)
            return true;
        if (isPhone && !key.isEmpty() && phoneKey(field.value) == key)
            return true;
    }
    return false;
}

/// Adds to `target` what `incoming` has and it lacks. Returns whether anything changed.
bool mergeInto(Contact &target, const Contact &incoming)
{
    bool changed = false;
    auto fill = [&changed](QString &field, const QString &value) {
        if (field.trimmed().isEmpty() && !value.trimmed().isEmpty()) {
            field = value;
            changed = true;
        }
    };
    fill(target.uid, incoming.uid);
    fill(target.displayName, incoming.displayName);
    fill(target.givenName, incoming.givenName);
    fill(target.familyName, incoming.familyName);
    fill(target.additionalNames, incoming.additionalNames);
    fill(target.honorificPrefix, incoming.honorificPrefix);
    fill(target.honorificSuffix, incoming.honorificSuffix);
    fill(target.nickname, incoming.nickname);
    fill(target.organization, incoming.organization);
    fill(target.title, incoming.title);
    fill(target.birthday, incoming.birthday);
    fill(target.anniversary, incoming.anniversary);
    if (target.photo.isEmpty() && !incoming.photo.isEmpty()) {
        target.photo = incoming.photo;
        target.photoMimeType = incoming.photoMimeType;
        changed = true;
    }
    for (const auto &[targetFields, incomingFields, isPhone] :
         {std::tuple{&target.emails, &incoming.emails, false}, std::tuple{&target.phones, &incoming.phones, true},
          std::tuple{&target.urls, &incoming.urls, false}}) {
        for (const ContactField &field : *incomingFields) {
            if (!containsField(*targetFields, field, isPhone)) {
                targetFields->append(ContactField{field.value, field.label, false});
                changed = true;
            }
        }
    }
    for (const SocialProfile &profile : incoming.socialProfiles) {
        const bool known = std::any_of(target.socialProfiles.cbegin(), target.socialProfiles.cend(),
                                       [&profile](const SocialProfile &p) {
                                           return p.handle.compare(profile.handle, Qt::CaseInsensitive) == 0;
                                       });
        if (!known) {
            target.socialProfiles.append(profile);
            changed = true;
        }
    }
    for (const PostalAddress &address : incoming.addresses) {
        if (!target.addresses.contains(address)) {
            target.addresses.append(address);
            changed = true;
        }
    }
    for (const QString &tag : incoming.tags) {
        if (!target.tags.contains(tag, Qt::CaseInsensitive)) {
            target.tags.append(tag);
            changed = true;
        }
    }
    const QString note = incoming.notes.trimmed();
    if (!note.isEmpty() && !target.notes.contains(note)) {
        target.notes = target.notes.trimmed().isEmpty() ? note : target.notes + QStringLiteral("\n\n") + note;
        changed = true;
    }
    for (const QString &line : incoming.extraProperties.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
        if (!target.extraProperties.contains(line)) {
            target.extraProperties += line + QStringLiteral("\r\n");
            changed = true;
        }
    }
    return changed;
}

/// What the data file already holds, by every key a card can match on.
class MatchIndex
{
public:
    Status load(Database &db)
    {
        auto uids = db.exec(QStringLiteral("SELECT uid, id FROM contacts WHERE uid <> ''"));
        if (!uids)
            return uids.status();
        while ((*uids)->next())
            m_byUid.insert((*uids)->value(0).toString(), (*uids)->value(1).toLongLong());
        auto fields = db.exec(QStringLiteral("SELECT kind, value, contact_id FROM contact_fields "
                                             "WHERE kind IN ('email', 'phone')"));
        if (!fields)
            return fields.status();
        while ((*fields)->next()) {
            const QString value = (*fields)->value(1).toString();
            const qint64 id = (*fields)->value(2).toLongLong();
            if ((*fields)->value(0).toString() == u"email")
                m_byEmail.insert(value.toCaseFolded(), id);
            else if (const QString key = phoneKey(value); !key.isEmpty())
                m_byPhone.insert(key, id);
        }
        auto names = db.exec(QStringLiteral("SELECT display_name, organization, id FROM contacts "
                                            "WHERE organization <> ''"));
        if (!names)
            return names.status();
        while ((*names)->next()) {
            Contact c;
            c.displayName = (*names)->value(0).toString();
            c.organization = (*names)->value(1).toString();
            m_byNameOrg.insert(nameOrgKey(c), (*names)->value(2).toLongLong());
        }
        auto sources = db.exec(QStringLiteral("SELECT fingerprint, contact_id FROM contact_sources"));
        if (!sources)
            return sources.status();
        while ((*sources)->next())
            m_bySource.insert((*sources)->value(0).toByteArray(), (*sources)->value(1).toLongLong());
        return Status::success();
    }

    qint64 sourceOwner(const QByteArray &fingerprint) const { return m_bySource.value(fingerprint); }

    qint64 match(const Contact &c) const
    {
        if (!c.uid.isEmpty()) {
            if (qint64 id = m_byUid.value(c.uid))
                return id;
        }
        for (const ContactField &email : c.emails) {
            if (qint64 id = m_byEmail.value(email.value.toCaseFolded()))
                return id;
        }
        // Colleagues share an office line: a phone number decides only for a
        // card that has no email address to tell people apart.
        if (!c.emails.isEmpty())
            return 0;
        for (const ContactField &phone : c.phones) {
            const QString key = phoneKey(phone.value);
            if (!key.isEmpty()) {
                if (qint64 id = m_byPhone.value(key))
                    return id;
            }
        }
        // Name and organization alone are a weak hint: two people can share
        // both. It only decides for a card with no email or phone to go by.
        if (c.emails.isEmpty() && c.phones.isEmpty()) {
            if (const QString key = nameOrgKey(c); !key.isEmpty())
                return m_byNameOrg.value(key);
        }
        return 0;
    }

    void add(qint64 id, const Contact &c, const QByteArray &fingerprint)
    {
        if (!c.uid.isEmpty())
            m_byUid.insert(c.uid, id);
        for (const ContactField &email : c.emails)
            m_byEmail.insert(email.value.toCaseFolded(), id);
        for (const ContactField &phone : c.phones) {
            if (const QString key = phoneKey(phone.value); !key.isEmpty())
                m_byPhone.insert(key, id);
        }
        if (const QString key = nameOrgKey(c); !key.isEmpty())
            m_byNameOrg.insert(key, id);
        m_bySource.insert(fingerprint, id);
    }

private:
    QHash<QString, qint64> m_byUid;
    QHash<QString, qint64> m_byEmail;
    QHash<QString, qint64> m_byPhone;
    QHash<QString, qint64> m_byNameOrg;
    QHash<QByteArray, qint64> m_bySource;
};

} // namespace

VCardImporter::VCardImporter(Database &database)
    : m_database(database)
{
}

Result<ImportResult> VCardImporter::importFiles(const QStringList &paths, const Progress &progress)
{
    ImportResult result;
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();

    MatchIndex index;
    if (Status loaded = index.load(m_database); !loaded)
        return Result<ImportResult>::failure(tr("The contacts could not be read for matching: %1").arg(loaded.error()));

    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();
    auto batch = m_database.insert(QStringLiteral("INSERT INTO import_batches (imported_at, files) VALUES (?, ?)"),
                                   {Database::toStored(m_database.clock().now()), names.join(QStringLiteral(", "))});
    if (!batch)
        return batch.status();
    result.batchId = *batch;

    ContactStore contacts(m_database);
    const QString recordSql = QStringLiteral(
        "INSERT OR IGNORE INTO import_batch_contacts (batch_id, contact_id, action, before) VALUES (?, ?, ?, ?)");
    const QString sourceSql = QStringLiteral(
        "INSERT OR IGNORE INTO contact_sources (fingerprint, contact_id, batch_id) VALUES (?, ?, ?)");
    qint64 done = 0;
    qint64 total = 0;
    QSet<qint64> createdHere;

    for (const QString &path : paths) {
        VCardParseResult parsed = VCardReader::parseFile(path);
        if (!parsed.isVCard()) {
            result.fileErrors << parsed.fileError;
            continue;
        }
        result.problems += parsed.problems;
        result.skipped += parsed.skippedCards;
        total += parsed.cards.size();

        for (ParsedCard &card : parsed.cards) {
            const QByteArray print = fingerprint(card.contact);
            if (index.sourceOwner(print)) {
                ++result.unchanged;
            } else if (const qint64 match = index.match(card.contact)) {
                auto existing = contacts.get(match);
                if (!existing)
                    return existing.status();
                Contact merged = *existing;
                if (mergeInto(merged, card.contact)) {
                    if (!createdHere.contains(match)) {
                        const QByteArray before = QJsonDocument(contactSnapshot(*existing)).toJson(QJsonDocument::Compact);
                        if (auto recorded = m_database.exec(recordSql, {result.batchId, match, QStringLiteral("merged"),
                                                                        QString::fromUtf8(before)});
                            !recorded)
                            return recorded.status();
                    }
                    ++result.merged;
                    if (Status updated = contacts.update(merged); !updated)
                        return Result<ImportResult>::failure(
                            tr("%1 line %2: %3").arg(QFileInfo(path).fileName()).arg(card.line).arg(updated.error()));
                } else {
                    ++result.unchanged;
                }
                index.add(match, card.contact, print);
                if (auto source = m_database.exec(sourceSql, {print, match, result.batchId}); !source)
                    return source.status();
            } else {
                auto id = contacts.add(card.contact);
                if (!id) {
                    return Result<ImportResult>::failure(
                        tr("%1 line %2: %3").arg(QFileInfo(path).fileName()).arg(card.line).arg(id.error()));
                }
                createdHere.insert(*id);
                ++result.created;
                index.add(*id, card.contact, print);
                if (auto recorded = m_database.exec(recordSql, {result.batchId, *id, QStringLiteral("created"), QVariant()});
                    !recorded)
                    return recorded.status();
                if (auto source = m_database.exec(sourceSql, {print, *id, result.batchId}); !source)
                    return source.status();
            }
            ++done;
            if (progress && (done % 256) == 0 && !progress(done, total))
                return Result<ImportResult>::failure(tr("The import was cancelled; nothing was imported."));
        }
    }

    auto counted = m_database.exec(QStringLiteral("UPDATE import_batches SET created = ?, merged = ?, unchanged = ?, "
                                                  "skipped = ? WHERE id = ?"),
                                   {result.created, result.merged, result.unchanged, result.skipped, result.batchId});
    if (!counted)
        return counted.status();
    if (Status committed = transaction.commit(); !committed)
        return committed;
    if (progress)
        progress(done, total);
    return result;
}

Status VCardImporter::undo(qint64 batchId)
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto undone = m_database.scalar(QStringLiteral("SELECT coalesce(undone_at, 0) FROM import_batches WHERE id = ?"),
                                    {batchId});
    if (!undone)
        return undone.status();
    if (!undone->isValid())
        return Status::failure(tr("There is no import with number %1.").arg(batchId));
    if (undone->toLongLong() != 0)
        return Status::failure(tr("Import %1 was already undone.").arg(batchId));

    QList<QPair<qint64, QString>> merged;
    QList<qint64> created;
    {
        auto rows = m_database.exec(QStringLiteral("SELECT contact_id, action, before FROM import_batch_contacts "
                                                   "WHERE batch_id = ?"),
                                    {batchId});
        if (!rows)
            return rows.status();
        while ((*rows)->next()) {
            if ((*rows)->value(1).toString() == u"created")
                created << (*rows)->value(0).toLongLong();
            else
                merged << qMakePair((*rows)->value(0).toLongLong(), (*rows)->value(2).toString());
        }
    }
    ContactStore contacts(m_database);
    for (const auto &[id, before] : std::as_const(merged)) {
        auto exists = contacts.exists(id);
        if (!exists)
            return exists.status();
        if (!*exists)
            continue; // deleted by the user since; nothing to restore into
        Contact restored = contactFromJson(QJsonDocument::fromJson(before.toUtf8()).object());
        restored.id = id;
        if (Status status = contacts.update(restored); !status)
            return status;
    }
    for (qint64 id : std::as_const(created)) {
        auto removed = m_database.exec(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {id});
        if (!removed)
            return removed.status();
    }
    auto sources = m_database.exec(QStringLiteral("DELETE FROM contact_sources WHERE batch_id = ?"), {batchId});
    if (!sources)
        return sources.status();
    auto marked = m_database.exec(QStringLiteral("UPDATE import_batches SET undone_at = ? WHERE id = ?"),
                                  {Database::toStored(m_database.clock().now()), batchId});
    if (!marked)
        return marked.status();
    return transaction.commit();
}

Result<QList<ImportBatch>> VCardImporter::batches()
{
    auto q = m_database.exec(QStringLiteral("SELECT id, imported_at, files, created, merged, unchanged, skipped, "
                                            "undone_at FROM import_batches ORDER BY id DESC"));
    if (!q)
        return q.status();
    QList<ImportBatch> list;
    while ((*q)->next()) {
        const QSqlQuery &r = **q;
        list.append(ImportBatch{r.value(0).toLongLong(), Database::fromStored(r.value(1)), r.value(2).toString(),
                                r.value(3).toInt(), r.value(4).toInt(), r.value(5).toInt(), r.value(6).toInt(),
                                Database::fromStored(r.value(7))});
    }
    return list;
}

} // namespace Rapport::Core
