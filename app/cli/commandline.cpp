#include "commandline.h"

#include "demo/samplenetwork.h"
#include "insights/funnelanalysis.h"
#include "graph/graphstore.h"
#include "json/contactjson.h"
#include "reminders/agenda.h"
#include "reminders/duration.h"
#include "reminders/keepintouch.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/stagetracker.h"
#include "vcard/vcardimporter.h"
#include "vcard/vcardwriter.h"
#include "report/reports.h"
#include "report/reportpdf.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

using namespace Rapport::Core;

namespace Rapport::App {

struct CommandLine::CommandInfo
{
    const char *name;
    const char *synopsis;
    const char *description;
    QList<QCommandLineOption> options;
    Command handler;
};

namespace {

QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringList{QStringLiteral("db")},
                              CommandLine::tr("The data file (default: %1).")
                                  .arg(QDir::toNativeSeparators(Database::defaultPath())),
                              CommandLine::tr("FILE"));
}

QCommandLineOption option(const char *name, const QString &description, const QString &valueName = {})
{
    return QCommandLineOption(QStringList{QString::fromLatin1(name)}, description, valueName);
}

/// "2026-03-01T15:30:00Z", "2026-03-01T15:30" (local time) or "2026-03-01".
QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay();
    }
    return time;
}

QString stageKeys()
{
    QStringList keys;
    for (Stage s : stageLadder())
        keys << stageKey(s);
    return keys.join(QLatin1Char('|'));
}

QString kindKeys()
{
    QStringList keys;
    for (InteractionKind kind : allInteractionKinds())
        keys << interactionKindKey(kind);
    return keys.join(QLatin1Char('|'));
}

QString introductionKeys()
{
    QStringList keys;
    for (IntroductionKind kind : allIntroductionKinds())
        keys << introductionKindKey(kind);
    return keys.join(QLatin1Char('|'));
}

} // namespace

