// VCardImporter against a fresh data file: creating, matching, merging, undo,
// refused files and a round trip through the store.

#include "contactcomparison.h"
#include "store/bulkcontactwriter.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/transaction.h"
#include "testdatafile.h"
#include "vcard/vcardimporter.h"
#include "vcard/vcardreader.h"
#include "vcard/vcardwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <initializer_list>

using namespace Rapport::Core;
using namespace Qt::StringLiterals;
using Rapport::Test::contactDifferences;
using Rapport::Test::TestDataFile;

Q_DECLARE_METATYPE(Rapport::Core::VCardWriter::Version)

namespace {

QByteArray card(std::initializer_list<const char *> properties, const char *version = "3.0")
{
    QByteArray out = "BEGIN:VCARD\r\nVERSION:" + QByteArray(version) + "\r\n";
    for (const char *property : properties)
        out += QByteArray(property) + "\r\n";
    return out + "END:VCARD\r\n";
}

QString writeFile(const TestDataFile &data, const QString &name, const QByteArray &content)
{
    const QString path = data.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QList<Contact> allContacts(Database &database)
{
    auto all = ContactStore(database).all();
    if (!all)
        qFatal("cannot list contacts: %s", qPrintable(all.error()));
    return *all;
}

QString names(const QList<Contact> &contacts)
{
    QStringList out;
    for (const Contact &c : contacts)
        out << c.name();
    return out.join(u", "_s);
}

/// The plan's cards as "line action name → match" lines, to compare at a glance.
QString describe(const ImportPlan &plan)
{
    QStringList out;
    for (const PlannedCard &c : plan.cards) {
        const char *action[] = {"new", "merge", "known", "skip"};
        const char *reason[] = {"", "same card", "uid", "email", "phone", "name+org"};
        out << QStringLiteral("%1:%2 %3 %4%5")
                   .arg(c.file)
                   .arg(c.line)
                   .arg(QLatin1StringView(action[int(c.proposed)]), c.unreadable ? u"(unreadable)"_s : c.contact.name())
                   .arg(c.isMatched() ? QStringLiteral(" → %1 (%2)").arg(c.matchName, QLatin1StringView(reason[int(c.reason)]))
                                      : QString());
    }
    return out.join(u'\n');
}

/// The fingerprint Rapport stored for an imported card until December 2026
/// (SHA-1 of the parsed card's text as UTF-16), written out here as the
/// frozen format that data files of then still hold.
QByteArray oldFingerprint(const Contact &c)
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
        add(u"|"_s);
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

qint64 countOf(Database &database, const QString &table)
{
    auto n = database.scalar(u"SELECT count(*) FROM "_s + table);
    if (!n)
        qFatal("cannot count %s: %s", qPrintable(table), qPrintable(n.error()));
    return n->toLongLong();
}

QString errorsOf(const Result<ImportResult> &result)
{
    if (!result)
        return result.error();
    QStringList out = result->fileErrors;
    for (const VCardProblem &problem : result->problems)
        out << problem.toString();
    return out.join(u'\n');
}

} // namespace

class TestVCardImporter : public QObject
{
    Q_OBJECT

private slots:
    void importFiles_newCards_createsOneContactEach();
    void importFiles_sameFileAgain_leavesEverythingUnchanged();
    void importFiles_dataFileWithOldFingerprints_recognisesItsCards();
    void importFiles_everyCardKnown_reportsProgressAndCanBeCancelled();
    void plan_fileImportedBefore_proposesEveryCardAsKnown();
    void importFiles_manyCardsOfEveryShape_storesEachAsRead();
    void bulkWriter_keepsWrittenRowsOnlyWhenAsked();
    void importFiles_cardLikeAnExistingContact_mergesOnlyWhenItMatches_data();
    void importFiles_cardLikeAnExistingContact_mergesOnlyWhenItMatches();
    void importFiles_merge_addsDetailsAndNeverOverwrites();
    void undo_importThatCreatedAndMerged_removesAndRestores();
    void undo_unknownBatch_fails();
    void importFiles_notAVCard_listsFileErrorAndImportsNothing_data();
    void importFiles_notAVCard_listsFileErrorAndImportsNothing();
    void importFiles_goodAndBadFile_importsTheGoodOne();
    void importFiles_cardsWithProblems_reportsFileAndLine();
    void importFiles_cancelled_writesNothing();
    void importFiles_smallImportCancelledAtTheEnd_writesNothing();
    void undo_afterTheIdWasReused_leavesTheNewContactAlone();
    void undo_contactsChangedSince_areKept();
    void undo_olderImportBeforeANewerOne_isRefused();
    void importExportImport_roundTripInputs_yieldSameContacts_data();
    void importExportImport_roundTripInputs_yieldSameContacts();
    void plan_mixedCards_proposesNewMergeKnownAndSkipWithReasonsAndLines();
    void commit_proposedChoices_doesWhatImportFilesDoes();
    void commit_mergeChangedToNew_createsASeparateContact();
    void commit_cardSetToSkip_importsNothingForIt();
    void commit_earlierCardOfThePlanSkipped_createsTheCardThatMatchedIt();
    void commit_contactGoneSinceThePlan_createsTheCard();
    void choose_refusesWhatACardCannotBe();
    void planAndCommit_cancelled_writeNothing();
    void commit_undoneThenCommittedAgain_bringsTheSameContactsBack();
};

void TestVCardImporter::importFiles_newCards_createsOneContactEach()
{
    TestDataFile data;
    Database &db = data.open();
    const QString path = writeFile(data, u"first.vcf"_s,
                                   card({"FN:Ann Lee", "EMAIL:ann@example.com"})
                                       + card({"FN:Bob Roe", "TEL:+1 303 555 0100", "TITLE:Baker"})
                                       + card({"ORG:Acme Inc."}));

    auto result = VCardImporter(db).importFiles({path});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 3);
    QCOMPARE(result->merged, 0);
    QCOMPARE(result->unchanged, 0);
    QCOMPARE(result->skipped, 0);
    QVERIFY(result->fileErrors.isEmpty());
    QVERIFY(result->batchId > 0);

