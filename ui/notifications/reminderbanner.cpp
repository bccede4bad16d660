#include "reminderbanner.h"

#include "plainmessage.h"

#include "remindernotifier.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Rapport::Ui {

ReminderBanner::ReminderBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("reminderBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    // A warm, quiet yellow: noticeable without alarming.
    palette.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd0));
    palette.setColor(QPalette::WindowText, QColor(0x3d, 0x32, 0x10));
    setPalette(palette);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(10);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/rapport.svg")).pixmap(28, 28));
    layout->addWidget(icon);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reminderBannerSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_body = new QLabel(this);
    m_body->setObjectName(QStringLiteral("reminderBannerBody"));
    m_body->setTextFormat(Qt::PlainText);
    m_body->setWordWrap(true);
    texts->addWidget(m_summary);
    texts->addWidget(m_body);
    layout->addLayout(texts, 1);

    m_open = new QPushButton(tr("Open"), this);
    m_open->setObjectName(QStringLiteral("reminderBannerOpen"));
    m_snooze = new QPushButton(tr("Snooze 1 Day"), this);
    m_snooze->setObjectName(QStringLiteral("reminderBannerSnooze"));
    m_done = new QPushButton(tr("Done"), this);
    m_done->setObjectName(QStringLiteral("reminderBannerDone"));
    auto *dismiss = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("reminderBannerDismiss"));
    dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss; the follow-up stays in Today"));
    for (QWidget *button : {static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_snooze),
                            static_cast<QWidget *>(m_done), static_cast<QWidget *>(dismiss)})
        layout->addWidget(button);

    connect(m_open, &QPushButton::clicked, this, [this] { choose(ReminderNotifier::openAction); });
    connect(m_snooze, &QPushButton::clicked, this, [this] { choose(ReminderNotifier::snoozeAction); });
    connect(m_done, &QPushButton::clicked, this, [this] { choose(ReminderNotifier::doneAction); });
    connect(dismiss, &QToolButton::clicked, this, &ReminderBanner::dismiss);
    hide();
}

void ReminderBanner::showMessage(qint64 reminderId, const QString &summary, const QString &body, bool reminderActions)
{
    m_reminderId = reminderId;
    m_summary->setText(shownText(summary, ShownLength::Line));
    m_body->setText(shownText(body, ShownLength::Paragraphs));
    m_body->setVisible(!body.isEmpty());
    m_open->setText(reminderActions ? tr("Open") : tr("Open Today"));
    m_snooze->setVisible(reminderActions);
    m_done->setVisible(reminderActions);
    show();
    emit visibilityChanged(true);
}

QString ReminderBanner::text() const
{
    return m_summary->text() + QLatin1Char('\n') + m_body->text();
}

void ReminderBanner::choose(const char *action)
{
    dismiss();
    emit actionChosen(m_reminderId, QString::fromLatin1(action));
}

void ReminderBanner::dismiss()
{
    hide();
    emit visibilityChanged(false);
}

} // namespace Rapport::Ui
