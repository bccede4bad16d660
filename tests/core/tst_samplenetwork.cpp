#include "demo/samplenetwork.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "store/stagetracker.h"
#include "testdatafile.h"

#include <QHash>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

namespace {

/// The longest chain of introductions (in people) from someone nobody
/// introduced to `target`.
int longestChainTo(qint64 target, const QMultiHash<qint64, qint64> &introducersOf, int depth = 1)
{
    int best = depth;
    const QList<qint64> introducers = introducersOf.values(target);
    for (qint64 introducer : introducers) {
        if (depth > 50)
            break; // a cycle would be a bug; do not recurse for ever
        best = std::max(best, longestChainTo(introducer, introducersOf, depth + 1));
    }
    return best;
}

} // namespace

class TestSampleNetwork : public QObject
{
    Q_OBJECT

private slots:
    void populate_emptyFile_tellsTheStory()
    {
        TestDataFile data;
        Database &db = data.open();
        QVERIFY(SampleNetwork::populate(db).ok());

        const QList<Contact> contacts = ContactStore(db).all().value();
        QVERIFY(contacts.size() >= 15);
        const qint64 interactions = InteractionStore(db).count().value();
        QVERIFY2(interactions >= 55 && interactions <= 70, qPrintable(QString::number(interactions)));

        QMultiHash<qint64, qint64> introducersOf;
        for (const Introduction &edge : IntroductionStore(db).all().value())
            introducersOf.insert(edge.toContact, edge.fromContact);

        int longestToClient = 0;
        QHash<Stage, int> perStage;
        for (const Contact &contact : contacts) {
            perStage[contact.stage]++;
            if (contact.stage == Stage::Client)
                longestToClient = std::max(longestToClient, longestChainTo(contact.id, introducersOf));
        }
        QVERIFY2(longestToClient >= 3, "a chain through three or more people must end in a client");
        for (Stage stage : {Stage::None, Stage::Tweet, Stage::Email, Stage::Call, Stage::Meeting, Stage::Client})
            QVERIFY2(perStage.value(stage) > 0, qPrintable(stageKey(stage)));

        // Interactions span about a year before the pinned now.
        for (const Contact &contact : contacts) {
            if (contact.lastInteractionAt.isValid()) {
                QVERIFY(contact.lastInteractionAt <= TestDataFile::pinnedNow());
                QVERIFY(contact.lastInteractionAt > TestDataFile::pinnedNow().addDays(-366));
            }
        }

        const QList<Reminder> pending = ReminderStore(db).pending().value();
        const auto overdue = std::count_if(pending.cbegin(), pending.cend(), [](const Reminder &r) {
            return r.isOverdue(TestDataFile::pinnedNow());
        });
        QVERIFY(overdue >= 2);
        QVERIFY(pending.size() - overdue >= 2);
    }

    void populate_clientsHaveTheirHistory()
    {
        TestDataFile data;
        Database &db = data.open();
        QVERIFY(SampleNetwork::populate(db).ok());
        for (const Contact &contact : ContactStore(db).all().value()) {
            if (contact.stage != Stage::Client)
                continue;
            const QList<StageChange> history = StageTracker(db).history(contact.id).value();
            QVERIFY(history.size() >= 2);
            QCOMPARE(history.constLast().stage, Stage::Client);
            QVERIFY(history.constLast().manual);
            QVERIFY(history.constFirst().reachedAt < history.constLast().reachedAt);
        }
    }

    void populate_fileWithContacts_isRefusedAndUnchanged()
    {
        TestDataFile data;
        Database &db = data.open();
        Rapport::Test::addContact(db, QStringLiteral("My real client"));
        auto status = SampleNetwork::populate(db);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(u"empty"), qPrintable(status.error()));
        QCOMPARE(ContactStore(db).count().value(), 1);
        QCOMPARE(InteractionStore(db).count().value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSampleNetwork)
#include "tst_samplenetwork.moc"
