#include "addfollowupdialog.h"

#include "reminders/snooze.h"
#include "store/contactstore.h"
#include "store/database.h"
#include "store/reminderstore.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>

namespace Rapport::Ui {

using namespace Rapport::Core;

AddFollowUpDialog::AddFollowUpDialog(Database &database, qint64 contactId, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_contactId(contactId)
{
    setObjectName(QStringLiteral("addFollowUpDialog"));
    setWindowTitle(tr("Add Follow-up"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    if (contactId > 0) {
        auto contact = ContactStore(database).get(contactId);
        auto *name = new QLabel(contact ? contact->name() : QString(), this);
        name->setTextFormat(Qt::PlainText);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        form->addRow(tr("With:"), name);
    } else {
        m_contact = new QLineEdit(this);
        m_contact->setObjectName(QStringLiteral("followUpContact"));
        m_contact->setPlaceholderText(tr("Type a name"));
        auto *completer = new QCompleter(new QStringListModel(this), this);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        m_contact->setCompleter(completer);
        connect(m_contact, &QLineEdit::textEdited, this, &AddFollowUpDialog::findContacts);
        connect(m_contact, &QLineEdit::textChanged, this, &AddFollowUpDialog::updateButtons);
        form->addRow(tr("&With:"), m_contact);
        findContacts(QString());
    }

    const QTimeZone zone = database.clock().timeZone();
    const QDateTime now = database.clock().now();
    // QDateTimeEdit edits local time; the clock's zone is the system's outside tests.
    m_due = new QDateTimeEdit(Snooze::until(SnoozePreset::TomorrowMorning, now, zone).toLocalTime(), this);
    m_due->setObjectName(QStringLiteral("followUpDue"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    form->addRow(tr("&When:"), m_due);

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("followUpNote"));
    m_note->setPlaceholderText(tr("e.g. Send the proposal, ask about the launch"));
    m_note->setMinimumWidth(340);
    form->addRow(tr("&What:"), m_note);

    auto *repeatRow = new QHBoxLayout;
    m_repeat = new QComboBox(this);
    m_repeat->setObjectName(QStringLiteral("followUpRepeat"));
    m_repeat->addItem(tr("Once"), recurrenceUnitKey(Recurrence::Unit::None));
    m_repeat->addItem(tr("Every … days"), recurrenceUnitKey(Recurrence::Unit::Days));
    m_repeat->addItem(tr("Every … weeks"), recurrenceUnitKey(Recurrence::Unit::Weeks));
    m_repeat->addItem(tr("Every … months"), recurrenceUnitKey(Recurrence::Unit::Months));
    m_every = new QSpinBox(this);
    m_every->setObjectName(QStringLiteral("followUpEvery"));
    m_every->setRange(1, 365);
    m_every->setEnabled(false);
    connect(m_repeat, &QComboBox::currentIndexChanged, this, [this](int index) { m_every->setEnabled(index > 0); });
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_every);
    repeatRow->addStretch();
    form->addRow(tr("&Repeat:"), repeatRow);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("followUpProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problem->setPalette(palette);
    m_problem->hide();
    form->addRow(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Follow-up"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(m_buttons);
    updateButtons();
}

void AddFollowUpDialog::findContacts(const QString &text)
{
    ContactListQuery query;
    query.search = text.trimmed();
    auto rows = ContactStore(m_database).rows(query, 0, 50);
    m_matches.clear();
    QStringList names;
    if (rows) {
        for (const ContactRow &row : std::as_const(*rows)) {
            const QString label = row.organization.isEmpty() ? row.name
                                                             : tr("%1 (%2)").arg(row.name, row.organization);
            m_matches.insert(label, row.id);
            m_matches.insert(row.name, row.id);
            names << label;
        }
    }
    static_cast<QStringListModel *>(m_contact->completer()->model())->setStringList(names);
}

void AddFollowUpDialog::updateButtons()
{
    if (m_contact) {
        m_contactId = m_matches.value(m_contact->text().trimmed(), 0);
        if (m_contactId == 0 && !m_contact->text().trimmed().isEmpty()) {
            findContacts(m_contact->text());
            m_contactId = m_matches.value(m_contact->text().trimmed(), 0);
        }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_contactId > 0);
}

Reminder AddFollowUpDialog::reminder() const
{
    Reminder reminder;
    reminder.contactId = m_contactId;
    reminder.dueAt = m_due->dateTime().toUTC();
    reminder.note = m_note->text().trimmed();
    const auto unit = recurrenceUnitFromKey(m_repeat->currentData().toString()).value_or(Recurrence::Unit::None);
    if (unit != Recurrence::Unit::None)
        reminder.recurrence = Recurrence{unit, m_every->value()};
    return reminder;
}

bool AddFollowUpDialog::addFor(Database &database, qint64 contactId, QWidget *parent)
{
    AddFollowUpDialog dialog(database, contactId, parent);
    while (dialog.exec() == QDialog::Accepted) {
        auto added = ReminderStore(database).add(dialog.reminder());
        if (added)
            return true;
        dialog.m_problem->setText(added.error());
        dialog.m_problem->show();
    }
    return false;
}

} // namespace Rapport::Ui
