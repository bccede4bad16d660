#include "todayview.h"

#include "addfollowupdialog.h"
#include "contacts/loginteractiondialog.h"
#include "followupsettingsdialog.h"
#include "plainmessage.h"
#include "reminders/snooze.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/reminderstore.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

QLabel *plain(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(shownText(text, ShownLength::Paragraphs), parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString days(int count)
{
    return count == 1 ? TodayView::tr("1 day") : TodayView::tr("%1 days").arg(count);
}

void dim(QWidget *widget)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    widget->setPalette(palette);
}

} // namespace

TodayView::TodayView(Database &database, QWidget *parent, Load load)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("todayView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto *header = new QWidget(this);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(24, 18, 24, 8);
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Today"), header);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    m_summary = plain(QString(), header);
    m_summary->setObjectName(QStringLiteral("todaySummary"));
    dim(m_summary);
    titles->addWidget(title);
    titles->addWidget(m_summary);
    headerLayout->addLayout(titles, 1);
    auto *add = new QPushButton(tr("Add Follow-up…"), header);
    add->setObjectName(QStringLiteral("todayAddFollowUp"));
    connect(add, &QPushButton::clicked, this, &TodayView::addFollowUp);
    auto *cadences = new QPushButton(tr("Cadences…"), header);
    cadences->setObjectName(QStringLiteral("todayCadences"));
    cadences->setToolTip(tr("How long until someone at each stage is going cold"));
    connect(cadences, &QPushButton::clicked, this, [this] {
        FollowUpSettingsDialog dialog(m_database, this);
        if (dialog.exec() == QDialog::Accepted)
            emit changed();
    });
    headerLayout->addWidget(cadences, 0, Qt::AlignTop);
    headerLayout->addWidget(add, 0, Qt::AlignTop);
    outer->addWidget(header);

    m_problem = plain(QString(), this);
    m_problem->setObjectName(QStringLiteral("todayProblem"));
    m_problem->setContentsMargins(24, 0, 24, 0);
    m_problem->hide();
    outer->addWidget(m_problem);

    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    m_sections = new QVBoxLayout(m_content);
    m_sections->setContentsMargins(24, 4, 24, 24);
    m_sections->setSpacing(6);
    scroll->setWidget(m_content);
    outer->addWidget(scroll, 1);
    if (load == Load::Now)
        reload();
    else
        m_stale = true;
}

void TodayView::reloadWhenShown()
{
    if (isVisible())
        reload();
    else
        m_stale = true;
}

void TodayView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void TodayView::reload()
{
    m_stale = false;
    while (QLayoutItem *item = m_sections->takeAt(0)) {
        // Reloading often starts from a click on a button in these rows: let
        // the click finish before the rows go.
        if (QWidget *widget = item->widget()) {
            widget->setParent(nullptr);
            widget->deleteLater();
        }
        delete item;
    }
    auto agenda = Agenda::build(m_database, m_limits);
    if (!agenda) {
        report(agenda.status());
        m_agenda = {};
    } else {
        m_agenda = *agenda;
    }
    const QLocale locale;
    const QDate today = m_database.clock().now().toTimeZone(m_database.clock().timeZone()).date();
    QStringList counts;
    const Agenda::Counts &total = m_agenda.counts;
    if (total.overdue > 0)
        counts << tr("%1 overdue").arg(locale.toString(total.overdue));
    if (total.today > 0)
        counts << tr("%1 due today").arg(locale.toString(total.today));
    if (total.thisWeek > 0)
        counts << tr("%1 this week").arg(locale.toString(total.thisWeek));
    if (total.goingCold > 0)
        counts << tr("%1 going cold").arg(locale.toString(total.goingCold));
    m_summary->setText(locale.toString(today, tr("dddd, d MMMM")) + (counts.isEmpty() ? QString() : QStringLiteral("  ·  "))
                       + counts.join(QStringLiteral("  ·  ")));

    if (m_agenda.isEmpty()) {
        auto *empty = plain(tr("Nothing to follow up on this week. Add a follow-up from a contact's page, or set a "
                               "keep-in-touch cadence so nobody goes cold."),
                            m_content);
        empty->setObjectName(QStringLiteral("todayEmpty"));
        empty->setWordWrap(true);
        dim(empty);
        m_sections->addWidget(empty);
    }
    addSection(tr("Overdue"), QString(), m_agenda.overdue, total.overdue, &m_limits.overdue, "todayOverdue");
    addSection(tr("Due today"), QString(), m_agenda.today, total.today, &m_limits.today, "todayDueToday");
    addSection(tr("Coming this week"), QString(), m_agenda.thisWeek, total.thisWeek, &m_limits.thisWeek,
               "todayThisWeek");
    addSection(tr("Going cold"), tr("past their keep-in-touch cadence; logging any contact re-arms it"),
               m_agenda.goingCold, total.goingCold, &m_limits.goingCold, "todayGoingCold");
    m_sections->addStretch(1);
}

