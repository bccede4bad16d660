#include "importpreviewdialog.h"

#include "importchoicedelegate.h"
#include "importplanmodel.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Rapport::Ui {

using Core::ImportAction;
using Filter = ImportPlanModel::Filter;

namespace {
constexpr int RestoreProposal = -1;
}

ImportPreviewDialog::ImportPreviewDialog(std::shared_ptr<Core::ImportPlan> plan, QWidget *parent)
    : QDialog(parent)
    , m_model(new ImportPlanModel(std::move(plan), this))
{
    setObjectName(QStringLiteral("importPreviewDialog"));
    setWindowTitle(tr("Import Preview"));
    auto *layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importPreviewSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.1);
    m_summary->setFont(big);
    layout->addWidget(m_summary);

    const Core::ImportPlan &p = m_model->plan();
    if (!p.fileErrors.isEmpty()) {
        auto *refused = new QLabel(this);
        refused->setObjectName(QStringLiteral("importPreviewRefused"));
        refused->setTextFormat(Qt::PlainText);
        refused->setWordWrap(true);
        refused->setText(tr("Not imported, nothing is taken from them:\n%1").arg(p.fileErrors.join(QLatin1Char('\n'))));
        refused->setStyleSheet(QStringLiteral("QLabel { background: #fdf1dc; border: 1px solid #e6c88f; "
                                              "border-radius: 4px; padding: 6px; color: #5c4100; }"));
        layout->addWidget(refused);
    }

    // Filters, with how many cards each shows.
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    m_filters = new QButtonGroup(this);
    m_filters->setExclusive(true);
    const std::pair<Filter, const char *> filters[] = {
        {Filter::All, "filterAll"},     {Filter::New, "filterNew"},   {Filter::Merge, "filterMerge"},
        {Filter::Known, "filterKnown"}, {Filter::Skip, "filterSkip"}, {Filter::Problems, "filterProblems"}};
    for (const auto &[filter, name] : filters) {
        auto *button = new QPushButton(this);
        button->setObjectName(QString::fromLatin1(name));
        button->setCheckable(true);
        button->setFlat(false);
        m_filters->addButton(button, int(filter));
        filterRow->addWidget(button);
    }
    m_filters->button(int(Filter::All))->setChecked(true);
    filterRow->addStretch(1);
    layout->addLayout(filterRow);
    connect(m_filters, &QButtonGroup::idClicked, this, [this](int id) {
        m_model->setFilter(static_cast<Filter>(id));
        updateSummary();
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("importPreviewTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ImportPlanModel::ChoiceColumn, new ImportChoiceDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                             | QAbstractItemView::EditKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    // Uniform rows: the view never measures 100,000 of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(ImportPlanModel::ChoiceColumn, metrics.horizontalAdvance(tr("Already known ✎")) + 40);
    // The problems column takes what is left: its text is the longest.
    m_table->setColumnWidth(ImportPlanModel::NameColumn, 170);
    m_table->setColumnWidth(ImportPlanModel::DetailsColumn, 220);
    m_table->setColumnWidth(ImportPlanModel::OrganizationColumn, 150);
    m_table->setColumnWidth(ImportPlanModel::MatchColumn, 230);
    m_table->setColumnWidth(ImportPlanModel::SourceColumn, 130);

    auto *problemsPane = new QWidget(splitter);
    auto *problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 6, 0, 0);
    problemsLayout->addWidget(
        new QLabel(tr("Problems, with the file and line they are on (double-click one to show its card):"), problemsPane));
    m_problems = new QListWidget(problemsPane);
    m_problems->setObjectName(QStringLiteral("importPreviewProblems"));
    m_problems->setUniformItemSizes(true);
    problemsLayout->addWidget(m_problems);
    for (const QString &error : p.fileErrors) {
        auto *item = new QListWidgetItem(error, m_problems);
        item->setData(Qt::UserRole, -1);
    }
    for (qsizetype i = 0; i < p.problems.size(); ++i) {
        auto *item = new QListWidgetItem(p.problems.at(i).toString(), m_problems);
        item->setData(Qt::UserRole, int(i));
    }
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showProblem(item->data(Qt::UserRole).toInt()); });
    splitter->addWidget(m_table);
    splitter->addWidget(problemsPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    // As tall as a few problems need, the rest for the cards.
    const int problemLines = std::clamp(m_problems->count(), 2, 6);
    splitter->setSizes({520, problemLines * (m_problems->fontMetrics().height() + 4) + 40});
    if (m_problems->count() == 0)
        problemsPane->hide();
    layout->addWidget(splitter, 1);

    // Choices for the selected cards.
    auto *chooseRow = new QHBoxLayout;
    chooseRow->addWidget(new QLabel(tr("Selected cards:"), this));
    const std::tuple<int, QString, const char *, QString> choices[] = {
        {int(ImportAction::New), tr("Import as &New"), "chooseNewButton",
         tr("Create a contact of its own for each selected card")},
        {int(ImportAction::Merge), tr("&Merge"), "chooseMergeButton",
         tr("Add what each selected card has to the contact it matches")},
        {int(ImportAction::Skip), tr("S&kip"), "chooseSkipButton", tr("Leave the selected cards out")},
        {RestoreProposal, tr("As &Proposed"), "chooseProposedButton",
         tr("Go back to what the preview proposed for the selected cards")}};
    for (const auto &[action, text, name, tip] : choices) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(QString::fromLatin1(name));
        button->setToolTip(tip);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, action = action] { chooseForSelection(action); });
        button->setEnabled(false);
        m_choiceButtons << button;
        chooseRow->addWidget(button);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const bool any = m_table->selectionModel()->hasSelection();
        for (QPushButton *button : std::as_const(m_choiceButtons))
            button->setEnabled(any);
    });
    // A filter resets the model, and with it the selection.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (QPushButton *button : std::as_const(m_choiceButtons))
            button->setEnabled(false);
    });
    chooseRow->addStretch(1);
    layout->addLayout(chooseRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_model, &ImportPlanModel::choicesChanged, this, &ImportPreviewDialog::updateSummary);
    updateSummary();
    resize(1320, 720);
}