CommandLine::CommandLine(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

int CommandLine::usage(const QString &problem)
{
    m_err << QCoreApplication::applicationName() << "-cli: " << problem << Qt::endl
          << tr("Usage: rapport-cli [--db FILE] COMMAND [OPTIONS]; see rapport-cli --help.") << Qt::endl;
    return Usage;
}

int CommandLine::fail(const QString &message)
{
    m_err << "rapport-cli: " << message << Qt::endl;
    return Failure;
}

std::unique_ptr<Database> CommandLine::openDatabase(bool create)
{
    Database::OpenOptions options;
    options.create = create;
    auto opened = Database::open(m_databasePath, SystemClock::instance(), options);
    if (!opened) {
        fail(opened.error());
        if (const QStringList backups = Database::backupsOf(m_databasePath); !backups.isEmpty() && QFileInfo::exists(m_databasePath)) {
            m_err << tr("Rapport made a backup of this file before it last updated its format: “%1”. "
                        "To use it, copy it to a new name and open the copy with --db.")
                         .arg(QDir::toNativeSeparators(backups.constFirst()))
                  << Qt::endl;
        }
        return nullptr;
    }
    if (!(*opened)->backupPath().isEmpty()) {
        m_err << tr("The data file was updated to a new format; a copy of the previous one is at “%1”.")
                     .arg(QDir::toNativeSeparators((*opened)->backupPath()))
              << Qt::endl;
    }
    return std::move(opened).value();
}

bool CommandLine::contactId(QCommandLineParser &parser, const QString &name, qint64 &id)
{
    if (!parser.isSet(name)) {
        usage(tr("%1: --%2 ID is required.").arg(m_commandName, name));
        return false;
    }
    bool ok = false;
    id = parser.value(name).toLongLong(&ok);
    if (!ok || id <= 0) {
        usage(tr("%1: --%2 takes a contact id (a positive number), not “%3”.")
                  .arg(m_commandName, name, parser.value(name)));
        return false;
    }
    return true;
}

int CommandLine::run(const QStringList &arguments)
{
    const QList<CommandInfo> commands{
        {"demo", "demo", QT_TR_NOOP("Fill an empty data file with a sample network."), {}, &CommandLine::demo},
        {"contacts", "contacts [--json]", QT_TR_NOOP("List contacts."),
         {option("json", tr("Print JSON."))}, &CommandLine::contacts},
        {"add", "add --name NAME [--email E]... [--phone P]... [--org ORG] [--title T] [--tag T]...",
         QT_TR_NOOP("Create a contact and print its id."),
         {option("name", tr("The contact's name."), tr("NAME")),
          option("email", tr("An email address (repeatable)."), tr("EMAIL")),
          option("phone", tr("A phone number (repeatable)."), tr("PHONE")),
          option("org", tr("Organization."), tr("ORG")), option("title", tr("Job title."), tr("TITLE")),
          option("tag", tr("A tag (repeatable)."), tr("TAG"))},
         &CommandLine::add},
        {"log", "log --contact ID --kind KIND [--at ISO8601] [--summary TEXT] [--direction in|out]",
         QT_TR_NOOP("Record an interaction; the contact's stage follows."),
         {option("contact", tr("The contact's id."), tr("ID")),
          option("kind", tr("One of %1.").arg(kindKeys()), tr("KIND")),
          option("at", tr("When it happened (ISO 8601; default now)."), tr("TIME")),
          option("summary", tr("A one-line summary."), tr("TEXT")),
          option("body", tr("Longer notes."), tr("TEXT")),
          option("direction", tr("inbound (they reached out) or outbound (default)."), tr("DIR"))},
         &CommandLine::log},
        {"introduce", "introduce --from ID --to ID [--kind KIND] [--date DATE] [--note TEXT]",
         QT_TR_NOOP("Record that one contact led you to another."),
         {option("from", tr("Who made the introduction."), tr("ID")),
          option("to", tr("Whom they led you to."), tr("ID")),
          option("kind", tr("One of %1 (default introduced).").arg(introductionKeys()), tr("KIND")),
          option("date", tr("When (default today)."), tr("DATE")), option("note", tr("A note."), tr("TEXT"))},
         &CommandLine::introduce},
        {"stage", "stage --contact ID (STAGE | --auto)",
         QT_TR_NOOP("Set a contact's stage by hand, or return to the stage its interactions reached."),
         {option("contact", tr("The contact's id."), tr("ID")),
          option("auto", tr("Follow the interactions again.")),
          option("at", tr("When the stage was reached (default now)."), tr("TIME"))},
         &CommandLine::stage},
        {"import", "import [--json] FILE...",
         QT_TR_NOOP("Import vCard files: new contacts are created, known ones merged (exit 3: some cards were "
                    "skipped; 2: a file was not a vCard)."),
         {option("json", tr("Print JSON."))}, &CommandLine::importFiles},
        {"export", "export --vcard OUT.vcf [--version 3.0|4.0]", QT_TR_NOOP("Write every contact to a vCard file."),
         {option("vcard", tr("The file to write."), tr("FILE")),
          option("version", tr("vCard version, 3.0 or 4.0 (default 4.0)."), tr("VERSION"))},
         &CommandLine::exportFile},
        {"imports", "imports", QT_TR_NOOP("List past imports."), {}, &CommandLine::imports},
        {"undo-import", "undo-import BATCH",
         QT_TR_NOOP("Undo an import: remove the contacts it created, restore those it merged into."), {},
         &CommandLine::undoImport},
        {"due", "due [--json] [--within DURATION]",
         QT_TR_NOOP("List follow-ups that are due or overdue, or fall due within DURATION (30m, 2h, 3d, 1w)."),
         {option("json", tr("Print JSON.")),
          option("within", tr("Also list what falls due this soon: 30m, 2h, 3d, 1w."), tr("DURATION"))},
         &CommandLine::due},
        {"cadence", "cadence --contact ID [--days N]",
         QT_TR_NOOP("Show or set how often to keep in touch with a contact (--days 0: the stage's default)."),
         {option("contact", tr("The contact's id."), tr("ID")),
          option("days", tr("Days between contacts; 0 follows the contact's stage."), tr("N"))},
         &CommandLine::cadence},
        {"funnel", "funnel [--from DATE --to DATE] [--channel C | --tag T | --introducer ID] [--json]",
         QT_TR_NOOP("Print the engagement funnel: per stage, the contacts that reached it, the conversion from the "
                    "stage before and the median days it took."),
         {option("from", tr("Only contacts whose first step was on or after this day."), tr("DATE")),
          option("to", tr("Count what happened up to and including this day (default today)."), tr("DATE")),
          option("channel", tr("Only contacts first met through this channel."), tr("CHANNEL")),
          option("tag", tr("Only contacts with this tag."), tr("TAG")),
          option("introducer", tr("Only contacts this contact introduced."), tr("ID")), option("json", tr("Print JSON."))},
         &CommandLine::funnel},
        {"chains", "chains --contact ID [--json]",
         QT_TR_NOOP("Print every chain of introductions that led to a contact, from a first contact to it."),
         {option("contact", tr("The contact's id."), tr("ID")), option("json", tr("Print JSON."))},
         &CommandLine::chains},
        {"path", "path --from ID --to ID [--either-way] [--json]",
         QT_TR_NOOP("Print the shortest warm path of introductions from one contact to another (exit 1: none)."),
         {option("from", tr("Where the path starts."), tr("ID")), option("to", tr("Where it ends."), tr("ID")),
          option("either-way", tr("Follow introductions in both directions.")), option("json", tr("Print JSON."))},
         &CommandLine::path},
        {"attribution", "attribution [--json]",
         QT_TR_NOOP("Print, per contact, how many clients they led to directly and through others."),
         {option("json", tr("Print JSON."))}, &CommandLine::attribution},
        {"report", "report [--contact ID] [--from DATE --to DATE] [--page-size a4|letter] --pdf OUT.pdf",
         QT_TR_NOOP("Print the relationship summary of one contact, or of the whole network, to a PDF file."),
         {option("contact", tr("The contact's id (default: the whole network)."), tr("ID")),
          option("from", tr("First day of the period (YYYY-MM-DD)."), tr("DATE")),
          option("to", tr("Last day of the period (YYYY-MM-DD)."), tr("DATE")),
          option("page-size", tr("a4 or letter (default: from the locale)."), tr("SIZE")),
          option("pdf", tr("The PDF file to write."), tr("FILE"))},
         &CommandLine::report},
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Rapport: who you know, how you met them, and what to do next."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOption(dbOption());
    parser.addPositionalArgument(QStringLiteral("command"), tr("One of the commands below."), tr("COMMAND"));

    QString commandHelp = tr("Commands:") + QLatin1Char('\n');
    for (const CommandInfo &info : commands) {
        commandHelp += QStringLiteral("  %1\n      %2\n").arg(QString::fromLatin1(info.synopsis),
                                                          tr(info.description));
    }

    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        m_out << parser.helpText() << Qt::endl << commandHelp;
        return Success;
    }
    if (parser.isSet(version)) {
        m_out << "rapport-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(tr("no command given."));

    m_commandName = positional.constFirst();
    const auto it = std::find_if(commands.cbegin(), commands.cend(), [this](const CommandInfo &info) {
        return m_commandName == QLatin1StringView(info.name);
    });
    if (it == commands.cend())
        return usage(tr("unknown command “%1”.").arg(m_commandName));

    QCommandLineParser commandParser;
    commandParser.setApplicationDescription(tr(it->description));
    const QCommandLineOption commandHelpOption = commandParser.addHelpOption();
    commandParser.addOption(dbOption());
    commandParser.addOptions(it->options);
    const bool takesPositional = m_commandName == u"stage" || m_commandName == u"import"
                                 || m_commandName == u"undo-import";
    if (m_commandName == u"stage")
        commandParser.addPositionalArgument(QStringLiteral("stage"), stageKeys(), tr("STAGE"));
    else if (m_commandName == u"import")
        commandParser.addPositionalArgument(QStringLiteral("files"), tr("vCard files."), tr("FILE..."));
    else if (m_commandName == u"undo-import")
        commandParser.addPositionalArgument(QStringLiteral("batch"), tr("The import's number."), tr("BATCH"));
    if (!commandParser.parse(QStringList{arguments.constFirst() + QLatin1Char(' ') + m_commandName}
                             + positional.mid(1)))
        return usage(tr("%1: %2").arg(m_commandName, commandParser.errorText()));
    if (commandParser.isSet(commandHelpOption)) {
        m_out << tr("Usage: rapport-cli [--db FILE] %1").arg(QString::fromLatin1(it->synopsis)) << Qt::endl
              << commandParser.helpText().section(QLatin1Char('\n'), 1);
        return Success;
    }
    if (!takesPositional && !commandParser.positionalArguments().isEmpty()) {
        return usage(tr("%1: unexpected argument “%2”.")
                         .arg(m_commandName, commandParser.positionalArguments().constFirst()));
    }
    m_databasePath = commandParser.isSet(QStringLiteral("db")) ? commandParser.value(QStringLiteral("db"))
                     : parser.isSet(QStringLiteral("db"))      ? parser.value(QStringLiteral("db"))
                                                               : Database::defaultPath();
    return (this->*(it->handler))(commandParser);
}

int CommandLine::demo(QCommandLineParser &)
{
    auto db = openDatabase(true);
    if (!db)
        return Failure;
    if (Status populated = SampleNetwork::populate(*db); !populated)
        return fail(populated.error());
    const qint64 contacts = ContactStore(*db).count().value();
    const qint64 interactions = InteractionStore(*db).count().value();
    m_out << tr("Created a sample network of %1 contacts and %2 interactions in “%3”.")
                 .arg(contacts)
                 .arg(interactions)
                 .arg(QDir::toNativeSeparators(m_databasePath))
          << Qt::endl;
    return Success;
}

int CommandLine::cadence(QCommandLineParser &parser)
{
    qint64 id = 0;
    if (!contactId(parser, QStringLiteral("contact"), id))
        return Usage;
    int days = -1;
    if (parser.isSet(QStringLiteral("days"))) {
        bool ok = false;
        days = parser.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || days < 0 || days > 3660) {
            return usage(tr("cadence: --days takes a number of days from 0 (the stage's default) to 3660, not “%1”.")
                             .arg(parser.value(QStringLiteral("days"))));
        }
    }
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    ContactStore contacts(*db);
    auto contact = contacts.get(id);
    if (!contact)
        return fail(contact.error());
    if (days >= 0) {
        Contact changed = *contact;
        changed.keepInTouchDays = days;
        if (Status saved = contacts.update(changed); !saved)
            return fail(saved.error());
        contact = contacts.get(id);
    }
    auto effective = KeepInTouch(*db).cadenceDays(id);
    if (!effective)
        return fail(effective.error());
    if (*effective == 0) {
        m_out << tr("%1: no keep-in-touch cadence.").arg(contact->name()) << Qt::endl;
    } else if (contact->keepInTouchDays > 0) {
        m_out << tr("%1: keep in touch every %2 days.").arg(contact->name()).arg(*effective) << Qt::endl;
    } else {
        m_out << tr("%1: keep in touch every %2 days (the %3 stage's default).")
                     .arg(contact->name())
                     .arg(*effective)
                     .arg(stageKey(contact->stage))
              << Qt::endl;
    }
    return Success;
}

int CommandLine::due(QCommandLineParser &parser)
{
    qint64 withinSecs = 0;
    if (parser.isSet(QStringLiteral("within"))) {
        const auto parsed = parseDurationSecs(parser.value(QStringLiteral("within")));
        if (!parsed) {
            return usage(tr("due: --within takes a duration such as 30m, 2h, 3d or 1w, not “%1”.")
                             .arg(parser.value(QStringLiteral("within"))));
        }
        withinSecs = *parsed;
    }
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    // A file last opened by an older Rapport may have cadences nobody armed yet.
    if (Status armed = KeepInTouch(*db).rearmAll(); !armed)
        return fail(armed.error());
    const QDateTime now = db->clock().now();
    auto items = Agenda::dueBy(*db, now.addSecs(withinSecs));
    if (!items)
        return fail(items.error());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AgendaItem &item : std::as_const(*items)) {
            const Reminder &r = item.reminder;
            QJsonObject object{
                {QStringLiteral("id"), r.id},
                {QStringLiteral("contact_id"), r.contactId},
                {QStringLiteral("contact"), item.contactName},
                {QStringLiteral("note"), r.note},
                {QStringLiteral("due_at"), r.effectiveDueAt().toUTC().toString(Qt::ISODate)},
                {QStringLiteral("overdue"), r.isOverdue(now)},
                {QStringLiteral("state"), reminderStateKey(r.state)},
                {QStringLiteral("origin"), reminderOriginKey(r.origin)},
                {QStringLiteral("keep_in_touch"), r.cadence},
            };
            if (r.recurrence.isRecurring()) {
                object.insert(QStringLiteral("repeats"),
                              QJsonObject{{QStringLiteral("every"), r.recurrence.every},
                                          {QStringLiteral("unit"), recurrenceUnitKey(r.recurrence.unit)}});
            }
            array.append(object);
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (items->isEmpty()) {
        m_out << (withinSecs > 0 ? tr("Nothing is due within %1.").arg(parser.value(QStringLiteral("within")))
                                 : tr("Nothing is due."))
              << Qt::endl;
        return Success;
    }
    const QLocale locale;
    for (const AgendaItem &item : std::as_const(*items)) {
        const Reminder &r = item.reminder;
        const QString when = locale.toString(r.effectiveDueAt().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
        const QString status = r.isOverdue(now) ? tr("overdue") : tr("due");
        QString line = QStringLiteral("%1  %2  %3  %4  %5")
                           .arg(r.id, 5)
                           .arg(when)
                           .arg(status, -7)
                           .arg(item.contactName, -20)
                           .arg(r.note);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        m_out << line << Qt::endl;
    }
    return Success;
}

int CommandLine::contacts(QCommandLineParser &parser)
{
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto all = ContactStore(*db).all();
    if (!all)
        return fail(all.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Contact &contact : std::as_const(*all))
            array.append(contactToJson(contact));
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (all->isEmpty()) {
        m_out << tr("No contacts yet. Add one with “rapport-cli add --name NAME”, or try “rapport-cli demo”.")
              << Qt::endl;
        return Success;
    }
    const QLocale locale;
    for (const Contact &contact : std::as_const(*all)) {
        QString line = QStringLiteral("%1  %2").arg(contact.id, 5).arg(contact.name(), -24);
        line += QStringLiteral("  %1").arg(contact.organization, -26);
        line += QStringLiteral("  %1").arg(stageKey(contact.stage), -8);
        if (contact.lastInteractionAt.isValid())
            line += QStringLiteral("  %1").arg(locale.toString(contact.lastInteractionAt.toLocalTime().date(),
                                                               QLocale::ShortFormat));
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        m_out << line << Qt::endl;
    }
    return Success;
}

int CommandLine::add(QCommandLineParser &parser)
{
    const QString name = parser.value(QStringLiteral("name")).trimmed();
    if (name.isEmpty())
        return usage(tr("add: --name NAME is required."));
    Contact contact;
    contact.displayName = name;
    for (const QString &email : parser.values(QStringLiteral("email")))
        contact.emails.append(ContactField{email, {}, contact.emails.isEmpty()});
    for (const QString &phone : parser.values(QStringLiteral("phone")))
        contact.phones.append(ContactField{phone, {}, false});
    contact.organization = parser.value(QStringLiteral("org"));
    contact.title = parser.value(QStringLiteral("title"));
    contact.tags = parser.values(QStringLiteral("tag"));
    auto db = openDatabase(true);
    if (!db)
        return Failure;
    auto id = ContactStore(*db).add(contact);
    if (!id)
        return fail(id.error());
    m_out << *id << Qt::endl;
    return Success;
}

int CommandLine::log(QCommandLineParser &parser)
{
    qint64 id = 0;
    if (!contactId(parser, QStringLiteral("contact"), id))
        return Usage;
    if (!parser.isSet(QStringLiteral("kind")))
        return usage(tr("log: --kind KIND is required (%1).").arg(kindKeys()));
    const auto kind = interactionKindFromKey(parser.value(QStringLiteral("kind")));
    if (!kind)
        return usage(tr("log: unknown kind “%1”; use one of %2.").arg(parser.value(QStringLiteral("kind")), kindKeys()));
    Interaction interaction;
    interaction.kind = *kind;
    interaction.participants = {id};
    interaction.summary = parser.value(QStringLiteral("summary"));
    interaction.body = parser.value(QStringLiteral("body"));
    if (parser.isSet(QStringLiteral("at"))) {
        interaction.occurredAt = parseTime(parser.value(QStringLiteral("at")));
        if (!interaction.occurredAt.isValid())
            return usage(tr("log: “%1” is not an ISO 8601 time such as 2026-03-01T15:30:00Z.")
                             .arg(parser.value(QStringLiteral("at"))));
    }
    if (parser.isSet(QStringLiteral("direction"))) {
        const auto direction = directionFromKey(parser.value(QStringLiteral("direction")));
        if (!direction)
            return usage(tr("log: --direction is inbound or outbound."));
        interaction.direction = *direction;
    }
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto logged = InteractionStore(*db).log(interaction);
    if (!logged)
        return fail(logged.error());
    auto contact = ContactStore(*db).get(id);
    if (!contact)
        return fail(contact.error());
    m_out << tr("Logged %1 with %2 (interaction %3); stage: %4.")
                 .arg(interactionKindKey(*kind), contact->name())
                 .arg(*logged)
                 .arg(stageKey(contact->stage))
          << Qt::endl;
    return Success;
}

int CommandLine::introduce(QCommandLineParser &parser)
{
    Introduction introduction;
    if (!contactId(parser, QStringLiteral("from"), introduction.fromContact)
        || !contactId(parser, QStringLiteral("to"), introduction.toContact))
        return Usage;
    if (parser.isSet(QStringLiteral("kind"))) {
        const auto kind = introductionKindFromKey(parser.value(QStringLiteral("kind")));
        if (!kind) {
            return usage(tr("introduce: unknown kind “%1”; use one of %2.")
                             .arg(parser.value(QStringLiteral("kind")), introductionKeys()));
        }
        introduction.kind = *kind;
    }
    if (parser.isSet(QStringLiteral("date"))) {
        introduction.date = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
        if (!introduction.date.isValid())
            return usage(tr("introduce: “%1” is not a date such as 2026-03-01.").arg(parser.value(QStringLiteral("date"))));
    }
    introduction.note = parser.value(QStringLiteral("note"));
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto added = IntroductionStore(*db).add(introduction);
    if (!added)
        return fail(added.error());
    m_out << *added << Qt::endl;
    return Success;
}

int CommandLine::stage(QCommandLineParser &parser)
{
    qint64 id = 0;
    if (!contactId(parser, QStringLiteral("contact"), id))
        return Usage;
    const bool automatic = parser.isSet(QStringLiteral("auto"));
    const QStringList positional = parser.positionalArguments();
    if ((automatic && !positional.isEmpty()) || (!automatic && positional.size() != 1))
        return usage(tr("stage: give either a stage (%1) or --auto.").arg(stageKeys()));
    std::optional<Stage> stage;
    if (!automatic) {
        stage = stageFromKey(positional.constFirst());
        if (!stage || *stage == Stage::None)
            return usage(tr("stage: unknown stage “%1”; use one of %2.").arg(positional.constFirst(), stageKeys()));
    }
    QDateTime at;
    if (parser.isSet(QStringLiteral("at"))) {
        at = parseTime(parser.value(QStringLiteral("at")));
        if (!at.isValid())
            return usage(tr("stage: “%1” is not an ISO 8601 time.").arg(parser.value(QStringLiteral("at"))));
    }
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    if (Status set = StageTracker(*db).setManual(id, stage, at); !set)
        return fail(set.error());
    auto contact = ContactStore(*db).get(id);
    if (!contact)
        return fail(contact.error());
    m_out << tr("%1 is now at stage %2%3.")
                 .arg(contact->name(), stageKey(contact->stage),
                      automatic ? tr(" (following interactions)") : tr(" (set by hand)"))
          << Qt::endl;
    return Success;
}

int CommandLine::importFiles(QCommandLineParser &parser)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usage(tr("import: give one or more vCard files."));
    auto db = openDatabase(true);
    if (!db)
        return Failure;
    VCardImporter importer(*db);
    auto imported = importer.importFiles(files);
    if (!imported)
        return fail(imported.error());
    const ImportResult &r = *imported;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray problems;
        for (const VCardProblem &problem : r.problems) {
            problems.append(QJsonObject{{QStringLiteral("file"), problem.file},
                                        {QStringLiteral("line"), problem.line},
                                        {QStringLiteral("message"), problem.message}});
        }
        const QJsonObject object{{QStringLiteral("batch"), r.batchId},
                                 {QStringLiteral("created"), r.created},
                                 {QStringLiteral("merged"), r.merged},
                                 {QStringLiteral("unchanged"), r.unchanged},
                                 {QStringLiteral("skipped"), r.skipped},
                                 {QStringLiteral("problems"), problems},
                                 {QStringLiteral("file_errors"), QJsonArray::fromStringList(r.fileErrors)}};
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        m_out << tr("Imported: %1 new, %2 merged, %3 already known, %4 skipped.")
                     .arg(r.created)
                     .arg(r.merged)
                     .arg(r.unchanged)
                     .arg(r.skipped)
              << Qt::endl;
        for (const VCardProblem &problem : r.problems)
            m_out << "  " << problem.toString() << Qt::endl;
        if (r.created + r.merged > 0)
            m_out << tr("To undo this import: rapport-cli undo-import %1").arg(r.batchId) << Qt::endl;
    }
    for (const QString &error : r.fileErrors)
        m_err << "rapport-cli: " << error << Qt::endl;
    if (!r.fileErrors.isEmpty())
        return Usage;
    return r.skipped > 0 ? 3 : Success;
}

