#pragma once

#include "domain/contactrow.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Rapport::Core {
class Database;
}

class QTimer;

namespace Rapport::Ui {

class ContactCounter;

/// The contacts of a data file as a table, fetched a page at a time as the view
/// scrolls. Filtering and sorting are done by SQL (setQuery, sort), never by a
/// proxy over the rows fetched so far.
class ContactListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, OrganizationColumn, StageColumn, LastInteractionColumn, NextFollowUpColumn,
                  TagsColumn, ColumnCount };
    enum Role { ContactIdRole = Qt::UserRole + 1, StageRole };

    explicit ContactListModel(Core::Database &database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setQuery(const Core::ContactListQuery &query);
    Core::ContactListQuery query() const { return m_query; }
    /// Re-reads the rows after the data changed, keeping the query.
    void reload();
    /// How many contacts match the query, fetched or not; counts them now if
    /// the count started by the last reload has not come back yet.
    qint64 totalCount() const;
    /// The number of matches when it is known: at once for a query whose rows
    /// fit in the first page, else once the count started by reload() (off the
    /// GUI thread, see ContactCounter) comes back, announced by totalCountKnown().
    std::optional<qint64> knownTotalCount() const;
    qint64 contactId(int row) const;
    /// The row of a contact among those fetched so far, or -1.
    int rowOf(qint64 contactId) const;

    static constexpr int pageSize = 256;
    /// How long after a reload the count of its matches starts.
    static constexpr int countDelayMs = 40;

signals:
    void loadFailed(const QString &message);
    void totalCountKnown();

private:
    void onCounted(quint64 ticket, qint64 count, const QString &error);

    Core::Database &m_database;
    Core::ContactListQuery m_query;
    QList<Core::ContactRow> m_rows;
    // -1 while the count runs; then cached, also by the const totalCount().
    mutable qint64 m_total = 0;
    // Every row has been fetched (a page came back short).
    bool m_complete = true;
    ContactCounter *m_counter = nullptr;
    QTimer *m_countLater = nullptr;
    quint64 m_ticket = 0;
};

} // namespace Rapport::Ui
