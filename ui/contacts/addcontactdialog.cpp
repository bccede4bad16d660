#include "addcontactdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Rapport::Ui {

AddContactDialog::AddContactDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_organization(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_twitter(new QLineEdit(this))
    , m_metChannel(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Contact"));
    setObjectName(QStringLiteral("addContactDialog"));
    m_name->setObjectName(QStringLiteral("nameField"));
    m_email->setObjectName(QStringLiteral("emailField"));
    m_organization->setObjectName(QStringLiteral("organizationField"));
    m_twitter->setPlaceholderText(tr("@handle"));
    m_metChannel->setPlaceholderText(tr("e.g. Twitter, Dana's webinar"));
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(90);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Organization:"), m_organization);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("T&witter/X:"), m_twitter);
    form->addRow(tr("How we &met:"), m_metChannel);
    form->addRow(tr("T&ags:"), m_tags);
    form->addRow(tr("N&otes:"), m_notes);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Contact"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_organization, m_email})
        connect(edit, &QLineEdit::textChanged, this, &AddContactDialog::updateButtons);
    updateButtons();
    resize(440, sizeHint().height());
}

void AddContactDialog::updateButtons()
{
    // Core accepts a contact known by name, organization or email alone.
    const bool enough = !m_name->text().trimmed().isEmpty() || !m_organization->text().trimmed().isEmpty()
                        || !m_email->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(enough);
}

Core::Contact AddContactDialog::contact() const
{
    Core::Contact contact;
    contact.displayName = m_name->text().trimmed();
    contact.organization = m_organization->text().trimmed();
    contact.title = m_title->text().trimmed();
    if (!m_email->text().trimmed().isEmpty())
        contact.emails = {Core::ContactField{m_email->text().trimmed(), {}, true}};
    if (!m_phone->text().trimmed().isEmpty())
        contact.phones = {Core::ContactField{m_phone->text().trimmed(), {}, false}};
    if (!m_twitter->text().trimmed().isEmpty())
        contact.socialProfiles = {Core::SocialProfile{QStringLiteral("twitter"), m_twitter->text().trimmed()}};
    contact.metChannel = m_metChannel->text().trimmed();
    if (!contact.metChannel.isEmpty())
        contact.metOn = QDate::currentDate();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        contact.tags << tag.trimmed();
    contact.notes = m_notes->toPlainText().trimmed();
    return contact;
}

} // namespace Rapport::Ui
