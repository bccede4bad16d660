#include "importplanmodel.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace Rapport::Ui {

using Core::ImportAction;
using Core::ImportMatch;
using Core::PlannedCard;

ImportPlanModel::ImportPlanModel(std::shared_ptr<Core::ImportPlan> plan, QObject *parent)
    : QAbstractTableModel(parent)
    , m_plan(std::move(plan))
{
}

int ImportPlanModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_filter == Filter::All ? m_plan->cards.size() : m_shown.size());
}

int ImportPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qsizetype ImportPlanModel::cardAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_filter == Filter::All ? row : m_shown.at(row);
}

int ImportPlanModel::rowOf(qsizetype card) const
{
    if (card < 0 || card >= m_plan->cards.size())
        return -1;
    if (m_filter == Filter::All)
        return int(card);
    const auto found = std::lower_bound(m_shown.cbegin(), m_shown.cend(), card);
    return found != m_shown.cend() && *found == card ? int(found - m_shown.cbegin()) : -1;
}

QString ImportPlanModel::actionText(ImportAction action)
{
    switch (action) {
    case ImportAction::New:
        return tr("New");
    case ImportAction::Merge:
        return tr("Merge");
    case ImportAction::Unchanged:
        return tr("Already known");
    case ImportAction::Skip:
        return tr("Skip");
    }
    return {};
}

QString ImportPlanModel::reasonText(ImportMatch reason)
{
    switch (reason) {
    case ImportMatch::None:
        return {};
    case ImportMatch::SameCard:
        return tr("imported before");
    case ImportMatch::Uid:
        return tr("same UID");
    case ImportMatch::Email:
        return tr("same email");
    case ImportMatch::Phone:
        return tr("same phone");
    case ImportMatch::NameAndOrganization:
        return tr("same name and organization");
    }
    return {};
}

QString ImportPlanModel::problemsText(const PlannedCard &card, bool all) const
{
    if (card.problemCount == 0)
        return {};
    if (!all) {
        const QString first = m_plan->problems.at(card.firstProblem).message;
        return card.problemCount == 1 ? first : tr("%1 (and %2 more)").arg(first).arg(card.problemCount - 1);
    }
    QStringList lines;
    for (int i = card.firstProblem; i < card.firstProblem + card.problemCount; ++i)
        lines << m_plan->problems.at(i).toString();
    return lines.join(QLatin1Char('\n'));
}

QVariant ImportPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype cardIndex = cardAt(index.row());
    const PlannedCard &card = m_plan->cards.at(cardIndex);
    const bool changed = card.choice != card.proposed;
    switch (role) {
    case CardRole:
        return qlonglong(cardIndex);
    case ChoiceRole:
        return int(card.choice);
    case Qt::EditRole:
        return index.column() == ChoiceColumn ? QVariant(int(card.choice)) : QVariant();
    case Qt::DisplayRole:
        break;
    case Qt::ToolTipRole: {
        // Tool tips render rich text: what came from the file is escaped.
        QString text;
        if (index.column() == ProblemsColumn)
            text = problemsText(card, true);
        else if (index.column() == MatchColumn && card.isMatched())
            text = data(index, Qt::DisplayRole).toString();
        else if (index.column() == ChoiceColumn && changed)
            text = tr("Your choice; the preview proposed “%1”.").arg(actionText(card.proposed));
        if (text.isEmpty())
            return {};
        return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
    }
    case Qt::ForegroundRole:
        if (card.choice == ImportAction::Skip || card.choice == ImportAction::Unchanged)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (index.column() == ChoiceColumn)
            return card.choice == ImportAction::New ? QColor(0x1b, 0x6b, 0x2f) : QColor(0x1f, 0x4e, 0x9c);
        return {};
    case Qt::BackgroundRole:
        if (index.column() != ChoiceColumn)
            return {};
        switch (card.choice) {
        case ImportAction::New:
            return QColor(0xdf, 0xf3, 0xe3);
        case ImportAction::Merge:
            return QColor(0xdd, 0xe8, 0xf8);
        case ImportAction::Unchanged:
        case ImportAction::Skip:
            return {};
        }
        return {};
    case Qt::FontRole:
        if (index.column() == ChoiceColumn && changed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (index.column() == NameColumn && card.unreadable) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ProblemsColumn && card.problemCount > 0)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    default:
        return {};
    }

    const Core::Contact &c = card.contact;
    switch (index.column()) {
    case ChoiceColumn:
        return changed ? tr("%1 ✎").arg(actionText(card.choice)) : actionText(card.choice);
    case NameColumn:
        return card.unreadable ? tr("(card could not be read)") : c.name();
    case DetailsColumn:
        if (!c.emails.isEmpty())
            return c.emails.constFirst().value;
        if (!c.phones.isEmpty())
            return c.phones.constFirst().value;
        return {};
    case OrganizationColumn:
        return c.organization;
    case MatchColumn:
        if (!card.isMatched())
            return {};
        if (card.matchId < 0) {
            // Merging into a card that is skipped makes this one new (see VCardImporter::commit).
            if (m_plan->cards.at(-card.matchId - 1).choice == ImportAction::Skip)
                return tr("%1 (%2, earlier in this import, skipped: this card becomes new)")
                    .arg(card.matchName, reasonText(card.reason));
            return tr("%1 (%2, earlier in this import)").arg(card.matchName, reasonText(card.reason));
        }
        return tr("%1 (%2)").arg(card.matchName, reasonText(card.reason));
    case SourceColumn:
        return QStringLiteral("%1:%2").arg(card.file).arg(card.line);
    case ProblemsColumn:
        return problemsText(card, false);
    }
    return {};
}

