#include "contacts/contactlistmodel.h"
#include "mainwindow.h"
#include "settings.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "testdatafile.h"
#include "timeline/timelineentry.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Ui::MainWindow;

class TestWindowFeatures : public QObject
{
    Q_OBJECT

private slots:
    void tagFilter_showsOnlyContactsWithThatTag()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        auto *tags = window.findChild<QComboBox *>(QStringLiteral("tagFilter"));
        QVERIFY(tags);
        QVERIFY(tags->count() > 1);
        QCOMPARE(tags->itemData(0).toString(), QString());
        const QString tag = tags->itemData(1).toString();
        ContactListQuery query;
        query.tag = tag;
        const qint64 expected = ContactStore(window.database()).rowCount(query).value();
        QVERIFY(expected > 0 && expected < 16);
        tags->setCurrentIndex(1);
        QCOMPARE(window.contactModel()->totalCount(), expected);
        for (int row = 0; row < window.contactModel()->rowCount(); ++row) {
            const QString shown = window.contactModel()->index(row, Rapport::Ui::ContactListModel::TagsColumn).data().toString();
            QVERIFY2(shown.contains(tag, Qt::CaseInsensitive), qPrintable(shown));
        }
        tags->setCurrentIndex(0);
        QCOMPARE(window.contactModel()->totalCount(), 16);
    }

    void saveAs_writesACopy_andContinuesInIt()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        const QString copy = data.filePath(QStringLiteral("copy.sqlite"));
        const Status saved = window.saveDataFileAs(copy);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QCOMPARE(window.database().path(), copy);
        QCOMPARE(window.contactModel()->totalCount(), 16);
        QCOMPARE(QFile::permissions(copy) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        QVERIFY(Rapport::Ui::Settings::recentDataFiles().contains(QFileInfo(copy).absoluteFilePath()));
        QVERIFY(Rapport::Ui::Settings::recentDataFiles().contains(QFileInfo(data.path()).absoluteFilePath()));
        // Changes go to the copy only.
        Contact ann;
        ann.displayName = QStringLiteral("Ann Park");
        QVERIFY(window.createContact(ann).ok());
        auto original = Database::open(data.path(), data.clock());
        QVERIFY(original.ok());
        QCOMPARE(ContactStore(**original).count().value(), 16);
        // An existing file is never overwritten.
        const QByteArray before = Rapport::Test::fileBytes(data.path());
        QVERIFY(!window.saveDataFileAs(data.path()).ok());
        QCOMPARE(window.database().path(), copy);
        QCOMPARE(Rapport::Test::fileBytes(data.path()), before);
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
        QVERIFY(recent && recent->actions().size() >= 2);
    }

    void splitterAndGeometry_areRememberedAcrossWindows()
    {
        TestDataFile data;
        QList<int> sizes;
        {
            MainWindow window(Rapport::Test::openOwnedDatabase(data));
            QVERIFY(window.exploreSampleNetwork().ok());
            window.show();
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("contactsSplitter"));
            splitter->setSizes({500, 700});
            sizes = splitter->sizes();
            window.close();
        }
        MainWindow again(Rapport::Test::openOwnedDatabase(data));
        again.show();
        auto *splitter = again.findChild<QSplitter *>(QStringLiteral("contactsSplitter"));
        QCOMPARE(splitter->sizes(), sizes);
    }

    void contactTimeline_showsNewestFirstInPages_andBodiesUnfoldOnClick()
    {
        TestDataFile data;
        auto db = Rapport::Test::openOwnedDatabase(data);
        const qint64 dana = Rapport::Test::addContact(*db, QStringLiteral("Dana Whitfield"));
        for (int i = 0; i < 120; ++i) {
            Interaction interaction;
            interaction.kind = i % 3 ? InteractionKind::Email : InteractionKind::Call;
            interaction.occurredAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC).addSecs(3600 * 7 * i);
            interaction.summary = QStringLiteral("Interaction %1").arg(i);
            if (i == 119)
                interaction.body = QStringLiteral("Agreed on the <b>sales pages</b>.");
            interaction.participants = {dana};
            QVERIFY(InteractionStore(*db).log(interaction).ok());
        }
        MainWindow window(std::move(db));
        window.show();
        window.showContact(dana);
        auto entries = [&window] { return window.findChildren<Rapport::Ui::TimelineEntry *>(); };
        QCOMPARE(entries().size(), 50);
        auto *summary = entries().first()->findChild<QLabel *>(QStringLiteral("timelineSummary"));
        QCOMPARE(summary->text(), QStringLiteral("Interaction 119"));
        QVERIFY(!window.findChildren<QLabel *>(QStringLiteral("timelineDay")).isEmpty());

        Rapport::Ui::TimelineEntry *withBody = entries().first();
        auto *body = withBody->findChild<QLabel *>(QStringLiteral("timelineBody"));
        QVERIFY(body);
        QCOMPARE(body->textFormat(), Qt::PlainText);
        QVERIFY(!body->isVisible());
        QTest::mouseClick(withBody, Qt::LeftButton);
        QVERIFY(body->isVisible());
        QCOMPARE(body->text(), QStringLiteral("Agreed on the <b>sales pages</b>."));
        QTest::mouseClick(withBody, Qt::LeftButton);
        QVERIFY(!body->isVisible());

        auto *older = window.findChild<QPushButton *>(QStringLiteral("olderInteractionsButton"));
        QVERIFY(older->isVisible());
        older->click();
        older->click();
        QCOMPARE(entries().size(), 120);
        QVERIFY(!older->isVisible());
        QCOMPARE(entries().last()->findChild<QLabel *>(QStringLiteral("timelineSummary"))->text(),
                 QStringLiteral("Interaction 0"));
    }

    void activityView_opensFromTheViewMenu_andLeadsToThePerson()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        auto *stack = window.findChild<QStackedWidget *>();
        window.findChild<QAction *>(QStringLiteral("showActivityAction"))->trigger();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("activityPage"));
        auto *table = window.findChild<QTableView *>(QStringLiteral("activityTable"));
        QVERIFY(table->model()->rowCount() > 10);
        const QModelIndex first = table->model()->index(0, 0);
        const qint64 person = first.data(Qt::UserRole + 2).toLongLong();
        QVERIFY(person > 0);
        emit table->activated(first);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("contactsSplitter"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("contactName"))->text(),
                 ContactStore(window.database()).get(person)->name());
    }
};

QTEST_MAIN(TestWindowFeatures)
#include "tst_windowfeatures.moc"