int CommandLine::exportFile(QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("vcard"));
    if (path.isEmpty())
        return usage(tr("export: --vcard OUT.vcf is required."));
    VCardWriter::Version version = VCardWriter::Version::V4_0;
    if (parser.isSet(QStringLiteral("version"))) {
        const QString v = parser.value(QStringLiteral("version"));
        if (v == u"3.0" || v == u"3")
            version = VCardWriter::Version::V3_0;
        else if (v != u"4.0" && v != u"4")
            return usage(tr("export: --version is 3.0 or 4.0, not “%1”.").arg(v));
    }
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto all = ContactStore(*db).all();
    if (!all)
        return fail(all.error());
    // Written beside the target and renamed over it: a crash leaves the old file whole.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("“%1” cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    for (const Contact &contact : std::as_const(*all))
        file.write(VCardWriter::write(contact, version));
    if (!file.commit())
        return fail(tr("“%1” could not be saved: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    m_out << tr("Wrote %1 contacts to “%2”.").arg(all->size()).arg(QDir::toNativeSeparators(path)) << Qt::endl;
    return Success;
}

int CommandLine::imports(QCommandLineParser &)
{
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto batches = VCardImporter(*db).batches();
    if (!batches)
        return fail(batches.error());
    const QLocale locale;
    for (const ImportBatch &batch : std::as_const(*batches)) {
        m_out << QStringLiteral("%1  %2  %3: %4 new, %5 merged%6")
                     .arg(batch.id, 4)
                     .arg(locale.toString(batch.importedAt.toLocalTime(), QLocale::ShortFormat), batch.files)
                     .arg(batch.created)
                     .arg(batch.merged)
                     .arg(batch.undoneAt.isValid() ? tr(" (undone)") : QString())
              << Qt::endl;
    }
    return Success;
}

int CommandLine::undoImport(QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    bool ok = false;
    const qint64 batch = positional.size() == 1 ? positional.constFirst().toLongLong(&ok) : 0;
    if (!ok || batch <= 0)
        return usage(tr("undo-import: give the number of one import (see rapport-cli imports)."));
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto undone = VCardImporter(*db).undo(batch);
    if (!undone)
        return fail(undone.error());
    m_out << tr("Import %1 was undone: %2 contacts removed, %3 restored as they were.")
                 .arg(batch)
                 .arg(undone->removed)
                 .arg(undone->restored)
          << Qt::endl;
    if (undone->kept > 0) {
        m_out << tr("%1 contacts changed since the import were kept as they are.").arg(undone->kept) << Qt::endl;
    }
    return Success;
}

int CommandLine::funnel(QCommandLineParser &parser)
{
    InsightsFilter filter;
    for (const auto &[name, date] : {std::pair{QStringLiteral("from"), &filter.from}, {QStringLiteral("to"), &filter.to}}) {
        if (!parser.isSet(name))
            continue;
        *date = QDate::fromString(parser.value(name), Qt::ISODate);
        if (!date->isValid())
            return usage(tr("funnel: --%1 takes a date such as 2026-03-01, not “%2”.").arg(name, parser.value(name)));
    }
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return usage(tr("funnel: --from %1 is after --to %2.").arg(filter.from.toString(Qt::ISODate),
                                                                    filter.to.toString(Qt::ISODate)));
    const int cohorts = int(parser.isSet(QStringLiteral("channel"))) + int(parser.isSet(QStringLiteral("tag")))
                        + int(parser.isSet(QStringLiteral("introducer")));
    if (cohorts > 1)
        return usage(tr("funnel: give at most one of --channel, --tag and --introducer."));
    if (parser.isSet(QStringLiteral("channel"))) {
        filter.cohort = InsightsFilter::Cohort::Channel;
        filter.value = parser.value(QStringLiteral("channel"));
    } else if (parser.isSet(QStringLiteral("tag"))) {
        filter.cohort = InsightsFilter::Cohort::Tag;
        filter.value = parser.value(QStringLiteral("tag"));
    } else if (parser.isSet(QStringLiteral("introducer"))) {
        filter.cohort = InsightsFilter::Cohort::Introducer;
        if (!contactId(parser, QStringLiteral("introducer"), filter.introducerId))
            return Usage;
    }
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    auto report = FunnelAnalysis(*db).compute(filter);
    if (!report)
        return fail(report.error());

    const auto days = [](const DayStats &stats, double value) { return stats.count ? QJsonValue(value) : QJsonValue(); };
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray stages;
        for (const FunnelStep &step : std::as_const(report->steps)) {
            const DayStats &d = step.daysFromPrevious;
            stages.append(QJsonObject{
                {QStringLiteral("stage"), stageKey(step.stage)},
                {QStringLiteral("reached"), step.reached()},
                {QStringLiteral("conversion"), step.conversion ? QJsonValue(*step.conversion) : QJsonValue()},
                {QStringLiteral("median_days"), days(d, d.median)},
                {QStringLiteral("lower_quartile_days"), days(d, d.lowerQuartile)},
                {QStringLiteral("upper_quartile_days"), days(d, d.upperQuartile)},
                {QStringLiteral("timed_contacts"), d.count},
            });
        }
        const auto date = [](const QDate &d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(); };
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("from"), date(filter.from)},
                                                             {QStringLiteral("to"), date(filter.to)},
                                                             {QStringLiteral("stages"), stages}})
                                       .toJson(QJsonDocument::Indented));
        return Success;
    }
    m_out << QStringLiteral("%1  %2  %3  %4")
                 .arg(tr("stage"), -8)
                 .arg(tr("reached"), 7)
                 .arg(tr("conversion"), 10)
                 .arg(tr("median days"), 11)
          << Qt::endl;
    for (const FunnelStep &step : std::as_const(report->steps)) {
        const QString conversion = step.conversion
                                       ? QStringLiteral("%1%").arg(*step.conversion * 100, 0, 'f', 1)
                                       : QStringLiteral("-");
        const QString median = step.daysFromPrevious.count
                                   ? QString::number(step.daysFromPrevious.median, 'f', 1)
                                   : QStringLiteral("-");
        m_out << QStringLiteral("%1  %2  %3  %4")
                     .arg(stageKey(step.stage), -8)
                     .arg(step.reached(), 7)
                     .arg(conversion, 10)
                     .arg(median, 11)
              << Qt::endl;
    }
    return Success;
}