    const QList<Contact> contacts = allContacts(db);
    QCOMPARE(names(contacts), u"Acme Inc., Ann Lee, Bob Roe"_s);
    QCOMPARE(contacts.at(1).emails.size(), 1);
    QCOMPARE(contacts.at(1).emails.constFirst().value, u"ann@example.com"_s);
    QCOMPARE(contacts.at(2).title, u"Baker"_s);
    QCOMPARE(contacts.at(2).phones.constFirst().value, u"+1 303 555 0100"_s);

    auto batches = VCardImporter(db).batches();
    QVERIFY2(batches.ok(), qPrintable(batches.error()));
    QCOMPARE(batches->size(), 1);
    QCOMPARE(batches->constFirst().id, result->batchId);
    QCOMPARE(batches->constFirst().files, u"first.vcf"_s);
    QCOMPARE(batches->constFirst().created, 3);
    QCOMPARE(batches->constFirst().importedAt, TestDataFile::pinnedNow());
    QVERIFY(!batches->constFirst().undoneAt.isValid());
}

void TestVCardImporter::importFiles_sameFileAgain_leavesEverythingUnchanged()
{
    TestDataFile data;
    Database &db = data.open();
    const QString path = writeFile(data, u"contacts.vcf"_s,
                                   card({"FN:Ann Lee", "EMAIL:ann@example.com", "NOTE:Met in Lisbon."})
                                       + card({"FN:Bob Roe", "TEL:+1 303 555 0100"})
                                       + card({"FN:Cem Kaya", "ORG:Acme Inc."})
                                       + card({"N:Doe;Dana;;;", "CATEGORIES:a,b"}));
    auto first = VCardImporter(db).importFiles({path});
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first->created, 4);
    const QList<Contact> before = allContacts(db);

    data.clock().advanceSecs(3600);
    auto second = VCardImporter(db).importFiles({path});
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->created, 0);
    QCOMPARE(second->merged, 0);
    QCOMPARE(second->unchanged, 4);
    const QList<Contact> after = allContacts(db);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).id, before.at(i).id);
        QVERIFY2(contactDifferences(before.at(i), after.at(i)).isEmpty(),
                 qPrintable(contactDifferences(before.at(i), after.at(i)).join(u"; "_s)));
        QCOMPARE(after.at(i).updatedAt, before.at(i).updatedAt);
    }
}

void TestVCardImporter::importFiles_dataFileWithOldFingerprints_recognisesItsCards()
{
    TestDataFile data;
    Database &db = data.open();
    // Nothing to match on but the card itself: only its fingerprint tells
    // that it is there already.
    const QString path = writeFile(data, u"solo.vcf"_s, card({"FN:Solo Person", "NOTE:Met at the café."}));
    auto first = VCardImporter(db).importFiles({path});
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first->created, 1);
    const VCardParseResult parsed = VCardReader::parseFile(path);
    QCOMPARE(parsed.cards.size(), 1);
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.prepare(u"UPDATE contact_sources SET fingerprint = ?"_s));
    q.addBindValue(oldFingerprint(parsed.cards.constFirst().contact));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

    auto second = VCardImporter(db).importFiles({path});
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->created, 0);
    QCOMPARE(second->unchanged, 1);
    QCOMPARE(countOf(db, u"contacts"_s), 1);
    // …and noted by its new fingerprint, to be known by that from now on.
    QCOMPARE(countOf(db, u"contact_sources"_s), 2);

    auto third = VCardImporter(db).importFiles({path});
    QVERIFY2(third.ok(), qPrintable(third.error()));
    QCOMPARE(third->unchanged, 1);
    QCOMPARE(countOf(db, u"contacts"_s), 1);
    QCOMPARE(countOf(db, u"contact_sources"_s), 2);
}

void TestVCardImporter::importFiles_everyCardKnown_reportsProgressAndCanBeCancelled()
{
    // Cards the data file holds already never reach the writing side; the
    // reader still lets it report progress and hear Cancel as it goes.
    TestDataFile data;
    Database &db = data.open();
    QByteArray many;
    for (int i = 0; i < 3000; ++i)
        many += card({qPrintable(QStringLiteral("FN:Person %1").arg(i))});
    const QString path = writeFile(data, u"many.vcf"_s, many);
    QVERIFY(VCardImporter(db).importFiles({path}).ok());

    QList<qint64> seen;
    auto again = VCardImporter(db).importFiles({path}, [&seen](qint64 done, qint64 total) {
        if (done > total)
            qFatal("progress %lld of %lld", static_cast<long long>(done), static_cast<long long>(total));
        seen.append(done);
        return true;
    });
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->unchanged, 3000);
    QCOMPARE(again->created, 0);
    // At least once while reading (how often depends on the two threads'
    // pace), then once at the end.
    QVERIFY2(seen.size() >= 2, qPrintable(QString::number(seen.size())));
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(seen.constLast(), 3000);

    int calls = 0;
    auto cancelled = VCardImporter(db).importFiles({path}, [&calls](qint64, qint64) {
        ++calls;
        return false;
    });
    QVERIFY(!cancelled.ok());
    QCOMPARE(calls, 1);
    QCOMPARE(VCardImporter(db).batches().value().size(), 2);
}

