#include "recordintroductiondialog.h"

#include "contactlistmodel.h"
#include "store/database.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Rapport::Ui {

using namespace Rapport::Core;

RecordIntroductionDialog::RecordIntroductionDialog(Database &database, const Contact &contact, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_contact(contact)
    , m_model(new ContactListModel(database, this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("recordIntroductionDialog"));
    setWindowTitle(tr("Record Introduction"));

    m_ledToThem = new QRadioButton(this);
    m_ledToThem->setObjectName(QStringLiteral("introducedByOtherField"));
    m_ledToThem->setText(tr("Someone led me to %1").arg(contact.name()).replace(QLatin1Char('&'), QStringLiteral("&&")));
    m_ledToThem->setChecked(true);
    m_ledToOther = new QRadioButton(this);
    m_ledToOther->setObjectName(QStringLiteral("introducedOtherField"));
    m_ledToOther->setText(tr("%1 led me to someone").arg(contact.name()).replace(QLatin1Char('&'), QStringLiteral("&&")));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("pickerSearchField"));
    m_search->setPlaceholderText(tr("Type a name, organization or email"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("pickerList"));
    m_list->setModel(m_model);
    m_list->setModelColumn(ContactListModel::NameColumn);
    m_list->setUniformItemSizes(true);
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 8);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &RecordIntroductionDialog::search);
    // Arrow keys move in the list while typing goes on in the field.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("introductionKindField"));
    for (IntroductionKind kind : allIntroductionKinds())
        m_kind->addItem(introductionKindDisplayName(kind), static_cast<int>(kind));
    m_date = new QDateEdit(m_database.clock().now().toLocalTime().date(), this);
    m_date->setObjectName(QStringLiteral("introductionDateField"));
    m_date->setCalendarPopup(true);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("introductionNoteField"));
    m_note->setPlaceholderText(tr("e.g. on our second call; at the spring webinar"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("introductionPreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    QFont bold = m_preview->font();
    bold.setBold(true);
    m_preview->setFont(bold);

    auto *form = new QFormLayout;
    form->addRow(QString(), m_ledToThem);
    form->addRow(QString(), m_ledToOther);
    form->addRow(tr("&Who:"), m_search);
    form->addRow(QString(), m_list);
    form->addRow(tr("&How:"), m_kind);
    form->addRow(tr("&When:"), m_date);
    form->addRow(tr("&Note:"), m_note);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);

    for (QRadioButton *button : {m_ledToThem, m_ledToOther})
        connect(button, &QRadioButton::toggled, this, &RecordIntroductionDialog::updatePreview);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &RecordIntroductionDialog::updatePreview);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RecordIntroductionDialog::updatePreview);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // The best match is picked as you type; the person of the page never is.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->contactId(row) != m_contact.id) {
                m_list->setCurrentIndex(m_model->index(row, ContactListModel::NameColumn));
                break;
            }
        }
        updatePreview();
    });
    m_search->setFocus();
    search();
    resize(480, sizeHint().height());
}

bool RecordIntroductionDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RecordIntroductionDialog::search()
{
    ContactListQuery query = m_model->query();
    query.search = m_search->text();
    m_model->setQuery(query);
}

qint64 RecordIntroductionDialog::otherContact() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return 0;
    const qint64 id = m_model->contactId(current.row());
    return id == m_contact.id ? 0 : id;
}

void RecordIntroductionDialog::updatePreview()
{
    const qint64 other = otherContact();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(other > 0);
    if (other <= 0) {
        m_preview->setText(tr("Pick the other person."));
        return;
    }
    const QString otherName = m_model->index(m_list->currentIndex().row(), ContactListModel::NameColumn).data().toString();
    const QString how = m_kind->currentText();
    m_preview->setText(m_ledToThem->isChecked() ? tr("%1 %2 %3").arg(otherName, how, m_contact.name())
                                                : tr("%1 %2 %3").arg(m_contact.name(), how, otherName));
}

Introduction RecordIntroductionDialog::introduction() const
{
    Introduction introduction;
    const qint64 other = otherContact();
    introduction.fromContact = m_ledToThem->isChecked() ? other : m_contact.id;
    introduction.toContact = m_ledToThem->isChecked() ? m_contact.id : other;
    introduction.kind = static_cast<IntroductionKind>(m_kind->currentData().toInt());
    introduction.date = m_date->date();
    introduction.note = m_note->text().trimmed();
    return introduction;
}

} // namespace Rapport::Ui
