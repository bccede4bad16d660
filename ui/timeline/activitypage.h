#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

class ActivityModel;

/// The activity timeline of everyone: every interaction newest first, with
/// whom, filterable by kind and period; the selected one's details below.
/// Double-click (or Enter) opens the person's page.
class ActivityPage : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPage(Core::Database &database, QWidget *parent = nullptr);

    ActivityModel *model() const { return m_model; }
    /// Re-reads after the data changed.
    void reload();

signals:
    void contactActivated(qint64 contactId);

private:
    void applyFilters();
    void showDetails();

    Core::Database &m_database;
    ActivityModel *m_model = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_period = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace Rapport::Ui
