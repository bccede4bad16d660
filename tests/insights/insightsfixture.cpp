#include "insightsfixture.h"

#include "store/contactstore.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/stagetracker.h"

namespace Rapport::Test {

using namespace Core;

namespace {

template<typename T>
T check(Result<T> result, const char *what)
{
    if (!result)
        qFatal("%s failed: %s", what, qPrintable(result.error()));
    return std::move(result).value();
}

void check(const Status &status, const char *what)
{
    if (!status)
        qFatal("%s failed: %s", what, qPrintable(status.error()));
}

} // namespace

QDateTime InsightsFixture::day(int n)
{
    return QDateTime(QDate(2026, 1, 1).addDays(n), QTime(15, 0), Qt::UTC);
}

void InsightsFixture::build(Database &database)
{
    struct Person
    {
        const char *name;
        const char *channel;
        const char *tag;
        int cadence;
        bool archived;
    };
    const Person people[] = {
        {"Ada", "Twitter", "design", 30, false}, {"Ben", "Twitter", "", 0, false},
        {"Cy", "Conference", "", 0, false},      {"Dee", "Webinar", "design", 365, false},
        {"Eve", "Webinar", "", 0, false},        {"Fay", "", "", 14, false},
        {"Gus", "Twitter", "", 0, false},        {"Hal", "Twitter", "", 0, true},
    };
    ContactStore contacts(database);
    for (const Person &person : people) {
        Contact contact;
        contact.displayName = QString::fromLatin1(person.name);
        contact.metChannel = QString::fromLatin1(person.channel);
        if (*person.tag)
            contact.tags = {QString::fromLatin1(person.tag)};
        contact.keepInTouchDays = person.cadence;
        contact.archived = person.archived;
        if (contact.displayName == u"Ada")
            contact.metOn = QDate(2025, 12, 20);
        ids.insert(contact.displayName, check(contacts.add(contact), "adding a contact"));
    }

    InteractionStore interactions(database);
    const auto log = [&](const char *name, InteractionKind kind, int n) {
        Interaction interaction;
        interaction.kind = kind;
        interaction.occurredAt = day(n);
        interaction.summary = QStringLiteral("Day %1").arg(n);
        interaction.participants = {id(QString::fromLatin1(name))};
        check(interactions.log(interaction), "logging an interaction");
    };
    // Logged in the order they happened, as a user would.
    log("Ada", InteractionKind::Tweet, 0);
    log("Ben", InteractionKind::Tweet, 0);
    log("Hal", InteractionKind::Tweet, 0);
    log("Gus", InteractionKind::Tweet, 1);
    log("Dee", InteractionKind::Tweet, 2);
    log("Gus", InteractionKind::Email, 3);
    log("Ada", InteractionKind::Email, 4);
    log("Dee", InteractionKind::Email, 5);
    log("Ben", InteractionKind::Call, 6);
    log("Gus", InteractionKind::Call, 7);
    log("Gus", InteractionKind::Meeting, 9);
    log("Ada", InteractionKind::Call, 10);
    log("Ada", InteractionKind::Meeting, 20);
    log("Eve", InteractionKind::Email, 40);

    StageTracker stages(database);
    check(stages.setManual(id(QStringLiteral("Gus")), Stage::Email, day(12)), "setting Gus to email");
    check(stages.setManual(id(QStringLiteral("Cy")), Stage::Client, day(15)), "setting Cy to client");
    check(stages.setManual(id(QStringLiteral("Ada")), Stage::Client, day(30)), "setting Ada to client");

    IntroductionStore introductions(database);
    const auto introduce = [&](const char *from, const char *to) {
        Introduction introduction;
        introduction.fromContact = id(QString::fromLatin1(from));
        introduction.toContact = id(QString::fromLatin1(to));
        check(introductions.add(introduction), "recording an introduction");
    };
    introduce("Ada", "Cy");
    introduce("Ada", "Dee");
    introduce("Dee", "Eve");
}

} // namespace Rapport::Test
