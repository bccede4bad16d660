#include "keepintouch.h"

#include "domain/reminder.h"
#include "remindersettingsstore.h"
#include "store/database.h"
#include "store/reminderstore.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <vector>

namespace Rapport::Core {

namespace {

/// What decides a contact's cadence reminder: the contact's own facts and its
/// open cadence reminder, if any.
struct CadenceFacts
{
    bool found = false;
    qint64 contactId = 0;
    int ownDays = 0;
    Stage stage = Stage::None;
    bool archived = false;
    QDateTime lastInteractionAt;
    qint64 existing = 0;
    QDateTime existingDue;
    int existingEvery = 0;
    QDateTime completedAt;
};

// The open cadence reminder is the contact's lowest-numbered one not done.
const QString factsColumns = QStringLiteral(
    "c.id, c.keep_in_touch_days, c.stage, c.archived, c.last_interaction_at, r.id, r.due_at, r.recurrence_every, "
    "r.completed_at FROM contacts c LEFT JOIN reminders r ON r.id = (SELECT min(x.id) FROM reminders x "
    "WHERE x.contact_id = c.id AND x.cadence = 1 AND x.state <> 'done')");

CadenceFacts factsFrom(const QSqlQuery &q)
{
    CadenceFacts facts;
    facts.found = true;
    facts.contactId = q.value(0).toLongLong();
    facts.ownDays = q.value(1).toInt();
    facts.stage = static_cast<Stage>(q.value(2).toInt());
    facts.archived = q.value(3).toBool();
    facts.lastInteractionAt = Database::fromStored(q.value(4));
    facts.existing = q.value(5).toLongLong();
    facts.existingDue = Database::fromStored(q.value(6));
    facts.existingEvery = q.value(7).toInt();
    facts.completedAt = Database::fromStored(q.value(8));
    return facts;
}

Result<CadenceFacts> readFacts(Database &database, qint64 contactId)
{
    auto q = database.exec(QStringLiteral("SELECT %1 WHERE c.id = ?").arg(factsColumns), {contactId});
    if (!q)
        return q.status();
    CadenceFacts facts;
    if ((*q)->next())
        facts = factsFrom(**q);
    // Done with it: a statement left on its row keeps a read snapshot (the next
    // write then fails as busy once rapport-cli has written), and makes the next
    // call prepare a statement of its own (see Database::exec).
    (*q)->finish();
    return facts;
}

int effectiveDays(const CadenceFacts &facts, const ReminderSettings &settings)
{
    return facts.ownDays > 0 ? facts.ownDays : settings.cadenceFor(facts.stage);
}

/// "The same local time `days` later" in one time zone, for many times at
/// once. QDateTime works it out from the zone's rules each time, which for a
/// hundred thousand contacts takes most of a second; away from the zone's
/// changes of offset it is plain arithmetic, and near one QDateTime decides.
class LocalDays
{
public:
    /// Always QDateTime's arithmetic.
    explicit LocalDays(const QTimeZone &zone)
        : m_zone(zone)
        , m_fromMs(0)
        , m_toMs(0)
    {
    }
    /// Arithmetic for times between `fromMs` and `toMs`.
    LocalDays(const QTimeZone &zone, qint64 fromMs, qint64 toMs)
        : m_zone(zone)
        , m_fromMs(fromMs - margin)
        , m_toMs(toMs + margin)
    {
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_fromMs, Qt::UTC);
        if (!zone.hasTransitions()) {
            // Without a list of changes only a zone without daylight saving is safe to compute.
            m_exact = !zone.hasDaylightTime();
            m_firstOffsetMs = qint64(zone.offsetFromUtc(from)) * 1000;
            return;
        }
        m_exact = true;
        m_firstOffsetMs = qint64(zone.offsetFromUtc(from)) * 1000;
        const auto transitions = zone.transitions(from, QDateTime::fromMSecsSinceEpoch(m_toMs, Qt::UTC));
        m_at.reserve(transitions.size());
        m_offsetMs.reserve(transitions.size());
        for (const QTimeZone::OffsetData &transition : transitions) {
            m_at.push_back(transition.atUtc.toMSecsSinceEpoch());
            m_offsetMs.push_back(qint64(transition.offsetFromUtc) * 1000);
        }
    }

