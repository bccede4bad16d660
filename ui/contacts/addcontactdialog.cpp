#include "addcontactdialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Rapport::Ui {

namespace {

const QString labelSeparator = QStringLiteral(": ");

QString fieldLines(const QList<Core::ContactField> &fields)
{
    QStringList lines;
    for (const Core::ContactField &field : fields)
        lines << (field.label.isEmpty() ? field.value : field.label + labelSeparator + field.value);
    return lines.join(QLatin1Char('\n'));
}

/// "label: value" or "value"; a URL's "://" has no space after the colon, so it is never a label.
std::pair<QString, QString> splitLine(const QString &line)
{
    const qsizetype at = line.indexOf(labelSeparator);
    if (at <= 0)
        return {QString(), line.trimmed()};
    return {line.left(at).trimmed(), line.mid(at + labelSeparator.size()).trimmed()};
}

QList<Core::ContactField> parseFields(const QString &text, const QList<Core::ContactField> &original)
{
    QList<Core::ContactField> fields;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        auto [label, value] = splitLine(line);
        if (value.isEmpty())
            continue;
        bool preferred = false;
        for (const Core::ContactField &before : original)
            preferred = preferred || (before.preferred && before.value == value);
        fields.append(Core::ContactField{value, label, preferred});
    }
    return fields;
}

QPlainTextEdit *lineList(QWidget *parent, const QString &objectName, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 14);
    return edit;
}

} // namespace

