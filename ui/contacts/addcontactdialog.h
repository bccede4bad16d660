#pragma once

#include "domain/contact.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Rapport::Ui {

/// The form for a contact's details: a new contact, or (given one) editing an
/// existing one. Emails, phones, web addresses and profiles take one per line,
/// "label: value" where a label matters ("work: dana@example.org",
/// "twitter: @dana"). Details the form does not show (addresses, photo,
/// birthday, imported extras) are kept as they were.
class AddContactDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddContactDialog(QWidget *parent = nullptr);
    explicit AddContactDialog(const Core::Contact &existing, QWidget *parent = nullptr);

    Core::Contact contact() const;

private:
    void build();
    void updateButtons();

    Core::Contact m_original;
    bool m_editing = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_organization = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_emails = nullptr;
    QPlainTextEdit *m_phones = nullptr;
    QPlainTextEdit *m_profiles = nullptr;
    QLineEdit *m_metChannel = nullptr;
    QCheckBox *m_metKnown = nullptr;
    QDateEdit *m_metOn = nullptr;
    QSpinBox *m_cadence = nullptr;
    QLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Rapport::Ui
