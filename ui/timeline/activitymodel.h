#pragma once

#include "domain/activityrow.h"

#include <QAbstractTableModel>
#include <QList>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Ui {

/// Everyone's interactions, newest first, fetched a page at a time by key as
/// the view scrolls; filtered by kind and period in SQL.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, KindColumn, WhoColumn, SummaryColumn, ColumnCount };
    enum Role { InteractionIdRole = Qt::UserRole + 1, ContactIdRole, BodyRole, KindRole };

    explicit ActivityModel(Core::Database &database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setQuery(const Core::ActivityQuery &query);
    Core::ActivityQuery query() const { return m_query; }
    /// Re-reads from the newest after the data changed, keeping the query.
    void reload();
    const Core::ActivityRow &row(int row) const { return m_rows.at(row); }

    static constexpr int pageSize = 200;

signals:
    void loadFailed(const QString &message);

private:
    Core::Database &m_database;
    Core::ActivityQuery m_query;
    QList<Core::ActivityRow> m_rows;
    bool m_more = false;
};

} // namespace Rapport::Ui
