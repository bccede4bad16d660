// The contacts list's search through the contact_search trigram index: the
// same contacts as a plain substring search of every searchable detail, for
// any text the user types, and an index that follows every kind of write.

#include "store/contactsnapshot.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/searchindexer.h"
#include "store/transaction.h"
#include "testdatafile.h"
#include "vcardgenerator.h"
#include "vcard/vcardimporter.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSet>
#include <QTest>

#include <future>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

Contact person(const QString &name, const QString &organization = {}, const QString &email = {},
               const QStringList &tags = {}, const QString &notes = {})
{
    Contact c;
    c.displayName = name;
    c.organization = organization;
    if (!email.isEmpty())
        c.emails = {ContactField{email, QStringLiteral("work"), true}};
    c.tags = tags;
    c.notes = notes;
    return c;
}

/// The people the hostile and ordinary searches below look through.
QList<Contact> people()
{
    QList<Contact> list;
    list << person(QStringLiteral("Anne-Marie O'Brien"), QStringLiteral("O'Brien & Sons"),
                   QStringLiteral("user@example.org"), {QStringLiteral("client")});
    list << person(QStringLiteral("Theo Lindqvist"), QStringLiteral("Lindqvist Academy"),
                   QStringLiteral("theo@lindqvist.example"), {QStringLiteral("course creator")},
                   QStringLiteral("Said \"yes\" to the webinar.\nGuest module next spring."));
    list << person(QStringLiteral("Jürgen Müller"), QStringLiteral("MÜLLER GmbH"), QStringLiteral("jm@mueller.example"));
    list << person(QStringLiteral("100% Club"), {}, {}, {QStringLiteral("name:x")});
    list << person(QStringLiteral("Dana Whitfield"), QStringLiteral("Copy That Converts"),
                   QStringLiteral("dana@copythat.example"), {QStringLiteral("podcast"), QStringLiteral("lead")});
    Contact phone = person(QStringLiteral("Priya Raman"), QStringLiteral("AND OR NOT"));
    phone.phones = {ContactField{QStringLiteral("+1 (503) 555-0188"), QStringLiteral("mobile"), false}};
    phone.socialProfiles = {SocialProfile{QStringLiteral("twitter"), QStringLiteral("@priya_writes")}};
    phone.urls = {ContactField{QStringLiteral("https://raman.example/a*b"), {}, false}};
    list << phone;
    list << person(QStringLiteral("Zoë 🦊 Fox"), QStringLiteral("NEAR(a b)"));
    return list;
}

/// What SQLite's LIKE '%text%' means, written out: a substring, ignoring the
/// case of ASCII letters only.
QString asciiFolded(const QString &text)
{
    QString folded = text;
    for (QChar &c : folded) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + 32);
    }
    return folded;
}

bool holds(const Contact &c, const QString &search)
{
    QStringList texts{c.name(), c.organization, c.notes};
    for (const ContactField &f : c.emails + c.phones + c.urls)
        texts << f.value;
    for (const SocialProfile &p : c.socialProfiles)
        texts << p.handle;
    texts << c.tags;
    const QString needle = asciiFolded(search.trimmed());
    for (const QString &text : std::as_const(texts)) {
        if (asciiFolded(text).contains(needle))
            return true;
    }
    return false;
}

QStringList namesFound(ContactStore &store, const QString &search)
{
    ContactListQuery query;
    query.search = search;
    auto rows = store.rows(query, 0, 1000);
    if (!rows)
        return {QStringLiteral("failed: ") + rows.error()};
    QStringList names;
    for (const ContactRow &row : std::as_const(*rows))
        names << row.name;
    return names;
}

qint64 countFound(ContactStore &store, const QString &search)
{
    ContactListQuery query;
    query.search = search;
    return store.rowCount(query).valueOr(-1);
}

/// FTS5's own check that the index holds exactly the text of its rows.
bool indexIsConsistent(Database &db)
{
    return db.exec(QStringLiteral("INSERT INTO contact_search (contact_search) VALUES ('integrity-check')"))
        .ok();
}

} // namespace

