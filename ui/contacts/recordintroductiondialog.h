#pragma once

#include "domain/contact.h"
#include "domain/introduction.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QRadioButton;
class QTimer;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class ContactListModel;

/// Records how one contact led the user to another, from the page of either:
/// "Marcus recommended Dana", picking the other person by typing part of a
/// name, organization or email (searched in SQL, so any number of contacts works).
class RecordIntroductionDialog : public QDialog
{
    Q_OBJECT

public:
    RecordIntroductionDialog(Core::Database &database, const Core::Contact &contact, QWidget *parent = nullptr);

    Core::Introduction introduction() const;
    /// The contact picked in the list, 0 when none.
    qint64 otherContact() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void updatePreview();

    Core::Database &m_database;
    Core::Contact m_contact;
    ContactListModel *m_model = nullptr;
    QTimer *m_searchTimer = nullptr;
    QRadioButton *m_ledToThem = nullptr;
    QRadioButton *m_ledToOther = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QComboBox *m_kind = nullptr;
    QDateEdit *m_date = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Rapport::Ui
