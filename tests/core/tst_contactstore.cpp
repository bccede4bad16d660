#include "store/contactstore.h"
#include "store/database.h"
#include "testdatafile.h"

#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

Contact fullContact()
{
    Contact c;
    c.uid = QStringLiteral("urn:uuid:1234");
    c.displayName = QStringLiteral("Dr. Theo Lindqvist");
    c.givenName = QStringLiteral("Theo");
    c.familyName = QStringLiteral("Lindqvist");
    c.honorificPrefix = QStringLiteral("Dr.");
    c.nickname = QStringLiteral("T");
    c.organization = QStringLiteral("Lindqvist Academy");
    c.title = QStringLiteral("Course creator");
    c.emails = {ContactField{QStringLiteral("theo@lindqvist.example"), QStringLiteral("work"), true},
                ContactField{QStringLiteral("theo.l@mail.example"), QStringLiteral("home"), false}};
    c.phones = {ContactField{QStringLiteral("+1 503 555 0103"), QStringLiteral("mobile"), false}};
    c.urls = {ContactField{QStringLiteral("https://lindqvist.example"), {}, false}};
    c.socialProfiles = {SocialProfile{QStringLiteral("twitter"), QStringLiteral("@theolindqvist")},
                        SocialProfile{QStringLiteral("linkedin"), QStringLiteral("https://linkedin.example/in/theo")}};
    c.addresses = {PostalAddress{QStringLiteral("work"), QStringLiteral("1 Pine St"), QStringLiteral("Portland"),
                                 QStringLiteral("OR"), QStringLiteral("97201"), QStringLiteral("USA")}};
    c.birthday = QStringLiteral("--04-15");
    c.photo = QByteArray("\x89PNG\r\n\x1a\n fake", 14);
    c.photoMimeType = QStringLiteral("image/png");
    c.tags = {QStringLiteral("client"), QStringLiteral("courses")};
    c.notes = QStringLiteral("Sales pages.\nGuest module.");
    c.metChannel = QStringLiteral("Recommended by Marcus");
    c.metOn = QDate(2026, 1, 10);
    c.keepInTouchDays = 30;
    c.extraProperties = QStringLiteral("X-CUSTOM:kept\r\n");
    return c;
}

} // namespace

