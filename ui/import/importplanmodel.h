#pragma once

#include "vcard/vcardimporter.h"

#include <QAbstractTableModel>

#include <memory>

namespace Rapport::Ui {

/// The cards of an import plan, one row each, with what will happen to each
/// (editable in the Choice column). Rows are computed from the plan when
/// shown, so a plan of 100,000 cards costs no more than the plan itself; a
/// filter narrows the rows to new cards, merges, or cards with problems.
class ImportPlanModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ChoiceColumn, NameColumn, DetailsColumn, OrganizationColumn, MatchColumn, SourceColumn,
                  ProblemsColumn, ColumnCount };
    enum class Filter { All, New, Merge, Known, Skip, Problems };
    enum Role {
        /// The card's choice, as an int of Core::ImportAction (also Qt::EditRole in ChoiceColumn).
        ChoiceRole = Qt::UserRole + 1,
        /// The index of the row's card in the plan.
        CardRole,
    };

    explicit ImportPlanModel(std::shared_ptr<Core::ImportPlan> plan, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const Core::ImportPlan &plan() const { return *m_plan; }
    std::shared_ptr<Core::ImportPlan> sharedPlan() const { return m_plan; }

    /// Shows only the cards the filter takes (by their choice at this moment).
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    /// How many cards the filter would show.
    qsizetype count(Filter filter) const;
    /// The plan's card shown in `row`, or -1.
    qsizetype cardAt(int row) const;
    /// The row showing card `card`, or -1 if the filter hides it.
    int rowOf(qsizetype card) const;

    /// Sets the choice of the cards in `rows` where it is allowed; returns how
    /// many it set.
    int choose(const QList<int> &rows, Core::ImportAction action);
    /// Puts the cards in `rows` back to what the plan proposed.
    int restoreProposals(const QList<int> &rows);

    static QString actionText(Core::ImportAction action);
    static QString reasonText(Core::ImportMatch reason);

signals:
    /// Some card's choice changed (counts and the summary follow).
    void choicesChanged();

private:
    bool accepts(Filter filter, const Core::PlannedCard &card) const;
    QString problemsText(const Core::PlannedCard &card, bool all) const;
    void rowsChanged(const QList<int> &rows);

    std::shared_ptr<Core::ImportPlan> m_plan;
    Filter m_filter = Filter::All;
    /// The cards shown, when filtered (with no filter every card is shown in order).
    QList<qsizetype> m_shown;
};

} // namespace Rapport::Ui