namespace {

QString namedChain(const RelationshipGraph &graph, const QList<qint64> &ids)
{
    QStringList names;
    for (qint64 id : ids)
        names << graph.node(id)->name;
    return names.join(QStringLiteral(" → "));
}

QString idChain(const QList<qint64> &ids)
{
    QStringList text;
    for (qint64 id : ids)
        text << QString::number(id);
    return text.join(QStringLiteral(" → "));
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

} // namespace

bool CommandLine::loadGraph(RelationshipGraph &graph)
{
    auto db = openDatabase(false);
    if (!db)
        return false;
    auto loaded = GraphStore(*db).load();
    if (!loaded) {
        fail(loaded.error());
        return false;
    }
    graph = std::move(loaded).value();
    return true;
}

int CommandLine::chains(QCommandLineParser &parser)
{
    qint64 id = 0;
    if (!contactId(parser, QStringLiteral("contact"), id))
        return Usage;
    RelationshipGraph graph;
    if (!loadGraph(graph))
        return Failure;
    if (!graph.contains(id))
        return fail(tr("There is no contact with id %1.").arg(id));
    const ChainList found = graph.chainsTo(id);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray chains;
        for (const QList<qint64> &chain : found.chains)
            chains.append(idArray(chain));
        const QJsonObject object{{QStringLiteral("contact"), id},
                                 {QStringLiteral("chains"), chains},
                                 {QStringLiteral("truncated"), found.truncated}};
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const QList<qint64> &chain : found.chains)
        m_out << idChain(chain) << "  " << namedChain(graph, chain) << Qt::endl;
    if (found.truncated)
        m_out << tr("(only the first %1 chains are shown)").arg(found.chains.size()) << Qt::endl;
    return Success;
}