void TodayView::addSection(const QString &title, const QString &explanation, const QList<AgendaItem> &items,
                           qint64 count, int *limit, const char *objectName)
{
    if (count == 0)
        return;
    const QLocale locale;
    auto *section = new QWidget(m_content);
    section->setObjectName(QString::fromLatin1(objectName));
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 14, 0, 0);
    layout->setSpacing(4);
    auto *headingRow = new QHBoxLayout;
    auto *heading = plain(tr("%1 (%2)").arg(title, locale.toString(count)), section);
    QFont font = heading->font();
    font.setBold(true);
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    heading->setFont(font);
    headingRow->addWidget(heading);
    if (!explanation.isEmpty()) {
        auto *note = plain(explanation, section);
        dim(note);
        headingRow->addWidget(note);
    }
    headingRow->addStretch();
    layout->addLayout(headingRow);
    auto *line = new QFrame(section);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    for (const AgendaItem &item : items)
        layout->addWidget(row(item));
    if (count > items.size()) {
        // A long list is read a part at a time; the rest is a click away.
        const qint64 rest = count - items.size();
        auto *more = new QPushButton(tr("Show %1 More (%2 Not Shown)")
                                         .arg(locale.toString(std::min<qint64>(rest, moreShown)), locale.toString(rest)),
                                     section);
        more->setObjectName(QString::fromLatin1(objectName) + QStringLiteral("More"));
        more->setFlat(true);
        more->setCursor(Qt::PointingHandCursor);
        more->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 2px 0px; }"));
        connect(more, &QPushButton::clicked, this, [this, limit, shown = int(items.size())] {
            *limit = shown + moreShown;
            const int scrolled = m_scroll->verticalScrollBar()->value();
            reload();
            // Where the user was, once the longer list is laid out.
            QTimer::singleShot(0, this, [this, scrolled] { m_scroll->verticalScrollBar()->setValue(scrolled); });
        });
        layout->addWidget(more, 0, Qt::AlignLeft);
    }
    m_sections->addWidget(section);
}

QString TodayView::dueText(const AgendaItem &item) const
{
    const QDateTime now = m_database.clock().now();
    const QTimeZone zone = m_database.clock().timeZone();
    const QDateTime due = item.reminder.effectiveDueAt().toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QLocale locale;
    const qint64 late = due.date().daysTo(today);
    if (item.reminder.cadence && due <= now) {
        const int every = item.reminder.recurrence.every;
        const QDate last = due.date().addDays(-every);
        return tr("no contact for %1").arg(days(int(last.daysTo(today))));
    }
    if (late > 1)
        return tr("%1 overdue").arg(days(int(late)));
    if (late == 1)
        return tr("since yesterday");
    if (late == 0)
        return due <= now ? tr("due at %1").arg(locale.toString(due.time(), QLocale::ShortFormat))
                          : tr("at %1").arg(locale.toString(due.time(), QLocale::ShortFormat));
    return locale.toString(due, tr("ddd d MMM, HH:mm"));
}

