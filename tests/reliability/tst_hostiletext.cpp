#include "contacts/contactlistmodel.h"
#include "graph/graphpage.h"
#include "mainwindow.h"
#include "notifications/reminderbanner.h"
#include "plainmessage.h"
#include "report/reportpdf.h"
#include "report/reports.h"
#include "store/contactstore.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "testdatafile.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Rapport;
using namespace Rapport::Core;
using namespace Rapport::Test;

namespace {

const QString markup = QStringLiteral("<b>Bold</b><img src=\"file:///etc/passwd\"> & <a href=\"https://evil.example\">co</a>");
const QString rightToLeft = QStringLiteral("Invoice \u202Efdp.exe\u202C Ltd");
const QString withNul = QStringLiteral("Ada") + QChar(u'\0') + QStringLiteral("Lovelace");

/// A megabyte of text: words, so that wrapping and eliding have work to do.
QString megabyte(const QString &word)
{
    QString text;
    text.reserve(1 << 20);
    while (text.size() < (1 << 20))
        text += word + QLatin1Char(' ');
    text.chop(1); // names are stored trimmed
    return text;
}

/// Every text a label shows must be plain: a label that would read markup
/// must not hold any of the hostile texts.
void verifyLabelsArePlain(QWidget *root, const QString &where)
{
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        const QString text = label->text();
        if (!text.contains(u"<b>Bold</b>") && !text.contains(u"<img"))
            continue;
        const bool plain = label->textFormat() == Qt::PlainText
                           || (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(text));
        QVERIFY2(plain, qPrintable(QStringLiteral("%1: label %2 reads markup").arg(where, label->objectName())));
    }
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        QVERIFY2(!widget->toolTip().contains(u"<img src=\"file"),
                 qPrintable(QStringLiteral("%1: tooltip of %2 would render an image").arg(where, widget->objectName())));
    }
}

/// Paints the whole window, as the screen would: hangs show up here.
void paint(QWidget &window, const QString &where)
{
    QElapsedTimer timer;
    timer.start();
    const QPixmap picture = window.grab();
    QVERIFY(!picture.isNull());
    qInfo("%s painted in %lld ms", qPrintable(where), timer.elapsed());
    // A generous bound: hostile text must not take the window down for minutes.
    QVERIFY2(timer.elapsed() < 30000, qPrintable(where));
}

