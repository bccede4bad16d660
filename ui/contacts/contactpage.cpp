#include "contactpage.h"

#include "avatar.h"
#include "plainmessage.h"
#include "stagecolors.h"
#include "stageladderwidget.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/interactionstore.h"
#include "store/introductionstore.h"
#include "store/reminderstore.h"
#include "store/stagetracker.h"
#include "timeline/timelineentry.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(shownText(text, ShownLength::Paragraphs));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    label->setContentsMargins(0, 12, 0, 2);
    return label;
}

QLabel *dimLabel(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

/// Button text is not markup, but '&' marks a shortcut: double it so names show literally.
QString literalButtonText(QString text)
{
    return literalMnemonicText(std::move(text));
}

QString joinNonEmpty(const QStringList &parts, const QString &separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            kept << part.trimmed();
    }
    return kept.join(separator);
}

QString socialServiceName(const QString &service)
{
    if (service == u"twitter")
        return QStringLiteral("Twitter/X");
    if (service == u"linkedin")
        return QStringLiteral("LinkedIn");
    if (service == u"facebook")
        return QStringLiteral("Facebook");
    if (service.isEmpty())
        return ContactPage::tr("Profile");
    QString name = service;
    name[0] = name[0].toUpper();
    return name;
}

} // namespace

ContactPage::ContactPage(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("contactPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll);
    clear();
}

void ContactPage::clear()
{
    m_contactId = 0;
    showMessage(tr("Select a contact to see their story."));
}

void ContactPage::showMessage(const QString &message)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    QLabel *label = dimLabel(message, content);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    // The old page may hold the link or button whose click got us here: let the click finish first.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    m_scroll->setWidget(content);
}

