#include "benchnetwork.h"

#include "store/database.h"
#include "store/transaction.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>

namespace Rapport::Bench {

using namespace Rapport::Core;

namespace {

const QStringList givenNames{QStringLiteral("Ava"),   QStringLiteral("Ben"),   QStringLiteral("Chloe"),
                             QStringLiteral("Dana"),  QStringLiteral("Eli"),   QStringLiteral("Fiona"),
                             QStringLiteral("Grace"), QStringLiteral("Hiro"),  QStringLiteral("Ines"),
                             QStringLiteral("Jonas"), QStringLiteral("Keala"), QStringLiteral("Luis"),
                             QStringLiteral("Maya"),  QStringLiteral("Noah"),  QStringLiteral("Olga"),
                             QStringLiteral("Priya")};
const QStringList familyNames{QStringLiteral("Adeyemi"), QStringLiteral("Bell"),   QStringLiteral("Cho"),
                              QStringLiteral("Dubois"),  QStringLiteral("Evans"),  QStringLiteral("Fischer"),
                              QStringLiteral("Garcia"),  QStringLiteral("Hale"),   QStringLiteral("Ito"),
                              QStringLiteral("Kahale"),  QStringLiteral("Lindqvist"), QStringLiteral("Moreau"),
                              QStringLiteral("Okafor"),  QStringLiteral("Patel"),  QStringLiteral("Raman")};
const QStringList kinds{QStringLiteral("tweet"), QStringLiteral("email"), QStringLiteral("call"),
                        QStringLiteral("meeting"), QStringLiteral("direct-message"), QStringLiteral("video-call"),
                        QStringLiteral("comment"), QStringLiteral("note")};
const QStringList channels{QStringLiteral("Twitter"), QStringLiteral("LinkedIn"), QStringLiteral("Webinar"),
                           QStringLiteral("Conference"), QStringLiteral("Referral"), QString()};

Status run(Database &database, const QString &sql, const QVariantList &values)
{
    auto q = database.exec(sql, values);
    return q ? Status::success() : q.status();
}

} // namespace

Status generateNetwork(Database &database, const NetworkSize &size, quint32 seed)
{
    QRandomGenerator random(seed);
    const qint64 dayMs = 24LL * 3600 * 1000;
    const qint64 now = Database::toStored(database.clock().now()).toLongLong();
    const qint64 start = now - 730 * dayMs;

    Transaction transaction(database);
    if (!transaction.status())
        return transaction.status();

    QList<int> stages(size.contacts + 1);
    for (int i = 1; i <= size.contacts; ++i) {
        // Most people stay on the first rungs; about 3% become clients.
        const int roll = int(random.bounded(1000));
        const int stage = roll < 30 ? 5 : roll < 90 ? 4 : roll < 250 ? 3 : roll < 500 ? 2 : roll < 900 ? 1 : 0;
        stages[i] = stage;
        const QString given = givenNames[int(random.bounded(givenNames.size()))];
        const QString family = familyNames[int(random.bounded(familyNames.size()))];
        const qint64 created = start + qint64(random.bounded(600)) * dayMs;
        const qint64 last = stage > 0 ? created + qint64(random.bounded(120) + 1) * dayMs : 0;
        if (Status s = run(database,
                           QStringLiteral("INSERT INTO contacts (id, display_name, given_name, family_name, organization, "
                                          "met_channel, stage, manual_stage, last_interaction_at, keep_in_touch_days, "
                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           {i, QStringLiteral("%1 %2 %3").arg(given, family).arg(i), given, family,
                            QStringLiteral("%1 Studio").arg(family), channels[int(random.bounded(channels.size()))],
                            stage, stage == 5 ? QVariant(5) : QVariant(), last > 0 ? QVariant(last) : QVariant(),
                            stage >= 3 ? 14 : 0, created, created});
            !s)
            return s;
        if (Status s = run(database,
                           QStringLiteral("INSERT INTO contact_fields (contact_id, kind, position, value) "
                                          "VALUES (?, 'email', 0, ?)"),
                           {i, QStringLiteral("%1.%2.%3@example.org").arg(given, family).arg(i).toLower()});
            !s)
            return s;
        qint64 reached = created;
        for (int rung = 1; rung <= stage; ++rung) {
            reached += qint64(random.bounded(30) + 1) * dayMs;
            if (Status s = run(database,
                               QStringLiteral("INSERT INTO stage_history (contact_id, stage, reached_at, manual, "
                                              "recorded_at) VALUES (?, ?, ?, ?, ?)"),
                               {i, rung, reached, rung == 5 ? 1 : 0, reached});
                !s)
                return s;
        }
    }

    for (int i = 1; i <= size.interactions; ++i) {
        const int contact = int(random.bounded(size.contacts)) + 1;
        const qint64 at = start + qint64(random.bounded(quint32(730 * 24))) * 3600 * 1000;
        if (Status s = run(database,
                           QStringLiteral("INSERT INTO interactions (id, kind, occurred_at, direction, summary, "
                                          "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                           {i, kinds[int(random.bounded(kinds.size()))], at,
                            random.bounded(2) ? QStringLiteral("inbound") : QStringLiteral("outbound"),
                            QStringLiteral("Talked about project %1").arg(i % 97), at});
            !s)
            return s;
        if (Status s = run(database, QStringLiteral("INSERT INTO interaction_participants VALUES (?, ?)"), {i, contact});
            !s)
            return s;
    }

    // Introductions mostly lead from older contacts to newer ones, so that
    // chains form; a few point back and make cycles.
    QSet<QPair<int, int>> pairs;
    for (int made = 0; made < size.introductions && size.contacts > 1;) {
        int to = int(random.bounded(size.contacts - 1)) + 2;
        int from = int(random.bounded(to - 1)) + 1;
        if (random.bounded(50) == 0)
            std::swap(from, to);
        if (pairs.contains({from, to}))
            continue;
        pairs.insert({from, to});
        ++made;
        if (Status s = run(database,
                           QStringLiteral("INSERT INTO introductions (from_contact, to_contact, kind, date, note, "
                                          "created_at) VALUES (?, ?, ?, ?, '', ?)"),
                           {from, to, random.bounded(2) ? QStringLiteral("introduced") : QStringLiteral("recommended"),
                            Database::fromStored(start + qint64(random.bounded(700)) * dayMs).date().toString(Qt::ISODate),
                            now});
            !s)
            return s;
    }

    for (int i = 0; i < size.reminders; ++i) {
        const qint64 due = now + (qint64(random.bounded(60)) - 20) * dayMs;
        if (Status s = run(database,
                           QStringLiteral("INSERT INTO reminders (contact_id, due_at, note, created_at) VALUES (?, ?, ?, ?)"),
                           {int(random.bounded(size.contacts)) + 1, due, QStringLiteral("Follow up on the proposal"), now});
            !s)
            return s;
    }
    return transaction.commit();
}

} // namespace Rapport::Bench