class TestContactSearch : public QObject
{
    Q_OBJECT

private slots:
    void search_anyText_findsExactlyTheContactsHoldingIt_data()
    {
        QTest::addColumn<QString>("search");
        QTest::newRow("an apostrophe") << "o'brien";
        QTest::newRow("a hyphen") << "anne-marie";
        QTest::newRow("a whole email address") << "user@example.org";
        QTest::newRow("part of an email address") << "@lindqvist.ex";
        QTest::newRow("a double quote") << "\"yes\"";
        QTest::newRow("a lone double quote") << "\"";
        QTest::newRow("three double quotes") << "\"\"\"";
        QTest::newRow("an unbalanced quote and more") << "said \"yes";
        QTest::newRow("a column filter is only text") << "name:x";
        QTest::newRow("a star is not a prefix query") << "a*b";
        QTest::newRow("operators are only words") << "AND OR NOT";
        QTest::newRow("a NEAR group is only text") << "near(a b)";
        QTest::newRow("parentheses") << "(503)";
        QTest::newRow("a leading minus") << "-0188";
        QTest::newRow("a caret") << "^theo";
        QTest::newRow("a percent sign is not a wildcard") << "100%";
        QTest::newRow("an underscore is not a wildcard") << "priya_w";
        QTest::newRow("an underscore matches only itself") << "a_b";
        QTest::newRow("a phone number as stored") << "555-0188";
        QTest::newRow("a phone number written otherwise is not found") << "5550188";
        QTest::newRow("text in the notes across a line") << "spring";
        QTest::newRow("a tag with a space") << "course cre";
        QTest::newRow("any case of ASCII letters") << "LINDQVIST";
        QTest::newRow("accented text in its own case") << "Müller";
        QTest::newRow("accented text in another case, as LIKE does") << "MÜLLER";
        QTest::newRow("lower-case accents") << "müll";
        QTest::newRow("an emoji") << "🦊 F";
        QTest::newRow("two characters") << "an";
        QTest::newRow("one character") << "z";
        QTest::newRow("two characters with a quote") << "'b";
        QTest::newRow("spaces around are ignored") << "  whitfield  ";
        QTest::newRow("a rare word") << "podcast";
        QTest::newRow("nothing holds it") << "zzzq";
    }
    void search_anyText_findsExactlyTheContactsHoldingIt()
    {
        QFETCH(QString, search);
        TestDataFile data;
        ContactStore store(data.open());
        QStringList expected;
        const QList<Contact> list = people();
        for (const Contact &c : list)
            QVERIFY(store.add(c).ok());
        for (const Contact &c : list) {
            if (holds(c, search))
                expected << c.name();
        }
        expected.sort(Qt::CaseInsensitive);
        QCOMPARE(namesFound(store, search), expected);
        QCOMPARE(countFound(store, search), expected.size());
    }

    void search_threeCharactersOrMore_goesThroughTheIndex()
    {
        QVERIFY(!ContactStore::searchUsesIndex(QStringLiteral("ab")));
        QVERIFY(!ContactStore::searchUsesIndex(QStringLiteral("  ab  ")));
        QVERIFY(ContactStore::searchUsesIndex(QStringLiteral("abc")));
        QVERIFY(!ContactStore::searchUsesIndex(QStringLiteral("🦊🦊"))); // four UTF-16 units, two characters
        QVERIFY(!ContactStore::searchUsesIndex(QStringLiteral("ab\ncd")));

        // Prove the index is what answers: a contact the index does not hold
        // is not found by three characters, nor by two (matched with LIKE
        // against the index's copy of each contact's text).
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        const qint64 id = store.add(person(QStringLiteral("Theo Lindqvist"))).value();
        // The first search brings the new contact into the index; then take it out behind the store's back.
        QCOMPARE(namesFound(store, QStringLiteral("theo")), QStringList{QStringLiteral("Theo Lindqvist")});
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_search_stale")).value().toInt(), 0);
        QVERIFY(db.exec(QStringLiteral("DELETE FROM contact_search WHERE rowid = ?"), {id}).ok());
        QCOMPARE(namesFound(store, QStringLiteral("lin")), QStringList());
        QCOMPARE(namesFound(store, QStringLiteral("li")), QStringList());
        // Once noted as changed, the next search brings it back, whatever its length.
        QVERIFY(db.exec(QStringLiteral("INSERT INTO contact_search_stale (contact_id) VALUES (?)"), {id}).ok());
        QCOMPARE(namesFound(store, QStringLiteral("li")), QStringList{QStringLiteral("Theo Lindqvist")});
    }

