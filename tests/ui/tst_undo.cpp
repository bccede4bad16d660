#include "contacts/contactlistmodel.h"
#include "datafiledump.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "testdatafile.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Test::dumpDataFile;
using Rapport::Ui::MainWindow;

namespace {

qint64 idOf(Database &db, const QString &name)
{
    for (const Contact &c : ContactStore(db).all().value()) {
        if (c.name() == name)
            return c.id;
    }
    return 0;
}

QAction *action(MainWindow &window, const char *name)
{
    auto *found = window.findChild<QAction *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no action %s", name);
    return found;
}

QString shownName(MainWindow &window)
{
    auto *label = window.findChild<QLabel *>(QStringLiteral("contactName"));
    return label ? label->text() : QString();
}

QString dump(MainWindow &window, bool detailIds)
{
    // A tag name an edit added stays known (the list offers only tags in use). (An edit
    // rewrites a contact's emails, phones and addresses too, but those rows have no ids.)
    return detailIds ? dumpDataFile(window.database()) : dumpDataFile(window.database(), {QStringLiteral("tags")});
}

/// Undo gives back `before` exactly, redo `after` exactly, twice over.
void verifyUndoRedo(MainWindow &window, const QString &before, const QString &after, bool detailIds = true)
{
    QAction *undo = action(window, "undoAction");
    QAction *redo = action(window, "redoAction");
    for (int round = 0; round < 2; ++round) {
        QVERIFY(undo->isEnabled());
        undo->trigger();
        RAPPORT_COMPARE_DUMPS(dump(window, detailIds), before);
        QVERIFY(redo->isEnabled());
        redo->trigger();
        RAPPORT_COMPARE_DUMPS(dump(window, detailIds), after);
    }
}

} // namespace