QWidget *TodayView::row(const AgendaItem &item)
{
    const Reminder &reminder = item.reminder;
    auto *row = new QFrame(m_content);
    row->setObjectName(QStringLiteral("todayRow%1").arg(reminder.id));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(8);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(0);
    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(8);
    // '&' in a name is a character, not a shortcut mark.
    auto *name = new QPushButton(literalMnemonicText(item.contactName), row);
    name->setObjectName(QStringLiteral("todayOpen"));
    name->setFlat(true);
    name->setCursor(Qt::PointingHandCursor);
    name->setToolTip(plainToolTip(tr("Open %1's page").arg(shownText(item.contactName, ShownLength::Button))));
    name->setStyleSheet(QStringLiteral("QPushButton { font-weight: bold; text-align: left; padding: 0px; border: none; }"));
    connect(name, &QPushButton::clicked, this, [this, id = reminder.contactId] { emit openContactRequested(id); });
    nameRow->addWidget(name);
    auto *due = plain(dueText(item), row);
    due->setObjectName(QStringLiteral("todayDue"));
    if (reminder.isOverdue(m_database.clock().now())) {
        QPalette palette = due->palette();
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x3a, 0x2e));
        due->setPalette(palette);
    } else {
        dim(due);
    }
    nameRow->addWidget(due);
    nameRow->addStretch();
    texts->addLayout(nameRow);
    QString noteText = reminder.note;
    if (reminder.cadence)
        noteText = tr("Keep in touch every %1").arg(days(reminder.recurrence.every));
    else if (reminder.recurrence.isRecurring())
        noteText = tr("%1 (repeats)").arg(reminder.note);
    auto *note = plain(noteText, row);
    note->setObjectName(QStringLiteral("todayNote"));
    note->setWordWrap(true);
    texts->addWidget(note);
    layout->addLayout(texts, 1);

    auto *log = new QPushButton(tr("Log…"), row);
    log->setObjectName(QStringLiteral("todayLog"));
    log->setToolTip(reminder.cadence ? tr("Record a contact; the cadence starts again from it")
                                     : tr("Record what you did; this follow-up is then done"));
    connect(log, &QPushButton::clicked, this, [this, item] { openLog(item); });

    auto *snoozeButton = new QToolButton(row);
    snoozeButton->setObjectName(QStringLiteral("todaySnooze"));
    snoozeButton->setText(tr("Snooze"));
    snoozeButton->setPopupMode(QToolButton::InstantPopup);
    snoozeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(snoozeButton);
    for (SnoozePreset preset : Snooze::presets()) {
        menu->addAction(Snooze::displayName(preset), this, [this, preset, id = reminder.id] {
            report(snooze(id, Snooze::until(preset, m_database.clock().now(), m_database.clock().timeZone())));
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Choose a Time…"), this, [this, id = reminder.id] { chooseSnoozeTime(id); });
    snoozeButton->setMenu(menu);

    auto *done = new QPushButton(tr("Done"), row);
    done->setObjectName(QStringLiteral("todayDone"));
    done->setToolTip(reminder.cadence ? tr("Skip this time; reminds again a full cadence from now")
                                      : tr("Mark this follow-up done"));
    connect(done, &QPushButton::clicked, this, [this, id = reminder.id] { report(complete(id)); });
    // One width for the three, so that the columns line up row after row.
    const int width = std::max({log->sizeHint().width(), snoozeButton->sizeHint().width(), done->sizeHint().width(),
                                fontMetrics().horizontalAdvance(QStringLiteral("Snooze")) * 2});
    for (QWidget *button : {static_cast<QWidget *>(log), static_cast<QWidget *>(snoozeButton), static_cast<QWidget *>(done)}) {
        button->setFixedWidth(width);
        layout->addWidget(button, 0, Qt::AlignVCenter);
    }
    return row;
}

Status TodayView::snooze(qint64 reminderId, const QDateTime &until)
{
    if (until <= m_database.clock().now())
        return Status::failure(tr("Choose a time after now to snooze until."));
    Status snoozed = ReminderStore(m_database).snooze(reminderId, until);
    if (snoozed)
        emit changed();
    return snoozed;
}

Status TodayView::complete(qint64 reminderId)
{
    Status completed = ReminderStore(m_database).complete(reminderId);
    if (completed)
        emit changed();
    return completed;
}

Status TodayView::logFor(qint64 reminderId, const Interaction &interaction)
{
    auto reminder = ReminderStore(m_database).get(reminderId);
    if (!reminder)
        return reminder.status();
    Interaction withContact = interaction;
    withContact.participants = {reminder->contactId};
    auto logged = InteractionStore(m_database).log(withContact);
    if (!logged)
        return logged.status();
    if (!reminder->cadence) {
        if (Status completed = ReminderStore(m_database).complete(reminderId); !completed)
            return completed;
    }
    emit changed();
    return Status::success();
}

void TodayView::openLog(const AgendaItem &item)
{
    LogInteractionDialog dialog(item.contactName, m_database.clock().now(), this);
    // A failed save brings the dialog back with what was typed.
    while (dialog.exec() == QDialog::Accepted) {
        const Status logged = logFor(item.reminder.id, dialog.interaction());
        report(logged);
        if (logged)
            return;
        showPlainWarning(this, tr("Log Interaction"), logged.error());
    }
}

void TodayView::chooseSnoozeTime(qint64 reminderId)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Snooze Until"));
    auto *layout = new QVBoxLayout(&dialog);
    const QDateTime suggested = Snooze::until(SnoozePreset::TomorrowMorning, m_database.clock().now(),
                                              m_database.clock().timeZone());
    auto *edit = new QDateTimeEdit(suggested.toLocalTime(), &dialog);
    edit->setObjectName(QStringLiteral("snoozeUntil"));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted)
        report(snooze(reminderId, edit->dateTime().toUTC()));
}

void TodayView::addFollowUp()
{
    if (AddFollowUpDialog::addFor(m_database, 0, this))
        emit changed();
}

void TodayView::report(const Status &status)
{
    m_problem->setVisible(!status.ok());
    m_problem->setText(status.error());
}

} // namespace Rapport::Ui