    void search_everyWrite_keepsTheIndexInStep()
    {
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        const qint64 theo = store.add(person(QStringLiteral("Theo Lindqvist"), QStringLiteral("Lindqvist Academy"),
                                             QStringLiteral("theo@lindqvist.example"), {QStringLiteral("courses")}))
                                .value();
        QCOMPARE(namesFound(store, QStringLiteral("academy")), QStringList{QStringLiteral("Theo Lindqvist")});

        // An edit of every searchable detail.
        Contact edited = store.get(theo).value();
        edited.displayName = QStringLiteral("Theodor Berg");
        edited.organization = QStringLiteral("Northwind");
        edited.emails = {ContactField{QStringLiteral("tb@northwind.example"), {}, true}};
        edited.tags = {QStringLiteral("speaker")};
        edited.notes = QStringLiteral("Keynote in March");
        QVERIFY(store.update(edited).ok());
        for (const char *gone : {"lindqvist", "academy", "courses"})
            QCOMPARE(namesFound(store, QString::fromLatin1(gone)), QStringList());
        for (const char *found : {"theodor", "northwind", "tb@north", "speaker", "keynote"})
            QCOMPARE(namesFound(store, QString::fromLatin1(found)), QStringList{QStringLiteral("Theodor Berg")});

        // A tag renamed in place reaches every contact that carries it.
        QVERIFY(db.exec(QStringLiteral("UPDATE tags SET name = 'keynote speaker' WHERE name = 'speaker'")).ok());
        QCOMPARE(namesFound(store, QStringLiteral("keynote sp")), QStringList{QStringLiteral("Theodor Berg")});

        // Logging touches the contact row but not its text.
        QVERIFY(db.exec(QStringLiteral("UPDATE contacts SET last_interaction_at = 1, stage = 2 WHERE id = ?"), {theo})
                    .ok());
        QCOMPARE(namesFound(store, QStringLiteral("theodor")), QStringList{QStringLiteral("Theodor Berg")});

        // Delete, then undo the delete.
        ContactSnapshot removed;
        QVERIFY(store.remove(theo, &removed).ok());
        QCOMPARE(namesFound(store, QStringLiteral("theodor")), QStringList());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_search")).value().toInt(), 0);
        QVERIFY(removed.restore(db).ok());
        QCOMPARE(namesFound(store, QStringLiteral("northwind")), QStringList{QStringLiteral("Theodor Berg")});
        QCOMPARE(namesFound(store, QStringLiteral("keynote sp")), QStringList{QStringLiteral("Theodor Berg")});
        QVERIFY(indexIsConsistent(db));
    }

    void search_importAndItsUndo_keepTheIndexInStep()
    {
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        const qint64 marcus = store.add(person(QStringLiteral("Marcus Bell"), {}, QStringLiteral("marcus@bell.example")))
                                  .value();
        const QString file = data.filePath(QStringLiteral("cards.vcf"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ines Costa\r\nORG:Island Studio\r\n"
                      "EMAIL:ines@island.example\r\nCATEGORIES:illustrator\r\nEND:VCARD\r\n"
                      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marcus Bell\r\nEMAIL:marcus@bell.example\r\n"
                      "TEL:+44 20 7946 0958\r\nNOTE:Runs the Tuesday mastermind\r\nEND:VCARD\r\n");
        }
        auto imported = VCardImporter(db).importFiles({file});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->created, 1);
        QCOMPARE(imported->merged, 1);
        QCOMPARE(namesFound(store, QStringLiteral("island")), QStringList{QStringLiteral("Ines Costa")});
        QCOMPARE(namesFound(store, QStringLiteral("illustr")), QStringList{QStringLiteral("Ines Costa")});
        QCOMPARE(namesFound(store, QStringLiteral("mastermind")), QStringList{QStringLiteral("Marcus Bell")});
        QCOMPARE(namesFound(store, QStringLiteral("7946")), QStringList{QStringLiteral("Marcus Bell")});

