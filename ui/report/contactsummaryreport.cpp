#include "contactsummaryreport.h"

#include "stagecolors.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

QString joined(const QStringList &parts, const QString &separator)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            kept << part.trimmed();
    }
    return kept.join(separator);
}

QString fieldList(const QList<ContactField> &fields)
{
    QStringList parts;
    for (const ContactField &field : fields)
        parts << (field.label.isEmpty() ? field.value : QStringLiteral("%1 (%2)").arg(field.value, field.label));
    return parts.join(QStringLiteral(", "));
}

QString edgeText(const Introduction &edge)
{
    const QString kind = introductionKindDisplayName(edge.kind);
    if (!edge.date.isValid())
        return kind;
    return ContactSummaryReport::tr("%1, %2").arg(kind, QLocale().toString(edge.date, QLocale::ShortFormat));
}

} // namespace

void ContactSummaryReport::paintLadder(QPainter &painter, const QRectF &rect, const QList<LadderRung> &ladder)
{
    if (ladder.isEmpty())
        return;
    painter.save();
    const qreal unit = painter.device()->logicalDpiY() / 72.0;
    const int n = int(ladder.size());
    const qreal step = rect.width() / n;
    const qreal radius = 7 * unit;
    const qreal cy = rect.top() + 14 * unit + radius;
    QFont label(QStringLiteral("DejaVu Sans"));
    label.setPointSizeF(8.5);
    label.setWeight(QFont::DemiBold);
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(7.5);
    const QColor idle(0xc9, 0xcf, 0xd8);
    const QColor muted(0x6b, 0x72, 0x80);
    const QLocale locale;

    for (int i = 0; i < n; ++i) {
        const LadderRung &rung = ladder[i];
        const qreal cx = rect.left() + step * (i + 0.5);
        const bool reached = rung.reachedAt.isValid();
        if (i + 1 < n) {
            const LadderRung &next = ladder[i + 1];
            const qreal nx = rect.left() + step * (i + 1.5);
            painter.setPen(QPen(next.reachedAt.isValid() ? stageColor(next.stage) : idle, 2 * unit));
            painter.drawLine(QPointF(cx + radius, cy), QPointF(nx - radius, cy));
            if (reached && next.reachedAt.isValid()) {
                const qint64 days = rung.reachedAt.toLocalTime().date().daysTo(next.reachedAt.toLocalTime().date());
                painter.setFont(small);
                painter.setPen(muted);
                painter.drawText(QRectF(cx, cy - radius - 12 * unit, nx - cx, 10 * unit), Qt::AlignCenter,
                                 days == 1 ? tr("1 day") : tr("%1 days").arg(days));
            }
        }
        painter.setPen(QPen(reached ? stageColor(rung.stage) : idle, 2 * unit));
        painter.setBrush(reached ? QBrush(stageColor(rung.stage)) : QBrush(Qt::white));
        painter.drawEllipse(QPointF(cx, cy), radius, radius);

        painter.setFont(label);
        painter.setPen(reached ? QColor(0x22, 0x26, 0x2e) : muted);
        const QRectF labelRect(cx - step / 2, cy + radius + 3 * unit, step, 12 * unit);
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignTop, stageDisplayName(rung.stage));
        painter.setFont(small);
        painter.setPen(muted);
        const bool passed = std::any_of(ladder.cbegin() + i + 1, ladder.cend(),
                                        [](const LadderRung &later) { return later.reachedAt.isValid(); });
        QString when = reached  ? locale.toString(rung.reachedAt.toLocalTime().date(), QLocale::ShortFormat)
                       : passed ? tr("skipped")
                                : tr("not reached");
        if (reached && rung.manual)
            when = tr("%1 (by hand)").arg(when);
        painter.drawText(labelRect.translated(0, 12 * unit), Qt::AlignHCenter | Qt::AlignTop, when);
    }
    painter.restore();
}