int CommandLine::path(QCommandLineParser &parser)
{
    qint64 from = 0;
    qint64 to = 0;
    if (!contactId(parser, QStringLiteral("from"), from) || !contactId(parser, QStringLiteral("to"), to))
        return Usage;
    RelationshipGraph graph;
    if (!loadGraph(graph))
        return Failure;
    for (qint64 id : {from, to}) {
        if (!graph.contains(id))
            return fail(tr("There is no contact with id %1.").arg(id));
    }
    const bool eitherWay = parser.isSet(QStringLiteral("either-way"));
    const QList<qint64> found =
        graph.shortestPath(from, to, eitherWay ? PathDirection::Either : PathDirection::Forward);
    if (found.isEmpty()) {
        return fail(eitherWay ? tr("No chain of introductions connects %1 and %2.")
                                    .arg(graph.node(from)->name, graph.node(to)->name)
                              : tr("No chain of introductions leads from %1 to %2 (try --either-way).")
                                    .arg(graph.node(from)->name, graph.node(to)->name));
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray steps;
        for (qsizetype i = 1; i < found.size(); ++i) {
            const GraphEdge *edge = graph.edgeBetween(found.at(i - 1), found.at(i));
            const bool forward = edge != nullptr;
            if (!edge)
                edge = graph.edgeBetween(found.at(i), found.at(i - 1));
            steps.append(QJsonObject{{QStringLiteral("from"), edge->from},
                                     {QStringLiteral("to"), edge->to},
                                     {QStringLiteral("kind"), introductionKindKey(edge->kind)},
                                     {QStringLiteral("date"), edge->date.toString(Qt::ISODate)},
                                     {QStringLiteral("forward"), forward}});
        }
        const QJsonObject object{{QStringLiteral("from"), from},
                                 {QStringLiteral("to"), to},
                                 {QStringLiteral("path"), idArray(found)},
                                 {QStringLiteral("introductions"), steps}};
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return Success;
    }
    m_out << idChain(found) << "  " << namedChain(graph, found) << Qt::endl;
    return Success;
}

