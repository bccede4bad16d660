#include "contactsummary.h"

#include "graph/relationshipgraph.h"
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

    // Only the part of the graph upstream of the contact, and whom it led to:
    // a summary stays quick however large the network is.
    IntroductionStore introductions(m_database);
    auto upstream = introductions.upstreamOf(contactId);
    if (!upstream)
        return upstream.status();
    auto onward = introductions.from(contactId);
    if (!onward)
        return onward.status();
    QList<qint64> ids{contactId};
    for (const QList<Introduction> *edges : {&*upstream, &*onward}) {
        for (const Introduction &edge : *edges)
            ids << edge.fromContact << edge.toContact;
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ContactStore contacts(m_database);
    QList<GraphNode> nodes;
    for (qint64 id : std::as_const(ids)) {
        auto person = id == contactId ? Result<Contact>(summary.contact) : contacts.get(id);
        if (!person)
            return person.status();
        GraphNode node;
        node.id = id;
        node.name = person->name();
        node.stage = person->stage;
        nodes.append(node);
    }
    QList<GraphEdge> edges;
    for (const Introduction &edge : std::as_const(*upstream))
        edges.append(GraphEdge{edge.id, edge.fromContact, edge.toContact, edge.kind, edge.date, edge.note});
    const RelationshipGraph graph(nodes, edges);

    auto linkTo = [&](qint64 id, const GraphEdge *edge) {
        ChainLink link;
        link.contactId = id;
        if (const GraphNode *node = graph.node(id)) {
            link.name = node->name;
            link.stage = node->stage;
        }
        if (edge)
            link.onward = Introduction{edge->id, edge->from, edge->to, edge->kind, edge->date, edge->note};
        return link;
    };
    const ChainList chains = graph.chainsTo(contactId);
    for (const QList<qint64> &chainIds : chains.chains) {
        if (chainIds.size() < 2)
            continue; // the contact is a first contact: nobody led to them
        QList<ChainLink> chain;
        for (int i = 0; i + 1 < chainIds.size(); ++i)
            chain.append(linkTo(chainIds[i], graph.edgeBetween(chainIds[i], chainIds[i + 1])));
        summary.chains.append(chain);
    }
    // from() is ordered by date, then id.
    for (const Introduction &edge : std::as_const(*onward)) {
        ChainLink link = linkTo(edge.toContact, nullptr);
        link.onward = edge;
        summary.ledTo.append(link);
    }

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