class TestUndo : public QObject
{
    Q_OBJECT

private slots:
    void addContact_undoRemovesIt_redoBringsTheSameContactBack()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        const QString before = dumpDataFile(window.database());
        Contact ann;
        ann.displayName = QStringLiteral("Ann Park");
        ann.emails = {ContactField{QStringLiteral("ann@park.example"), {}, true}};
        ann.tags = {QStringLiteral("podcast")};
        auto id = window.createContact(ann);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QCOMPARE(shownName(window), QStringLiteral("Ann Park"));
        QCOMPARE(action(window, "undoAction")->text(), QStringLiteral("&Undo Add Ann Park"));
        const QString after = dumpDataFile(window.database());
        verifyUndoRedo(window, before, after);
        QCOMPARE(window.contactModel()->totalCount(), 17);
        action(window, "undoAction")->trigger();
        QCOMPARE(window.contactModel()->totalCount(), 16);
        QCOMPARE(action(window, "redoAction")->text(), QStringLiteral("&Redo Add Ann Park"));
    }

    void editContact_throughTheDialog_undoPutsTheOldDetailsBack()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        const qint64 theo = idOf(window.database(), QStringLiteral("Theo Lindqvist"));
        window.showContact(theo);
        const QString before = dump(window, false);
        QTimer::singleShot(0, &window, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("editContactDialog"));
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameField"));
            QCOMPARE(name->text(), QStringLiteral("Theo Lindqvist"));
            name->setText(QStringLiteral("Theo L. Lindqvist"));
            auto *tags = dialog->findChild<QLineEdit *>(QStringLiteral("tagsField"));
            tags->setText(tags->text() + QStringLiteral(", speaker"));
            auto *phones = dialog->findChild<QPlainTextEdit *>(QStringLiteral("phoneField"));
            phones->setPlainText(QStringLiteral("mobile: +1 503 555 0199"));
            QMetaObject::invokeMethod(dialog, "accept");
        });
        action(window, "editContactAction")->trigger();
        QTRY_COMPARE(shownName(window), QStringLiteral("Theo L. Lindqvist"));
        auto edited = ContactStore(window.database()).get(theo);
        QVERIFY(edited->tags.contains(QStringLiteral("speaker")));
        QCOMPARE(edited->phones.value(0).value, QStringLiteral("+1 503 555 0199"));
        QCOMPARE(edited->phones.value(0).label, QStringLiteral("mobile"));
        QVERIFY(!edited->emails.isEmpty()); // untouched fields survive the form
        QCOMPARE(action(window, "undoAction")->text(), QStringLiteral("&Undo Edit Theo Lindqvist"));
        const QString after = dump(window, false);
        verifyUndoRedo(window, before, after, false);
        action(window, "undoAction")->trigger();
        QCOMPARE(shownName(window), QStringLiteral("Theo Lindqvist"));
    }

    void deleteContact_afterConfirming_undoRestoresInteractionsAndIntroductions()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        Database &db = window.database();
        const qint64 theo = idOf(db, QStringLiteral("Theo Lindqvist"));
        const qsizetype interactions = InteractionStore(db).forContact(theo)->size();
        const qsizetype introductions = IntroductionStore(db).into(theo)->size() + IntroductionStore(db).from(theo)->size();
        QVERIFY(interactions > 0);
        QVERIFY(introductions > 0);
        window.showContact(theo);
        const QString before = dumpDataFile(db);

        QString question;
        QTimer::singleShot(0, &window, [&question] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            QCOMPARE(box->textFormat(), Qt::PlainText);
            box->findChild<QPushButton *>(QStringLiteral("acceptButton"))->click();
        });
        action(window, "deleteContactAction")->trigger();
        QVERIFY2(question.contains(QStringLiteral("Theo Lindqvist")), qPrintable(question));
        QVERIFY(!ContactStore(db).exists(theo).value());
        QCOMPARE(window.contactModel()->totalCount(), 15);
        QVERIFY(IntroductionStore(db).into(theo)->isEmpty());
        QCOMPARE(action(window, "undoAction")->text(), QStringLiteral("&Undo Delete Theo Lindqvist"));
        const QString after = dumpDataFile(db);

        verifyUndoRedo(window, before, after);
        action(window, "undoAction")->trigger();
        QCOMPARE(InteractionStore(db).forContact(theo)->size(), interactions);
        QCOMPARE(IntroductionStore(db).into(theo)->size() + IntroductionStore(db).from(theo)->size(), introductions);
        QCOMPARE(shownName(window), QStringLiteral("Theo Lindqvist"));
    }

    void deleteContact_cancelled_changesNothing()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        const QString before = dumpDataFile(window.database());
        QTimer::singleShot(0, &window, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Cancel)->click();
        });
        action(window, "deleteContactAction")->trigger();
        RAPPORT_COMPARE_DUMPS(dumpDataFile(window.database()), before);
        QCOMPARE(window.undoStack()->count(), 0);
    }

    void logInteraction_undoPutsTheStageBack_redoMovesItAgain()
    {
        TestDataFile data;
        auto db = Rapport::Test::openOwnedDatabase(data);
        const qint64 sam = Rapport::Test::addContact(*db, QStringLiteral("Sam Okafor"));
        MainWindow window(std::move(db));
        window.show();
        window.showContact(sam);
        const QString before = dumpDataFile(window.database());
        Interaction call;
        call.kind = InteractionKind::Call;
        call.summary = QStringLiteral("Talked packages");
        QVERIFY(window.logInteraction(call).ok());
        auto *table = window.findChild<QTableView *>(QStringLiteral("contactTable"));
        const QModelIndex stage = table->model()->index(0, Rapport::Ui::ContactListModel::StageColumn);
        QCOMPARE(stage.data().toString(), QStringLiteral("Call"));
        QCOMPARE(action(window, "undoAction")->text(), QStringLiteral("&Undo Log Call with Sam Okafor"));
        const QString after = dumpDataFile(window.database());
        verifyUndoRedo(window, before, after);
        action(window, "undoAction")->trigger();
        QCOMPARE(table->model()->index(0, Rapport::Ui::ContactListModel::StageColumn).data().toString(),
                 QStringLiteral("—"));
    }

    void recordIntroduction_withThePicker_undoRemovesTheEdge()
    {
        TestDataFile data;
        auto db = Rapport::Test::openOwnedDatabase(data);
        const qint64 dana = Rapport::Test::addContact(*db, QStringLiteral("Dana Whitfield"));
        const qint64 marcus = Rapport::Test::addContact(*db, QStringLiteral("Marcus Bell"));
        Rapport::Test::addContact(*db, QStringLiteral("Mara Jensen"));
        MainWindow window(std::move(db));
        window.show();
        window.showContact(dana);
        const QString before = dumpDataFile(window.database());
        QString preview;
        QTimer::singleShot(0, &window, [&preview] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            auto *search = dialog->findChild<QLineEdit *>(QStringLiteral("pickerSearchField"));
            QTest::keyClicks(search, QStringLiteral("bell"));
            auto *list = dialog->findChild<QListView *>(QStringLiteral("pickerList"));
            QTRY_COMPARE(list->model()->rowCount(), 1);
            auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("introductionKindField"));
            kind->setCurrentIndex(kind->findData(static_cast<int>(IntroductionKind::Recommended)));
            preview = dialog->findChild<QLabel *>(QStringLiteral("introductionPreview"))->text();
            QTest::keyClick(search, Qt::Key_Return);
        });
        action(window, "recordIntroductionAction")->trigger();
        QCOMPARE(preview, QStringLiteral("Marcus Bell recommended Dana Whitfield"));
        auto into = IntroductionStore(window.database()).into(dana);
        QCOMPARE(into->size(), 1);
        QCOMPARE(into->first().fromContact, marcus);
        QCOMPARE(into->first().kind, IntroductionKind::Recommended);
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("contactLink-%1").arg(marcus)));
        const QString after = dumpDataFile(window.database());
        verifyUndoRedo(window, before, after);
    }

    void failingAction_isRefused_andNotKeptOnTheStack()
    {
        TestDataFile data;
        auto db = Rapport::Test::openOwnedDatabase(data);
        const qint64 dana = Rapport::Test::addContact(*db, QStringLiteral("Dana Whitfield"));
        MainWindow window(std::move(db));
        const Status self = window.recordIntroduction(Introduction{0, dana, dana, IntroductionKind::Introduced, {}, {}});
        QVERIFY(!self.ok());
        QVERIFY(!self.error().isEmpty());
        QCOMPARE(window.undoStack()->count(), 0);
        QVERIFY(!action(window, "undoAction")->isEnabled());
    }

    void hostileName_isLiteralInTheUndoMenuListAndPage()
    {
        TestDataFile data;
        MainWindow window(Rapport::Test::openOwnedDatabase(data));
        window.show();
        const QString hostile = QStringLiteral("<b>x</b><img src=file:///etc/passwd> & co");
        Contact contact;
        contact.displayName = hostile;
        auto id = window.createContact(contact);
        QVERIFY(id.ok());
        QCOMPARE(shownName(window), hostile);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("contactName"))->textFormat(), Qt::PlainText);
        QCOMPARE(window.contactModel()->index(0, 0).data().toString(), hostile);
        QAction *undo = action(window, "undoAction");
        // '&' doubled: the menu shows it instead of underlining the next letter.
        QCOMPARE(undo->text(), QStringLiteral("&Undo Add <b>x</b><img src=file:///etc/passwd> && co"));
        QVERIFY(undo->toolTip().contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;&lt;img")));
        QVERIFY(!undo->toolTip().contains(QStringLiteral("<img")));
        Interaction note;
        note.kind = InteractionKind::Note;
        note.summary = hostile;
        QVERIFY(window.logInteraction(note).ok());
        QVERIFY(undo->text().contains(QStringLiteral("with <b>x</b><img src=file:///etc/passwd> && co")));
        bool summaryShown = false;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->text().contains(u"<img")) {
                QCOMPARE(label->textFormat(), Qt::PlainText);
                summaryShown = summaryShown || label->objectName() == u"timelineSummary";
            }
        }
        QVERIFY(summaryShown);
    }
};

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