void TestVCardImporter::plan_fileImportedBefore_proposesEveryCardAsKnown()
{
    TestDataFile data;
    Database &db = data.open();
    // The first card has nothing to match on but itself.
    const QString path = writeFile(data, u"known.vcf"_s,
                                   card({"FN:Solo Person", "NOTE:Met at the café."})
                                       + card({"FN:Ann Lee", "EMAIL:ann@example.com"}));
    QVERIFY(VCardImporter(db).importFiles({path}).ok());
    auto plan = VCardImporter(db).plan({path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QCOMPARE(describe(*plan), u"known.vcf:1 known Solo Person → Solo Person (same card)\n"
                              u"known.vcf:6 known Ann Lee → Ann Lee (same card)"_s);
    auto committed = VCardImporter(db).commit(*plan);
    QVERIFY2(committed.ok(), qPrintable(committed.error()));
    QCOMPARE(committed->unchanged, 2);
    QCOMPARE(allContacts(db).size(), 2);
    QCOMPARE(countOf(db, u"contact_sources"_s), 2);
}

void TestVCardImporter::bulkWriter_keepsWrittenRowsOnlyWhenAsked()
{
    // Rows kept for nobody would hold every imported contact twice over.
    TestDataFile data;
    Database &db = data.open();
    Contact contact;
    contact.displayName = u"Ann Lee"_s;
    for (const bool keep : {false, true}) {
        Transaction transaction(db);
        QVERIFY(transaction.status().ok());
        BulkContactWriter writer(db);
        writer.setKeepWritten(keep);
        for (int i = 0; i < 300; ++i)
            QVERIFY(writer.add(contact).ok());
        QVERIFY(writer.flush().ok());
        QCOMPARE(writer.takeWritten().size(), keep ? 300 : 0);
        QCOMPARE(writer.takeWritten().size(), 0);
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(countOf(db, u"contacts"_s), 600);
}

void TestVCardImporter::importFiles_manyCardsOfEveryShape_storesEachAsRead()
{
    // Enough cards for several of the writer's blocks, each with a different
    // number of emails, phones, addresses and tags (none, one, many), some
    // with a photo, and one card that merges
    // into an earlier one part-way.
    TestDataFile data;
    Database &db = data.open();
    QByteArray content;
    for (int i = 0; i < 700; ++i) {
        QByteArray c = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + QByteArray::number(i) + " Žofie\r\n";
        for (int e = 0; e < i % 4; ++e)
            c += "EMAIL;TYPE=WORK:p" + QByteArray::number(i) + "." + QByteArray::number(e) + "@example.com\r\n";
        for (int t = 0; t < i % 3; ++t)
            c += "TEL;TYPE=CELL:+1 303 555 " + QByteArray::number(1000 + i * 3 + t) + "\r\n";
        for (int a = 0; a < i % 3; ++a)
            c += "ADR;TYPE=HOME:;;" + QByteArray::number(a) + " Main St;Boulder;CO;80302;USA\r\n";
        if (i % 5)
            c += "CATEGORIES:tag" + QByteArray::number(i % 7) + ",Tag" + QByteArray::number(i % 7) + ",other\r\n";
        if (i % 11 == 0)
            c += "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/p" + QByteArray::number(i) + "\r\n";
        if (i % 50 == 0)
            c += "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=\r\n";
        c += "NOTE:Card " + QByteArray::number(i) + "\\nsecond line\r\nEND:VCARD\r\n";
        content += c;
        if (i == 400)
            content += card({"FN:Person 5 Žofie", "EMAIL:p5.0@example.com", "TEL:+1 303 555 9999"});
    }
    const QString path = writeFile(data, u"many.vcf"_s, content);
    auto result = VCardImporter(db).importFiles({path});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 700);
    QCOMPARE(result->merged, 1);

    const VCardParseResult parsed = VCardReader::parseFile(path);
    QCOMPARE(parsed.cards.size(), 701);
    QHash<QString, Contact> stored;
    for (const Contact &c : allContacts(db))
        stored.insert(c.name(), c);
    QCOMPARE(stored.size(), 700);
    for (int i = 0; i < 700; ++i) {
        Contact expected = parsed.cards.at(i <= 400 ? i : i + 1).contact;
        if (i == 5)
            expected.phones.append(ContactField{u"+1 303 555 9999"_s, QString(), false});
        const Contact got = stored.value(expected.name());
        expected.id = got.id;
        const QStringList differences = contactDifferences(expected, got);
        QVERIFY2(differences.isEmpty(), qPrintable(u"card %1: %2"_s.arg(i).arg(differences.join(u"; "_s))));
    }
}

void TestVCardImporter::importFiles_cardLikeAnExistingContact_mergesOnlyWhenItMatches_data()
{
    QTest::addColumn<QByteArray>("existing");
    QTest::addColumn<QByteArray>("incoming");
    QTest::addColumn<bool>("mergeExpected");

    QTest::newRow("A card with the same UID merges although its name and email differ")
        << card({"UID:urn:uuid:0001", "FN:Ann Lee", "EMAIL:ann@example.com"})
        << card({"UID:urn:uuid:0001", "FN:Annie L.", "EMAIL:annie@elsewhere.example"}) << true;
    QTest::newRow("A card with the same email in another case merges")
        << card({"FN:Ann Lee", "EMAIL:Ann.Lee@Example.com"})
        << card({"FN:A. Lee", "EMAIL:ann.lee@EXAMPLE.COM", "TEL:+1 303 555 0177"}) << true;
    QTest::newRow("A card with the same email among several merges")
        << card({"FN:Ann Lee", "EMAIL:ann@home.example"})
        << card({"FN:Ann Lee", "EMAIL:ann@work.example", "EMAIL:ann@home.example"}) << true;
    QTest::newRow("A card without email with the same phone digits merges")
        << card({"FN:Bob Roe", "TEL:+1 (303) 555-0100"}) << card({"FN:Robert Roe", "TEL:303.555.0100", "TITLE:Baker"})
        << true;
    QTest::newRow("A card with neither email nor phone merges on name and organization")
        << card({"FN:Cem Kaya", "ORG:Acme Inc."}) << card({"FN:cem kaya", "ORG:ACME INC.", "TITLE:CTO"}) << true;
    QTest::newRow("Two people with different emails and the same office phone are not merged")
        << card({"FN:Dana Doe", "EMAIL:dana@acme.example", "TEL;TYPE=work:+1 303 555 0100"})
        << card({"FN:Eli Roe", "EMAIL:eli@acme.example", "TEL;TYPE=work:+1 303 555 0100"}) << false;
    QTest::newRow("The same name at another organization is not merged")
        << card({"FN:Cem Kaya", "ORG:Acme Inc."}) << card({"FN:Cem Kaya", "ORG:Globex"}) << false;
    QTest::newRow("The same name without an organization is not merged")
        << card({"FN:Cem Kaya", "ORG:Acme Inc."}) << card({"FN:Cem Kaya", "NOTE:Another Cem."}) << false;
    QTest::newRow("The same name and organization with a different email is not merged")
        << card({"FN:Cem Kaya", "ORG:Acme Inc.", "EMAIL:cem@acme.example"})
        << card({"FN:Cem Kaya", "ORG:Acme Inc.", "EMAIL:cem.kaya@other.example"}) << false;
    QTest::newRow("A short phone number does not match")
        << card({"FN:Front Desk", "TEL:100"}) << card({"FN:Back Office", "TEL:100"}) << false;
}

void TestVCardImporter::importFiles_cardLikeAnExistingContact_mergesOnlyWhenItMatches()
{
    QFETCH(QByteArray, existing);
    QFETCH(QByteArray, incoming);
    QFETCH(bool, mergeExpected);

    TestDataFile data;
    Database &db = data.open();
    auto first = VCardImporter(db).importFiles({writeFile(data, u"existing.vcf"_s, existing)});
    QVERIFY2(first.ok() && first->created == 1, qPrintable(errorsOf(first)));

    auto second = VCardImporter(db).importFiles({writeFile(data, u"incoming.vcf"_s, incoming)});
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->merged, mergeExpected ? 1 : 0);
    QCOMPARE(second->created, mergeExpected ? 0 : 1);
    QCOMPARE(allContacts(db).size(), mergeExpected ? 1 : 2);
}

void TestVCardImporter::importFiles_merge_addsDetailsAndNeverOverwrites()
{
    TestDataFile data;
    Database &db = data.open();
    auto first = VCardImporter(db).importFiles({writeFile(
        data, u"existing.vcf"_s,
        card({"FN:Jane Doe", "N:Doe;Jane;;;", "TITLE:CEO", "EMAIL;TYPE=work:jane@acme.example",
              "TEL;TYPE=work:+1 303 555 0100", "NOTE:Old note."}))});
    QVERIFY2(first.ok(), qPrintable(errorsOf(first)));

    auto second = VCardImporter(db).importFiles({writeFile(
        data, u"incoming.vcf"_s,
        card({"FN:Janet Doe-Smith", "N:Doe-Smith;Janet;;;", "TITLE:Intern", "ORG:Acme Inc.",
              "EMAIL;TYPE=home:JANE@ACME.EXAMPLE", "TEL;TYPE=cell:+1 303 555 0199", "TEL:(303) 555-0100",
              "NOTE:Met at the fair."}))});
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->merged, 1);

    const QList<Contact> contacts = allContacts(db);
    QCOMPARE(contacts.size(), 1);
    const Contact &jane = contacts.constFirst();
    QCOMPARE(jane.displayName, u"Jane Doe"_s);
    QCOMPARE(jane.givenName, u"Jane"_s);
    QCOMPARE(jane.familyName, u"Doe"_s);
    QCOMPARE(jane.title, u"CEO"_s);
    QCOMPARE(jane.organization, u"Acme Inc."_s); // missing before: filled
    QCOMPARE(jane.emails.size(), 1);
    QCOMPARE(jane.emails.constFirst().value, u"jane@acme.example"_s);
    QCOMPARE(jane.emails.constFirst().label, u"work"_s);
    QStringList phones;
    for (const ContactField &phone : jane.phones)
        phones << phone.value;
    QCOMPARE(phones, (QStringList{u"+1 303 555 0100"_s, u"+1 303 555 0199"_s}));
    QCOMPARE(jane.notes, u"Old note.\n\nMet at the fair."_s);
}