void ContactPage::showContact(qint64 contactId)
{
    ContactStore contacts(m_database);
    auto contact = contacts.get(contactId);
    if (!contact) {
        showMessage(contact.error());
        return;
    }
    m_contactId = contactId;
    auto history = StageTracker(m_database).history(contactId);
    auto into = IntroductionStore(m_database).into(contactId);
    auto from = IntroductionStore(m_database).from(contactId);
    auto reminders = ReminderStore(m_database).forContact(contactId);
    const QLocale locale;
    const QDateTime now = m_database.clock().now();

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("contactPageContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(4);

    // Header: picture, name, what they do, how we met.
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    auto *avatar = new QLabel(content);
    avatar->setPixmap(contactAvatar(contact->name(), contact->photo, 72, devicePixelRatioF()));
    avatar->setFixedSize(72, 72);
    header->addWidget(avatar, 0, Qt::AlignTop);
    auto *identity = new QVBoxLayout;
    identity->setSpacing(2);
    QLabel *name = plainLabel(contact->name(), content);
    name->setObjectName(QStringLiteral("contactName"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    name->setFont(nameFont);
    identity->addWidget(name);
    const QString role = joinNonEmpty({contact->title, contact->organization}, QStringLiteral(" · "));
    if (!role.isEmpty())
        identity->addWidget(plainLabel(role, content));
    QStringList met;
    if (!contact->metChannel.isEmpty())
        met << contact->metChannel;
    if (contact->metOn.isValid())
        met << locale.toString(contact->metOn, QLocale::LongFormat);
    if (!met.isEmpty())
        identity->addWidget(dimLabel(tr("How we met: %1").arg(met.join(QStringLiteral(", "))), content));
    if (!contact->tags.isEmpty())
        identity->addWidget(dimLabel(tr("Tags: %1").arg(contact->tags.join(QStringLiteral(", "))), content));
    header->addLayout(identity, 1);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(4);
    auto addAction = [&](const QString &objectName, const QString &text, const QString &tip, auto signal) {
        auto *button = new QToolButton(content);
        button->setObjectName(objectName);
        button->setText(text);
        button->setToolTip(tip);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(button, &QToolButton::clicked, this, signal);
        actions->addWidget(button);
    };
    addAction(QStringLiteral("pageLogButton"), tr("Log…"), tr("Log an interaction (Ctrl+L)"),
              &ContactPage::logRequested);
    addAction(QStringLiteral("pageIntroduceButton"), tr("Introduction…"),
              tr("Record who led you to this person, or whom they led you to (Ctrl+Shift+R)"),
              &ContactPage::introductionRequested);
    addAction(QStringLiteral("pageEditButton"), tr("Edit…"), tr("Edit the details (Ctrl+E)"),
              &ContactPage::editRequested);
    addAction(QStringLiteral("pageDeleteButton"), tr("Delete…"), tr("Delete this contact (undoable)"),
              &ContactPage::deleteRequested);
    addAction(QStringLiteral("pagePrintButton"), tr("Print…"),
              tr("Print this relationship: the ladder, the chain that led here, the timeline (Ctrl+Shift+P)"),
              &ContactPage::printSummaryRequested);
    actions->addStretch(1);
    layout->addLayout(header);
    // Under the name, not beside it, so a narrow page never squeezes the name.
    actions->setContentsMargins(88, 6, 0, 0);
    layout->addLayout(actions);

    // The ladder.
    layout->addWidget(heading(contact->manualStage ? tr("Stage: %1 (set by hand)").arg(stageDisplayName(contact->stage))
                                                   : tr("Stage: %1").arg(stageDisplayName(contact->stage)),
                              content));
    auto *ladder = new StageLadderWidget(content);
    ladder->setStage(contact->stage, contact->manualStage.has_value(), history ? *history : QList<StageChange>{});
    layout->addWidget(ladder);

    // Ways to reach them.
    auto *reach = new QFormLayout;
    reach->setLabelAlignment(Qt::AlignLeft);
    reach->setHorizontalSpacing(16);
    auto addFields = [&](const QString &title, const QList<ContactField> &fields) {
        for (const ContactField &field : fields) {
            const QString label = field.label.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, field.label);
            reach->addRow(dimLabel(label, content), plainLabel(field.value, content));
        }
    };
    addFields(tr("Email"), contact->emails);
    addFields(tr("Phone"), contact->phones);
    for (const SocialProfile &profile : contact->socialProfiles)
        reach->addRow(dimLabel(socialServiceName(profile.service), content), plainLabel(profile.handle, content));
    addFields(tr("Web"), contact->urls);
    for (const PostalAddress &address : contact->addresses) {
        const QString text = joinNonEmpty({address.street, joinNonEmpty({address.locality, address.region,
                                                                         address.postalCode},
                                                                        QStringLiteral(" ")),
                                           address.country},
                                          QStringLiteral(", "));
        reach->addRow(dimLabel(tr("Address"), content), plainLabel(text, content));
    }
    if (!contact->birthday.isEmpty())
        reach->addRow(dimLabel(tr("Birthday"), content), plainLabel(contact->birthday, content));
    if (!contact->anniversary.isEmpty())
        reach->addRow(dimLabel(tr("Anniversary"), content), plainLabel(contact->anniversary, content));
    if (!contact->nickname.isEmpty())
        reach->addRow(dimLabel(tr("Nickname"), content), plainLabel(contact->nickname, content));
    if (reach->rowCount() > 0) {
        layout->addWidget(heading(tr("Reach"), content));
        layout->addLayout(reach);
    } else {
        delete reach;
    }

    // The graph around them.
    auto addLinks = [&](const QString &title, const QList<Introduction> &edges, bool incoming) {
        if (edges.isEmpty())
            return;
        layout->addWidget(heading(title, content));
        for (const Introduction &edge : edges) {
            const qint64 other = incoming ? edge.fromContact : edge.toContact;
            auto otherContact = contacts.get(other);
            if (!otherContact)
                continue;
            auto *row = new QHBoxLayout;
            auto *link = new QToolButton(content);
            link->setObjectName(QStringLiteral("contactLink-%1").arg(other));
            link->setAutoRaise(true);
            link->setCursor(Qt::PointingHandCursor);
            link->setText(literalButtonText(otherContact->name()));
            QFont linkFont = link->font();
            linkFont.setUnderline(true);
            link->setFont(linkFont);
            connect(link, &QToolButton::clicked, this, [this, other] { emit contactActivated(other); });
            row->addWidget(link);
            QString detail = introductionKindDisplayName(edge.kind);
            if (edge.date.isValid())
                detail += QStringLiteral(", ") + locale.toString(edge.date, QLocale::ShortFormat);
            if (!edge.note.isEmpty())
                detail += QStringLiteral(" — ") + edge.note;
            row->addWidget(dimLabel(detail, content), 1);
            layout->addLayout(row);
        }
    };
    addLinks(tr("Introduced by"), into ? *into : QList<Introduction>{}, true);
    addLinks(tr("Led to"), from ? *from : QList<Introduction>{}, false);

    // What to do next.
    QList<Reminder> open;
    if (reminders) {
        for (const Reminder &reminder : std::as_const(*reminders)) {
            if (reminder.state != ReminderState::Done)
                open << reminder;
        }
    }
    {
        auto *followUpHeading = new QHBoxLayout;
        followUpHeading->addWidget(heading(tr("Follow-ups"), content));
        auto *addFollowUp = new QPushButton(tr("Add Follow-up…"), content);
        addFollowUp->setObjectName(QStringLiteral("contactAddFollowUp"));
        connect(addFollowUp, &QPushButton::clicked, this, [this] { emit addFollowUpRequested(m_contactId); });
        followUpHeading->addStretch();
        followUpHeading->addWidget(addFollowUp);
        layout->addLayout(followUpHeading);
        if (open.isEmpty())
            layout->addWidget(dimLabel(tr("None planned."), content));
        for (const Reminder &reminder : std::as_const(open)) {
            const QString due = locale.toString(reminder.effectiveDueAt().toLocalTime().date(), QLocale::ShortFormat);
            QLabel *label = plainLabel(reminder.isOverdue(now) ? tr("Overdue since %1: %2").arg(due, reminder.note)
                                                               : tr("Due %1: %2").arg(due, reminder.note),
                                       content);
            if (reminder.isOverdue(now)) {
                QPalette palette = label->palette();
                palette.setColor(QPalette::WindowText, stageColor(Stage::Client));
                label->setPalette(palette);
            }
            layout->addWidget(label);
        }
    }

    // What happened, newest first, grouped by day; older pages on request, so
    // that a long history opens as fast as a short one.
    auto total = InteractionStore(m_database).countForContact(contactId);
    layout->addWidget(heading(total && *total > 0 ? tr("Timeline (%1)").arg(*total) : tr("Timeline"), content));
    m_timeline = new QVBoxLayout;
    m_timeline->setSpacing(2);
    layout->addLayout(m_timeline);
    m_timelineShown = 0;
    m_timelineDay = QDate();
    m_olderButton = new QPushButton(content);
    m_olderButton->setObjectName(QStringLiteral("olderInteractionsButton"));
    m_olderButton->hide();
    connect(m_olderButton, &QPushButton::clicked, this, [this] { appendTimeline(timelinePageSize); });
    layout->addWidget(m_olderButton, 0, Qt::AlignLeft);
    m_timelineTotal = total ? *total : 0;
    if (m_timelineTotal == 0)
        m_timeline->addWidget(dimLabel(tr("No interactions yet."), content));
    else
        appendTimeline(timelinePageSize);

    if (!contact->notes.isEmpty()) {
        layout->addWidget(heading(tr("Notes"), content));
        layout->addWidget(plainLabel(contact->notes, content));
    }
    layout->addStretch(1);
    // The old page may hold the link or button whose click got us here: let the click finish first.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    m_scroll->setWidget(content);
}

void ContactPage::appendTimeline(int limit)
{
    auto page = InteractionStore(m_database).forContact(m_contactId, m_timelineShown, limit);
    if (!page) {
        m_timeline->addWidget(dimLabel(page.error(), m_olderButton->parentWidget()));
        m_olderButton->hide();
        return;
    }
    QWidget *content = m_olderButton->parentWidget();
    const QLocale locale;
    for (const Interaction &interaction : std::as_const(*page)) {
        const QDate day = interaction.occurredAt.toLocalTime().date();
        if (day != m_timelineDay) {
            m_timelineDay = day;
            QLabel *dayLabel = dimLabel(locale.toString(day, QLocale::LongFormat), content);
            dayLabel->setObjectName(QStringLiteral("timelineDay"));
            dayLabel->setContentsMargins(0, 8, 0, 0);
            m_timeline->addWidget(dayLabel);
        }
        m_timeline->addWidget(new TimelineEntry(interaction, content));
    }
    m_timelineShown += static_cast<int>(page->size());
    const qint64 left = m_timelineTotal - m_timelineShown;
    m_olderButton->setVisible(left > 0 && !page->isEmpty());
    m_olderButton->setText(tr("Show %1 older of %2…").arg(std::min<qint64>(left, timelinePageSize)).arg(left));
}

} // namespace Rapport::Ui
