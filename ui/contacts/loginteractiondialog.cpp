#include "loginteractiondialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Rapport::Ui {

using namespace Rapport::Core;

LogInteractionDialog::LogInteractionDialog(const QString &contactName, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_time(new QDateTimeEdit(now.toLocalTime(), this))
    , m_outbound(new QRadioButton(tr("I reached out"), this))
    , m_inbound(new QRadioButton(tr("They reached out"), this))
    , m_summary(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logInteractionDialog"));
    setWindowTitle(tr("Log Interaction"));
    m_kind->setObjectName(QStringLiteral("kindField"));
    m_summary->setObjectName(QStringLiteral("summaryField"));
    m_time->setObjectName(QStringLiteral("timeField"));
    for (InteractionKind kind : allInteractionKinds())
        m_kind->addItem(interactionKindDisplayName(kind), static_cast<int>(kind));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(InteractionKind::Email)));
    m_time->setCalendarPopup(true);
    m_time->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_outbound->setChecked(true);
    m_summary->setPlaceholderText(tr("What happened, in a line"));
    m_body->setPlaceholderText(tr("Details (optional)"));
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(100);

    auto *who = new QLabel(this);
    who->setTextFormat(Qt::PlainText);
    who->setText(tr("With %1").arg(contactName));
    QFont bold = who->font();
    bold.setBold(true);
    who->setFont(bold);

    auto *direction = new QHBoxLayout;
    direction->addWidget(m_outbound);
    direction->addWidget(m_inbound);
    direction->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&When:"), m_time);
    form->addRow(tr("Who:"), direction);
    form->addRow(tr("&Summary:"), m_summary);
    form->addRow(tr("&Details:"), m_body);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_summary->setFocus();
    resize(460, sizeHint().height());
}

Interaction LogInteractionDialog::interaction() const
{
    Interaction interaction;
    interaction.kind = static_cast<InteractionKind>(m_kind->currentData().toInt());
    interaction.occurredAt = m_time->dateTime().toUTC();
    interaction.direction = m_inbound->isChecked() ? Direction::Inbound : Direction::Outbound;
    interaction.summary = m_summary->text().trimmed();
    interaction.body = m_body->toPlainText().trimmed();
    return interaction;
}

} // namespace Rapport::Ui
