#include "clirunner.h"
#include "store/database.h"
#include "store/reminderstore.h"
#include "testdatafile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using Rapport::Test::TestDataFile;
using Rapport::Core::Database;
using Rapport::Core::Reminder;
using Rapport::Core::ReminderStore;

namespace {

using Run = Rapport::Test::CliRun;

Run cli(const QStringList &arguments)
{
    return Rapport::Test::runCli(QStringLiteral(RAPPORT_CLI_PATH), arguments);
}

Run cliOn(const TestDataFile &data, QStringList arguments)
{
    return cli(QStringList{QStringLiteral("--db"), data.path()} + arguments);
}

QJsonArray contactsJson(const TestDataFile &data)
{
    const Run run = cliOn(data, {QStringLiteral("contacts"), QStringLiteral("--json")});
    if (run.exitCode != 0)
        qFatal("contacts --json failed: %s", qPrintable(run.err));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qFatal("contacts --json is not a JSON array: %s", qPrintable(error.errorString()));
    return doc.array();
}

QJsonObject byName(const QJsonArray &contacts, const QString &name)
{
    for (const QJsonValue &value : contacts) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void help_and_version_exitZero()
    {
        Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"demo", "contacts", "log", "introduce", "stage", "add", "due"})
            QVERIFY2(help.out.contains(QLatin1StringView(command)), command);
        Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral("0.")));
        Run commandHelp = cli({QStringLiteral("log"), QStringLiteral("--help")});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.out.contains(QStringLiteral("--kind")));
    }

    void badUsage_exitsTwoWithAMessage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << "no command";
        QTest::newRow("an unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command";
        QTest::newRow("an unknown option") << QStringList{QStringLiteral("contacts"), QStringLiteral("--colour")}
                                           << "colour";
        QTest::newRow("log without a contact") << QStringList{QStringLiteral("log"), QStringLiteral("--kind"),
                                                              QStringLiteral("call")}
                                               << "--contact";
        QTest::newRow("a contact id that is not a number")
            << QStringList{QStringLiteral("log"), QStringLiteral("--contact"), QStringLiteral("abc"),
                           QStringLiteral("--kind"), QStringLiteral("call")}
            << "abc";
        QTest::newRow("an unknown interaction kind")
            << QStringList{QStringLiteral("log"), QStringLiteral("--contact"), QStringLiteral("1"),
                           QStringLiteral("--kind"), QStringLiteral("fax")}
            << "fax";
        QTest::newRow("a time that is not ISO 8601")
            << QStringList{QStringLiteral("log"), QStringLiteral("--contact"), QStringLiteral("1"),
                           QStringLiteral("--kind"), QStringLiteral("call"), QStringLiteral("--at"),
                           QStringLiteral("yesterday")}
            << "yesterday";
        QTest::newRow("stage with neither a stage nor --auto")
            << QStringList{QStringLiteral("stage"), QStringLiteral("--contact"), QStringLiteral("1")} << "--auto";
        QTest::newRow("an unknown stage") << QStringList{QStringLiteral("stage"), QStringLiteral("--contact"),
                                                         QStringLiteral("1"), QStringLiteral("partner")}
                                          << "partner";
        QTest::newRow("add without a name") << QStringList{QStringLiteral("add")} << "--name";
        QTest::newRow("due within a span that is not a duration")
            << QStringList{QStringLiteral("due"), QStringLiteral("--within"), QStringLiteral("soon")} << "soon";
    }
    void badUsage_exitsTwoWithAMessage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        TestDataFile data;
        const Run run = cliOn(data, arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("Usage")));
    }

    void demo_thenContactsJson_printsTheSampleNetwork()
    {
        TestDataFile data;
        Run demo = cliOn(data, {QStringLiteral("demo")});
        QCOMPARE(demo.exitCode, 0);
        const QJsonArray contacts = contactsJson(data);
        QVERIFY(contacts.size() >= 15);
        for (const QJsonValue &value : contacts) {
            const QJsonObject c = value.toObject();
            for (const char *key : {"id", "name", "emails", "phones", "organization", "title", "stage", "tags", "note",
                                    "has_photo", "introduced_by", "last_interaction"})
                QVERIFY2(c.contains(QLatin1StringView(key)), key);
            QVERIFY(c.value(QStringLiteral("emails")).isArray());
            QVERIFY(c.value(QStringLiteral("has_photo")).isBool());
        }
        const QJsonObject theo = byName(contacts, QStringLiteral("Theo Lindqvist"));
        const QJsonObject marcus = byName(contacts, QStringLiteral("Marcus Bell"));
        QCOMPARE(theo.value(QStringLiteral("stage")).toString(), QStringLiteral("client"));
        QCOMPARE(theo.value(QStringLiteral("introduced_by")).toArray(),
                 QJsonArray{marcus.value(QStringLiteral("id"))});
        const QString last = theo.value(QStringLiteral("last_interaction")).toString();
        QVERIFY2(QDateTime::fromString(last, Qt::ISODate).isValid(), qPrintable(last));
        QVERIFY(byName(contacts, QStringLiteral("Emma Lawson")).value(QStringLiteral("last_interaction")).isNull());

        Run again = cliOn(data, {QStringLiteral("demo")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("empty")));
        QCOMPARE(contactsJson(data).size(), contacts.size());
    }

    void add_log_stage_introduce_workTogether()
    {
        TestDataFile data;
        Run added = cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Sam Okafor"),
                                 QStringLiteral("--email"), QStringLiteral("sam@okaforstudio.example"),
                                 QStringLiteral("--email"), QStringLiteral("sam@mail.example"), QStringLiteral("--org"),
                                 QStringLiteral("Okafor Studio")});
        QCOMPARE(added.exitCode, 0);
        const QString sam = added.out.trimmed();
        QVERIFY(sam.toLongLong() > 0);
        Run theoAdded = cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Theo")});
        const QString theo = theoAdded.out.trimmed();

        Run logged = cliOn(data, {QStringLiteral("log"), QStringLiteral("--contact"), sam, QStringLiteral("--kind"),
                                  QStringLiteral("call"), QStringLiteral("--at"), QStringLiteral("2026-03-01T15:30:00Z"),
                                  QStringLiteral("--summary"), QStringLiteral("First call")});
        QCOMPARE(logged.exitCode, 0);
        QVERIFY(logged.out.contains(QStringLiteral("call")));
        QJsonObject c = byName(contactsJson(data), QStringLiteral("Sam Okafor"));
        QCOMPARE(c.value(QStringLiteral("stage")).toString(), QStringLiteral("call"));
        QCOMPARE(c.value(QStringLiteral("last_interaction")).toString(), QStringLiteral("2026-03-01T15:30:00Z"));
        QCOMPARE(c.value(QStringLiteral("emails")).toArray().size(), 2);
        QCOMPARE(c.value(QStringLiteral("organization")).toString(), QStringLiteral("Okafor Studio"));

        QCOMPARE(cliOn(data, {QStringLiteral("stage"), QStringLiteral("--contact"), sam, QStringLiteral("client")}).exitCode, 0);
        QCOMPARE(byName(contactsJson(data), QStringLiteral("Sam Okafor")).value(QStringLiteral("stage")).toString(),
                 QStringLiteral("client"));
        QCOMPARE(cliOn(data, {QStringLiteral("stage"), QStringLiteral("--contact"), sam, QStringLiteral("--auto")}).exitCode, 0);
        QCOMPARE(byName(contactsJson(data), QStringLiteral("Sam Okafor")).value(QStringLiteral("stage")).toString(),
                 QStringLiteral("call"));

        Run introduced = cliOn(data, {QStringLiteral("introduce"), QStringLiteral("--from"), theo, QStringLiteral("--to"),
                                      sam, QStringLiteral("--kind"), QStringLiteral("met-at-event")});
        QCOMPARE(introduced.exitCode, 0);
        QCOMPARE(byName(contactsJson(data), QStringLiteral("Sam Okafor")).value(QStringLiteral("introduced_by")).toArray(),
                 QJsonArray{theo.toLongLong()});
        Run twice = cliOn(data, {QStringLiteral("introduce"), QStringLiteral("--from"), theo, QStringLiteral("--to"), sam});
        QCOMPARE(twice.exitCode, 1);
    }

    void due_listsWhatIsDueAndWhatFallsDueWithinTheSpan()
    {
        TestDataFile data;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            Database &db = data.open();
            const qint64 sam = Rapport::Test::addContact(db, QStringLiteral("Sam Okafor"));
            ReminderStore store(db);
            auto add = [&](qint64 secs, const char *note) {
                Reminder r;
                r.contactId = sam;
                r.dueAt = now.addSecs(secs);
                r.note = QString::fromUtf8(note);
                return store.add(r).value();
            };
            add(-7200, "Send the partnership outline");
            add(90 * 60, "Call about the <b>launch</b>");
            add(2 * 86400, "Confirm the workshop");
            add(10 * 86400, "Quarterly check-in");
            QVERIFY(store.complete(add(-86400, "Already done")).ok());
            data.close();
        }
        auto dueJson = [&data](QStringList extra) {
            const Run run = cliOn(data, QStringList{QStringLiteral("due"), QStringLiteral("--json")} + extra);
            if (run.exitCode != 0)
                qFatal("due --json failed: %s", qPrintable(run.err));
            return QJsonDocument::fromJson(run.out.toUtf8()).array();
        };
        QJsonArray due = dueJson({});
        QCOMPARE(due.size(), 1);
        const QJsonObject first = due.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("contact")).toString(), QStringLiteral("Sam Okafor"));
        QCOMPARE(first.value(QStringLiteral("note")).toString(), QStringLiteral("Send the partnership outline"));
        QCOMPARE(first.value(QStringLiteral("overdue")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(QDateTime::fromString(first.value(QStringLiteral("due_at")).toString(), Qt::ISODate),
                 now.addSecs(-7200).addMSecs(-now.time().msec()));

        QCOMPARE(dueJson({QStringLiteral("--within"), QStringLiteral("2h")}).size(), 2);
        QCOMPARE(dueJson({QStringLiteral("--within"), QStringLiteral("3d")}).size(), 3);
        QCOMPARE(dueJson({QStringLiteral("--within"), QStringLiteral("2w")}).size(), 4);

        const Run text = cliOn(data, {QStringLiteral("due"), QStringLiteral("--within"), QStringLiteral("2h")});
        QCOMPARE(text.exitCode, 0);
        const QStringList lines = text.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(u"overdue") && lines.at(0).contains(u"Sam Okafor"), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(u"Call about the <b>launch</b>"), qPrintable(lines.at(1)));
    }

    void due_keepInTouchCadence_isListedOnceContactGoesCold_andLoggingPushesItOut()
    {
        TestDataFile data;
        const QString luis = cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Luis Ortega")})
                                 .out.trimmed();
        const QString longAgo = QDateTime::currentDateTimeUtc().addDays(-20).toString(Qt::ISODate);
        QCOMPARE(cliOn(data, {QStringLiteral("log"), QStringLiteral("--contact"), luis, QStringLiteral("--kind"),
                              QStringLiteral("email"), QStringLiteral("--at"), longAgo})
                     .exitCode,
                 0);
        Run due = cliOn(data, {QStringLiteral("due"), QStringLiteral("--json")});
        QJsonArray items = QJsonDocument::fromJson(due.out.toUtf8()).array();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("keep_in_touch")).toBool(), true);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("origin")).toString(), QStringLiteral("keep-in-touch"));

        QCOMPARE(cliOn(data, {QStringLiteral("log"), QStringLiteral("--contact"), luis, QStringLiteral("--kind"),
                              QStringLiteral("call")})
                     .exitCode,
                 0);
        due = cliOn(data, {QStringLiteral("due")});
        QCOMPARE(due.exitCode, 0);
        QCOMPARE(due.out.trimmed(), QStringLiteral("Nothing is due."));
        due = cliOn(data, {QStringLiteral("due"), QStringLiteral("--within"), QStringLiteral("1w")});
        QVERIFY2(due.out.contains(u"Luis Ortega"), qPrintable(due.out));
    }

    void errors_exitOneOnStderr_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("logging for a contact that does not exist")
            << QStringList{QStringLiteral("log"), QStringLiteral("--contact"), QStringLiteral("404"),
                           QStringLiteral("--kind"), QStringLiteral("email")}
            << "404";
        QTest::newRow("a stage for a contact that does not exist")
            << QStringList{QStringLiteral("stage"), QStringLiteral("--contact"), QStringLiteral("404"),
                           QStringLiteral("client")}
            << "404";
        QTest::newRow("introducing someone to themselves")
            << QStringList{QStringLiteral("introduce"), QStringLiteral("--from"), QStringLiteral("1"),
                           QStringLiteral("--to"), QStringLiteral("1")}
            << "themselves";
    }
    void errors_exitOneOnStderr()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        TestDataFile data;
        QCOMPARE(cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Only one")}).exitCode, 0);
        const Run run = cliOn(data, arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void contacts_missingFile_failsWithoutCreatingIt()
    {
        TestDataFile data;
        const Run run = cliOn(data, {QStringLiteral("contacts")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("does not exist")), qPrintable(run.err));
        QVERIFY(!QFile::exists(data.path()));
    }

    void contacts_garbageFile_failsAndLeavesItAlone()
    {
        TestDataFile data;
        {
            QFile file(data.path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("BEGIN:VCARD\nFN:Not a database\nEND:VCARD\n");
        }
        const QByteArray before = Rapport::Test::fileBytes(data.path());
        const Run run = cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("X")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not a Rapport data file")), qPrintable(run.err));
        QCOMPARE(Rapport::Test::fileBytes(data.path()), before);
    }

    void import_exitCodesSayWhatHappened()
    {
        TestDataFile data;
        auto write = [&data](const QString &name, const QByteArray &bytes) {
            QFile file(data.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(name));
            file.write(bytes);
            return file.fileName();
        };
        const QString good = write(QStringLiteral("good.vcf"),
                                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Theo Lindqvist\r\nEMAIL:theo@lindqvist.example\r\n"
                                   "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Okafor\r\nEND:VCARD\r\n");
        const QString partly = write(QStringLiteral("partly.vcf"),
                                     "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Adeyemi\r\nEND:VCARD\r\n"
                                     "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n");
        const QString html = write(QStringLiteral("page.vcf"), "<!DOCTYPE html><html><body>Not found</body></html>");

        Run imported = cliOn(data, {QStringLiteral("import"), QStringLiteral("--json"), good});
        QCOMPARE(imported.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(imported.out.toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("created")).toInt(), 2);
        QVERIFY(result.value(QStringLiteral("batch")).toInt() > 0);

        Run again = cliOn(data, {QStringLiteral("import"), QStringLiteral("--json"), good});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("unchanged")).toInt(), 2);

        Run skipped = cliOn(data, {QStringLiteral("import"), partly});
        QCOMPARE(skipped.exitCode, 3);
        QVERIFY2(skipped.out.contains(QStringLiteral("partly.vcf:5")), qPrintable(skipped.out));

        Run notVCard = cliOn(data, {QStringLiteral("import"), html});
        QCOMPARE(notVCard.exitCode, 2);
        QVERIFY2(notVCard.err.contains(QStringLiteral("page.vcf")), qPrintable(notVCard.err));
        QCOMPARE(contactsJson(data).size(), 3);

        // Imports are undone newest first: the first one waits for the later one.
        const QString first = QString::number(result.value(QStringLiteral("batch")).toInt());
        Run tooEarly = cliOn(data, {QStringLiteral("undo-import"), first});
        QCOMPARE(tooEarly.exitCode, 1);
        QVERIFY2(tooEarly.err.contains(QStringLiteral("undo it first")), qPrintable(tooEarly.err));
        QCOMPARE(cliOn(data, {QStringLiteral("undo-import"), QString::number(first.toInt() + 2)}).exitCode, 0);
        QCOMPARE(contactsJson(data).size(), 2);
        Run undone = cliOn(data, {QStringLiteral("undo-import"), first});
        QCOMPARE(undone.exitCode, 0);
        QVERIFY(undone.out.contains(QStringLiteral("2 contacts removed")));
        QCOMPARE(contactsJson(data).size(), 0);
        QCOMPARE(cliOn(data, {QStringLiteral("undo-import"), first}).exitCode, 1);
    }

    void export_thenImportIntoAFreshFile_givesTheSameContacts()
    {
        TestDataFile data;
        QCOMPARE(cliOn(data, {QStringLiteral("demo")}).exitCode, 0);
        for (const QString &version : {QStringLiteral("3.0"), QStringLiteral("4.0")}) {
            const QString out = data.filePath(QStringLiteral("all-%1.vcf").arg(version));
            Run exported = cliOn(data, {QStringLiteral("export"), QStringLiteral("--vcard"), out,
                                        QStringLiteral("--version"), version});
            QCOMPARE(exported.exitCode, 0);
            TestDataFile fresh;
            QCOMPARE(cliOn(fresh, {QStringLiteral("import"), out}).exitCode, 0);
            const QJsonArray before = contactsJson(data);
            const QJsonArray after = contactsJson(fresh);
            QCOMPARE(after.size(), before.size());
            for (const QJsonValue &value : before) {
                const QJsonObject original = value.toObject();
                const QJsonObject copy = byName(after, original.value(QStringLiteral("name")).toString());
                for (const char *key : {"emails", "phones", "organization", "title", "tags", "note", "uid",
                                        "social_profiles", "addresses"})
                    QCOMPARE(copy.value(QLatin1StringView(key)), original.value(QLatin1StringView(key)));
            }
        }
        QCOMPARE(cliOn(data, {QStringLiteral("export"), QStringLiteral("--vcard"), data.filePath(QStringLiteral("x.vcf")),
                              QStringLiteral("--version"), QStringLiteral("2.1")}).exitCode,
                 2);
    }

    void hostileName_isStoredAndPrintedLiterally()
    {
        TestDataFile data;
        const QString hostile = QStringLiteral("<b>x</b> & \"'; DROP TABLE contacts;--");
        QCOMPARE(cliOn(data, {QStringLiteral("add"), QStringLiteral("--name"), hostile}).exitCode, 0);
        QCOMPARE(contactsJson(data).at(0).toObject().value(QStringLiteral("name")).toString(), hostile);
        QVERIFY(cliOn(data, {QStringLiteral("contacts")}).out.contains(hostile));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