int CommandLine::attribution(QCommandLineParser &parser)
{
    RelationshipGraph graph;
    if (!loadGraph(graph))
        return Failure;
    QList<Attribution> all = graph.attribution();
    std::stable_sort(all.begin(), all.end(), [](const Attribution &a, const Attribution &b) {
        if (a.transitiveClients != b.transitiveClients)
            return a.transitiveClients > b.transitiveClients;
        if (a.directClients != b.directClients)
            return a.directClients > b.directClients;
        return a.reached > b.reached;
    });
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Attribution &a : std::as_const(all)) {
            array.append(QJsonObject{{QStringLiteral("id"), a.contactId},
                                     {QStringLiteral("name"), graph.node(a.contactId)->name},
                                     {QStringLiteral("direct_clients"), a.directClients},
                                     {QStringLiteral("transitive_clients"), a.transitiveClients},
                                     {QStringLiteral("reached"), a.reached}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    m_out << QStringLiteral("%1  %2  %3  %4  %5")
                 .arg(tr("id"), 5)
                 .arg(tr("name"), -24)
                 .arg(tr("direct clients"), 14)
                 .arg(tr("all clients"), 11)
                 .arg(tr("led to"), 6)
          << Qt::endl;
    int shown = 0;
    for (const Attribution &a : std::as_const(all)) {
        if (a.reached == 0)
            continue;
        ++shown;
        m_out << QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(a.contactId, 5)
                     .arg(graph.node(a.contactId)->name, -24)
                     .arg(a.directClients, 14)
                     .arg(a.transitiveClients, 11)
                     .arg(a.reached, 6)
              << Qt::endl;
    }
    if (shown == 0)
        m_out << tr("Nobody has led you to anyone yet; record it with “rapport-cli introduce”.") << Qt::endl;
    return Success;
}

bool CommandLine::needsGui(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--db") {
            ++i; // its value
            continue;
        }
        if (argument.startsWith(u'-'))
            continue;
        return argument == u"report";
    }
    return false;
}