AddContactDialog::AddContactDialog(QWidget *parent)
    : QDialog(parent)
{
    build();
    setWindowTitle(tr("New Contact"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Contact"));
    updateButtons();
}

AddContactDialog::AddContactDialog(const Core::Contact &existing, QWidget *parent)
    : QDialog(parent)
    , m_original(existing)
    , m_editing(true)
{
    build();
    setObjectName(QStringLiteral("editContactDialog"));
    setWindowTitle(tr("Edit %1").arg(existing.name()));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    m_name->setText(existing.name());
    m_organization->setText(existing.organization);
    m_title->setText(existing.title);
    m_emails->setPlainText(fieldLines(existing.emails));
    QList<Core::ContactField> phones = existing.phones;
    m_phones->setPlainText(fieldLines(phones));
    QStringList profiles;
    for (const Core::SocialProfile &profile : existing.socialProfiles)
        profiles << profile.service + labelSeparator + profile.handle;
    for (const Core::ContactField &url : existing.urls)
        profiles << (url.label.isEmpty() ? url.value : url.label + labelSeparator + url.value);
    m_profiles->setPlainText(profiles.join(QLatin1Char('\n')));
    m_metChannel->setText(existing.metChannel);
    m_metKnown->setChecked(existing.metOn.isValid());
    if (existing.metOn.isValid())
        m_metOn->setDate(existing.metOn);
    m_cadence->setValue(existing.keepInTouchDays);
    m_tags->setText(existing.tags.join(QStringLiteral(", ")));
    m_notes->setPlainText(existing.notes);
    updateButtons();
}

void AddContactDialog::build()
{
    setObjectName(QStringLiteral("addContactDialog"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameField"));
    m_organization = new QLineEdit(this);
    m_organization->setObjectName(QStringLiteral("organizationField"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleField"));
    m_emails = lineList(this, QStringLiteral("emailField"), tr("one per line, e.g. work: dana@example.org"));
    m_phones = lineList(this, QStringLiteral("phoneField"), tr("one per line, e.g. mobile: +1 555 0100"));
    m_profiles = lineList(this, QStringLiteral("profilesField"),
                          tr("one per line, e.g. twitter: @dana, linkedin: https://…, https://dana.example"));
    m_metChannel = new QLineEdit(this);
    m_metChannel->setObjectName(QStringLiteral("metChannelField"));
    m_metChannel->setPlaceholderText(tr("e.g. Twitter, Dana's webinar"));
    m_metKnown = new QCheckBox(tr("on"), this);
    m_metKnown->setObjectName(QStringLiteral("metKnownField"));
    m_metOn = new QDateEdit(QDate::currentDate(), this);
    m_metOn->setObjectName(QStringLiteral("metOnField"));
    m_metOn->setCalendarPopup(true);
    m_metOn->setEnabled(false);
    connect(m_metKnown, &QCheckBox::toggled, m_metOn, &QWidget::setEnabled);
    m_cadence = new QSpinBox(this);
    m_cadence->setObjectName(QStringLiteral("cadenceField"));
    m_cadence->setRange(0, 3650);
    m_cadence->setSpecialValueText(tr("no cadence"));
    m_cadence->setSuffix(tr(" days"));
    m_cadence->setToolTip(tr("Remind me to get in touch when this many days passed without an interaction"));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsField"));
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesField"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(80);

    auto *met = new QHBoxLayout;
    met->addWidget(m_metChannel, 1);
    met->addWidget(m_metKnown);
    met->addWidget(m_metOn);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Organization:"), m_organization);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Emails:"), m_emails);
    form->addRow(tr("&Phones:"), m_phones);
    form->addRow(tr("&Web and profiles:"), m_profiles);
    auto *metLabel = new QLabel(tr("How we &met:"), this);
    metLabel->setBuddy(m_metChannel);
    form->addRow(metLabel, met);
    form->addRow(tr("&Keep in touch every:"), m_cadence);
    form->addRow(tr("T&ags:"), m_tags);
    form->addRow(tr("N&otes:"), m_notes);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_organization})
        connect(edit, &QLineEdit::textChanged, this, &AddContactDialog::updateButtons);
    connect(m_emails, &QPlainTextEdit::textChanged, this, &AddContactDialog::updateButtons);
    resize(520, sizeHint().height());
}

void AddContactDialog::updateButtons()
{
    // Core accepts a contact known by name, organization or email alone.
    const bool enough = !m_name->text().trimmed().isEmpty() || !m_organization->text().trimmed().isEmpty()
                        || !m_emails->toPlainText().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(enough);
}

Core::Contact AddContactDialog::contact() const
{
    Core::Contact contact = m_original;
    const QString name = m_name->text().trimmed();
    if (!m_editing || name != m_original.name()) {
        // A new name replaces the parts it was composed of.
        contact.displayName = name;
        if (m_editing && name != m_original.name()) {
            contact.givenName.clear();
            contact.familyName.clear();
            contact.additionalNames.clear();
            contact.honorificPrefix.clear();
            contact.honorificSuffix.clear();
        }
    }
    contact.organization = m_organization->text().trimmed();
    contact.title = m_title->text().trimmed();
    contact.emails = parseFields(m_emails->toPlainText(), m_original.emails);
    if (!m_editing && !contact.emails.isEmpty())
        contact.emails.first().preferred = true;
    contact.phones = parseFields(m_phones->toPlainText(), m_original.phones);
    contact.socialProfiles.clear();
    contact.urls.clear();
    for (const QString &line : m_profiles->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        auto [label, value] = splitLine(line);
        if (value.isEmpty())
            continue;
        const QString service = label.toLower();
        const bool isUrl = value.contains(QStringLiteral("://"));
        if (value.startsWith(QLatin1Char('@')) && service.isEmpty())
            contact.socialProfiles.append(Core::SocialProfile{QStringLiteral("twitter"), value});
        else if (!service.isEmpty() && (!isUrl || service == u"twitter" || service == u"linkedin"
                                        || service == u"facebook" || service == u"mastodon"
                                        || service == u"instagram"))
            contact.socialProfiles.append(Core::SocialProfile{service, value});
        else
            contact.urls.append(Core::ContactField{value, label, false});
    }
    contact.metChannel = m_metChannel->text().trimmed();
    contact.metOn = m_metKnown->isChecked() ? m_metOn->date() : QDate();
    contact.keepInTouchDays = m_cadence->value();
    contact.tags.clear();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty() && !contact.tags.contains(tag.trimmed(), Qt::CaseInsensitive))
            contact.tags << tag.trimmed();
    }
    contact.notes = m_notes->toPlainText().trimmed();
    return contact;
}

} // namespace Rapport::Ui