    /// The UTC time that shows, `days` later, the local time `utc` showed.
    QDateTime add(const QDateTime &utc, int days) const
    {
        const qint64 ms = utc.toMSecsSinceEpoch();
        const qint64 local = ms + offsetAt(ms) + qint64(days) * dayMs;
        const qint64 guess = local - offsetAt(ms);
        if (m_exact && ms >= m_fromMs && guess - margin >= m_fromMs && guess + margin <= m_toMs
            && !changesBetween(ms - margin, ms + margin) && !changesBetween(guess - margin, guess + margin)) {
            return QDateTime::fromMSecsSinceEpoch(local - offsetAt(guess), Qt::UTC);
        }
        return utc.toTimeZone(m_zone).addDays(days).toUTC();
    }

private:
    static constexpr qint64 dayMs = 24 * 3600 * 1000;
    /// No offset anywhere differs by more than a day; two keep clear of it.
    static constexpr qint64 margin = 2 * dayMs;

    qint64 offsetAt(qint64 ms) const
    {
        const auto after = std::upper_bound(m_at.cbegin(), m_at.cend(), ms);
        return after == m_at.cbegin() ? m_firstOffsetMs : m_offsetMs[size_t(after - m_at.cbegin() - 1)];
    }
    bool changesBetween(qint64 fromMs, qint64 toMs) const
    {
        const auto first = std::lower_bound(m_at.cbegin(), m_at.cend(), fromMs);
        return first != m_at.cend() && *first <= toMs;
    }

    QTimeZone m_zone;
    qint64 m_fromMs;
    qint64 m_toMs;
    bool m_exact = false;
    qint64 m_firstOffsetMs = 0;
    std::vector<qint64> m_at;
    std::vector<qint64> m_offsetMs;
};

/// What to do with a contact's cadence reminder.
struct CadencePlan
{
    enum class Action { Keep, Remove, Move, Create } action = Action::Keep;
    QDateTime due;
    int days = 0;
};

/// The base a cadence counts from: the later of the last interaction and the
/// last time the reminder was done; invalid when there is nothing to go cold.
QDateTime cadenceBase(const CadenceFacts &facts, const QDateTime &now)
{
    // Someone never contacted has nothing to go cold, unless the user gave
    // them a cadence of their own: then it counts from the moment it was set.
    QDateTime base = facts.lastInteractionAt;
    if (facts.completedAt.isValid() && (!base.isValid() || facts.completedAt > base))
        base = facts.completedAt;
    if (!base.isValid() && facts.ownDays > 0)
        base = facts.existingDue.isValid() ? facts.existingDue.addDays(-facts.existingEvery) : now;
    return base;
}

CadencePlan plan(const CadenceFacts &facts, const ReminderSettings &settings, const QDateTime &base,
                 const LocalDays &localDays)
{
    CadencePlan result;
    result.days = effectiveDays(facts, settings);
    if (result.days <= 0 || facts.archived || !base.isValid()) {
        result.action = facts.existing ? CadencePlan::Action::Remove : CadencePlan::Action::Keep;
        return result;
    }
    result.due = localDays.add(base, result.days);
    if (!facts.existing)
        result.action = CadencePlan::Action::Create;
    else if (facts.existingDue != result.due || facts.existingEvery != result.days)
        result.action = CadencePlan::Action::Move;
    return result;
}

} // namespace

KeepInTouch::KeepInTouch(Database &database)
    : m_database(database)
{
}

Result<int> KeepInTouch::cadenceDays(qint64 contactId)
{
    auto facts = readFacts(m_database, contactId);
    if (!facts)
        return facts.status();
    if (!facts->found)
        return Result<int>::failure(tr("There is no contact with id %1.").arg(contactId));
    auto settings = ReminderSettingsStore(m_database).load();
    if (!settings)
        return settings.status();
    return effectiveDays(*facts, *settings);
}