void TestVCardImporter::undo_importThatCreatedAndMerged_removesAndRestores()
{
    TestDataFile data;
    Database &db = data.open();
    VCardImporter importer(db);
    auto first = importer.importFiles({writeFile(
        data, u"first.vcf"_s,
        card({"FN:Jane Doe", "EMAIL:jane@acme.example", "TEL:+1 303 555 0100", "CATEGORIES:client"}))});
    QVERIFY2(first.ok(), qPrintable(errorsOf(first)));
    const QList<Contact> before = allContacts(db);
    QCOMPARE(before.size(), 1);

    data.clock().advanceSecs(60);
    const QString secondPath = writeFile(
        data, u"second.vcf"_s,
        card({"FN:Jane Doe", "EMAIL:jane@acme.example", "TEL:+1 303 555 0199", "NOTE:New note.", "TITLE:CEO",
              "CATEGORIES:vip"})
            + card({"FN:Bob Roe", "EMAIL:bob@example.com"}));
    auto second = importer.importFiles({secondPath});
    QVERIFY2(second.ok(), qPrintable(errorsOf(second)));
    QCOMPARE(second->created, 1);
    QCOMPARE(second->merged, 1);
    const QList<Contact> merged = allContacts(db);
    QCOMPARE(names(merged), u"Bob Roe, Jane Doe"_s);
    QCOMPARE(merged.at(1).title, u"CEO"_s);

    data.clock().advanceSecs(60);
    const Status undone = importer.undo(second->batchId);
    QVERIFY2(undone.ok(), qPrintable(undone.error()));
    const QList<Contact> after = allContacts(db);
    QCOMPARE(names(after), u"Jane Doe"_s);
    QCOMPARE(after.constFirst().id, before.constFirst().id);
    const QStringList differences = contactDifferences(before.constFirst(), after.constFirst());
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u"; "_s)));

    const Status again = importer.undo(second->batchId);
    QVERIFY(!again.ok());
    QVERIFY(!again.error().isEmpty());
    QCOMPARE(allContacts(db).size(), 1);

    auto batches = importer.batches();
    QVERIFY2(batches.ok(), qPrintable(batches.error()));
    QCOMPARE(batches->size(), 2);
    QCOMPARE(batches->at(0).id, second->batchId); // newest first
    QCOMPARE(batches->at(0).undoneAt, TestDataFile::pinnedNow().addSecs(120));
    QVERIFY(!batches->at(1).undoneAt.isValid());

    // What was undone can be imported again.
    auto redo = importer.importFiles({secondPath});
    QVERIFY2(redo.ok(), qPrintable(errorsOf(redo)));
    QCOMPARE(redo->created, 1);
    QCOMPARE(redo->merged, 1);
}