QVariant ImportPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChoiceColumn:
        return tr("Import as");
    case NameColumn:
        return tr("Name");
    case DetailsColumn:
        return tr("Email or phone");
    case OrganizationColumn:
        return tr("Organization");
    case MatchColumn:
        return tr("Matches");
    case SourceColumn:
        return tr("File and line");
    case ProblemsColumn:
        return tr("Problems");
    }
    return {};
}

Qt::ItemFlags ImportPlanModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ChoiceColumn && !m_plan->cards.at(cardAt(index.row())).unreadable)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ImportPlanModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != ChoiceColumn || (role != Qt::EditRole && role != ChoiceRole))
        return false;
    bool ok = false;
    const int action = value.toInt(&ok);
    if (!ok || action < int(ImportAction::New) || action > int(ImportAction::Skip))
        return false;
    return choose({index.row()}, static_cast<ImportAction>(action)) > 0
           || m_plan->cards.at(cardAt(index.row())).choice == static_cast<ImportAction>(action);
}

int ImportPlanModel::choose(const QList<int> &rows, ImportAction action)
{
    int set = 0;
    QList<int> changed;
    for (int row : rows) {
        const qsizetype card = cardAt(row);
        if (card < 0)
            continue;
        const ImportAction before = m_plan->cards.at(card).choice;
        if (!m_plan->choose(card, action))
            continue;
        ++set;
        if (m_plan->cards.at(card).choice != before)
            changed << row;
    }
    rowsChanged(changed);
    return set;
}

int ImportPlanModel::restoreProposals(const QList<int> &rows)
{
    int set = 0;
    QList<int> changed;
    for (int row : rows) {
        const qsizetype card = cardAt(row);
        if (card < 0)
            continue;
        Core::PlannedCard &planned = m_plan->cards[card];
        ++set;
        if (planned.choice != planned.proposed) {
            planned.choice = planned.proposed;
            changed << row;
        }
    }
    rowsChanged(changed);
    return set;
}

void ImportPlanModel::rowsChanged(const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    // One signal per run of neighbouring rows: a selection of 100,000 is a few signals.
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    qsizetype start = 0;
    for (qsizetype i = 1; i <= sorted.size(); ++i) {
        if (i == sorted.size() || sorted.at(i) != sorted.at(i - 1) + 1) {
            emit dataChanged(index(sorted.at(start), 0), index(sorted.at(i - 1), ColumnCount - 1));
            start = i;
        }
    }
    // A card that matches one of those says what becomes of it: one signal for the column.
    emit dataChanged(index(0, MatchColumn), index(rowCount() - 1, MatchColumn));
    emit choicesChanged();
}

bool ImportPlanModel::accepts(Filter filter, const PlannedCard &card) const
{
    switch (filter) {
    case Filter::All:
        return true;
    case Filter::New:
        return card.choice == ImportAction::New;
    case Filter::Merge:
        return card.choice == ImportAction::Merge;
    case Filter::Known:
        return card.choice == ImportAction::Unchanged;
    case Filter::Skip:
        return card.choice == ImportAction::Skip;
    case Filter::Problems:
        return card.problemCount > 0;
    }
    return false;
}

qsizetype ImportPlanModel::count(Filter filter) const
{
    return std::count_if(m_plan->cards.cbegin(), m_plan->cards.cend(),
                         [this, filter](const PlannedCard &card) { return accepts(filter, card); });
}

void ImportPlanModel::setFilter(Filter filter)
{
    beginResetModel();
    m_filter = filter;
    m_shown.clear();
    if (filter != Filter::All) {
        for (qsizetype i = 0; i < m_plan->cards.size(); ++i) {
            if (accepts(filter, m_plan->cards.at(i)))
                m_shown.append(i);
        }
    }
    endResetModel();
}

} // namespace Rapport::Ui