ReportDocument ContactSummaryReport::build(const ContactSummary &summary, const QDateTime &printedAt)
{
    const Contact &contact = summary.contact;
    const QLocale locale;
    const QString name = contact.name();
    ReportDocument document(tr("Relationship summary: %1").arg(name));

    QString period;
    if (summary.from.isValid() || summary.to.isValid()) {
        period = tr("Timeline from %1 to %2")
                     .arg(summary.from.isValid() ? locale.toString(summary.from, QLocale::LongFormat) : tr("the start"),
                          summary.to.isValid() ? locale.toString(summary.to, QLocale::LongFormat) : tr("today"));
    }
    document.addTitle(name, joined({contact.title, contact.organization}, QStringLiteral(" · ")),
                      joined({tr("Relationship summary, printed %1")
                                  .arg(ReportDocument::dateTime(printedAt)),
                              period},
                             QStringLiteral(" · ")));

    QList<std::pair<QString, QString>> facts;
    facts.append({tr("Stage"), contact.manualStage ? tr("%1 (set by hand)").arg(stageDisplayName(contact.stage))
                                                   : stageDisplayName(contact.stage)});
    QStringList met;
    if (!contact.metChannel.isEmpty())
        met << contact.metChannel;
    if (contact.metOn.isValid())
        met << locale.toString(contact.metOn, QLocale::LongFormat);
    if (!met.isEmpty())
        facts.append({tr("How we met"), met.join(QStringLiteral(", "))});
    if (!contact.emails.isEmpty())
        facts.append({tr("Email"), fieldList(contact.emails)});
    if (!contact.phones.isEmpty())
        facts.append({tr("Phone"), fieldList(contact.phones)});
    if (!contact.urls.isEmpty())
        facts.append({tr("Web"), fieldList(contact.urls)});
    for (const SocialProfile &profile : contact.socialProfiles)
        facts.append({profile.service.isEmpty() ? tr("Profile") : profile.service.at(0).toUpper() + profile.service.mid(1),
                      profile.handle});
    for (const PostalAddress &address : contact.addresses) {
        facts.append({address.label.isEmpty() ? tr("Address") : tr("Address (%1)").arg(address.label),
                      joined({address.street, address.locality, address.region, address.postalCode, address.country},
                             QStringLiteral(", "))});
    }
    if (!contact.tags.isEmpty())
        facts.append({tr("Tags"), contact.tags.join(QStringLiteral(", "))});
    if (contact.keepInTouchDays > 0)
        facts.append({tr("Keep in touch"), contact.keepInTouchDays == 1 ? tr("every day") : tr("every %1 days").arg(contact.keepInTouchDays)});
    if (contact.lastInteractionAt.isValid())
        facts.append({tr("Last interaction"),
                      locale.toString(contact.lastInteractionAt.toLocalTime().date(), QLocale::LongFormat)});
    document.addFacts(facts);

    document.addHeading(tr("The ladder"));
    const QList<LadderRung> ladder = summary.ladder;
    document.addPicture(62, [ladder](QPainter &painter, const QRectF &rect) { paintLadder(painter, rect, ladder); });

    document.addHeading(tr("How we got here"));
    if (summary.chains.isEmpty()) {
        document.addParagraph(tr("Nobody introduced %1: this relationship started here.").arg(name),
                              ReportDocument::TextStyle::Muted);
    }
    for (int c = 0; c < summary.chains.size(); ++c) {
        const QList<ChainLink> &chain = summary.chains[c];
        QStringList names;
        for (const ChainLink &link : chain)
            names << link.name;
        names << name;
        document.addParagraph(summary.chains.size() > 1
                                  ? tr("Chain %1: %2").arg(c + 1).arg(names.join(QStringLiteral(" → ")))
                                  : names.join(QStringLiteral(" → ")),
                              ReportDocument::TextStyle::Emphasis);
        QList<ReportDocument::Row> rows;
        for (int i = 0; i < chain.size(); ++i) {
            const ChainLink &link = chain[i];
            const QString next = i + 1 < chain.size() ? chain[i + 1].name : name;
            rows.append({{link.name, {}, {}, true},
                         {stageDisplayName(link.stage), {}, stageColor(link.stage), false},
                         {link.onward ? edgeText(*link.onward) : QString(), link.onward ? link.onward->note : QString(),
                          {}, false},
                         {next, {}, {}, false}});
        }
        document.addTable({{tr("Who"), 2.2}, {tr("Stage"), 1.1}, {tr("How they led on"), 3}, {tr("To"), 2.2}}, rows);
    }

    document.addHeading(tr("Whom %1 led to").arg(name));
    if (summary.ledTo.isEmpty()) {
        document.addParagraph(tr("No introductions from %1 yet.").arg(name), ReportDocument::TextStyle::Muted);
    } else {
        QList<ReportDocument::Row> rows;
        for (const ChainLink &link : summary.ledTo) {
            rows.append({{link.name, {}, {}, true},
                         {link.onward ? edgeText(*link.onward) : QString(), link.onward ? link.onward->note : QString(),
                          {}, false},
                         {stageDisplayName(link.stage), {}, stageColor(link.stage), false}});
        }
        document.addTable({{tr("Person"), 2.5}, {tr("How"), 4}, {tr("Stage now"), 1.3}}, rows);
    }

    document.addHeading(tr("Open follow-ups"));
    if (summary.openFollowUps.isEmpty()) {
        document.addParagraph(tr("Nothing open."), ReportDocument::TextStyle::Muted);
    } else {
        QList<ReportDocument::Row> rows;
        for (const Reminder &reminder : summary.openFollowUps) {
            const bool overdue = reminder.isOverdue(printedAt);
            rows.append({{ReportDocument::dateTime(reminder.effectiveDueAt()), {},
                          overdue ? stageColor(Stage::Client) : QColor(), overdue},
                         {reminder.note, {}, {}, false},
                         {overdue ? tr("Overdue")
                                  : reminder.state == ReminderState::Snoozed ? tr("Snoozed") : tr("Open"),
                          {}, {}, false}});
        }
        document.addTable({{tr("Due"), 1.6}, {tr("Follow-up"), 5}, {tr("State"), 1}}, rows);
    }

    document.addHeading(tr("Timeline"));
    if (summary.interactions.isEmpty()) {
        document.addParagraph(tr("No interactions recorded in this period."), ReportDocument::TextStyle::Muted);
    } else {
        document.addParagraph(summary.interactions.size() == 1
                                  ? tr("1 interaction.")
                                  : tr("%1 interactions, newest first.").arg(summary.interactions.size()),
                              ReportDocument::TextStyle::Muted);
        QList<ReportDocument::Row> rows;
        rows.reserve(summary.interactions.size());
        for (const Interaction &interaction : summary.interactions) {
            const Stage reaches = stageReachedBy(interaction.kind);
            rows.append({{ReportDocument::dateTime(interaction.occurredAt), {}, {}, false},
                         {interactionKindDisplayName(interaction.kind), {},
                          reaches == Stage::None ? QColor() : stageColor(reaches), false},
                         {interaction.direction == Direction::Inbound ? tr("They") : tr("I"), {}, {}, false},
                         {interaction.summary, interaction.body, {}, false}});
        }
        document.addTable({{tr("When"), 1.9}, {tr("What"), 1.2}, {tr("Who reached out"), 1.3}, {tr("Summary"), 5}}, rows);
    }

    if (!contact.notes.trimmed().isEmpty()) {
        document.addHeading(tr("Notes"));
        document.addParagraph(contact.notes);
    }
    return document;
}

} // namespace Rapport::Ui