QString pdfText(const QString &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

/// Names, notes and organizations holding HTML, file:// images, right-to-left
/// overrides, a megabyte of text and NUL bytes go through every view: the
/// list, the contact page, the timeline and activity, the graph, Insights,
/// the reminder banner and the printed summaries. They show literally, and
/// nothing hangs.
class TestHostileText : public QObject
{
    Q_OBJECT

private:
    TestDataFile m_data;
    QList<qint64> m_ids;
    QString m_hugeName;
    QString m_hugeNote;

private slots:
    void initTestCase()
    {
        m_hugeName = megabyte(QStringLiteral("Bartholomew"));
        m_hugeNote = megabyte(QStringLiteral("<i>note</i>"));
        Database &db = m_data.open();
        ContactStore contacts(db);
        const QList<std::pair<QString, QString>> people = {
            {markup, markup}, {rightToLeft, rightToLeft}, {withNul, withNul}, {m_hugeName, QStringLiteral("Huge Org ") + m_hugeName}};
        for (const auto &[name, organization] : people) {
            Contact contact;
            contact.displayName = name;
            contact.organization = organization;
            contact.title = markup;
            contact.notes = name == m_hugeName ? m_hugeNote : markup + QLatin1Char('\n') + rightToLeft + withNul;
            contact.tags = {markup.left(40), QStringLiteral("rtl\u202Etag")};
            if (name == m_hugeName)
                contact.manualStage = Stage::Client; // in every list of clients
            auto id = contacts.add(contact);
            QVERIFY2(id.ok(), qPrintable(id.error()));
            m_ids << *id;
        }
        InteractionStore interactions(db);
        for (int i = 0; i < m_ids.size(); ++i) {
            Interaction interaction;
            interaction.kind = i % 2 ? InteractionKind::Call : InteractionKind::Meeting;
            interaction.occurredAt = m_data.clock().now().addDays(-i - 1);
            interaction.summary = i == 3 ? m_hugeName : markup;
            interaction.body = i == 3 ? m_hugeNote : rightToLeft + withNul;
            interaction.participants = {m_ids.at(i)};
            QVERIFY(interactions.log(interaction).ok());
        }
        IntroductionStore introductions(db);
        for (int i = 0; i + 1 < m_ids.size(); ++i) {
            Introduction introduction;
            introduction.fromContact = m_ids.at(i);
            introduction.toContact = m_ids.at(i + 1);
            introduction.date = m_data.clock().now().date().addDays(-10 + i);
            introduction.note = i == 2 ? m_hugeNote : markup;
            QVERIFY(introductions.add(introduction).ok());
        }
        Reminder reminder;
        reminder.contactId = m_ids.at(0);
        reminder.dueAt = m_data.clock().now().addDays(-1);
        reminder.note = markup;
        QVERIFY(ReminderStore(db).add(reminder).ok());
        m_data.close();
    }

    void everyView_showsHostileTextLiterallyAndDoesNotHang()
    {
        Ui::MainWindow window(openOwnedDatabase(m_data));
        window.resize(1400, 900);
        window.show();

        // The list: every text exactly as stored.
        QAbstractItemModel *model = window.contactModel();
        QTRY_COMPARE(model->rowCount(), m_ids.size());
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, Ui::ContactListModel::NameColumn).data().toString();
        for (const QString &name : {markup, rightToLeft, withNul})
            QVERIFY2(names.contains(name), qPrintable(name));
        // A megabyte of name shows its beginning, cut with "…", not the whole.
        const QString shortened = Ui::shownText(m_hugeName, Ui::ShownLength::Line);
        QVERIFY(shortened.size() < 1000 && shortened.endsWith(QChar(0x2026)));
        QVERIFY(names.contains(shortened));
        paint(window, QStringLiteral("the contacts list"));

        // Each contact's page: name, organization, notes, timeline, introductions.
        for (qint64 id : std::as_const(m_ids)) {
            window.showContact(id);
            verifyLabelsArePlain(&window, QStringLiteral("contact page %1").arg(id));
            paint(window, QStringLiteral("the page of contact %1").arg(id));
        }
        window.showContact(m_ids.at(0));
        bool shownLiterally = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            shownLiterally = shownLiterally || label->text() == markup;
        QVERIFY2(shownLiterally, "the markup name is on the page as typed");

        // Today (with its follow-up), Activity, the graph and Insights.
        const QStringList views = {QStringLiteral("todayAction"), QStringLiteral("showActivityAction"),
                                   QStringLiteral("graphAction"), QStringLiteral("insightsAction"),
                                   QStringLiteral("showContactsAction")};
        for (const QString &view : views) {
            auto *action = window.findChild<QAction *>(view);
            QVERIFY2(action, qPrintable(view));
            auto *graph = window.findChild<Ui::GraphPage *>();
            QVERIFY(graph);
            QSignalSpy laidOut(graph, &Ui::GraphPage::layoutFinished);
            action->trigger();
            if (view == u"graphAction")
                QTRY_VERIFY_WITH_TIMEOUT(laidOut.count() > 0, 60000);
            QApplication::processEvents();
            verifyLabelsArePlain(&window, view);
            paint(window, view);
        }

        // The banner that stands in for desktop notifications.
        Ui::ReminderBanner banner;
        banner.showMessage(1, markup, m_hugeNote, true);
        banner.resize(800, 120);
        QVERIFY(banner.text().startsWith(markup + QLatin1Char('\n') + m_hugeNote.left(1000)));
        verifyLabelsArePlain(&banner, QStringLiteral("the reminder banner"));
        paint(banner, QStringLiteral("the reminder banner"));
    }

    void printedSummaries_printHostileTextLiterally()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; .ci/setup installs it.");
        auto database = openOwnedDatabase(m_data);
        QElapsedTimer timer;
        timer.start();
        auto contact = Ui::Reports::contactSummary(*database, m_ids.at(0));
        QVERIFY2(contact.ok(), qPrintable(contact.error()));
        const QString contactPdf = m_data.filePath(QStringLiteral("contact.pdf"));
        QVERIFY(Ui::ReportPdf::write(*contact, contactPdf, QStringLiteral("Contact")).ok());
        const QString contactText = pdfText(contactPdf);
        QVERIFY2(contactText.contains(u"<b>Bold</b><img src=\"file:///etc/passwd\">"), qPrintable(contactText.left(2000)));

        auto network = Ui::Reports::networkSummary(*database);
        QVERIFY2(network.ok(), qPrintable(network.error()));
        const QString networkPdf = m_data.filePath(QStringLiteral("network.pdf"));
        auto pages = Ui::ReportPdf::write(*network, networkPdf, QStringLiteral("Network"));
        QVERIFY(pages.ok());
        const QString networkText = pdfText(networkPdf);
        QVERIFY2(networkText.contains(u"<b>Bold</b>"), qPrintable(networkText.left(2000)));
        qInfo("both summaries printed in %lld ms (the network summary on %d pages)", timer.elapsed(), *pages);
        QVERIFY(timer.elapsed() < 120000);
    }
};

QTEST_MAIN(TestHostileText)
#include "tst_hostiletext.moc"