Status KeepInTouch::rearm(qint64 contactId)
{
    auto facts = readFacts(m_database, contactId);
    if (!facts)
        return facts.status();
    if (!facts->found)
        return Status::failure(tr("There is no contact with id %1.").arg(contactId));
    auto settings = ReminderSettingsStore(m_database).load();
    if (!settings)
        return settings.status();
    const QDateTime now = m_database.clock().now();
    const QDateTime base = cadenceBase(*facts, now);
    // One contact: QDateTime's own arithmetic, always.
    const LocalDays localDays(m_database.clock().timeZone());
    const CadencePlan planned = plan(*facts, *settings, base, localDays);
    switch (planned.action) {
    case CadencePlan::Action::Keep:
        return Status::success();
    case CadencePlan::Action::Remove:
        return m_database.exec(QStringLiteral("DELETE FROM reminders WHERE id = ?"), {facts->existing}).status();
    case CadencePlan::Action::Move:
        return m_database
            .exec(QStringLiteral("UPDATE reminders SET due_at = ?, recurrence_every = ?, state = 'open', "
                                 "snoozed_until = NULL WHERE id = ?"),
                  {Database::toStored(planned.due), planned.days, facts->existing})
            .status();
    case CadencePlan::Action::Create:
        break;
    }
    Reminder reminder;
    reminder.contactId = contactId;
    reminder.dueAt = planned.due;
    reminder.note = tr("Keep in touch");
    reminder.recurrence = Recurrence{Recurrence::Unit::Days, planned.days};
    reminder.origin = ReminderOrigin::KeepInTouch;
    reminder.cadence = true;
    return ReminderStore(m_database).add(reminder).status();
}