void TestVCardImporter::undo_unknownBatch_fails()
{
    TestDataFile data;
    const Status undone = VCardImporter(data.open()).undo(4711);
    QVERIFY(!undone.ok());
    QVERIFY(undone.error().contains(u"4711"_s));
}

void TestVCardImporter::importFiles_notAVCard_listsFileErrorAndImportsNothing_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("An HTML page") << QByteArray("<!DOCTYPE html>\n<html><body>Contacts</body></html>\n");
    QTest::newRow("A binary file with NUL bytes") << QByteArray("\x7F" "ELF\x02\x01\x01\x00\x00\x00\xFF\x00", 12);
    QTest::newRow("An empty file") << QByteArray();
}

void TestVCardImporter::importFiles_notAVCard_listsFileErrorAndImportsNothing()
{
    QFETCH(QByteArray, content);

    TestDataFile data;
    Database &db = data.open();
    auto result = VCardImporter(db).importFiles({writeFile(data, u"wrong.vcf"_s, content)});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->fileErrors.size(), 1);
    QVERIFY2(result->fileErrors.constFirst().contains(u"wrong.vcf"_s), qPrintable(result->fileErrors.constFirst()));
    QCOMPARE(result->created, 0);
    QCOMPARE(result->merged, 0);
    QVERIFY(result->problems.isEmpty());
    QVERIFY(allContacts(db).isEmpty());
}

void TestVCardImporter::importFiles_goodAndBadFile_importsTheGoodOne()
{
    TestDataFile data;
    Database &db = data.open();
    const QString good = writeFile(data, u"good.vcf"_s, card({"FN:Ann Lee", "EMAIL:ann@example.com"}));
    const QString bad = writeFile(data, u"bad.vcf"_s, QByteArray("<html></html>"));
    const QString missing = data.filePath(u"missing.vcf"_s);
    auto result = VCardImporter(db).importFiles({bad, good, missing});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 1);
    QCOMPARE(result->fileErrors.size(), 2);
    QVERIFY(result->fileErrors.at(0).contains(u"bad.vcf"_s));
    QVERIFY(result->fileErrors.at(1).contains(u"missing.vcf"_s));
    QCOMPARE(names(allContacts(db)), u"Ann Lee"_s);
}

void TestVCardImporter::importFiles_cardsWithProblems_reportsFileAndLine()
{
    TestDataFile data;
    Database &db = data.open();
    const QString path = writeFile(data, u"problems.vcf"_s,
                                   card({"FN:Ann Lee", "no colon here", "EMAIL:ann@example.com"}) // lines 1-6
                                       + card({}) // lines 7-9: nothing in it
                                       + card({"ORG:Acme Inc."})); // lines 10-13
    auto result = VCardImporter(db).importFiles({path});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 2);
    QCOMPARE(result->skipped, 1);
    QList<int> lines;
    for (const VCardProblem &problem : result->problems) {
        QCOMPARE(problem.file, u"problems.vcf"_s);
        lines << problem.line;
    }
    QCOMPARE(lines, (QList<int>{4, 7, 10}));
    QCOMPARE(names(allContacts(db)), u"Acme Inc., Ann Lee"_s);
}

void TestVCardImporter::importFiles_cancelled_writesNothing()
{
    TestDataFile data;
    Database &db = data.open();
    const qint64 existing = Rapport::Test::addContact(db, u"Already Here"_s);
    QByteArray many;
    for (int i = 0; i < 600; ++i)
        many += card({qPrintable(QStringLiteral("FN:Person %1").arg(i)),
                      qPrintable(QStringLiteral("EMAIL:person%1@example.com").arg(i))});
    const QString path = writeFile(data, u"many.vcf"_s, many);

    int calls = 0;
    auto result = VCardImporter(db).importFiles({path}, [&calls](qint64, qint64) {
        ++calls;
        return false;
    });
    QVERIFY(!result.ok());
    QVERIFY(!result.error().isEmpty());
    QVERIFY(calls > 0);
    const QList<Contact> contacts = allContacts(db);
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.constFirst().id, existing);
    auto batches = VCardImporter(db).batches();
    QVERIFY2(batches.ok(), qPrintable(batches.error()));
    QVERIFY(batches->isEmpty());

    // Nothing half-written stands in the way of the next import.
    auto again = VCardImporter(db).importFiles({path});
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->created, 600);
}

