#include "contacts/contactlistmodel.h"
#include "contacts/contactpage.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/introductionstore.h"
#include "testdatafile.h"
#include "welcomepage.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QTimer>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QUrl>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Ui::MainWindow;

namespace {

std::unique_ptr<Database> openDatabase(TestDataFile &data)
{
    auto opened = Database::open(data.path(), data.clock());
    if (!opened)
        qFatal("%s", qPrintable(opened.error()));
    return std::move(opened).value();
}

QLabel *nameLabel(MainWindow &window)
{
    return window.findChild<QLabel *>(QStringLiteral("contactName"));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void emptyFile_offersTheSampleNetwork_whichFillsTheList()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        window.show();
        auto *stack = window.findChild<QStackedWidget *>();
        QVERIFY(stack);
        auto *welcome = window.findChild<Rapport::Ui::WelcomePage *>();
        QCOMPARE(stack->currentWidget(), welcome);

        auto *explore = window.findChild<QPushButton *>(QStringLiteral("exploreSampleButton"));
        QVERIFY(explore);
        QTest::mouseClick(explore, Qt::LeftButton);
        QTRY_VERIFY(stack->currentWidget() != welcome);
        auto *table = window.findChild<QTableView *>(QStringLiteral("contactTable"));
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), 16);
        QTRY_VERIFY(nameLabel(window));
        // The first row (by name) is selected and shown.
        QCOMPARE(nameLabel(window)->text(), table->model()->index(0, 0).data().toString());
    }

    void search_filtersAsYouType()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        QTest::keyClicks(search, QStringLiteral("lindqvist"));
        QTRY_COMPARE(window.contactModel()->rowCount(), 1);
        QTRY_COMPARE(nameLabel(window)->text(), QStringLiteral("Theo Lindqvist"));
        search->clear();
        QTRY_COMPARE(window.contactModel()->rowCount(), 16);
    }

    void introducerLink_navigatesToThatContact()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        window.show();
        qint64 theo = 0;
        qint64 marcus = 0;
        for (const Contact &c : ContactStore(window.database()).all().value()) {
            if (c.name() == u"Theo Lindqvist")
                theo = c.id;
            if (c.name() == u"Marcus Bell")
                marcus = c.id;
        }
        window.showContact(theo);
        QCOMPARE(nameLabel(window)->text(), QStringLiteral("Theo Lindqvist"));
        auto *link = window.findChild<QToolButton *>(QStringLiteral("contactLink-%1").arg(marcus));
        QVERIFY(link);
        QTest::mouseClick(link, Qt::LeftButton);
        QTRY_COMPARE(nameLabel(window)->text(), QStringLiteral("Marcus Bell"));
        auto *table = window.findChild<QTableView *>(QStringLiteral("contactTable"));
        QCOMPARE(window.contactModel()->contactId(table->currentIndex().row()), marcus);
    }

    void hostileText_isShownLiterally()
    {
        TestDataFile data;
        auto db = openDatabase(data);
        Contact hostile;
        hostile.displayName = QStringLiteral("<b>x</b> & <img src=\"file:///etc/hostname\">");
        hostile.organization = QStringLiteral("<i>Evil</i> Corp");
        hostile.notes = QStringLiteral("<script>alert(1)</script>");
        const qint64 id = ContactStore(*db).add(hostile).value();
        const qint64 other = Rapport::Test::addContact(*db, QStringLiteral("Ann & Bob"));
        QVERIFY(IntroductionStore(*db).add(Introduction{0, other, id, IntroductionKind::Introduced, {}, {}}).ok());
        MainWindow window(std::move(db));
        window.show();
        window.showContact(id);
        QCOMPARE(nameLabel(window)->text(), hostile.displayName);
        QCOMPARE(nameLabel(window)->textFormat(), Qt::PlainText);
        bool foundNotes = false;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->text().contains(u"<"))
                QCOMPARE(label->textFormat(), Qt::PlainText);
            foundNotes = foundNotes || label->text() == hostile.notes;
        }
        QVERIFY(foundNotes);
        auto *link = window.findChild<QToolButton *>(QStringLiteral("contactLink-%1").arg(other));
        QVERIFY(link);
        QCOMPARE(link->text(), QStringLiteral("Ann && Bob")); // shown as "Ann & Bob", no mnemonic
    }

    void dropVCardFile_importsInTheBackground_andCanBeUndone()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        window.show();
        const QString path = data.filePath(QStringLiteral("friends.vcf"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\nEMAIL:dana@copythatconverts.example\r\n"
                       "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:<b>Marcus</b> Bell\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n");
        }
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        // As a file manager would: the drag enters (and is accepted), then drops.
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        // The preview comes first (tests/ui/tst_importpreview.cpp checks it); Import.
        QPushButton *import = nullptr;
        QTRY_VERIFY((import = window.findChild<QPushButton *>(QStringLiteral("importButton"))));
        QTest::mouseClick(import, Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(window.contactModel()->totalCount(), 2);

        // The summary names the skipped card by file and line, as plain text.
        QDialog *summary = nullptr;
        QTRY_VERIFY((summary = window.findChild<QDialog *>(QStringLiteral("importSummaryDialog"))));
        auto *problems = summary->findChild<QPlainTextEdit *>(QStringLiteral("importProblems"));
        QVERIFY(problems);
        QVERIFY2(problems->toPlainText().contains(QStringLiteral("friends.vcf:10")), qPrintable(problems->toPlainText()));
        auto *undo = summary->findChild<QPushButton *>(QStringLiteral("undoImportButton"));
        QVERIFY(undo);
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_COMPARE(window.contactModel()->totalCount(), 0);
    }

    void logInteraction_throughTheDialog_movesTheStageAtOnce()
    {
        TestDataFile data;
        auto db = openDatabase(data);
        const qint64 id = Rapport::Test::addContact(*db, QStringLiteral("Sam Okafor"));
        MainWindow window(std::move(db));
        window.show();
        window.showContact(id);
        auto *table = window.findChild<QTableView *>(QStringLiteral("contactTable"));
        QCOMPARE(table->model()->index(0, Rapport::Ui::ContactListModel::StageColumn).data().toString(),
                 QStringLiteral("—"));

        // Keyboard only: Ctrl+L, pick "Call" by typing, a summary, Enter.
        QTimer::singleShot(0, &window, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindField"));
            kind->setCurrentIndex(kind->findText(QStringLiteral("Call")));
            auto *summary = dialog->findChild<QLineEdit *>(QStringLiteral("summaryField"));
            QTest::keyClicks(summary, QStringLiteral("First call: <b>packages</b>"));
            QTest::keyClick(summary, Qt::Key_Return);
        });
        window.findChild<QAction *>(QStringLiteral("logInteractionAction"))->trigger();

        QTRY_COMPARE(table->model()->index(0, Rapport::Ui::ContactListModel::StageColumn).data().toString(),
                     QStringLiteral("Call"));
        bool shown = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            shown = shown || label->text().contains(QStringLiteral("First call: <b>packages</b>"));
        QVERIFY(shown);
    }

    void openDataFile_garbage_keepsTheCurrentFile()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        QVERIFY(window.exploreSampleNetwork().ok());
        const QString garbage = data.filePath(QStringLiteral("notes.txt"));
        {
            QFile file(garbage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("hello");
        }
        auto status = window.openDataFile(garbage);
        QVERIFY(!status.ok());
        QCOMPARE(window.database().path(), data.path());
        QCOMPARE(window.contactModel()->rowCount(), 16);
        QCOMPARE(Rapport::Test::fileBytes(garbage), QByteArray("hello"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
