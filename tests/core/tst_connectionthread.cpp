// The thread that works beside the window's connection: it sees what was
// committed, runs jobs in order on a thread of its own, and says why when the
// file cannot be opened (without creating it).

#include "store/contactstore.h"
#include "store/connectionthread.h"
#include "testdatafile.h"

#include <QFile>
#include <QTest>
#include <QThread>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;

class TestConnectionThread : public QObject
{
    Q_OBJECT

private slots:
    void run_jobs_seeWhatWasCommittedAndRunInOrderOnAnotherThread()
    {
        TestDataFile data;
        Database &db = data.open();
        Contact ana;
        ana.displayName = QStringLiteral("Ana Lima");
        QVERIFY(ContactStore(db).add(ana).ok());

        ConnectionThread reader(data.path(), data.clock());
        QThread *const caller = QThread::currentThread();
        QList<int> order;
        auto first = reader.run<qint64>([&order, caller](Database &own) -> Result<qint64> {
            if (QThread::currentThread() == caller)
                return Result<qint64>::failure(QStringLiteral("ran on the caller's thread"));
            order << 1;
            auto count = own.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
            if (!count)
                return count.status();
            return count->toLongLong();
        });
        auto second = reader.run<QString>([&order](Database &own) -> Result<QString> {
            order << 2;
            auto name = own.scalar(QStringLiteral("SELECT display_name FROM contacts"));
            if (!name)
                return name.status();
            return name->toString();
        });
        const Result<qint64> counted = first.get();
        QVERIFY2(counted.ok(), qPrintable(counted.error()));
        QCOMPARE(*counted, 1);
        QCOMPARE(second.get().value(), QStringLiteral("Ana Lima"));
        QCOMPARE(order, (QList<int>{1, 2}));

        // A later job sees what the caller committed since.
        Contact bo;
        bo.displayName = QStringLiteral("Bo Berg");
        QVERIFY(ContactStore(db).add(bo).ok());
        auto again = reader.run<qint64>([](Database &own) -> Result<qint64> {
            return own.scalar(QStringLiteral("SELECT count(*) FROM contacts")).value().toLongLong();
        });
        QCOMPARE(again.get().value(), 2);
    }

    void run_fileThatIsNotThere_failsNamingItAndCreatesNothing()
    {
        TestDataFile data;
        const QString missing = data.filePath(QStringLiteral("gone.sqlite"));
        ConnectionThread reader(missing, data.clock());
        auto job = reader.run<int>([](Database &) -> Result<int> { return 1; });
        const Result<int> result = job.get();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QStringLiteral("gone.sqlite")), qPrintable(result.error()));
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestConnectionThread)
#include "tst_connectionthread.moc"
