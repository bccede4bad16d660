// gen_datafile: writes a large Rapport data file for the window benchmarks.
//
//   gen_datafile OUT.sqlite [--contacts N] [--interactions N] [--introductions N] [--heavy N]
//
// Defaults: 100,000 contacts, 1,000,000 interactions, 50,000 introductions;
// contact 1 ("Heavy Hitter") takes part in --heavy (5,000) of the interactions.
// The schema comes from Database::open (every migration); the rows go in with
// direct prepared inserts in one transaction, so it takes seconds. Stages, last
// interaction times and stage history are consistent with the interactions.

#include "domain/interactionkind.h"
#include "domain/stage.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <sqlite3.h>

#include <cstdio>
#include <vector>

using namespace Rapport::Core;

namespace {

const char *const givenNames[] = {"Dana", "Theo", "Marcus", "Ana", "Sam", "Priya", "Lena", "Omar", "Grace", "Kenji",
                                  "Nora", "Felix", "Ines", "Tomas", "Ruth", "Ivan", "Maya", "Jonas", "Leila", "Hugo"};
const char *const familyNames[] = {"Whitfield", "Lindqvist", "Bell", "Ortiz", "Okafor", "Raman", "Berg", "Haddad",
                                   "Kim", "Tanaka", "Novak", "Moreau", "Costa", "Silva", "Jensen", "Petrov",
                                   "Cohen", "Weber", "Nakamura", "Fischer", "Lopez", "Murphy", "Rossi", "Schmidt"};
const char *const organizations[] = {"Copy That Converts", "Lindqvist Academy", "Bell Coaching", "Northwind",
                                     "Island Studio", "Summit Labs", "Blue Harbor", "Peak Sales", ""};
const char *const tags[] = {"client", "podcast", "webinar", "coach", "partner", "lead", "speaker", "agency"};

bool check(int rc, sqlite3 *db, const char *what)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    std::fprintf(stderr, "gen_datafile: %s: %s\n", what, sqlite3_errmsg(db));
    return false;
}

struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3 *db = nullptr;
    Statement(sqlite3 *database, const char *sql) : db(database)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "gen_datafile: cannot prepare %s: %s\n", sql, sqlite3_errmsg(db));
            std::exit(1);
        }
    }
    ~Statement() { sqlite3_finalize(stmt); }
    void text(int i, const QByteArray &value) { sqlite3_bind_text(stmt, i, value.constData(), int(value.size()), SQLITE_TRANSIENT); }
    void integer(int i, qint64 value) { sqlite3_bind_int64(stmt, i, value); }
    void null(int i) { sqlite3_bind_null(stmt, i); }
    void run()
    {
        if (!check(sqlite3_step(stmt), db, "insert"))
            std::exit(1);
        sqlite3_reset(stmt);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    auto option = [&args](const QString &name, qint64 fallback) {
        const qsizetype at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size())
            return fallback;
        const qint64 value = args.at(at + 1).toLongLong();
        args.remove(at, 2);
        return value;
    };
    const qint64 contactCount = option(QStringLiteral("--contacts"), 100000);
    const qint64 interactionCount = option(QStringLiteral("--interactions"), 1000000);
    const qint64 introductionCount = option(QStringLiteral("--introductions"), 50000);
    const qint64 heavy = option(QStringLiteral("--heavy"), 5000);
    if (args.size() != 1 || contactCount < 2) {
        std::fprintf(stderr, "usage: gen_datafile OUT.sqlite [--contacts N] [--interactions N] "
                             "[--introductions N] [--heavy N]\n");
        return 2;
    }
    const QString path = args.first();
    if (QFileInfo::exists(path)) {
        std::fprintf(stderr, "gen_datafile: %s exists; give a new file name\n", qPrintable(path));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    {
        auto created = Database::open(path);
        if (!created) {
            std::fprintf(stderr, "gen_datafile: %s\n", qPrintable(created.error()));
            return 1;
        }
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "gen_datafile: cannot open %s\n", qPrintable(path));
        return 1;
    }
    sqlite3_exec(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;", nullptr,
                 nullptr, nullptr);
    if (!check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin"))
        return 1;

    QRandomGenerator random(20260615);
    const qint64 now = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 yearMs = 365LL * 24 * 3600 * 1000;
    {
        Statement tag(db, "INSERT INTO tags (id, name) VALUES (?, ?)");
        for (int i = 0; i < int(std::size(tags)); ++i) {
            tag.integer(1, i + 1);
            tag.text(2, tags[i]);
            tag.run();
        }
    }
    {
        Statement contact(db, "INSERT INTO contacts (id, display_name, given_name, family_name, organization, title, "
                              "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Statement field(db, "INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred) "
                            "VALUES (?, ?, 0, ?, ?, ?)");
        Statement tagLink(db, "INSERT INTO contact_tags (contact_id, tag_id, position) VALUES (?, ?, 0)");
        for (qint64 id = 1; id <= contactCount; ++id) {
            const QByteArray given = id == 1 ? QByteArray("Heavy") : QByteArray(givenNames[random.bounded(int(std::size(givenNames)))]);
            const QByteArray family = id == 1 ? QByteArray("Hitter")
                                              : QByteArray(familyNames[random.bounded(int(std::size(familyNames)))])
                                                    + QByteArray::number(id);
            const QByteArray name = given + ' ' + family;
            contact.integer(1, id);
            contact.text(2, name);
            contact.text(3, given);
            contact.text(4, family);
            contact.text(5, organizations[random.bounded(int(std::size(organizations)))]);
            contact.text(6, id % 3 ? QByteArray("Founder") : QByteArray());
            contact.text(7, id % 7 == 0 ? QByteArray("Met at a webinar; follow up about the course.") : QByteArray());
            contact.integer(8, now - random.bounded(yearMs));
            contact.integer(9, now);
            contact.run();
            field.integer(1, id);
            field.text(2, "email");
            field.text(3, given.toLower() + '.' + family.toLower() + "@example.org");
            field.text(4, "work");
            field.integer(5, 1);
            field.run();
            if (id % 2 == 0) {
                field.integer(1, id);
                field.text(2, "phone");
                field.text(3, "+1 555 " + QByteArray::number(100000 + id));
                field.text(4, "mobile");
                field.integer(5, 0);
                field.run();
            }
            if (id % 4 == 0) {
                tagLink.integer(1, id);
                tagLink.integer(2, 1 + random.bounded(int(std::size(tags))));
                tagLink.run();
            }
        }
    }
    std::vector<int> highest(size_t(contactCount + 1), 0);
    std::vector<qint64> firstAtHighest(size_t(contactCount + 1), 0);
    std::vector<qint64> last(size_t(contactCount + 1), 0);
    {
        const QList<InteractionKind> kinds = allInteractionKinds();
        Statement interaction(db, "INSERT INTO interactions (id, kind, occurred_at, direction, summary, body, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        Statement participant(db, "INSERT INTO interaction_participants (interaction_id, contact_id) VALUES (?, ?)");
        std::vector<QByteArray> kindKeys;
        for (InteractionKind kind : kinds)
            kindKeys.push_back(interactionKindKey(kind).toUtf8());
        for (qint64 id = 1; id <= interactionCount; ++id) {
            const qint64 who = id <= heavy ? 1 : 2 + qint64(random.bounded(quint64(contactCount - 1)));
            const int k = random.bounded(int(kinds.size()));
            const qint64 at = now - qint64(random.bounded(quint64(2 * yearMs)));
            interaction.integer(1, id);
            interaction.text(2, kindKeys[size_t(k)]);
            interaction.integer(3, at);
            interaction.text(4, id % 2 ? "outbound" : "inbound");
            interaction.text(5, "Talked about the project, step " + QByteArray::number(id % 97));
            interaction.text(6, id % 5 == 0 ? QByteArray("Notes from the conversation: next steps, dates, who does what.") : QByteArray());
            interaction.integer(7, at);
            interaction.run();
            participant.integer(1, id);
            participant.integer(2, who);
            participant.run();
            const int stage = static_cast<int>(stageReachedBy(kinds[k]));
            if (stage > highest[size_t(who)] || (stage == highest[size_t(who)] && stage > 0 && at < firstAtHighest[size_t(who)])) {
                highest[size_t(who)] = stage;
                firstAtHighest[size_t(who)] = at;
            }
            last[size_t(who)] = std::max(last[size_t(who)], at);
        }
    }
    {
        Statement update(db, "UPDATE contacts SET stage = ?, last_interaction_at = ? WHERE id = ?");
        Statement history(db, "INSERT INTO stage_history (contact_id, stage, reached_at, manual, recorded_at) "
                              "VALUES (?, ?, ?, 0, ?)");
        for (qint64 id = 1; id <= contactCount; ++id) {
            if (last[size_t(id)] == 0)
                continue;
            update.integer(1, highest[size_t(id)]);
            update.integer(2, last[size_t(id)]);
            update.integer(3, id);
            update.run();
            if (highest[size_t(id)] > 0) {
                history.integer(1, id);
                history.integer(2, highest[size_t(id)]);
                history.integer(3, firstAtHighest[size_t(id)]);
                history.integer(4, now);
                history.run();
            }
        }
    }
    {
        const char *const introductionKinds[] = {"introduced", "recommended", "met-at-event", "referred"};
        Statement introduction(db, "INSERT INTO introductions (from_contact, to_contact, kind, date, note, created_at) "
                                   "VALUES (?, ?, ?, ?, '', ?)");
        QSet<QPair<qint64, qint64>> seen;
        while (seen.size() < introductionCount) {
            const qint64 from = 1 + qint64(random.bounded(quint64(contactCount)));
            const qint64 to = 1 + qint64(random.bounded(quint64(contactCount)));
            if (from == to || seen.contains({from, to}))
                continue;
            seen.insert({from, to});
            introduction.integer(1, from);
            introduction.integer(2, to);
            introduction.text(3, introductionKinds[random.bounded(4)]);
            introduction.text(4, QDate(2025, 1, 1).addDays(random.bounded(500)).toString(Qt::ISODate).toUtf8());
            introduction.integer(5, now);
            introduction.run();
        }
    }
    if (!check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit"))
        return 1;
    sqlite3_close(db);
    std::printf("wrote %s: %lld contacts, %lld interactions, %lld introductions in %.1f s\n", qPrintable(path),
                contactCount, interactionCount, introductionCount, timer.elapsed() / 1000.0);
    return 0;
}
