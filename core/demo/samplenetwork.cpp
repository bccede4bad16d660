#include "samplenetwork.h"

#include "logging.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "store/stagetracker.h"
#include "store/transaction.h"

#include <QHash>

namespace Rapport::Core {

namespace {

struct Person
{
    const char *key;
    const char *name;
    const char *given;
    const char *family;
    const char *organization;
    const char *title;
    const char *email;
    const char *phone;
    const char *twitter;
    const char *city;
    const char *region;
    const char *tags;
    const char *metChannel;
    int metDaysAgo;
    int cadenceDays;
    const char *notes;
};

// Fictional people; phone numbers use the 555-01xx range reserved for fiction.
const Person people[] = {
    {"dana", "Dana Whitfield", "Dana", "Whitfield", "Copy That Converts", "Marketing educator",
     "dana@copythatconverts.example", "+1 512 555 0101", "@danawhitfield", "Austin", "TX", "webinar host,marketing",
     "Her webinar “Copy That Converts”", 362, 30,
     "Runs a monthly webinar on conversion copy. Showed a testimonial from Marcus Bell."},
    {"marcus", "Marcus Bell", "Marcus", "Bell", "Bell Coaching", "Business coach", "marcus@bellcoaching.example",
     "+1 303 555 0102", "@coachmarcusbell", "Boulder", "CO", "client,coaching",
     "Testimonial in Dana's webinar, then Twitter", 360, 30,
     "Wrote his web site and sales flyers. Never met in person; calls every few months."},
    {"theo", "Theo Lindqvist", "Theo", "Lindqvist", "Lindqvist Academy", "Course creator",
     "theo@lindqvist.example", "+1 503 555 0103", "@theolindqvist", "Portland", "OR", "client,courses",
     "Recommended by Marcus on a call", 318, 30,
     "Sales pages and a guest module in his course. Recommended by Marcus, who does not know him personally."},
    {"sam", "Sam Okafor", "Sam", "Okafor", "Okafor Studio", "Brand strategist", "sam@okaforstudio.example",
     "+1 404 555 0104", "@samokafor", "Atlanta", "GA", "partner",
     "Theo mentioned his success in a webinar", 60, 14,
     "A partnership is forming: copy plus brand strategy packages."},
    {"priya", "Priya Raman", "Priya", "Raman", "Raman Web Design", "Web designer", "priya@ramanweb.example",
     "+1 720 555 0105", "@priyadesigns", "Denver", "CO", "designer,referral partner",
     "Referred by Marcus", 250, 14, "Sends copy work my way when her clients need words."},
    {"hannah", "Hannah Cho", "Hannah", "Cho", "Solo & Thriving Podcast", "Podcast host", "hannah@soloandthriving.example",
     "+1 206 555 0106", "@hannahcho", "Seattle", "WA", "podcast,media", "Twitter thread on freelancing", 140, 14,
     "Open to a guest episode about copy for coaches."},
    {"luis", "Luis Ortega", "Luis", "Ortega", "Ortega Fitness", "Owner", "luis@ortegafitness.example",
     "+1 305 555 0107", "@ortegafit", "Miami", "FL", "prospect", "Introduced by Marcus (one of his clients)", 200, 7,
     "Wants a brochure and a landing page; waiting on budget."},
    {"grace", "Grace Adeyemi", "Grace", "Adeyemi", "Adeyemi Consulting", "HR consultant",
     "grace@adeyemi.example", "+1 617 555 0108", "@graceadeyemi", "Boston", "MA", "client,consulting",
     "Recommended by Theo (his course community)", 150, 30, "Monthly newsletter and LinkedIn posts."},
    {"oliver", "Oliver Brandt", "Oliver", "Brandt", "Brandt Photography", "Photographer", "oliver@brandtphoto.example",
     "+1 808 555 0109", "@oliverbrandt", "Hilo", "HI", "local", "Replied to a tweet about island life", 220, 30,
     "Another islander. Talked about a joint offer for tourism businesses."},
    {"nadia", "Nadia Petrova", "Nadia", "Petrova", "The Freelance Letter", "Newsletter writer",
     "nadia@freelanceletter.example", "+1 646 555 0110", "@nadiawrites", "New York", "NY", "newsletter,media",
     "Introduced by Hannah", 100, 14, "Proposed a newsletter swap."},
    {"ben", "Ben Whitaker", "Ben", "Whitaker", "Kona Chamber of Commerce", "Events director",
     "ben@konachamber.example", "+1 808 555 0111", "@benwhitaker", "Kailua-Kona", "HI", "local,events",
     "Chamber of commerce mixer", 180, 30, "Could book a workshop on web copy for members."},
    {"chloe", "Chloe Martin", "Chloe", "Martin", "", "Yoga teacher", "chloe.martin@mail.example", "+1 415 555 0112",
     "@chloeflows", "San Francisco", "CA", "prospect", "Commented on my blog post", 45, 14,
     "Launching an online studio next year."},
    {"raj", "Raj Patel", "Raj", "Patel", "Patel Accounting", "CPA", "raj@patelcpa.example", "+1 312 555 0113",
     "@rajpatelcpa", "Chicago", "IL", "prospect,finance", "Introduced by Priya", 90, 14,
     "Needs a services page that explains tax planning plainly."},
    {"emma", "Emma Lawson", "Emma", "Lawson", "Lawson Interiors", "Interior designer", "emma@lawsoninteriors.example",
     "+1 617 555 0114", "@emmalawson", "Cambridge", "MA", "prospect", "Referred by Grace", 6, 14,
     "Grace says she needs a new portfolio site."},
    {"kenji", "Kenji Watanabe", "Kenji", "Watanabe", "Watanabe Tea Co.", "Founder", "kenji@watanabetea.example",
     "+1 808 555 0115", "@watanabetea", "Honolulu", "HI", "prospect", "Farmers market stall", 300, 30,
     "Interested in product descriptions; went quiet."},
    {"fiona", "Fiona Gallagher", "Fiona", "Gallagher", "Gallagher Coaching", "Career coach",
     "fiona@gallaghercoaching.example", "+1 617 555 0116", "@fionagcoach", "Providence", "RI", "coaching",
     "Also at Dana's webinar", 361, 30, "We swap notes on webinar funnels."},
};

struct Touch
{
    const char *who;
    InteractionKind kind;
    int daysAgo;
    Direction direction;
    const char *summary;
};

const Touch touches[] = {
    {"dana", InteractionKind::Webinar, 362, Direction::Inbound, "Attended “Copy That Converts” webinar"},
    {"fiona", InteractionKind::Webinar, 362, Direction::Inbound, "Both in Dana's webinar chat"},
    {"dana", InteractionKind::Tweet, 361, Direction::Outbound, "Thanked Dana for the webinar"},
    {"marcus", InteractionKind::Tweet, 360, Direction::Outbound, "Tweeted Marcus about his testimonial"},
    {"marcus", InteractionKind::Tweet, 359, Direction::Inbound, "Marcus tweeted back"},
    {"fiona", InteractionKind::Tweet, 358, Direction::Outbound, "Followed up on the webinar chat"},
    {"marcus", InteractionKind::DirectMessage, 352, Direction::Inbound, "He asked if I write web copy"},
    {"marcus", InteractionKind::Call, 340, Direction::Outbound, "First call: his site and sales flyers"},
    {"marcus", InteractionKind::Email, 335, Direction::Outbound, "Sent proposal for site and flyers"},
    {"marcus", InteractionKind::Call, 320, Direction::Inbound, "Second call; he recommended Theo Lindqvist"},
    {"theo", InteractionKind::Tweet, 316, Direction::Outbound, "Followed Theo and replied to his thread"},
    {"kenji", InteractionKind::Meeting, 300, Direction::Inbound, "Chatted at his farmers market stall"},
    {"theo", InteractionKind::Webinar, 300, Direction::Inbound, "Attended Theo's launch webinar"},
    {"theo", InteractionKind::Call, 292, Direction::Inbound, "Helped him with a download problem on the phone"},
    {"kenji", InteractionKind::Email, 290, Direction::Outbound, "Sent samples of product descriptions"},
    {"theo", InteractionKind::Email, 286, Direction::Outbound, "Proposal: sales pages"},
    {"theo", InteractionKind::Call, 270, Direction::Outbound, "Agreed scope: sales pages and a guest module"},
    {"priya", InteractionKind::Email, 250, Direction::Inbound, "Marcus gave her my name"},
    {"priya", InteractionKind::Call, 244, Direction::Outbound, "How we could work together"},
    {"oliver", InteractionKind::Tweet, 220, Direction::Inbound, "Replied to my island-life tweet"},
    {"oliver", InteractionKind::DirectMessage, 212, Direction::Outbound, "Joint offer idea for tourism businesses"},
    {"luis", InteractionKind::Email, 200, Direction::Outbound, "Intro email (Marcus cc'd)"},
    {"marcus", InteractionKind::Email, 198, Direction::Outbound, "Flyer proofs"},
    {"luis", InteractionKind::Call, 190, Direction::Inbound, "Brochure and landing page needs"},
    {"ben", InteractionKind::Meeting, 180, Direction::Inbound, "Chamber mixer; talked about a workshop"},
    {"ben", InteractionKind::Email, 176, Direction::Outbound, "Sent workshop outline"},
    {"priya", InteractionKind::Meeting, 170, Direction::Outbound, "Coffee at the Denver conference"},
    {"grace", InteractionKind::Tweet, 150, Direction::Inbound, "Theo tagged us both in a thread"},
    {"grace", InteractionKind::Email, 146, Direction::Outbound, "Shared newsletter samples"},
    {"theo", InteractionKind::Email, 145, Direction::Outbound, "Delivered the guest module"},
    {"hannah", InteractionKind::Tweet, 140, Direction::Outbound, "Replied to her thread on freelancing"},
    {"grace", InteractionKind::VideoCall, 138, Direction::Outbound, "Scoped a monthly newsletter"},
    {"hannah", InteractionKind::DirectMessage, 133, Direction::Inbound, "She asked about my copy process"},
    {"marcus", InteractionKind::VideoCall, 120, Direction::Outbound, "Quarterly check-in"},
    {"hannah", InteractionKind::Email, 110, Direction::Outbound, "Pitched a guest episode"},
    {"nadia", InteractionKind::Email, 100, Direction::Inbound, "Hannah introduced us"},
    {"fiona", InteractionKind::VideoCall, 96, Direction::Outbound, "Compared webinar funnels"},
    {"raj", InteractionKind::Email, 90, Direction::Inbound, "Priya passed on my details"},
    {"theo", InteractionKind::VideoCall, 88, Direction::Outbound, "Results of the new sales pages"},
    {"raj", InteractionKind::Call, 84, Direction::Outbound, "Discovery call: services page"},
    {"nadia", InteractionKind::Email, 80, Direction::Outbound, "Agreed a newsletter swap for spring"},
    {"grace", InteractionKind::Email, 70, Direction::Outbound, "Monthly newsletter draft"},
    {"theo", InteractionKind::Webinar, 60, Direction::Inbound, "Theo's webinar: he praised Sam's results"},
    {"sam", InteractionKind::Email, 58, Direction::Outbound, "Congratulated Sam on his results"},
    {"sam", InteractionKind::Tweet, 55, Direction::Inbound, "Sam tweeted thanks"},
    {"priya", InteractionKind::Email, 50, Direction::Inbound, "Sent a client who needs About-page copy"},
    {"sam", InteractionKind::Call, 45, Direction::Outbound, "First call: how we each work"},
    {"chloe", InteractionKind::Comment, 45, Direction::Inbound, "Commented on my blog post about voice"},
    {"marcus", InteractionKind::Email, 40, Direction::Inbound, "Asked for a new sales flyer"},
    {"chloe", InteractionKind::Tweet, 40, Direction::Outbound, "Thanked her for the comment"},
    {"luis", InteractionKind::Email, 33, Direction::Outbound, "Sent brochure quote"},
    {"grace", InteractionKind::Email, 30, Direction::Outbound, "Newsletter for this month"},
    {"hannah", InteractionKind::Email, 26, Direction::Inbound, "Maybe next season for the episode"},
    {"sam", InteractionKind::Call, 20, Direction::Inbound, "Second call: a partnership on packages"},
    {"theo", InteractionKind::Email, 18, Direction::Inbound, "Wants copy for his next course"},
    {"ben", InteractionKind::Email, 15, Direction::Inbound, "Workshop slot in the spring"},
    {"raj", InteractionKind::Email, 12, Direction::Outbound, "Sent first draft of services page"},
    {"sam", InteractionKind::Note, 10, Direction::Outbound, "Idea: bundle copy + brand strategy for coaches"},
    {"grace", InteractionKind::Call, 8, Direction::Inbound, "She referred Emma Lawson"},
    {"marcus", InteractionKind::Email, 5, Direction::Outbound, "Sent the new flyer"},
    {"dana", InteractionKind::Email, 3, Direction::Outbound, "Told Dana how her webinar led to two clients"},
};

struct Edge
{
    const char *from;
    const char *to;
    IntroductionKind kind;
    int daysAgo;
    const char *note;
};

const Edge edges[] = {
    {"dana", "marcus", IntroductionKind::MetAtEvent, 362, "His testimonial was on Dana's webinar slides"},
    {"dana", "fiona", IntroductionKind::MetAtEvent, 362, "Both in Dana's webinar chat"},
    {"marcus", "theo", IntroductionKind::Recommended, 320, "Recommended on a call; Marcus doesn't know him"},
    {"marcus", "priya", IntroductionKind::Referred, 250, "Marcus sent her my name"},
    {"marcus", "luis", IntroductionKind::Introduced, 200, "Intro email to one of his clients"},
    {"theo", "sam", IntroductionKind::MetAtEvent, 60, "Theo praised Sam's success in his webinar"},
    {"theo", "grace", IntroductionKind::Recommended, 150, "From his course community"},
    {"hannah", "nadia", IntroductionKind::Introduced, 100, "Email introduction"},
    {"priya", "raj", IntroductionKind::Referred, 90, "Priya's accountant"},
    {"grace", "emma", IntroductionKind::Referred, 8, "Grace referred her on our call"},
};

struct FollowUp
{
    const char *who;
    int dueInDays; // negative: overdue
    const char *note;
    Recurrence::Unit unit;
    int every;
    ReminderOrigin origin;
};

const FollowUp followUps[] = {
    {"sam", 3, "Send the partnership outline", Recurrence::Unit::None, 0, ReminderOrigin::Manual},
    {"hannah", -5, "Pitch the guest episode again for next season", Recurrence::Unit::None, 0,
     ReminderOrigin::Manual},
    {"luis", -2, "Follow up on the brochure quote", Recurrence::Unit::None, 0, ReminderOrigin::Manual},
    {"oliver", -20, "Reconnect about the joint offer", Recurrence::Unit::None, 0, ReminderOrigin::KeepInTouch},
    {"marcus", 10, "Quarterly check-in", Recurrence::Unit::Months, 3, ReminderOrigin::KeepInTouch},
    {"theo", 1, "Thank Marcus for recommending Theo", Recurrence::Unit::None, 0, ReminderOrigin::ThankIntroducer},
    {"emma", 2, "Call Emma about her portfolio site", Recurrence::Unit::None, 0, ReminderOrigin::Manual},
    {"ben", 14, "Confirm the spring workshop date", Recurrence::Unit::None, 0, ReminderOrigin::Manual},
};

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

Status SampleNetwork::populate(Database &database)
{
    ContactStore contacts(database);
    auto existing = contacts.count();
    if (!existing)
        return existing.status();
    if (*existing > 0) {
        return Status::failure(tr("The sample network can only be added to an empty data file; this one already "
                                  "holds %1 contacts.")
                                  .arg(*existing));
    }

    Transaction transaction(database);
    if (!transaction.status())
        return transaction.status();

    const QDateTime now = database.clock().now().toUTC();
    auto daysAgo = [&now](int days, int hour) {
        return QDateTime(now.date().addDays(-days), QTime(hour, 0), Qt::UTC);
    };

    QHash<QString, qint64> ids;
    for (const Person &person : people) {
        Contact c;
        c.displayName = text(person.name);
        c.givenName = text(person.given);
        c.familyName = text(person.family);
        c.organization = text(person.organization);
        c.title = text(person.title);
        c.emails = {ContactField{text(person.email), QStringLiteral("work"), true}};
        c.phones = {ContactField{text(person.phone), QStringLiteral("work"), false}};
        c.socialProfiles = {SocialProfile{QStringLiteral("twitter"), text(person.twitter)}};
        c.addresses = {PostalAddress{QStringLiteral("work"), {}, text(person.city), text(person.region), {},
                                     QStringLiteral("USA")}};
        c.tags = text(person.tags).split(QLatin1Char(','), Qt::SkipEmptyParts);
        c.metChannel = text(person.metChannel);
        c.metOn = now.date().addDays(-person.metDaysAgo);
        c.keepInTouchDays = person.cadenceDays;
        c.notes = text(person.notes);
        c.uid = QStringLiteral("urn:uuid:rapport-sample-%1").arg(text(person.key));
        auto id = contacts.add(c);
        if (!id)
            return id.status();
        ids.insert(text(person.key), *id);
    }

    InteractionStore interactions(database);
    int hour = 9;
    for (const Touch &touch : touches) {
        Interaction interaction;
        interaction.kind = touch.kind;
        interaction.occurredAt = daysAgo(touch.daysAgo, hour);
        hour = hour >= 17 ? 9 : hour + 2;
        interaction.direction = touch.direction;
        interaction.summary = text(touch.summary);
        interaction.participants = {ids.value(text(touch.who))};
        if (auto logged = interactions.log(interaction); !logged)
            return logged.status();
    }

    IntroductionStore introductions(database);
    for (const Edge &edge : edges) {
        auto added = introductions.add(Introduction{0, ids.value(text(edge.from)), ids.value(text(edge.to)), edge.kind,
                                                    now.date().addDays(-edge.daysAgo), text(edge.note)});
        if (!added)
            return added.status();
    }

    // Clients are the user's decision, recorded when the contract was signed.
    StageTracker stages(database);
    const std::pair<const char *, int> signedContracts[] = {{"marcus", 330}, {"theo", 268}, {"grace", 136}};
    for (const auto &[who, days] : signedContracts) {
        if (Status set = stages.setManual(ids.value(text(who)), Stage::Client, daysAgo(days, 16)); !set)
            return set;
    }

    ReminderStore reminders(database);
    for (const FollowUp &followUp : followUps) {
        Reminder reminder;
        reminder.contactId = ids.value(text(followUp.who));
        reminder.dueAt = QDateTime(now.date().addDays(followUp.dueInDays), QTime(9, 0), Qt::UTC);
        reminder.note = text(followUp.note);
        reminder.recurrence = Recurrence{followUp.unit, followUp.every};
        reminder.origin = followUp.origin;
        if (auto added = reminders.add(reminder); !added)
            return added.status();
    }

    if (Status committed = transaction.commit(); !committed)
        return committed;
    qCDebug(lcDemo) << "sample network created with" << ids.size() << "contacts";
    return Status::success();
}

} // namespace Rapport::Core
