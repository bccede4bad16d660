#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// The data file's follow-up choices: the keep-in-touch cadence of each stage
/// and whether reaching a meeting or a client asks to thank the introducer.
class FollowUpSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FollowUpSettingsDialog(Core::Database &database, QWidget *parent = nullptr);

    /// Saves what was entered (re-arming every cadence); on failure says why in the dialog.
    bool save();

private:
    Core::Database &m_database;
    QList<QSpinBox *> m_days;
    QCheckBox *m_thank = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace Rapport::Ui
