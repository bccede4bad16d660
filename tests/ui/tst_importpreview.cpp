// The window's import: a drop (files, or vCard data from a mail client or a
// browser) or File → Import opens the preview; the user's choices decide what
// is written; the whole import is one step on the undo stack.

#include "contacts/contactlistmodel.h"
#include "import/importplanmodel.h"
#include "import/importpreviewdialog.h"
#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "testdatafile.h"
#include "vcard/vcardimporter.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

using namespace Rapport::Core;
using Rapport::Test::TestDataFile;
using Rapport::Ui::ImportPlanModel;
using Rapport::Ui::ImportPreviewDialog;
using Rapport::Ui::MainWindow;

namespace {

const QByteArray twoPeople = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\nEMAIL:dana@copythatconverts.example\r\n"
                             "NOTE:Runs the copy workshop.\r\nEND:VCARD\r\n"
                             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<b>Marcus</b> Bell\r\nTEL:+1 808 555 0142\r\n"
                             "TITLE:Business coach\r\nEND:VCARD\r\n";

std::unique_ptr<Database> openDatabase(TestDataFile &data)
{
    auto opened = Database::open(data.path(), data.clock());
    if (!opened)
        qFatal("%s", qPrintable(opened.error()));
    return std::move(opened).value();
}

QString writeFile(const TestDataFile &data, const QString &name, const QByteArray &content)
{
    const QString path = data.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/// As a file manager, a mail client or a browser would: the drag enters (and
/// must be accepted), then drops.
void dragAndDrop(MainWindow &window, const QMimeData &mime)
{
    QDragEnterEvent enter(QPoint(60, 60), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(60, 60), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
}

ImportPreviewDialog *waitForPreview(MainWindow &window)
{
    ImportPreviewDialog *preview = nullptr;
    if (!QTest::qWaitFor([&] { return (preview = window.findChild<ImportPreviewDialog *>()) && preview->isVisible(); }))
        return nullptr;
    return preview;
}

/// The preview's row for the card named `name`, in the table the user sees.
int rowNamed(ImportPreviewDialog *preview, const QString &name)
{
    auto *table = preview->findChild<QTableView *>(QStringLiteral("importPreviewTable"));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, ImportPlanModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString choiceOf(ImportPreviewDialog *preview, const QString &name)
{
    auto *table = preview->findChild<QTableView *>(QStringLiteral("importPreviewTable"));
    const QModelIndex index = table->model()->index(rowNamed(preview, name), ImportPlanModel::ChoiceColumn);
    return ImportPlanModel::actionText(static_cast<ImportAction>(index.data(ImportPlanModel::ChoiceRole).toInt()));
}

void clickButton(QWidget *parent, const char *name)
{
    auto *button = parent->findChild<QPushButton *>(QString::fromLatin1(name));
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

QStringList names(Database &database)
{
    QStringList out;
    for (const Contact &c : ContactStore(database).all().value())
        out << c.name();
    return out;
}

} // namespace

class TestImportPreview : public QObject
{
    Q_OBJECT

private slots:
    void dropFileUrls_opensThePreview_andImportsWhatItShows()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        window.show();
        const QString path = writeFile(data, QStringLiteral("friends.vcf"),
                                       twoPeople + "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n");
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        dragAndDrop(window, mime);

        ImportPreviewDialog *preview = waitForPreview(window);
        QVERIFY(preview);
        QCOMPARE(window.contactModel()->totalCount(), 0); // nothing written before Import
        QCOMPARE(choiceOf(preview, QStringLiteral("Dana Whitfield")), QStringLiteral("New"));
        QCOMPARE(choiceOf(preview, QStringLiteral("<b>Marcus</b> Bell")), QStringLiteral("New"));
        // The unreadable card is listed as skipped, its problem by file and line.
        auto *table = preview->findChild<QTableView *>(QStringLiteral("importPreviewTable"));
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(2, ImportPlanModel::SourceColumn).data().toString(), QStringLiteral("friends.vcf:13"));
        QCOMPARE(table->model()->index(2, ImportPlanModel::ChoiceColumn).data(ImportPlanModel::ChoiceRole).toInt(),
                 int(ImportAction::Skip));
        QVERIFY(!table->model()->index(2, ImportPlanModel::ProblemsColumn).data().toString().isEmpty());

        clickButton(preview, "importButton");
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(window.contactModel()->totalCount(), 2);
        QCOMPARE(window.undoStack()->count(), 1);
    }

    void dropVCardData_textVCardAndPlainText_bothReachThePreviewAndImport_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("a mail client drops text/vcard") << QStringLiteral("text/vcard");
        QTest::newRow("an old mail client drops text/x-vcard") << QStringLiteral("text/x-vcard");
        QTest::newRow("a browser drops plain text holding BEGIN:VCARD") << QStringLiteral("text/plain");
    }

    void dropVCardData_textVCardAndPlainText_bothReachThePreviewAndImport()
    {
        QFETCH(QString, format);
        TestDataFile data;
        MainWindow window(openDatabase(data));
        window.show();
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QMimeData mime;
        if (format == u"text/plain")
            mime.setText(QStringLiteral("Here is my card:\n\n") + QString::fromUtf8(twoPeople));
        else
            mime.setData(format, twoPeople);
        dragAndDrop(window, mime);

        ImportPreviewDialog *preview = waitForPreview(window);
        QVERIFY(preview);
        QCOMPARE(preview->model()->rowCount(), 2);
        clickButton(preview, "importButton");
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(names(window.database()), (QStringList{QStringLiteral("<b>Marcus</b> Bell"), QStringLiteral("Dana Whitfield")}));
    }

    void mergeChangedToNew_andSkip_writeWhatTheUserChose()
    {
        TestDataFile data;
        auto db = openDatabase(data);
        Contact marcus;
        marcus.displayName = QStringLiteral("Marcus Bell");
        marcus.phones = {ContactField{QStringLiteral("(808) 555-0142"), {}, false}};
        const qint64 marcusId = ContactStore(*db).add(marcus).value();
        Contact dana;
        dana.displayName = QStringLiteral("Dana Whitfield");
        dana.emails = {ContactField{QStringLiteral("dana@copythatconverts.example"), {}, false}};
        const qint64 danaId = ContactStore(*db).add(dana).value();
        MainWindow window(std::move(db));
        window.show();
        const QString path = writeFile(data, QStringLiteral("office.vcf"), twoPeople);
        QSignalSpy finished(&window, &MainWindow::importFinished);
        window.importFiles({path});

        ImportPreviewDialog *preview = waitForPreview(window);
        QVERIFY(preview);
        QCOMPARE(choiceOf(preview, QStringLiteral("Dana Whitfield")), QStringLiteral("Merge"));
        QCOMPARE(choiceOf(preview, QStringLiteral("<b>Marcus</b> Bell")), QStringLiteral("Merge"));
        auto *table = preview->findChild<QTableView *>(QStringLiteral("importPreviewTable"));
        const int marcusRow = rowNamed(preview, QStringLiteral("<b>Marcus</b> Bell"));
        QCOMPARE(table->model()->index(marcusRow, ImportPlanModel::MatchColumn).data().toString(),
                 QStringLiteral("Marcus Bell (same phone)"));

        // The card that shares Marcus's phone is someone else: import it as new.
        table->selectRow(marcusRow);
        clickButton(preview, "chooseNewButton");
        QCOMPARE(choiceOf(preview, QStringLiteral("<b>Marcus</b> Bell")), QStringLiteral("New"));
        // Dana's card is left out.
        table->selectRow(rowNamed(preview, QStringLiteral("Dana Whitfield")));
        clickButton(preview, "chooseSkipButton");
        QCOMPARE(choiceOf(preview, QStringLiteral("Dana Whitfield")), QStringLiteral("Skip"));

        clickButton(preview, "importButton");
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(names(window.database()),
                 (QStringList{QStringLiteral("<b>Marcus</b> Bell"), QStringLiteral("Dana Whitfield"),
                              QStringLiteral("Marcus Bell")}));
        QVERIFY(ContactStore(window.database()).get(danaId).value().notes.isEmpty());
        QCOMPARE(ContactStore(window.database()).get(marcusId).value().phones.size(), 1);
    }

    void notAVCardFile_isRefusedWithItsName_andNothingChanges()
    {
        TestDataFile data;
        auto db = openDatabase(data);
        Rapport::Test::addContact(*db, QStringLiteral("Already Here"));
        MainWindow window(std::move(db));
        window.show();
        const QString path = writeFile(data, QStringLiteral("shopping list.txt"), "eggs\nmilk\n<html>\n");
        const QByteArray before = Rapport::Test::fileBytes(data.path());
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        dragAndDrop(window, mime);

        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        auto *refusal = window.findChild<QMessageBox *>(QStringLiteral("importRefusedMessage"));
        QVERIFY(refusal);
        QVERIFY2(refusal->text().contains(QStringLiteral("shopping list.txt")), qPrintable(refusal->text()));
        QCOMPARE(refusal->textFormat(), Qt::PlainText);
        QVERIFY(!window.findChild<ImportPreviewDialog *>());
        QCOMPARE(names(window.database()), QStringList{QStringLiteral("Already Here")});
        QVERIFY(VCardImporter(window.database()).batches().value().isEmpty());
        QCOMPARE(Rapport::Test::fileBytes(data.path()), before);
        QCOMPARE(window.undoStack()->count(), 0);
    }

    void vCardAndOtherFileDroppedTogether_previewNamesTheRefusedOne()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        window.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(writeFile(data, QStringLiteral("friends.vcf"), twoPeople)),
                      QUrl::fromLocalFile(writeFile(data, QStringLiteral("photo.jpg"), "\xff\xd8\xff\xe0 JFIF"))});
        dragAndDrop(window, mime);
        ImportPreviewDialog *preview = waitForPreview(window);
        QVERIFY(preview);
        QCOMPARE(preview->model()->rowCount(), 2);
        auto *refused = preview->findChild<QLabel *>(QStringLiteral("importPreviewRefused"));
        QVERIFY(refused);
        QVERIFY2(refused->text().contains(QStringLiteral("photo.jpg")), qPrintable(refused->text()));
        QCOMPARE(refused->textFormat(), Qt::PlainText);
        preview->reject();
    }

    void undoThroughTheStack_removesWhatItCreatedAndRestoresWhatItMerged_redoBringsItBack()
    {
        TestDataFile data;
        auto db = openDatabase(data);
        Contact dana;
        dana.displayName = QStringLiteral("Dana Whitfield");
        dana.emails = {ContactField{QStringLiteral("dana@copythatconverts.example"), {}, false}};
        dana.notes = QStringLiteral("Met at the webinar.");
        const qint64 danaId = ContactStore(*db).add(dana).value();
        const qint64 other = Rapport::Test::addContact(*db, QStringLiteral("Theo Lindqvist"));
        MainWindow window(std::move(db));
        window.show();
        const Contact danaBefore = ContactStore(window.database()).get(danaId).value();
        QSignalSpy finished(&window, &MainWindow::importFinished);
        window.importFiles({writeFile(data, QStringLiteral("friends.vcf"), twoPeople)});
        ImportPreviewDialog *preview = waitForPreview(window);
        QVERIFY(preview);
        clickButton(preview, "importButton");
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(names(window.database()),
                 (QStringList{QStringLiteral("<b>Marcus</b> Bell"), QStringLiteral("Dana Whitfield"),
                              QStringLiteral("Theo Lindqvist")}));
        const Contact danaMerged = ContactStore(window.database()).get(danaId).value();
        QCOMPARE(danaMerged.notes, QStringLiteral("Met at the webinar.\n\nRuns the copy workshop."));

        QAction *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
        QAction *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(names(window.database()), (QStringList{QStringLiteral("Dana Whitfield"), QStringLiteral("Theo Lindqvist")}));
        const Contact danaRestored = ContactStore(window.database()).get(danaId).value();
        QCOMPARE(danaRestored.notes, danaBefore.notes);
        QCOMPARE(danaRestored.emails.size(), danaBefore.emails.size());
        QVERIFY(ContactStore(window.database()).exists(other).value());
        QCOMPARE(window.contactModel()->totalCount(), 2); // the list follows at once

        QVERIFY(redo->isEnabled());
        redo->trigger();
        QCOMPARE(names(window.database()),
                 (QStringList{QStringLiteral("<b>Marcus</b> Bell"), QStringLiteral("Dana Whitfield"),
                              QStringLiteral("Theo Lindqvist")}));
        QCOMPARE(ContactStore(window.database()).get(danaId).value().notes, danaMerged.notes);
        QCOMPARE(window.contactModel()->totalCount(), 3);
        // And it can be undone again.
        undo->trigger();
        QCOMPARE(window.contactModel()->totalCount(), 2);
    }

    void cancelInThePreview_writesNothing()
    {
        TestDataFile data;
        MainWindow window(openDatabase(data));
        window.show();
        QSignalSpy finished(&window, &MainWindow::importFinished);
        window.importFiles({writeFile(data, QStringLiteral("friends.vcf"), twoPeople)});
        ImportPreviewDialog *preview = waitForPreview(window);
        QVERIFY(preview);
        preview->reject();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(names(window.database()).isEmpty());
        QCOMPARE(window.undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestImportPreview)
#include "tst_importpreview.moc"
