#include "activitymodel.h"

#include "interactionicon.h"
#include "plainmessage.h"
#include "store/interactionstore.h"

#include <QLocale>

namespace Rapport::Ui {

using namespace Rapport::Core;

ActivityModel::ActivityModel(Database &database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
    reload();
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityRow &row = m_rows.at(index.row());
    switch (role) {
    case InteractionIdRole:
        return row.id;
    case ContactIdRole:
        return row.firstParticipant;
    case BodyRole:
        return row.body;
    case KindRole:
        return static_cast<int>(row.kind);
    case Qt::DecorationRole:
        return index.column() == KindColumn ? QVariant(interactionIcon(row.kind)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn && !row.body.isEmpty())
            return plainToolTip(row.body);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case TimeColumn: {
        QString format = locale.dateTimeFormat(QLocale::ShortFormat);
        format.remove(QStringLiteral(":ss"));
        return locale.toString(row.occurredAt.toLocalTime(), format);
    }
    case KindColumn:
        return interactionKindDisplayName(row.kind);
    case WhoColumn:
        return shownText(row.participantNames, ShownLength::Line);
    case SummaryColumn: {
        const QString who = row.direction == Direction::Inbound ? tr("they reached out") : tr("I reached out");
        return row.summary.isEmpty() ? who : shownText(row.summary, ShownLength::Line);
    }
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("When");
    case KindColumn:
        return tr("Kind");
    case WhoColumn:
        return tr("With");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more)
        return;
    ActivityCursor after;
    if (!m_rows.isEmpty())
        after = ActivityCursor{m_rows.constLast().occurredAt, m_rows.constLast().id};
    auto page = InteractionStore(m_database).activity(m_query, after, pageSize);
    if (!page) {
        m_more = false;
        emit loadFailed(page.error());
        return;
    }
    m_more = page->size() == pageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

void ActivityModel::setQuery(const ActivityQuery &query)
{
    m_query = query;
    reload();
}

void ActivityModel::reload()
{
    // The first page is read inside the reset, so that views never see an
    // empty model that can fetch more.
    beginResetModel();
    m_rows.clear();
    auto page = InteractionStore(m_database).activity(m_query, {}, pageSize);
    if (page)
        m_rows = *page;
    m_more = page && page->size() == pageSize;
    endResetModel();
    if (!page)
        emit loadFailed(page.error());
}

} // namespace Rapport::Ui