void TestVCardImporter::importFiles_smallImportCancelledAtTheEnd_writesNothing()
{
    TestDataFile data;
    Database &db = data.open();
    const QString path = writeFile(data, u"ten.vcf"_s, card({"FN:One"}) + card({"FN:Two"}) + card({"FN:Three"}));
    // Fewer cards than a progress step: only the last word before commit can cancel.
    auto result = VCardImporter(db).importFiles({path}, [](qint64, qint64) { return false; });
    QVERIFY(!result.ok());
    QVERIFY(allContacts(db).isEmpty());
}

void TestVCardImporter::undo_afterTheIdWasReused_leavesTheNewContactAlone()
{
    TestDataFile data;
    Database &db = data.open();
    VCardImporter importer(db);
    auto imported = importer.importFiles({writeFile(data, u"two.vcf"_s, card({"FN:Alpha"}) + card({"FN:Omega"}))});
    QVERIFY(imported.ok());
    const QList<Contact> before = allContacts(db);
    const qint64 omega = before.constLast().id;
    QVERIFY(ContactStore(db).remove(omega).ok());
    // SQLite hands the highest id out again: the user's new contact gets Omega's.
    const qint64 mine = Rapport::Test::addContact(db, u"Typed by hand"_s);
    QCOMPARE(mine, omega);
    auto undone = importer.undo(imported->batchId);
    QVERIFY2(undone.ok(), qPrintable(undone.error()));
    QCOMPARE(names(allContacts(db)), u"Typed by hand"_s);
}

void TestVCardImporter::undo_contactsChangedSince_areKept()
{
    TestDataFile data;
    Database &db = data.open();
    VCardImporter importer(db);
    auto first = importer.importFiles({writeFile(data, u"a.vcf"_s, card({"FN:Kept", "EMAIL:kept@example.org"}))});
    QVERIFY(first.ok());
    auto second = importer.importFiles({writeFile(
        data, u"b.vcf"_s, card({"FN:Kept", "EMAIL:kept@example.org", "TEL:+1 303 555 0199"}) + card({"FN:Edited later"})
                              + card({"FN:Untouched"}))});
    QVERIFY(second.ok());
    QCOMPARE(second->merged, 1);
    data.clock().advanceSecs(60);
    // The user edits the merged contact and one created contact after the import.
    for (Contact c : allContacts(db)) {
        if (c.name() == u"Kept" || c.name() == u"Edited later") {
            c.notes = u"My own words"_s;
            QVERIFY(ContactStore(db).update(c).ok());
        }
    }
    auto undone = importer.undo(second->batchId);
    QVERIFY2(undone.ok(), qPrintable(undone.error()));
    QCOMPARE(undone->removed, 1);
    QCOMPARE(undone->kept, 2);
    QCOMPARE(names(allContacts(db)), u"Edited later, Kept"_s);
    for (const Contact &c : allContacts(db))
        QCOMPARE(c.notes, u"My own words"_s);
}

void TestVCardImporter::undo_olderImportBeforeANewerOne_isRefused()
{
    TestDataFile data;
    Database &db = data.open();
    VCardImporter importer(db);
    auto first = importer.importFiles({writeFile(data, u"1.vcf"_s, card({"FN:X", "EMAIL:x@example.org"}))});
    auto second = importer.importFiles({writeFile(data, u"2.vcf"_s, card({"FN:X", "EMAIL:x@example.org", "TEL:555 0100 22"}))});
    QVERIFY(first.ok() && second.ok());
    auto refused = importer.undo(first->batchId);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QString::number(second->batchId)), qPrintable(refused.error()));
    QVERIFY(importer.undo(second->batchId).ok());
    QVERIFY(importer.undo(first->batchId).ok());
    QVERIFY(allContacts(db).isEmpty());
}

void TestVCardImporter::importExportImport_roundTripInputs_yieldSameContacts_data()
{
    QTest::addColumn<VCardWriter::Version>("version");
    QTest::newRow("Exported as vCard 4.0") << VCardWriter::Version::V4_0;
    QTest::newRow("Exported as vCard 3.0") << VCardWriter::Version::V3_0;
}

void TestVCardImporter::importExportImport_roundTripInputs_yieldSameContacts()
{
    QFETCH(VCardWriter::Version, version);

    const QDir inputs(QStringLiteral(RAPPORT_TEST_DATA_DIR "/roundtrip"));
    QStringList paths;
    for (const QString &name : inputs.entryList({u"*.vcf"_s}, QDir::Files, QDir::Name))
        paths << inputs.filePath(name);
    QVERIFY(paths.size() >= 4);

    TestDataFile first;
    auto imported = VCardImporter(first.open()).importFiles(paths);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    QVERIFY(imported->fileErrors.isEmpty());
    const QList<Contact> original = allContacts(first.open());
    QCOMPARE(original.size(), imported->created);

    TestDataFile second;
    const QString exported = writeFile(second, u"export.vcf"_s, VCardWriter::write(original, version));
    auto reimported = VCardImporter(second.open()).importFiles({exported});
    QVERIFY2(reimported.ok(), qPrintable(reimported.error()));
    QCOMPARE(reimported->created, original.size());
    QCOMPARE(reimported->merged, 0);
    QVERIFY2(reimported->problems.isEmpty(), qPrintable(errorsOf(reimported)));

    const QList<Contact> copy = allContacts(second.open());
    QCOMPARE(names(copy), names(original));
    for (qsizetype i = 0; i < original.size(); ++i) {
        const QStringList differences = contactDifferences(original.at(i), copy.at(i));
        QVERIFY2(differences.isEmpty(),
                 qPrintable(original.at(i).name() + u": "_s + differences.join(u"; "_s)));
    }
}

namespace {

/// A data file holding Jane (by email), Bob (by phone) and Carol at Acme (by
/// name and organization), and a file with a card for each of them, two new
/// people (one twice), an unreadable card and a line that is no property.
struct PlanFixture
{
    TestDataFile data;
    qint64 jane = 0;
    qint64 bob = 0;
    qint64 carol = 0;
    QString path;

