#include "clirunner.h"
#include "filecheck.h"
#include "vcardgenerator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Rapport::Test;

namespace {

constexpr int kills = 30;

void copyDataFile(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(to + QString::fromLatin1(suffix));
    QVERIFY(QFile::copy(from, to));
    QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

/// The moments to kill at: half spread over the whole run, half over its last
/// 40% (where the writing is), from a seed that can be given again
/// (RAPPORT_KILL_SEED) to repeat a failure.
QList<int> killMoments(qint64 runMs)
{
    const quint32 seed = qEnvironmentVariableIsSet("RAPPORT_KILL_SEED")
                             ? quint32(qEnvironmentVariableIntValue("RAPPORT_KILL_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("kill moments from seed %u (set RAPPORT_KILL_SEED=%u to repeat them)", seed, seed);
    QRandomGenerator random(seed);
    QList<int> moments;
    const int span = int(qMax<qint64>(runMs, 10));
    for (int i = 0; i < kills; ++i)
        moments << (i % 2 ? span * 6 / 10 + int(random.bounded(span * 4 / 10 + 1)) : int(random.bounded(span)));
    return moments;
}

} // namespace

/// rapport-cli import and the window's edits, killed with SIGKILL at random
/// moments: the data file must stay sound and hold exactly what it held before
/// or exactly what it holds after, never a part.
class TestKillTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cards;
    QString m_base;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Three hundred people already known by name and email; the import
        // brings 6,000 cards, 300 of which add details to them.
        m_cards = path(QStringLiteral("cards.vcf"));
        QFile cards(m_cards);
        QVERIFY(cards.open(QIODevice::WriteOnly));
        cards.write(generatedVCards(0, 6000));
        cards.close();
        const QString known = path(QStringLiteral("known.vcf"));
        QFile knownCards(known);
        QVERIFY(knownCards.open(QIODevice::WriteOnly));
        knownCards.write(generatedVCards(5700, 300, CardDetail::NameAndEmail));
        knownCards.close();
        m_base = path(QStringLiteral("base.sqlite"));
        const CliRun seeded = runCli(QStringLiteral(RAPPORT_CLI_PATH),
                                     {QStringLiteral("--db"), m_base, QStringLiteral("import"), known});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
    }

    void import_killedAtRandomMoments_leavesTheFileAsBeforeOrAsAfter()
    {
        const QStringList before = FileCheck::contactsDigest(m_base);
        QCOMPARE(before.size(), 300);

        // One run to the end gives what "after" is and how long a run takes.
        const QString finished = path(QStringLiteral("finished.sqlite"));
        copyDataFile(m_base, finished);
        QElapsedTimer timer;
        timer.start();
        const CliRun full = runCli(QStringLiteral(RAPPORT_CLI_PATH),
                                   {QStringLiteral("--db"), finished, QStringLiteral("import"), m_cards});
        const qint64 runMs = timer.elapsed();
        QVERIFY2(full.exitCode == 0, qPrintable(full.err));
        const QStringList after = FileCheck::contactsDigest(finished);
        QCOMPARE(after.size(), 6000);
        QVERIFY(after != before);

        int asBefore = 0;
        int asAfter = 0;
        const QList<int> moments = killMoments(runMs);
        for (int i = 0; i < moments.size(); ++i) {
            const QString killed = path(QStringLiteral("killed.sqlite"));
            copyDataFile(m_base, killed);
            QProcess import;
            import.start(QStringLiteral(RAPPORT_CLI_PATH),
                         {QStringLiteral("--db"), killed, QStringLiteral("import"), m_cards});
            QVERIFY(import.waitForStarted());
            QThread::msleep(moments.at(i));
            import.kill(); // SIGKILL
            QVERIFY(import.waitForFinished());

            const QString integrity = FileCheck::integrity(killed);
            QVERIFY2(integrity == u"ok", qPrintable(QStringLiteral("kill %1 at %2 ms: %3").arg(i).arg(moments.at(i)).arg(integrity)));
            const QStringList digest = FileCheck::contactsDigest(killed);
            if (digest == before) {
                ++asBefore;
                QCOMPARE(FileCheck::rows(killed, QStringLiteral("import_batches")), 1);
            } else if (digest == after) {
                ++asAfter;
                QCOMPARE(FileCheck::rows(killed, QStringLiteral("import_batches")), 2);
            } else {
                QFAIL(qPrintable(QStringLiteral("kill %1 at %2 ms left %3 contacts: neither the %4 before nor the %5 after")
                                     .arg(i)
                                     .arg(moments.at(i))
                                     .arg(digest.size())
                                     .arg(before.size())
                                     .arg(after.size())));
            }
        }
        qInfo("import of 6,000 cards (%lld ms uninterrupted) killed %d times: %d left it as before, %d as after; "
              "integrity_check ok every time",
              runMs, kills, asBefore, asAfter);
    }

    void windowEdit_killedAtRandomMoments_keepsEverySavedEditWhole()
    {
        const QString file = path(QStringLiteral("edits.sqlite"));
        copyDataFile(m_base, file);
        const qint64 contactId = 1;

        // How long a start and a few dozen edits take here.
        QProcess probe;
        probe.start(QStringLiteral(RAPPORT_KILLTARGET_EDIT_PATH), {file, QString::number(contactId)});
        QVERIFY(probe.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        QByteArray probeOutput;
        while (probeOutput.count("saved") < 40 && probe.state() == QProcess::Running) {
            probe.waitForReadyRead(1000);
            probeOutput += probe.readAllStandardOutput();
        }
        const qint64 runMs = timer.elapsed();
        probe.kill();
        probe.waitForFinished();
        QVERIFY2(probeOutput.count("saved") >= 40, probe.readAllStandardError().constData());

        // The edit a run left in the file (0 for none yet).
        auto storedEdit = [&file](QStringList *fields) {
            const QStringList digest = FileCheck::contactsDigest(file);
            *fields = digest.filter(QStringLiteral("Person 5700|")).value(0).split(u'|');
            return fields->size() == 5 && !fields->at(2).isEmpty() ? fields->at(2).mid(5).toInt() : 0;
        };
        QStringList probeFields;
        // A run killed before its first report may hold what the probe left.
        int lastSaved = storedEdit(&probeFields);
        int inFlight = 0;
        const QList<int> moments = killMoments(runMs);
        for (int i = 0; i < moments.size(); ++i) {
            QProcess editor;
            editor.start(QStringLiteral(RAPPORT_KILLTARGET_EDIT_PATH), {file, QString::number(contactId)});
            QVERIFY(editor.waitForStarted());
            QThread::msleep(moments.at(i));
            editor.kill();
            QVERIFY(editor.waitForFinished());
            const QList<QByteArray> lines = editor.readAllStandardOutput().trimmed().split('\n');
            const int saved = lines.constLast().startsWith("saved ") ? lines.constLast().mid(6).toInt() : 0;

            const QString integrity = FileCheck::integrity(file);
            QVERIFY2(integrity == u"ok", qPrintable(QStringLiteral("kill %1 at %2 ms: %3").arg(i).arg(moments.at(i)).arg(integrity)));
            // The contact's title and notes change together; each edit the
            // window said it saved is there (or the one after it, saved but
            // killed before it could say so).
            const QStringList digest = FileCheck::contactsDigest(file);
            QCOMPARE(digest.size(), 300);
            const QString person = digest.filter(QStringLiteral("Person 5700|")).value(0);
            const QStringList fields = person.split(u'|');
            QCOMPARE(fields.size(), 5);
            QCOMPARE(fields.at(2), fields.at(3));
            const int stored = fields.at(2).isEmpty() ? 0 : fields.at(2).mid(5).toInt();
            // Each run counts from 1 again: one killed before its first report
            // holds what the last run left, or its own first edit.
            const bool whole = saved > 0 ? (stored == saved || stored == saved + 1) : (stored == lastSaved || stored == 1);
            QVERIFY2(whole, qPrintable(QStringLiteral("kill %1: the window said edit %2 was saved, the file holds “%3”")
                                           .arg(i)
                                           .arg(saved)
                                           .arg(fields.at(2))));
            if (saved > 0 && stored == saved + 1)
                ++inFlight;
            lastSaved = stored;
        }
        qInfo("the window saving edits (%lld ms from its start to 40 saved) killed %d times: integrity_check ok every time, every saved "
              "edit whole; %d kills fell between a commit and the window's report of it",
              runMs, kills, inFlight);
    }
};

QTEST_GUILESS_MAIN(TestKillTest)
#include "tst_killtest.moc"
