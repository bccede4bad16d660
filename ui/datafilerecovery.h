#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace Rapport::Ui {

/// When a data file cannot be opened (damaged, from a newer Rapport, not a
/// data file): says why, as plain text, and offers the ways on. Where Rapport
/// backed the file up before updating its format, it offers to open a copy of
/// the newest backup; the damaged file and the backup are never changed.
class DataFileRecovery
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Ui::DataFileRecovery)

public:
    /// Asks the user and returns the data file to open instead (a fresh copy of
    /// a backup, or another file they chose), or an empty string when they gave
    /// up with the `giveUpText` button.
    static QString ask(QWidget *parent, const QString &path, const QString &problem, const QString &giveUpText);
};

} // namespace Rapport::Ui