    PlanFixture()
    {
        Database &db = data.open();
        ContactStore store(db);
        Contact j;
        j.displayName = u"Jane Doe"_s;
        j.emails = {ContactField{u"jane@acme.example"_s, {}, false}};
        jane = store.add(j).value();
        Contact b;
        b.displayName = u"Bob Roe"_s;
        b.phones = {ContactField{u"+1 303 555 0100"_s, {}, false}};
        bob = store.add(b).value();
        Contact c;
        c.displayName = u"Carol Diaz"_s;
        c.organization = u"Acme"_s;
        c.title = u"CFO"_s;
        carol = store.add(c).value();
        path = writeFile(data, u"plan.vcf"_s,
                         card({"FN:Jane Doe", "EMAIL:JANE@acme.example", "NOTE:Met at the webinar."}) // line 1
                             + card({"FN:Robert Roe", "TEL:(303) 555-0100", "TITLE:Baker"})            // line 7
                             + card({"FN:Carol Diaz", "ORG:Acme"})                                      // line 13
                             + card({"FN:Dan Wu", "EMAIL:dan@wu.example"})                              // line 18
                             + card({})                                                                 // line 23
                             + card({"FN:Dan Wu", "EMAIL:dan@wu.example", "TEL:+44 20 7946 0000"})      // line 26
                             + card({"FN:Eve Park", "NOT A PROPERTY"}));                                // line 32
    }
};

} // namespace

void TestVCardImporter::plan_mixedCards_proposesNewMergeKnownAndSkipWithReasonsAndLines()
{
    PlanFixture f;
    Database &db = f.data.open();
    auto plan = VCardImporter(db).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QCOMPARE(describe(*plan), u"plan.vcf:1 merge Jane Doe → Jane Doe (email)\n"
                              u"plan.vcf:7 merge Robert Roe → Bob Roe (phone)\n"
                              u"plan.vcf:13 known Carol Diaz → Carol Diaz (name+org)\n"
                              u"plan.vcf:18 new Dan Wu\n"
                              u"plan.vcf:23 skip (unreadable)\n"
                              u"plan.vcf:26 merge Dan Wu → Dan Wu (email)\n"
                              u"plan.vcf:32 new Eve Park"_s);
    QCOMPARE(plan->cards.at(0).matchId, f.jane);
    QCOMPARE(plan->cards.at(1).matchId, f.bob);
    QCOMPARE(plan->cards.at(2).matchId, f.carol);
    QCOMPARE(plan->cards.at(5).matchId, -4); // the earlier Dan Wu, cards[3]
    for (const PlannedCard &c : plan->cards)
        QCOMPARE(c.choice, c.proposed);

    // Each problem is on the card it is about, and all are listed by line.
    QCOMPARE(plan->problems.size(), 2);
    QCOMPARE(plan->cards.at(4).problemCount, 1);
    QCOMPARE(plan->problems.at(plan->cards.at(4).firstProblem).line, 23);
    QCOMPARE(plan->cards.at(6).problemCount, 1);
    QCOMPARE(plan->problems.at(plan->cards.at(6).firstProblem).line, 35);
    QCOMPARE(plan->problems.at(plan->cards.at(6).firstProblem).file, u"plan.vcf"_s);
    for (int i : {0, 1, 2, 3, 5})
        QCOMPARE(plan->cards.at(i).problemCount, 0);

    // Planning writes nothing.
    QCOMPARE(allContacts(db).size(), 3);
    QVERIFY(VCardImporter(db).batches().value().isEmpty());
}

void TestVCardImporter::commit_proposedChoices_doesWhatImportFilesDoes()
{
    PlanFixture planned;
    PlanFixture imported;
    auto plan = VCardImporter(planned.data.open()).plan({planned.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    auto committed = VCardImporter(planned.data.open()).commit(*plan);
    QVERIFY2(committed.ok(), qPrintable(committed.error()));
    auto direct = VCardImporter(imported.data.open()).importFiles({imported.path});
    QVERIFY2(direct.ok(), qPrintable(direct.error()));

    QCOMPARE(committed->created, 2);
    QCOMPARE(committed->merged, 3);
    QCOMPARE(committed->unchanged, 1);
    QCOMPARE(committed->skipped, 1);
    QCOMPARE(committed->created, direct->created);
    QCOMPARE(committed->merged, direct->merged);
    QCOMPARE(committed->unchanged, direct->unchanged);
    QCOMPARE(committed->skipped, direct->skipped);
    QCOMPARE(committed->problems.size(), direct->problems.size());
    const QList<Contact> a = allContacts(planned.data.open());
    const QList<Contact> b = allContacts(imported.data.open());
    QCOMPARE(names(a), u"Bob Roe, Carol Diaz, Dan Wu, Eve Park, Jane Doe"_s);
    QCOMPARE(names(a), names(b));
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QStringList differences = contactDifferences(a.at(i), b.at(i));
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u"; "_s)));
    }
    auto batches = VCardImporter(planned.data.open()).batches();
    QCOMPARE(batches->size(), 1);
    QCOMPARE(batches->constFirst().files, u"plan.vcf"_s);
    QCOMPARE(batches->constFirst().created, 2);
}

void TestVCardImporter::commit_mergeChangedToNew_createsASeparateContact()
{
    PlanFixture f;
    Database &db = f.data.open();
    auto plan = VCardImporter(db).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    // Robert Roe shares Bob's office line but is someone else.
    QVERIFY(plan.value().choose(1, ImportAction::New));
    auto result = VCardImporter(db).commit(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 3);
    QCOMPARE(result->merged, 2);
    const QList<Contact> contacts = allContacts(db);
    QCOMPARE(names(contacts), u"Bob Roe, Carol Diaz, Dan Wu, Eve Park, Jane Doe, Robert Roe"_s);
    const Contact bob = ContactStore(db).get(f.bob).value();
    QVERIFY(bob.title.isEmpty()); // nothing of Robert's went into Bob
    QCOMPARE(contacts.at(5).title, u"Baker"_s);
}