class TestContactStore : public QObject
{
    Q_OBJECT

private slots:
    void add_everyField_readsBackTheSame()
    {
        TestDataFile data;
        ContactStore store(data.open());
        const Contact written = fullContact();
        auto id = store.add(written);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        auto read = store.get(*id);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->id, *id);
        QCOMPARE(read->uid, written.uid);
        QCOMPARE(read->name(), written.displayName);
        QCOMPARE(read->givenName, written.givenName);
        QCOMPARE(read->familyName, written.familyName);
        QCOMPARE(read->honorificPrefix, written.honorificPrefix);
        QCOMPARE(read->nickname, written.nickname);
        QCOMPARE(read->organization, written.organization);
        QCOMPARE(read->title, written.title);
        QCOMPARE(read->emails, written.emails);
        QCOMPARE(read->phones, written.phones);
        QCOMPARE(read->urls, written.urls);
        QCOMPARE(read->socialProfiles, written.socialProfiles);
        QCOMPARE(read->addresses, written.addresses);
        QCOMPARE(read->birthday, written.birthday);
        QCOMPARE(read->photo, written.photo);
        QCOMPARE(read->photoMimeType, written.photoMimeType);
        QCOMPARE(read->tags, written.tags);
        QCOMPARE(read->notes, written.notes);
        QCOMPARE(read->metChannel, written.metChannel);
        QCOMPARE(read->metOn, written.metOn);
        QCOMPARE(read->keepInTouchDays, 30);
        QCOMPARE(read->extraProperties, written.extraProperties);
        QCOMPARE(read->stage, Stage::None);
        QVERIFY(!read->manualStage.has_value());
        QCOMPARE(read->createdAt, TestDataFile::pinnedNow());
        QVERIFY(!read->lastInteractionAt.isValid());
    }

    void add_noNameOrganizationOrEmail_isRefused()
    {
        TestDataFile data;
        ContactStore store(data.open());
        Contact empty;
        empty.notes = QStringLiteral("just a note");
        auto id = store.add(empty);
        QVERIFY(!id.ok());
        QVERIFY(id.error().contains(u"needs a name"));
        QCOMPARE(store.count().value(), 0);
    }

    void add_onlyAnEmail_isNamedByIt()
    {
        TestDataFile data;
        ContactStore store(data.open());
        Contact c;
        c.emails = {ContactField{QStringLiteral("sam@okaforstudio.example"), {}, true}};
        auto id = store.add(c);
        QVERIFY(id.ok());
        QCOMPARE(store.get(*id)->name(), QStringLiteral("sam@okaforstudio.example"));
    }

    void update_replacesDetailsAndKeepsId()
    {
        TestDataFile data;
        ContactStore store(data.open());
        const qint64 id = store.add(fullContact()).value();
        Contact changed = store.get(id).value();
        changed.emails = {ContactField{QStringLiteral("new@lindqvist.example"), {}, true}};
        changed.tags = {QStringLiteral("partner")};
        changed.addresses.clear();
        changed.archived = true;
        data.clock().advanceSecs(3600);
        QVERIFY(store.update(changed).ok());
        auto read = store.get(id);
        QCOMPARE(read->emails.size(), 1);
        QCOMPARE(read->emails.constFirst().value, QStringLiteral("new@lindqvist.example"));
        QCOMPARE(read->tags, QStringList{QStringLiteral("partner")});
        QVERIFY(read->addresses.isEmpty());
        QVERIFY(read->archived);
        QCOMPARE(read->updatedAt, TestDataFile::pinnedNow().addSecs(3600));
        QCOMPARE(read->createdAt, TestDataFile::pinnedNow());
    }

    void update_unknownId_fails()
    {
        TestDataFile data;
        ContactStore store(data.open());
        Contact ghost = fullContact();
        ghost.id = 4242;
        auto status = store.update(ghost);
        QVERIFY(!status.ok());
        QVERIFY(status.error().contains(u"4242"));
    }

    void remove_contact_removesItsDetails()
    {
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        const qint64 id = store.add(fullContact()).value();
        QVERIFY(store.remove(id).ok());
        QCOMPARE(store.count().value(), 0);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_fields")).value().toInt(), 0);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_tags")).value().toInt(), 0);
        QVERIFY(!store.remove(id).ok());
    }

    void tags_differingOnlyInCase_areOneTag()
    {
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        Contact a;
        a.displayName = QStringLiteral("A");
        a.tags = {QStringLiteral("Client")};
        Contact b;
        b.displayName = QStringLiteral("B");
        b.tags = {QStringLiteral("client")};
        QVERIFY(store.add(a).ok());
        QVERIFY(store.add(b).ok());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM tags")).value().toInt(), 1);
    }

    void rows_search_matchesAnyDetailLiterally_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("part of a name, any case") << "lind" << QStringList{QStringLiteral("Dr. Theo Lindqvist")};
        QTest::newRow("an organization") << "bell coaching" << QStringList{QStringLiteral("Marcus Bell")};
        QTest::newRow("an email address") << "marcus@bell" << QStringList{QStringLiteral("Marcus Bell")};
        QTest::newRow("a phone number") << "555 0103" << QStringList{QStringLiteral("Dr. Theo Lindqvist")};
        QTest::newRow("a tag") << "courses" << QStringList{QStringLiteral("Dr. Theo Lindqvist")};
        QTest::newRow("words in the notes") << "guest module" << QStringList{QStringLiteral("Dr. Theo Lindqvist")};
        QTest::newRow("an apostrophe") << "o'brien" << QStringList{QStringLiteral("Anne-Marie O'Brien")};
        QTest::newRow("a hyphen") << "anne-marie" << QStringList{QStringLiteral("Anne-Marie O'Brien")};
        QTest::newRow("a percent sign is not a wildcard") << "100%" << QStringList{QStringLiteral("100% Club")};
        QTest::newRow("an underscore is not a wildcard") << "a_b" << QStringList{};
        QTest::newRow("nothing matches") << "zzz" << QStringList{};
    }
    void rows_search_matchesAnyDetailLiterally()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        TestDataFile data;
        ContactStore store(data.open());
        QVERIFY(store.add(fullContact()).ok());
        Contact marcus;
        marcus.displayName = QStringLiteral("Marcus Bell");
        marcus.organization = QStringLiteral("Bell Coaching");
        marcus.emails = {ContactField{QStringLiteral("marcus@bellcoaching.example"), {}, true}};
        QVERIFY(store.add(marcus).ok());
        Contact anne;
        anne.displayName = QStringLiteral("Anne-Marie O'Brien");
        QVERIFY(store.add(anne).ok());
        Contact club;
        club.displayName = QStringLiteral("100% Club");
        QVERIFY(store.add(club).ok());
        Contact abc;
        abc.displayName = QStringLiteral("aXb");
        QVERIFY(store.add(abc).ok());

        ContactListQuery query;
        query.search = search;
        auto rows = store.rows(query, 0, 100);
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        QStringList names;
        for (const ContactRow &row : std::as_const(*rows))
            names << row.name;
        QCOMPARE(names, expected);
        QCOMPARE(store.rowCount(query).value(), expected.size());
    }

    void rows_pages_coverEveryContactOnceInOrder()
    {
        TestDataFile data;
        Database &db = data.open();
        ContactStore store(db);
        for (int i = 0; i < 250; ++i)
            Rapport::Test::addContact(db, QStringLiteral("Person %1").arg(i, 3, 10, QLatin1Char('0')));
        ContactListQuery query;
        query.descending = true;
        QStringList names;
        for (int offset = 0; offset < 250; offset += 64) {
            auto page = store.rows(query, offset, 64);
            QVERIFY(page.ok());
            for (const ContactRow &row : std::as_const(*page))
                names << row.name;
        }
        QCOMPARE(names.size(), 250);
        QCOMPARE(names.constFirst(), QStringLiteral("Person 249"));
        QCOMPARE(names.constLast(), QStringLiteral("Person 000"));
    }

    void rows_archived_areHiddenUnlessAsked()
    {
        TestDataFile data;
        ContactStore store(data.open());
        Contact archived = fullContact();
        archived.archived = true;
        QVERIFY(store.add(archived).ok());
        ContactListQuery query;
        QCOMPARE(store.rowCount(query).value(), 0);
        query.includeArchived = true;
        QCOMPARE(store.rowCount(query).value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_contactstore.moc"
