#pragma once

#include "domain/reminder.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// "Remind me to…": a follow-up for one contact, once or repeating. Given a
/// contact it asks only when and what; without one it also asks for whom
/// (type a few letters of the name).
class AddFollowUpDialog : public QDialog
{
    Q_OBJECT

public:
    AddFollowUpDialog(Core::Database &database, qint64 contactId, QWidget *parent = nullptr);

    /// The follow-up as entered (contact 0 when none was chosen).
    Core::Reminder reminder() const;
    qint64 contactId() const { return m_contactId; }

    /// Shows the dialog and saves the follow-up; returns whether one was added.
    static bool addFor(Core::Database &database, qint64 contactId, QWidget *parent);

private:
    void findContacts(const QString &text);
    void updateButtons();

    Core::Database &m_database;
    qint64 m_contactId = 0;
    QLineEdit *m_contact = nullptr;
    QHash<QString, qint64> m_matches;
    QDateTimeEdit *m_due = nullptr;
    QLineEdit *m_note = nullptr;
    QComboBox *m_repeat = nullptr;
    QSpinBox *m_every = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Rapport::Ui
