#include "contactsummary.h"

#include "graph/graphstore.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "store/stagetracker.h"

#include <algorithm>

namespace Rapport::Core {

ContactSummaryReader::ContactSummaryReader(Database &database)
    : m_database(database)
{
}

QList<LadderRung> ContactSummaryReader::ladder(Stage current, const QList<StageChange> &history)
{
    QList<LadderRung> rungs;
    for (Stage stage : stageLadder()) {
        LadderRung rung{stage, {}, false};
        if (stage <= current) {
            for (const StageChange &change : history) {
                if (change.stage == stage && (!rung.reachedAt.isValid() || change.reachedAt < rung.reachedAt)) {
                    rung.reachedAt = change.reachedAt;
                    rung.manual = change.manual;
                }
            }
        }
        rungs.append(rung);
    }
    return rungs;
}

Result<ContactSummary> ContactSummaryReader::read(qint64 contactId, const QDate &from, const QDate &to)
{
    ContactSummary summary;
    auto contact = ContactStore(m_database).get(contactId);
    if (!contact)
        return contact.status();
    summary.contact = std::move(contact).value();
    summary.from = from;
    summary.to = to;

    auto history = StageTracker(m_database).history(contactId);
    if (!history)
        return history.status();
    summary.ladder = ladder(summary.contact.stage, *history);

    auto graph = GraphStore(m_database).load();
    if (!graph)
        return graph.status();
    auto linkTo = [&](qint64 id, const GraphEdge *edge) {
        ChainLink link;
        link.contactId = id;
        if (const GraphNode *node = graph->node(id)) {
            link.name = node->name;
            link.stage = node->stage;
        }
        if (edge)
            link.onward = Introduction{edge->id, edge->from, edge->to, edge->kind, edge->date, edge->note};
        return link;
    };
    const ChainList chains = graph->chainsTo(contactId);
    for (const QList<qint64> &ids : chains.chains) {
        if (ids.size() < 2)
            continue; // the contact is a first contact: nobody led to them
        QList<ChainLink> chain;
        for (int i = 0; i + 1 < ids.size(); ++i)
            chain.append(linkTo(ids[i], graph->edgeBetween(ids[i], ids[i + 1])));
        summary.chains.append(chain);
    }
    for (int edgeIndex : graph->edgesFrom(contactId)) {
        const GraphEdge &edge = graph->edges().at(edgeIndex);
        ChainLink link = linkTo(edge.to, &edge);
        summary.ledTo.append(link);
    }
    std::sort(summary.ledTo.begin(), summary.ledTo.end(), [](const ChainLink &a, const ChainLink &b) {
        const QDate da = a.onward ? a.onward->date : QDate();
        const QDate db = b.onward ? b.onward->date : QDate();
        return da != db ? da < db : a.contactId < b.contactId;
    });

    auto interactions = InteractionStore(m_database).forContact(contactId);
    if (!interactions)
        return interactions.status();
    for (const Interaction &interaction : *interactions) {
        const QDate day = interaction.occurredAt.toLocalTime().date();
        if ((from.isValid() && day < from) || (to.isValid() && day > to))
            continue;
        summary.interactions.append(interaction);
    }

    auto reminders = ReminderStore(m_database).forContact(contactId);
    if (!reminders)
        return reminders.status();
    for (const Reminder &reminder : *reminders) {
        if (reminder.state != ReminderState::Done)
            summary.openFollowUps.append(reminder);
    }
    std::sort(summary.openFollowUps.begin(), summary.openFollowUps.end(),
              [](const Reminder &a, const Reminder &b) { return a.effectiveDueAt() < b.effectiveDueAt(); });
    return summary;
}

} // namespace Rapport::Core