int CommandLine::report(QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("pdf"));
    if (path.isEmpty())
        return usage(tr("report: --pdf OUT.pdf is required."));
    QDate from;
    QDate to;
    for (const auto &[name, date] : {std::pair<QString, QDate *>{QStringLiteral("from"), &from},
                                     std::pair<QString, QDate *>{QStringLiteral("to"), &to}}) {
        if (!parser.isSet(name))
            continue;
        *date = QDate::fromString(parser.value(name), Qt::ISODate);
        if (!date->isValid())
            return usage(tr("report: --%1 takes a date such as 2026-03-01, not “%2”.").arg(name, parser.value(name)));
    }
    if (from.isValid() && to.isValid() && to < from)
        return usage(tr("report: the period ends (%1) before it starts (%2).")
                         .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    QPageSize pageSize = Ui::ReportPdf::defaultPageSize();
    if (parser.isSet(QStringLiteral("page-size"))) {
        const auto size = Ui::ReportPdf::pageSizeFromName(parser.value(QStringLiteral("page-size")));
        if (!size)
            return usage(tr("report: --page-size is a4 or letter, not “%1”.").arg(parser.value(QStringLiteral("page-size"))));
        pageSize = *size;
    }
    qint64 id = 0;
    if (parser.isSet(QStringLiteral("contact")) && !contactId(parser, QStringLiteral("contact"), id))
        return Usage;
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(tr("report: printing needs a graphical application object."));
    auto db = openDatabase(false);
    if (!db)
        return Failure;
    QString title = Ui::Reports::networkSummaryTitle();
    Result<Ui::ReportDocument> document = Status::failure(QString());
    if (id > 0) {
        auto contact = ContactStore(*db).get(id);
        if (!contact)
            return fail(contact.error());
        title = Ui::Reports::contactSummaryTitle(contact->name());
        document = Ui::Reports::contactSummary(*db, id, from, to);
    } else {
        document = Ui::Reports::networkSummary(*db, from, to);
    }
    if (!document)
        return fail(document.error());
    auto pages = Ui::ReportPdf::write(*document, path, title, pageSize);
    if (!pages)
        return fail(pages.error());
    m_out << (*pages == 1 ? tr("Wrote 1 page to “%1”.").arg(QDir::toNativeSeparators(path))
                          : tr("Wrote %1 pages to “%2”.").arg(*pages).arg(QDir::toNativeSeparators(path)))
          << Qt::endl;
    return Success;
}

} // namespace Rapport::App