std::shared_ptr<Core::ImportPlan> ImportPreviewDialog::plan() const
{
    return m_model->sharedPlan();
}

QList<int> ImportPreviewDialog::selectedRows() const
{
    QList<int> rows;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows << row;
    }
    return rows;
}

void ImportPreviewDialog::chooseForSelection(int action)
{
    const QList<int> rows = selectedRows();
    if (action == RestoreProposal)
        m_model->restoreProposals(rows);
    else
        m_model->choose(rows, static_cast<ImportAction>(action));
}

void ImportPreviewDialog::showProblem(int problem)
{
    const Core::ImportPlan &p = m_model->plan();
    for (qsizetype card = 0; card < p.cards.size(); ++card) {
        const Core::PlannedCard &c = p.cards.at(card);
        if (problem < c.firstProblem || problem >= c.firstProblem + c.problemCount)
            continue;
        if (m_model->rowOf(card) < 0) {
            m_filters->button(int(Filter::All))->setChecked(true);
            m_model->setFilter(Filter::All);
            updateSummary();
        }
        const int row = m_model->rowOf(card);
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
        return;
    }
}

void ImportPreviewDialog::updateSummary()
{
    const Core::ImportPlan &p = m_model->plan();
    const qsizetype newCards = p.count(ImportAction::New);
    const qsizetype merges = p.count(ImportAction::Merge);
    const qsizetype known = p.count(ImportAction::Unchanged);
    const qsizetype skipped = p.count(ImportAction::Skip);
    QStringList files;
    for (const QString &path : p.paths)
        files << QFileInfo(path).fileName();
    QStringList parts;
    parts << (newCards == 1 ? tr("1 new contact") : tr("%L1 new contacts").arg(newCards));
    parts << (merges == 1 ? tr("1 merge into someone you have") : tr("%L1 merges into people you have").arg(merges));
    parts << tr("%L1 already known").arg(known);
    parts << tr("%L1 skipped").arg(skipped);
    const QString cards = p.cards.size() == 1 ? tr("1 card") : tr("%L1 cards").arg(p.cards.size());
    QString text = tr("%1 from %2: %3.").arg(cards, files.join(QStringLiteral(", ")), parts.join(QStringLiteral(", ")));
    const qsizetype problems = p.problems.size() + p.fileErrors.size();
    if (problems > 0)
        text += QLatin1Char(' ') + (problems == 1 ? tr("1 problem (listed below).") : tr("%L1 problems (listed below).").arg(problems));
    m_summary->setText(text);

    const std::pair<Filter, QString> labels[] = {{Filter::All, tr("All")},         {Filter::New, tr("New")},
                                                 {Filter::Merge, tr("Merge")},     {Filter::Known, tr("Already known")},
                                                 {Filter::Skip, tr("Skipped")},    {Filter::Problems, tr("With problems")}};
    for (const auto &[filter, label] : labels) {
        const qsizetype n = filter == Filter::All     ? p.cards.size()
                            : filter == Filter::New   ? newCards
                            : filter == Filter::Merge ? merges
                            : filter == Filter::Known ? known
                            : filter == Filter::Skip  ? skipped
                                                      : m_model->count(Filter::Problems);
        m_filters->button(int(filter))->setText(tr("%1 (%L2)").arg(label).arg(n));
    }
    const qsizetype importing = newCards + merges;
    m_import->setText(importing == 1 ? tr("Import 1 Card") : tr("Import %L1 Cards").arg(importing));
    m_import->setEnabled(importing > 0);
}

} // namespace Rapport::Ui