Status KeepInTouch::rearmAll()
{
    Transaction transaction(m_database);
    if (!transaction.status())
        return transaction.status();
    auto settings = ReminderSettingsStore(m_database).load();
    if (!settings)
        return settings.status();
    const QDateTime now = m_database.clock().now();

    // Every contact that can have a cadence reminder, or still has one: the
    // open cadence reminders and the contacts read in order, each once, and
    // merged here (joining them in SQL costs a lookup per contact).
    QList<CadenceFacts> open;
    {
        auto q = m_database.exec(QStringLiteral("SELECT contact_id, id, due_at, recurrence_every, completed_at FROM "
                                                "reminders WHERE cadence = 1 AND state <> 'done' ORDER BY contact_id, id"));
        if (!q)
            return q.status();
        while ((*q)->next()) {
            const qint64 contactId = (*q)->value(0).toLongLong();
            if (!open.isEmpty() && open.constLast().contactId == contactId)
                continue; // the lowest-numbered one is the contact's
            CadenceFacts reminder;
            reminder.contactId = contactId;
            reminder.existing = (*q)->value(1).toLongLong();
            reminder.existingDue = Database::fromStored((*q)->value(2));
            reminder.existingEvery = (*q)->value(3).toInt();
            reminder.completedAt = Database::fromStored((*q)->value(4));
            open.append(reminder);
        }
    }
    QList<CadenceFacts> contacts;
    QList<QDateTime> bases;
    qint64 earliest = std::numeric_limits<qint64>::max();
    qint64 latest = std::numeric_limits<qint64>::min();
    {
        auto q = m_database.exec(QStringLiteral("SELECT id, keep_in_touch_days, stage, archived, last_interaction_at "
                                                "FROM contacts ORDER BY id"));
        if (!q)
            return q.status();
        qsizetype next = 0;
        while ((*q)->next()) {
            CadenceFacts facts;
            facts.found = true;
            facts.contactId = (*q)->value(0).toLongLong();
            while (next < open.size() && open.at(next).contactId < facts.contactId)
                ++next;
            const bool hasReminder = next < open.size() && open.at(next).contactId == facts.contactId;
            facts.ownDays = (*q)->value(1).toInt();
            if (!hasReminder && facts.ownDays <= 0 && (*q)->value(4).isNull())
                continue;
            facts.stage = static_cast<Stage>((*q)->value(2).toInt());
            facts.archived = (*q)->value(3).toBool();
            facts.lastInteractionAt = Database::fromStored((*q)->value(4));
            if (hasReminder) {
                const CadenceFacts &reminder = open.at(next);
                facts.existing = reminder.existing;
                facts.existingDue = reminder.existingDue;
                facts.existingEvery = reminder.existingEvery;
                facts.completedAt = reminder.completedAt;
            }
            const QDateTime base = cadenceBase(facts, now);
            if (base.isValid()) {
                const qint64 ms = base.toMSecsSinceEpoch();
                earliest = std::min(earliest, ms);
                latest = std::max(latest, ms + qint64(std::max(effectiveDays(facts, *settings), 0)) * 86400000);
            }
            contacts.append(facts);
            bases.append(base);
        }
    }

    // What changes, as JSON arrays of numbers that one statement each reads.
    const LocalDays localDays = earliest <= latest ? LocalDays(m_database.clock().timeZone(), earliest, latest)
                                                   : LocalDays(m_database.clock().timeZone());
    QByteArray removed = "[";
    QByteArray moved = "[";
    QByteArray created = "[";
    auto append = [](QByteArray &list, std::initializer_list<qint64> values) {
        if (list.size() > 1)
            list += ',';
        list += '[';
        for (auto value = values.begin(); value != values.end(); ++value) {
            if (value != values.begin())
                list += ',';
            list += QByteArray::number(*value);
        }
        list += ']';
    };
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const CadenceFacts &facts = contacts.at(i);
        const CadencePlan planned = plan(facts, *settings, bases.at(i), localDays);
        switch (planned.action) {
        case CadencePlan::Action::Keep:
            break;
        case CadencePlan::Action::Remove:
            append(removed, {facts.existing});
            break;
        case CadencePlan::Action::Move:
            append(moved, {facts.existing, planned.due.toMSecsSinceEpoch(), planned.days});
            break;
        case CadencePlan::Action::Create:
            append(created, {facts.contactId, planned.due.toMSecsSinceEpoch(), planned.days});
            break;
        }
    }
    removed += ']';
    moved += ']';
    created += ']';

    // Each list of rows in one statement (through json_each), when it has any.
    auto apply = [this](const QByteArray &rows, const QString &sql, QVariantList values) {
        if (rows.size() <= 2)
            return Status::success();
        values.append(QString::fromLatin1(rows));
        return m_database.exec(sql, values).status();
    };
    if (Status done = apply(removed,
                            QStringLiteral("DELETE FROM reminders WHERE id IN (SELECT value ->> 0 FROM json_each(?))"),
                            {});
        !done)
        return done;
    if (Status done = apply(moved,
                            QStringLiteral("UPDATE reminders SET due_at = m.value ->> 1, recurrence_every = "
                                           "m.value ->> 2, state = 'open', snoozed_until = NULL FROM "
                                           "json_each(?) m WHERE reminders.id = m.value ->> 0"),
                            {});
        !done)
        return done;
    if (Status done = apply(created,
                            QStringLiteral("INSERT INTO reminders (contact_id, due_at, note, recurrence_unit, "
                                           "recurrence_every, state, origin, created_at, cadence) SELECT "
                                           "n.value ->> 0, n.value ->> 1, ?, ?, n.value ->> 2, ?, ?, ?, 1 "
                                           "FROM json_each(?) n ORDER BY n.key"),
                            {tr("Keep in touch"), recurrenceUnitKey(Recurrence::Unit::Days),
                             reminderStateKey(ReminderState::Open), reminderOriginKey(ReminderOrigin::KeepInTouch),
                             Database::toStored(now)});
        !done)
        return done;
    return transaction.commit();
}

} // namespace Rapport::Core
