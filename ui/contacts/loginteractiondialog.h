#pragma once

#include "domain/interaction.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace Rapport::Ui {

/// Records what just happened with a contact in a few keystrokes: the kind
/// (first letters select it), the time (now), who reached out, a summary.
class LogInteractionDialog : public QDialog
{
    Q_OBJECT

public:
    LogInteractionDialog(const QString &contactName, const QDateTime &now, QWidget *parent = nullptr);

    /// The interaction as entered; participants are for the caller to set.
    Core::Interaction interaction() const;

private:
    QComboBox *m_kind = nullptr;
    QDateTimeEdit *m_time = nullptr;
    QRadioButton *m_outbound = nullptr;
    QRadioButton *m_inbound = nullptr;
    QLineEdit *m_summary = nullptr;
    QPlainTextEdit *m_body = nullptr;
};

} // namespace Rapport::Ui
