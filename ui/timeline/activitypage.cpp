#include "activitypage.h"

#include "activitymodel.h"
#include "interactionicon.h"
#include "plainmessage.h"
#include "store/database.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Rapport::Ui {

using namespace Rapport::Core;

namespace {

enum class Period { All, Week, Month, Quarter, Year };

} // namespace

ActivityPage::ActivityPage(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new ActivityModel(database, this))
    , m_kind(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("activityPage"));
    m_kind->setObjectName(QStringLiteral("activityKindFilter"));
    m_kind->addItem(tr("All kinds"), -1);
    for (InteractionKind kind : allInteractionKinds())
        m_kind->addItem(interactionIcon(kind), interactionKindDisplayName(kind), static_cast<int>(kind));
    m_period->setObjectName(QStringLiteral("activityPeriodFilter"));
    m_period->addItem(tr("Any time"), static_cast<int>(Period::All));
    m_period->addItem(tr("Last 7 days"), static_cast<int>(Period::Week));
    m_period->addItem(tr("Last 30 days"), static_cast<int>(Period::Month));
    m_period->addItem(tr("Last 90 days"), static_cast<int>(Period::Quarter));
    m_period->addItem(tr("Last 12 months"), static_cast<int>(Period::Year));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilters);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ActivityPage::applyFilters);

    auto *title = new QLabel(tr("Activity"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    auto *filters = new QHBoxLayout;
    filters->addWidget(title);
    filters->addStretch(1);
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_kind);
    filters->addWidget(m_period);

    m_table->setObjectName(QStringLiteral("activityTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(18, 18));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ActivityModel::TimeColumn, 150);
    m_table->setColumnWidth(ActivityModel::KindColumn, 130);
    m_table->setColumnWidth(ActivityModel::WhoColumn, 220);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(ActivityModel::ContactIdRole).toLongLong(); id > 0)
            emit contactActivated(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ActivityPage::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPage::showDetails);

    m_details->setObjectName(QStringLiteral("activityDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 3);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setContentsMargins(4, 6, 4, 6);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    showDetails();
}

void ActivityPage::reload()
{
    m_model->reload();
}

void ActivityPage::applyFilters()
{
    ActivityQuery query;
    if (const int kind = m_kind->currentData().toInt(); kind >= 0)
        query.kind = static_cast<InteractionKind>(kind);
    const QDateTime now = m_database.clock().now();
    switch (static_cast<Period>(m_period->currentData().toInt())) {
    case Period::All:
        break;
    case Period::Week:
        query.from = now.addDays(-7);
        break;
    case Period::Month:
        query.from = now.addDays(-30);
        break;
    case Period::Quarter:
        query.from = now.addDays(-90);
        break;
    case Period::Year:
        query.from = now.addMonths(-12);
        break;
    }
    m_model->setQuery(query);
}

void ActivityPage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->setText(m_model->rowCount() == 0 ? tr("Nothing happened in this period.")
                                                    : tr("Select an interaction to read it; double-click to "
                                                         "open the person's page."));
        return;
    }
    const ActivityRow &row = m_model->row(current.row());
    QString text = tr("%1 with %2, %3")
                       .arg(interactionKindDisplayName(row.kind), row.participantNames,
                            QLocale().toString(row.occurredAt.toLocalTime(), QLocale::LongFormat));
    if (!row.summary.isEmpty())
        text += QStringLiteral("\n") + row.summary;
    if (!row.body.isEmpty())
        text += QStringLiteral("\n\n") + row.body;
    m_details->setText(shownText(text, ShownLength::Paragraphs));
}

} // namespace Rapport::Ui
