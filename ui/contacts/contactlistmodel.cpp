#include "contactlistmodel.h"

#include "contactcounter.h"

#include "plainmessage.h"
#include "store/contactstore.h"
#include "store/database.h"

#include <QLocale>
#include <QTimer>

#include <algorithm>

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
    return !parent.isValid() && !m_complete;
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
    if (page->size() < pageSize) {
        // The last page: now the number of matches is known for certain.
        m_complete = true;
        const bool wasCounting = m_total < 0;
        m_total = m_rows.size() + page->size();
        if (wasCounting)
            emit totalCountKnown();
    }
    if (page->isEmpty())
        return;
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
    // A page that is not full is every match. Otherwise the count, over a large
    // file as long as the page itself or longer, runs on the counter's thread
    // while the list is already shown; fetching goes on until a page is short.
    ++m_ticket;
    m_complete = !page || page->size() < pageSize;
    m_total = m_complete ? m_rows.size() : -1;
    if (!m_complete) {
        if (!m_counter) {
            m_counter = new ContactCounter(m_database.path(), this);
            connect(m_counter, &ContactCounter::counted, this, &ContactListModel::onCounted);
            // Started a moment later, so that the count never competes with
            // painting the list for a core, nor runs for a search typed over.
            m_countLater = new QTimer(this);
            m_countLater->setSingleShot(true);
            m_countLater->setInterval(countDelayMs);
            connect(m_countLater, &QTimer::timeout, this, [this] { m_counter->count(m_query, m_ticket); });
        }
        m_countLater->start();
    } else if (m_countLater) {
        m_countLater->stop();
    }
    endResetModel();
    if (!page)
        emit loadFailed(page.error());
}

void ContactListModel::onCounted(quint64 ticket, qint64 count, const QString &error)
{
    if (ticket != m_ticket)
        return; // a count for an earlier query
    if (!error.isEmpty()) {
        emit loadFailed(error);
        return;
    }
    // Unless the count is known already (all rows fetched, or totalCount()
    // asked), never fewer than the rows shown, should the file have changed since.
    if (m_total < 0)
        m_total = std::max<qint64>(count, m_rows.size());
    emit totalCountKnown();
}

qint64 ContactListModel::totalCount() const
{
    if (m_total < 0) {
        auto counted = Core::ContactStore(m_database).rowCount(m_query);
        if (!counted)
            return m_rows.size();
        m_total = std::max<qint64>(*counted, m_rows.size());
    }
    return m_total;
}

std::optional<qint64> ContactListModel::knownTotalCount() const
{
    return m_total < 0 ? std::nullopt : std::optional<qint64>(m_total);
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