        auto undone = VCardImporter(db).undo(imported->batchId);
        QVERIFY2(undone.ok(), qPrintable(undone.error()));
        QCOMPARE(namesFound(store, QStringLiteral("island")), QStringList());
        QCOMPARE(namesFound(store, QStringLiteral("mastermind")), QStringList());
        QCOMPARE(namesFound(store, QStringLiteral("7946")), QStringList());
        QCOMPARE(namesFound(store, QStringLiteral("marcus@")), QStringList{QStringLiteral("Marcus Bell")});
        QVERIFY(store.exists(marcus).value());
        QVERIFY(indexIsConsistent(db));
    }

    void search_largeImportIntoAnEmptyFile_findsEveryCardAndPutsTheSchemaBack()
    {
        // Over 2,000 cards into an empty file: the import drops the search
        // triggers, the secondary indexes and the CHECK constraints while it
        // writes, and a card that merges part-way brings them back early.
        TestDataFile data;
        Database &db = data.open();
        const auto schema = [&db] {
            QStringList rows;
            auto q = db.exec(QStringLiteral("SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master "
                                            "ORDER BY type, name"));
            while (q && (*q)->next())
                rows << (*q)->value(0).toString();
            return rows;
        };
        const QStringList before = schema();
        const QString file = data.filePath(QStringLiteral("many.vcf"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(Rapport::Test::generatedVCards(0, 6000));
            out.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person 10\r\nEMAIL:person.10@example.org\r\n"
                      "TEL:+1 555 7777777\r\nEND:VCARD\r\n");
            out.write(Rapport::Test::generatedVCards(6000, 10));
        }
        QVERIFY(QFileInfo(file).size() > 2000 * 600);
        auto imported = VCardImporter(db).importFiles({file});
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->created, 6010);
        QCOMPARE(imported->merged, 1);
        QCOMPARE(schema(), before);
        QVERIFY2(!db.exec(QStringLiteral("INSERT INTO contact_fields (contact_id, kind, position, value) "
                                         "VALUES (1, 'fax', 0, '+1 555 0100')"))
                      .ok(),
                 "the CHECK constraints are back after the import");

        // Too many changed contacts for a search to wait for: it reads every
        // contact instead, and finds the same.
        const auto stale = [&db] {
            return db.scalar(QStringLiteral("SELECT count(*) FROM contact_search_stale")).value().toInt();
        };
        QCOMPARE(stale(), 6010);
        ContactStore store(db);
        QCOMPARE(namesFound(store, QStringLiteral("person.5999@")), QStringList{QStringLiteral("Person 5999")});
        QCOMPARE(namesFound(store, QStringLiteral("7777777")), QStringList{QStringLiteral("Person 10")});
        QCOMPARE(stale(), 6010);

        // One block by hand, the rest by the indexer on its own connection.
        QCOMPARE(store.refreshSearchIndex(1000).value(), 5010);
        {
            SearchIndexer indexer(data.path(), data.clock());
            std::promise<QString> done;
            indexer.catchUp([&done](const QString &error) { done.set_value(error); });
            QCOMPARE(done.get_future().get(), QString());
        }
        QCOMPARE(stale(), 0);
        QCOMPARE(namesFound(store, QStringLiteral("person.5999@")), QStringList{QStringLiteral("Person 5999")});
        QCOMPARE(namesFound(store, QStringLiteral("7777777")), QStringList{QStringLiteral("Person 10")});
        QCOMPARE(namesFound(store, QStringLiteral("person.6009@")), QStringList{QStringLiteral("Person 6009")});
        QVERIFY(indexIsConsistent(db));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_search")).value().toInt(), 6010);

        auto undone = VCardImporter(db).undo(imported->batchId);
        QVERIFY2(undone.ok(), qPrintable(undone.error()));
        QCOMPARE(namesFound(store, QStringLiteral("person.5999@")), QStringList());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contacts")).value().toInt(), 0);
        QVERIFY(indexIsConsistent(db));
    }

    void search_manyOrFewMatches_listsThemByNameAcrossPages_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("descending");
        // Over a thousand matches walk the names; fewer are sorted after the index found them.
        QTest::newRow("more than a thousand, by name") << "person" << 1100 << false;
        QTest::newRow("more than a thousand, by name backwards") << "person" << 1100 << true;
        QTest::newRow("a few hundred, by name backwards") << "bo pers" << 367 << true;
    }
    void search_manyOrFewMatches_listsThemByNameAcrossPages()
    {
        QFETCH(QString, search);
        QFETCH(int, expected);
        QFETCH(bool, descending);
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        {
            Transaction transaction(db);
            for (int i = 0; i < 1100; ++i) {
                const QString name = QStringLiteral("%1 Person %2")
                                         .arg(i % 3 ? QStringLiteral("Ana") : QStringLiteral("Bo"))
                                         .arg(i, 4, 10, QLatin1Char('0'));
                QVERIFY(store.add(person(name)).ok());
            }
            QVERIFY(transaction.commit().ok());
        }
        ContactListQuery query;
        query.search = search;
        query.descending = descending;
        QStringList names;
        for (int offset = 0; offset < 1200; offset += 256) {
            auto page = store.rows(query, offset, 256);
            QVERIFY2(page.ok(), qPrintable(page.error()));
            for (const ContactRow &row : std::as_const(*page))
                names << row.name;
        }
        QCOMPARE(names.size(), expected);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [descending](const QString &a, const QString &b) {
            const int order = a.compare(b, Qt::CaseInsensitive);
            return descending ? order > 0 : order < 0;
        });
        QCOMPARE(names, sorted);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), expected);
        QCOMPARE(store.rowCount(query).value(), expected);
    }
};

QTEST_GUILESS_MAIN(TestContactSearch)
#include "tst_contactsearch.moc"
