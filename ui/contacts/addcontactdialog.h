#pragma once

#include "domain/contact.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace Rapport::Ui {

/// A short form for a new contact: the details people have at hand when they
/// first meet someone. Everything else can be added later.
class AddContactDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddContactDialog(QWidget *parent = nullptr);

    Core::Contact contact() const;

private:
    void updateButtons();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_organization = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_twitter = nullptr;
    QLineEdit *m_metChannel = nullptr;
    QLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Rapport::Ui
