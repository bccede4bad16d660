#include "timelineentry.h"

#include "interactionicon.h"
#include "plainmessage.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QToolButton>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

QLabel *plain(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(shownText(text, ShownLength::Paragraphs));
    label->setWordWrap(true);
    return label;
}

} // namespace

TimelineEntry::TimelineEntry(const Interaction &interaction, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("timelineEntry"));
    const QLocale locale;
    auto *icon = new QLabel(this);
    icon->setPixmap(interactionIcon(interaction.kind).pixmap(QSize(20, 20), devicePixelRatioF()));
    icon->setFixedSize(24, 24);
    icon->setAlignment(Qt::AlignCenter);
    icon->setToolTip(interactionKindDisplayName(interaction.kind));

    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    const QString when = locale.toString(interaction.occurredAt.toLocalTime().time(), format);
    const QString who = interaction.direction == Direction::Inbound ? tr("they reached out") : tr("I reached out");
    auto *kind = plain(tr("%1 · %2 · %3").arg(interactionKindDisplayName(interaction.kind), when, who), this);
    kind->setObjectName(QStringLiteral("timelineKind"));
    QPalette dim = kind->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    kind->setPalette(dim);
    QFont small = kind->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    kind->setFont(small);

    QLabel *summary = plain(interaction.summary.isEmpty() ? interactionKindDisplayName(interaction.kind)
                                                          : interaction.summary,
                            this);
    summary->setObjectName(QStringLiteral("timelineSummary"));
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 3, 0, 3);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(1);
    grid->addWidget(icon, 0, 0, 2, 1, Qt::AlignTop);
    grid->addWidget(summary, 0, 1);
    grid->addWidget(kind, 1, 1);
    grid->setColumnStretch(1, 1);
    if (!interaction.body.isEmpty()) {
        m_toggle = new QToolButton(this);
        m_toggle->setObjectName(QStringLiteral("timelineToggle"));
        m_toggle->setAutoRaise(true);
        m_toggle->setArrowType(Qt::RightArrow);
        m_toggle->setToolTip(tr("Show the details"));
        connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!m_expanded); });
        grid->addWidget(m_toggle, 0, 2, Qt::AlignTop);
        m_body = plain(interaction.body, this);
        m_body->setObjectName(QStringLiteral("timelineBody"));
        m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_body->setContentsMargins(0, 4, 0, 2);
        m_body->hide();
        grid->addWidget(m_body, 2, 1, 1, 2);
        setCursor(Qt::PointingHandCursor);
    }
}

void TimelineEntry::setExpanded(bool expanded)
{
    if (!m_body)
        return;
    m_expanded = expanded;
    m_body->setVisible(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setToolTip(expanded ? tr("Hide the details") : tr("Show the details"));
}

void TimelineEntry::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_body)
        setExpanded(!m_expanded);
    QFrame::mouseReleaseEvent(event);
}

} // namespace Rapport::Ui
