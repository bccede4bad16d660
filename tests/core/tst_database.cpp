#include "reminders/remindersettingsstore.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/reminderstore.h"
#include "testdatafile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Test::fileBytes;

namespace {

/// Runs statements on a file with a plain SQLite connection, as another
/// program (or an older or newer Rapport) would.
void rawExec(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-%1").arg(reinterpret_cast<quintptr>(&path));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(statement));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QVariant rawScalar(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("rawscalar");
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QVariant pragma(Database &database, const char *name)
{
    auto value = database.scalar(QStringLiteral("PRAGMA %1").arg(QLatin1StringView(name)));
    return value ? *value : QVariant();
}

/// Makes `data`'s file at schema `version` holding what `statements` write
/// (SQL that schema understands, not today's stores).
void makeOldFile(TestDataFile &data, int version, std::initializer_list<const char *> statements)
{
    Database::OpenOptions options;
    options.targetVersion = version;
    auto old = Database::open(data.path(), data.clock(), options);
    QVERIFY2(old.ok(), qPrintable(old.error()));
    for (const char *sql : statements) {
        auto done = (*old)->exec(QString::fromLatin1(sql));
        QVERIFY2(done.ok(), qPrintable(done.error()));
    }
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void open_newFile_isCreatedOwnerOnlyAtTheCurrentVersion()
    {
        TestDataFile data;
        Database &db = data.open();
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        QVERIFY(Database::currentSchemaVersion() >= 2);
        QCOMPARE(pragma(db, "user_version").toInt(), Database::currentSchemaVersion());
        QCOMPARE(pragma(db, "application_id").toInt(), Database::applicationId);
        const auto permissions = QFileInfo(data.path()).permissions();
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
        QVERIFY(permissions.testFlag(QFileDevice::WriteOwner));
        QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                 | QFileDevice::WriteOther | QFileDevice::ExeOwner)));
        QVERIFY(db.backupPath().isEmpty());
    }

    void open_newFile_isDurable()
    {
        TestDataFile data;
        Database &db = data.open();
        QCOMPARE(pragma(db, "journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(db, "synchronous").toInt(), 2); // FULL
        QCOMPARE(pragma(db, "foreign_keys").toInt(), 1);
    }

    void open_newFile_hasLargePages()
    {
        TestDataFile data;
        QCOMPARE(pragma(data.open(), "page_size").toInt(), 16384);
    }

    void open_fileInMissingFolder_createsThePrivateFolder()
    {
        TestDataFile data;
        const QString path = data.filePath(QStringLiteral("deeper/still/rapport.sqlite"));
        auto opened = Database::open(path, data.clock());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QVERIFY(QFileInfo::exists(path));
    }

    void open_missingFileWithoutCreate_isRefused()
    {
        TestDataFile data;
        Database::OpenOptions options;
        options.create = false;
        auto opened = Database::open(data.path(), data.clock(), options);
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().contains(u"does not exist"));
        QVERIFY(!QFileInfo::exists(data.path()));
    }

    void open_zeroByteFile_becomesADataFile()
    {
        TestDataFile data;
        writeFile(data.path(), {});
        auto opened = Database::open(data.path(), data.clock());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE((*opened)->schemaVersion(), Database::currentSchemaVersion());
    }

    void open_newerFile_isRefusedNamingBothVersionsAndLeftUntouched()
    {
        TestDataFile data;
        Rapport::Test::addContact(data.open(), QStringLiteral("Marcus Bell"));
        data.close();
        rawExec(data.path(), {QStringLiteral("PRAGMA user_version = 99"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
        const QByteArray before = fileBytes(data.path());
        const auto modifiedBefore = QFileInfo(data.path()).lastModified();

        auto opened = Database::open(data.path(), data.clock());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(u"newer version"), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(u"99"), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(QString::number(Database::currentSchemaVersion())),
                 qPrintable(opened.error()));
        QCOMPARE(fileBytes(data.path()), before);
        QCOMPARE(QFileInfo(data.path()).lastModified(), modifiedBefore);
        const QStringList backups = QDir(data.dir()).entryList({QStringLiteral("*backup*")});
        QVERIFY2(backups.isEmpty(), qPrintable(backups.join(u',')));
    }

    void open_notARapportFile_isRefusedAndLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a text file") << QByteArray("Dear Marcus,\nthanks for the call.\n") << "not an SQLite database";
        QTest::newRow("an HTML page") << QByteArray("<!DOCTYPE html><html><body>hi</body></html>")
                                      << "not an SQLite database";
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = static_cast<char>((i * 7919) % 251);
        QTest::newRow("random binary") << binary << "not an SQLite database";
        QTest::newRow("an SQLite header cut short") << QByteArray("SQLite format 3\0\x10\x00", 18) << "damaged";
        QByteArray garbage("SQLite format 3\0", 16);
        garbage.append(QByteArray(8192, '\xAB'));
        QTest::newRow("an SQLite header followed by garbage") << garbage << "damaged";
    }
    void open_notARapportFile_isRefusedAndLeftUntouched()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        TestDataFile data;
        writeFile(data.path(), bytes);
        auto opened = Database::open(data.path(), data.clock());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(expected), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(u"left as it is"), qPrintable(opened.error()));
        QCOMPARE(fileBytes(data.path()), bytes);
        QCOMPARE(QDir(data.dir()).entryList(QDir::Files).size(), 1);
    }

    void open_anotherProgramsSqliteFile_isRefusedAndLeftUntouched()
    {
        TestDataFile data;
        rawExec(data.path(), {QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"),
                              QStringLiteral("INSERT INTO notes (text) VALUES ('keep me')")});
        const QByteArray before = fileBytes(data.path());
        auto opened = Database::open(data.path(), data.clock());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(u"another program"), qPrintable(opened.error()));
        QCOMPARE(fileBytes(data.path()), before);
        QCOMPARE(rawScalar(data.path(), QStringLiteral("SELECT text FROM notes")).toString(), QStringLiteral("keep me"));
    }

    void open_everyOlderVersion_migratesKeepingDataAndABackup_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int version = 0; version < Database::currentSchemaVersion(); ++version)
            QTest::addRow("from version %d", version) << version;
    }
    void open_everyOlderVersion_migratesKeepingDataAndABackup()
    {
        QFETCH(int, fromVersion);
        TestDataFile data;
        {
            Database::OpenOptions options;
            options.targetVersion = fromVersion;
            auto old = Database::open(data.path(), data.clock(), options);
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QCOMPARE((*old)->schemaVersion(), fromVersion);
            // Written with SQL every old schema understands, not with today's store.
            if (fromVersion >= 1) {
                QVERIFY((*old)->exec(QStringLiteral("INSERT INTO contacts (display_name, created_at, updated_at) "
                                                    "VALUES (?, 0, 0)"),
                                     {QStringLiteral("Theo Lindqvist")})
                            .ok());
            }
        }
        auto upgraded = Database::open(data.path(), data.clock());
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.error()));
        QCOMPARE((*upgraded)->schemaVersion(), Database::currentSchemaVersion());
        if (fromVersion == 0) {
            QVERIFY((*upgraded)->backupPath().isEmpty()); // nothing to keep in an empty file
            return;
        }
        auto contacts = ContactStore(**upgraded).all();
        QVERIFY(contacts.ok());
        QCOMPARE(contacts->size(), 1);
        QCOMPARE(contacts->constFirst().name(), QStringLiteral("Theo Lindqvist"));

        const QString backup = (*upgraded)->backupPath();
        QVERIFY(!backup.isEmpty());
        QVERIFY(QFileInfo::exists(backup));
        QVERIFY(backup.contains(QStringLiteral(".v%1-backup-").arg(fromVersion)));
        QCOMPARE(QFileInfo(backup).absolutePath(), QFileInfo(data.path()).absolutePath());
        QCOMPARE(rawScalar(backup, QStringLiteral("PRAGMA user_version")).toInt(), fromVersion);
        QCOMPARE(rawScalar(backup, QStringLiteral("SELECT display_name FROM contacts")).toString(),
                 QStringLiteral("Theo Lindqvist"));
        const auto permissions = QFileInfo(backup).permissions();
        QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));

        // Opening again finds nothing to migrate and makes no second backup.
        upgraded = Database::open(data.path(), data.clock());
        QVERIFY(upgraded.ok());
        QVERIFY((*upgraded)->backupPath().isEmpty());
    }

    void open_version3File_keepsItsFollowUpsAndGainsCadencesAndSettings()
    {
        TestDataFile data;
        {
            Database::OpenOptions options;
            options.targetVersion = 3;
            auto old = Database::open(data.path(), data.clock(), options);
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QVERIFY((*old)->exec(QStringLiteral("INSERT INTO contacts (id, display_name, created_at, updated_at) "
                                                "VALUES (1, 'Sam Okafor', 0, 0)"))
                        .ok());
            QVERIFY((*old)->exec(QStringLiteral("INSERT INTO reminders (contact_id, due_at, note, created_at) "
                                                "VALUES (1, ?, 'Send the outline', 0)"),
                                 {Database::toStored(TestDataFile::pinnedNow())})
                        .ok());
        }
        Database &db = data.open();
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        const QList<Reminder> reminders = ReminderStore(db).forContact(1).value();
        QCOMPARE(reminders.size(), 1);
        QCOMPARE(reminders.constFirst().note, QStringLiteral("Send the outline"));
        QCOMPARE(reminders.constFirst().dueAt, TestDataFile::pinnedNow());
        QVERIFY(!reminders.constFirst().cadence);
        QVERIFY(!reminders.constFirst().notifiedAt.isValid());
        QCOMPARE(ReminderStore(db).dueUnannounced(TestDataFile::pinnedNow()).value().size(), 1);
        auto settings = ReminderSettingsStore(db).load();
        QVERIFY2(settings.ok(), qPrintable(settings.error()));
        QCOMPARE(*settings, ReminderSettings());
    }

    void open_version4File_keepsItsContactsAndFindsThemThroughTheSearchIndex()
    {
        QVERIFY(Database::currentSchemaVersion() >= 5);
        TestDataFile data;
        makeOldFile(data, 4,
                    {"INSERT INTO contacts (id, display_name, organization, notes, created_at, updated_at) "
                     "VALUES (1, 'Sam Okafor', 'Okafor Media', 'Podcast host;\nloves long walks', 0, 0)",
                     "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (2, 'Ruth Jensen', 0, 0)",
                     "INSERT INTO contact_fields (contact_id, kind, position, value) VALUES (1, 'email', 0, "
                     "'sam@okafor.example')",
                     "INSERT INTO contact_fields (contact_id, kind, position, value) VALUES (1, 'phone', 0, "
                     "'+1 555 0142')",
                     "INSERT INTO tags (id, name) VALUES (1, 'speaker')",
                     "INSERT INTO contact_tags (contact_id, tag_id, position) VALUES (1, 1, 0)"});
        Database &db = data.open();
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        QVERIFY(!db.backupPath().isEmpty());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_search")).value().toInt(), 2);
        ContactStore store(db);
        const Contact sam = store.get(1).value();
        QCOMPARE(sam.emails.value(0).value, QStringLiteral("sam@okafor.example"));
        QCOMPARE(sam.tags, QStringList{QStringLiteral("speaker")});
        for (const char *search : {"okafor media", "long walks", "sam@okafor.ex", "555 0142", "speaker", "SAM OK"}) {
            ContactListQuery query;
            query.search = QString::fromLatin1(search);
            QVERIFY(ContactStore::searchUsesIndex(query.search));
            auto rows = store.rows(query, 0, 10);
            QVERIFY2(rows.ok(), qPrintable(rows.error()));
            QCOMPARE(rows->size(), 1);
            QCOMPARE(rows->constFirst().name, QStringLiteral("Sam Okafor"));
            QCOMPARE(store.rowCount(query).value(), 1);
        }
        ContactListQuery ruth;
        ruth.search = QStringLiteral("jensen");
        QCOMPARE(store.rowCount(ruth).value(), 1);
    }

    void open_version6File_keepsEveryDetailInOrderAndStillSearchesThem()
    {
        QVERIFY(Database::currentSchemaVersion() >= 7);
        TestDataFile data;
        // Positions as an older version may have left them: out of order,
        // with a gap, and two emails at one position.
        makeOldFile(data, 6,
                    {"INSERT INTO contacts (id, uid, display_name, created_at, updated_at) "
                     "VALUES (1, 'urn:uuid:1', 'Sam Okafor', 0, 0)",
                     "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (2, 'Ruth Jensen', 0, 0)",
                     "INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred) "
                     "VALUES (1, 'email', 4, 'third@okafor.example', 'home', 0)",
                     "INSERT INTO contact_fields (contact_id, kind, position, value) VALUES (1, 'email', 0, "
                     "'first@okafor.example')",
                     "INSERT INTO contact_fields (contact_id, kind, position, value, preferred) VALUES (1, 'email', 0, "
                     "'second@okafor.example', 1)",
                     "INSERT INTO contact_fields (contact_id, kind, position, value) VALUES (1, 'phone', 0, "
                     "'+1 555 0142')",
                     "INSERT INTO contact_fields (contact_id, kind, position, value, label) VALUES (2, 'social', 0, "
                     "'@ruth', 'twitter')",
                     "INSERT INTO contact_addresses (contact_id, position, street, locality) "
                     "VALUES (1, 3, '2 Side St', 'Boulder')",
                     "INSERT INTO contact_addresses (contact_id, position, label, street, locality) "
                     "VALUES (1, 1, 'work', '1 Main St', 'Denver')",
                     // Left behind by another tool: details of a contact that is gone.
                     "PRAGMA foreign_keys = OFF",
                     "INSERT INTO contact_fields (contact_id, kind, position, value) VALUES (99, 'email', 0, "
                     "'gone@example.com')",
                     "INSERT INTO contact_addresses (contact_id, position, street) VALUES (99, 0, '9 Gone St')",
                     "PRAGMA foreign_keys = ON"});
        Database &db = data.open();
        QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
        QVERIFY(!db.backupPath().isEmpty());
        for (const char *table : {"contact_fields", "contact_addresses"}) {
            const QString sql = db.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = ?"),
                                          {QString::fromLatin1(table)})
                                    .value()
                                    .toString();
            QVERIFY2(sql.contains(u"WITHOUT ROWID"), qPrintable(sql));
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                          "('contacts_by_uid', 'contact_fields_by_contact', "
                                          "'contact_addresses_by_contact')"))
                     .value()
                     .toInt(),
                 0);
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_key_check")).value(), QVariant());

        ContactStore store(db);
        Contact sam = store.get(1).value();
        QCOMPARE(sam.uid, QStringLiteral("urn:uuid:1"));
        QCOMPARE(sam.emails.size(), 3);
        QCOMPARE(sam.emails.at(0).value, QStringLiteral("first@okafor.example"));
        QCOMPARE(sam.emails.at(1).value, QStringLiteral("second@okafor.example"));
        QVERIFY(sam.emails.at(1).preferred);
        QCOMPARE(sam.emails.at(2).value, QStringLiteral("third@okafor.example"));
        QCOMPARE(sam.emails.at(2).label, QStringLiteral("home"));
        QCOMPARE(sam.phones.value(0).value, QStringLiteral("+1 555 0142"));
        QCOMPARE(sam.addresses.size(), 2);
        QCOMPARE(sam.addresses.at(0).street, QStringLiteral("1 Main St"));
        QCOMPARE(sam.addresses.at(0).label, QStringLiteral("work"));
        QCOMPARE(sam.addresses.at(1).locality, QStringLiteral("Boulder"));
        const Contact ruth = store.get(2).value();
        QCOMPARE(ruth.socialProfiles.value(0).handle, QStringLiteral("@ruth"));

        // The details are still found, and still kept up to date for searching.
        ContactListQuery query;
        query.search = QStringLiteral("second@okafor");
        QCOMPARE(store.rowCount(query).value(), 1);
        sam.emails.append(ContactField{QStringLiteral("fourth@okafor.example"), QString(), false});
        QVERIFY(store.update(sam).ok());
        query.search = QStringLiteral("fourth@okafor");
        QCOMPARE(store.rowCount(query).value(), 1);
        QCOMPARE(store.get(1).value().emails.size(), 4);
        QVERIFY(store.remove(1).ok());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_fields")).value().toInt(), 1);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM contact_addresses")).value().toInt(), 0);
    }

    void migrations_areNumberedWithoutGaps()
    {
        const QList<Migration> &migrations = schemaMigrations();
        QVERIFY(!migrations.isEmpty());
        for (int i = 0; i < migrations.size(); ++i) {
            QCOMPARE(migrations.at(i).version, i + 1);
            QVERIFY(!migrations.at(i).statements.isEmpty());
        }
    }

    void exec_sameSqlWhileReadingIt_doesNotRewindTheReader()
    {
        TestDataFile data;
        Database &db = data.open();
        for (int i = 0; i < 5; ++i)
            Rapport::Test::addContact(db, QStringLiteral("P%1").arg(i));
        const QString sql = QStringLiteral("SELECT id FROM contacts ORDER BY id");
        auto outer = db.exec(sql);
        QVERIFY(outer.ok());
        int rows = 0;
        while ((*outer)->next()) {
            ++rows;
            if (rows == 2) {
                auto inner = db.exec(sql);
                QVERIFY(inner.ok());
                QVERIFY((*inner)->next());
            }
        }
        QCOMPARE(rows, 5);
    }

    void exec_fewerValuesThanBefore_leavesNoStaleValue()
    {
        TestDataFile data;
        Database &db = data.open();
        const QString sql = QStringLiteral("SELECT coalesce(?, 'none') || '/' || coalesce(?, 'none')");
        QCOMPARE(db.scalar(sql, {QStringLiteral("x"), QStringLiteral("y")}).value().toString(), QStringLiteral("x/y"));
        QCOMPARE(db.scalar(sql, {QStringLiteral("only")}).value().toString(), QStringLiteral("only/none"));
    }

    void exec_userText_isBoundNeverInterpreted()
    {
        TestDataFile data;
        Database &db = data.open();
        const QString hostile = QStringLiteral("Robert'); DROP TABLE contacts;--");
        const qint64 id = Rapport::Test::addContact(db, hostile);
        auto contact = ContactStore(db).get(id);
        QVERIFY(contact.ok());
        QCOMPARE(contact->name(), hostile);
        QCOMPARE(ContactStore(db).count().value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
