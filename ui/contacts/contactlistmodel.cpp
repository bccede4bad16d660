#include "contactlistmodel.h"

#include "plainmessage.h"
#include "store/contactstore.h"
#include "store/database.h"

#include <QLocale>

namespace Rapport::Ui {

using Core::ContactListQuery;

ContactListModel::ContactListModel(Core::Database &database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
    reload();
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContactListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::ContactRow &row = m_rows.at(index.row());
    if (role == ContactIdRole)
        return row.id;
    if (role == StageRole)
        return static_cast<int>(row.stage);
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !row.email.isEmpty())
        return plainToolTip(row.email);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return shownText(row.name, ShownLength::Line);
    case OrganizationColumn:
        return shownText(row.organization, ShownLength::Line);
    case StageColumn:
        return row.stage == Core::Stage::None ? QStringLiteral("—") : Core::stageDisplayName(row.stage);
    case LastInteractionColumn:
        return row.lastInteractionAt.isValid()
                   ? locale.toString(row.lastInteractionAt.toLocalTime().date(), QLocale::ShortFormat)
                   : QString();
    case NextFollowUpColumn:
        return row.nextFollowUpAt.isValid()
                   ? locale.toString(row.nextFollowUpAt.toLocalTime().date(), QLocale::ShortFormat)
                   : QString();
    case TagsColumn:
        return shownText(row.tags, ShownLength::Line);
    default:
        return {};
    }
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OrganizationColumn:
        return tr("Organization");
    case StageColumn:
        return tr("Stage");
    case LastInteractionColumn:
        return tr("Last interaction");
    case NextFollowUpColumn:
        return tr("Next follow-up");
    case TagsColumn:
        return tr("Tags");
    default:
        return {};
    }
}

bool ContactListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void ContactListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Core::ContactStore store(m_database);
    auto page = store.rows(m_query, static_cast<int>(m_rows.size()), pageSize);
    if (!page) {
        emit loadFailed(page.error());
        return;
    }
    if (page->isEmpty()) {
        // The file changed under us; stop asking for rows that are not there.
        m_total = m_rows.size();
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

void ContactListModel::sort(int column, Qt::SortOrder order)
{
    ContactListQuery query = m_query;
    switch (column) {
    case NameColumn:
        query.sortKey = ContactListQuery::SortKey::Name;
        break;
    case OrganizationColumn:
        query.sortKey = ContactListQuery::SortKey::Organization;
        break;
    case StageColumn:
        query.sortKey = ContactListQuery::SortKey::Stage;
        break;
    case LastInteractionColumn:
        query.sortKey = ContactListQuery::SortKey::LastInteraction;
        break;
    case NextFollowUpColumn:
        query.sortKey = ContactListQuery::SortKey::NextFollowUp;
        break;
    default:
        return;
    }
    query.descending = order == Qt::DescendingOrder;
    setQuery(query);
}

void ContactListModel::setQuery(const ContactListQuery &query)
{
    m_query = query;
    reload();
}

void ContactListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    Core::ContactStore store(m_database);
    // The first page is read inside the reset, so that views (and anything
    // listening to modelReset) never see an empty model that can fetch more.
    auto page = store.rows(m_query, 0, pageSize);
    if (page)
        m_rows = *page;
    // A page that is not full is every match: no need to count them again (a
    // count over a large file is a scan of every contact).
    auto total = page && page->size() < pageSize ? Core::Result<qint64>(qint64(page->size()))
                                                 : store.rowCount(m_query);
    m_total = total ? *total : 0;
    endResetModel();
    if (!total)
        emit loadFailed(total.error());
    else if (!page)
        emit loadFailed(page.error());
}

qint64 ContactListModel::contactId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ContactListModel::rowOf(qint64 contactId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == contactId)
            return row;
    }
    return -1;
}

} // namespace Rapport::Ui