void TestVCardImporter::commit_cardSetToSkip_importsNothingForIt()
{
    PlanFixture f;
    Database &db = f.data.open();
    auto plan = VCardImporter(db).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QVERIFY(plan.value().choose(0, ImportAction::Skip));
    QVERIFY(plan.value().choose(6, ImportAction::Skip));
    auto result = VCardImporter(db).commit(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 1);
    QCOMPARE(result->skipped, 3);
    QCOMPARE(names(allContacts(db)), u"Bob Roe, Carol Diaz, Dan Wu, Jane Doe"_s);
    QVERIFY(ContactStore(db).get(f.jane).value().notes.isEmpty()); // Jane's card left out
}

void TestVCardImporter::commit_earlierCardOfThePlanSkipped_createsTheCardThatMatchedIt()
{
    PlanFixture f;
    Database &db = f.data.open();
    auto plan = VCardImporter(db).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QVERIFY(plan.value().choose(3, ImportAction::Skip));
    auto result = VCardImporter(db).commit(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const QList<Contact> contacts = allContacts(db);
    QCOMPARE(names(contacts), u"Bob Roe, Carol Diaz, Dan Wu, Eve Park, Jane Doe"_s);
    QCOMPARE(contacts.at(2).phones.size(), 1); // the second Dan Wu card, with its phone
}

void TestVCardImporter::commit_contactGoneSinceThePlan_createsTheCard()
{
    PlanFixture f;
    Database &db = f.data.open();
    auto plan = VCardImporter(db).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QVERIFY(ContactStore(db).remove(f.bob).ok());
    auto result = VCardImporter(db).commit(*plan);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->created, 3);
    QVERIFY(names(allContacts(db)).contains(u"Robert Roe"_s));
}

void TestVCardImporter::choose_refusesWhatACardCannotBe()
{
    PlanFixture f;
    auto plan = VCardImporter(f.data.open()).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QVERIFY(!plan.value().choose(3, ImportAction::Merge)); // Dan Wu matches nobody
    QVERIFY(!plan.value().choose(4, ImportAction::New));   // unreadable
    QVERIFY(!plan.value().choose(99, ImportAction::Skip));
    QCOMPARE(plan->cards.at(3).choice, ImportAction::New);
    // Merge and "already known" are one choice: into the match.
    QVERIFY(plan.value().choose(2, ImportAction::New));
    QVERIFY(plan.value().choose(2, ImportAction::Merge));
    QCOMPARE(plan->cards.at(2).choice, ImportAction::Unchanged);
    QCOMPARE(plan->count(ImportAction::New), 2);
    QCOMPARE(plan->count(ImportAction::Skip), 1);
}

void TestVCardImporter::planAndCommit_cancelled_writeNothing()
{
    TestDataFile data;
    Database &db = data.open();
    QByteArray many;
    for (int i = 0; i < 600; ++i)
        many += card({qPrintable(QStringLiteral("FN:Person %1").arg(i)),
                      qPrintable(QStringLiteral("EMAIL:person%1@example.com").arg(i))});
    const QString path = writeFile(data, u"many.vcf"_s, many);
    auto refused = VCardImporter(db).plan({path}, [](qint64, qint64) { return false; });
    QVERIFY(!refused.ok());
    QVERIFY(!refused.error().isEmpty());

    auto plan = VCardImporter(db).plan({path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QCOMPARE(plan->cards.size(), 600);
    qint64 seen = 0;
    auto cancelled = VCardImporter(db).commit(*plan, [&seen](qint64 done, qint64) {
        seen = done;
        return done < 512;
    });
    QVERIFY(!cancelled.ok());
    QCOMPARE(seen, 512);
    QVERIFY(allContacts(db).isEmpty());
    QVERIFY(VCardImporter(db).batches().value().isEmpty());
    // Cancelled at the very end, too.
    auto atTheEnd = VCardImporter(db).commit(*plan, [](qint64 done, qint64 total) { return done < total; });
    QVERIFY(!atTheEnd.ok());
    QVERIFY(allContacts(db).isEmpty());
}

void TestVCardImporter::commit_undoneThenCommittedAgain_bringsTheSameContactsBack()
{
    PlanFixture f;
    Database &db = f.data.open();
    const QList<Contact> before = allContacts(db);
    auto plan = VCardImporter(db).plan({f.path});
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    QVERIFY(plan.value().choose(1, ImportAction::New));
    auto first = VCardImporter(db).commit(*plan);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    const QList<Contact> imported = allContacts(db);

    f.data.clock().advanceSecs(60);
    auto undone = VCardImporter(db).undo(first->batchId);
    QVERIFY2(undone.ok(), qPrintable(undone.error()));
    QCOMPARE(undone->removed, 3);
    QCOMPARE(undone->restored, 1); // Jane (Dan's second card merged into the first, created here)
    const QList<Contact> after = allContacts(db);
    QCOMPARE(names(after), names(before));
    for (qsizetype i = 0; i < after.size(); ++i) {
        const QStringList differences = contactDifferences(before.at(i), after.at(i));
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u"; "_s)));
    }

    auto again = VCardImporter(db).commit(*plan);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY(again->batchId != first->batchId);
    QCOMPARE(again->created, first->created);
    QCOMPARE(again->merged, first->merged);
    QCOMPARE(names(allContacts(db)), names(imported));
}

QTEST_GUILESS_MAIN(TestVCardImporter)
#include "tst_vcardimporter.moc"
