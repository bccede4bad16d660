#include "insightspage.h"

#include "barchart.h"
#include "boxchart.h"
#include "stagecolors.h"
#include "store/database.h"
#include "store/connectionthread.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Rapport::Core;

namespace Rapport::Ui {

namespace {

QColor kindColor(InteractionKind kind)
{
    switch (kind) {
    case InteractionKind::Tweet:
        return stageColor(Stage::Tweet);
    case InteractionKind::DirectMessage:
        return stageColor(Stage::Tweet).lighter(140);
    case InteractionKind::Email:
        return stageColor(Stage::Email);
    case InteractionKind::Call:
        return stageColor(Stage::Call);
    case InteractionKind::VideoCall:
        return stageColor(Stage::Call).lighter(135);
    case InteractionKind::Meeting:
        return stageColor(Stage::Meeting);
    case InteractionKind::Webinar:
        return QColor(0x1f, 0x8a, 0x8a);
    case InteractionKind::Comment:
        return QColor(0x8f, 0xb8, 0xd6);
    case InteractionKind::Note:
        return QColor(0xb0, 0xb4, 0xb8);
    }
    return QColor(Qt::gray);
}

QColor channelColor(int index)
{
    static const QColor colors[] = {QColor(0x3d, 0x9b, 0xd9), QColor(0xe0, 0x8a, 0x2c), QColor(0x2f, 0x9e, 0x5f),
                                    QColor(0x86, 0x62, 0xc7), QColor(0xd1, 0x3d, 0x4f), QColor(0x1f, 0x8a, 0x8a),
                                    QColor(0x9e, 0xa3, 0xa8)};
    return colors[index % std::size(colors)];
}

/// "1 contact" or "3 contacts": without a loaded translation, %n's "(s)" would show as is.
QString counted(qint64 n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

QString percent(double ratio)
{
    return QLocale().toString(ratio * 100, 'f', 0) + QLatin1Char('%');
}

QString days(double value)
{
    return QLocale().toString(value, 'f', 1);
}

} // namespace

InsightsPage::InsightsPage(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("insightsPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto *bar = new QWidget(this);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(16, 10, 16, 6);
    outer->addWidget(bar);

    m_period = new QComboBox(bar);
    m_period->setObjectName(QStringLiteral("insightsPeriod"));
    m_from = new QDateEdit(bar);
    m_from->setObjectName(QStringLiteral("insightsFrom"));
    m_to = new QDateEdit(bar);
    m_to->setObjectName(QStringLiteral("insightsTo"));
    m_cohort = new QComboBox(bar);
    m_cohort->setObjectName(QStringLiteral("insightsCohort"));
    m_cohort->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_grain = new QComboBox(bar);
    m_grain->setObjectName(QStringLiteral("insightsGrain"));
    m_summary = new QLabel(bar);
    m_summary->setObjectName(QStringLiteral("insightsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    buildPickers();
    const auto caption = [bar](const QString &text) {
        auto *label = new QLabel(text, bar);
        label->setTextFormat(Qt::PlainText);
        return label;
    };
    barLayout->addWidget(caption(tr("Period:")));
    barLayout->addWidget(m_period);
    barLayout->addWidget(m_from);
    barLayout->addWidget(m_to);
    barLayout->addSpacing(16);
    barLayout->addWidget(caption(tr("Who:")));
    barLayout->addWidget(m_cohort);
    barLayout->addSpacing(16);
    barLayout->addWidget(caption(tr("Activity by:")));
    barLayout->addWidget(m_grain);
    barLayout->addSpacing(16);
    barLayout->addWidget(m_summary, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("insightsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll, 1);
    auto *grid = new QWidget(scroll);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(12, 6, 12, 12);
    layout->setSpacing(12);
    scroll->setWidget(grid);

    m_funnelChart = new BarChart(tr("Engagement funnel"), grid);
    m_funnelChart->setObjectName(QStringLiteral("funnelChart"));
    m_funnelChart->setValueAxisLabel(tr("contacts who reached the stage"));
    m_funnelChart->setEmptyText(tr("Nobody started on the ladder in this period."));
    m_daysChart = new BoxChart(tr("Days per step"), grid);
    m_daysChart->setObjectName(QStringLiteral("daysChart"));
    m_daysChart->setValueAxisLabel(tr("days from the stage before"));
    m_activityChart = new BarChart(tr("Activity"), grid);
    m_activityChart->setObjectName(QStringLiteral("activityChart"));
    m_activityChart->setValueAxisLabel(tr("interactions"));
    m_activityChart->setEmptyText(tr("No interactions in this period."));
    m_newContactsChart = new BarChart(tr("New contacts by how you met"), grid);
    m_newContactsChart->setObjectName(QStringLiteral("newContactsChart"));
    m_newContactsChart->setValueAxisLabel(tr("new contacts"));
    m_newContactsChart->setEmptyText(tr("No new contacts in this period."));
    m_introducersChart = new BarChart(tr("Clients by introducer"), grid);
    m_introducersChart->setObjectName(QStringLiteral("introducersChart"));
    m_introducersChart->setHorizontal(true);
    m_introducersChart->setValueAxisLabel(tr("clients"));
    m_introducersChart->setEmptyText(tr("No introduction has led to a client yet."));
    m_coldChart = new BarChart(tr("Going cold"), grid);
    m_coldChart->setObjectName(QStringLiteral("coldChart"));
    m_coldChart->setValueAxisLabel(tr("contacts past their cadence"));
    m_coldChart->setEmptyText(tr("Everyone with a keep-in-touch cadence is up to date."));
    layout->addWidget(m_funnelChart, 0, 0);
    layout->addWidget(m_daysChart, 0, 1);
    layout->addWidget(m_activityChart, 1, 0);
    layout->addWidget(m_newContactsChart, 1, 1);
    layout->addWidget(m_introducersChart, 2, 0);
    layout->addWidget(m_coldChart, 2, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);

    connect(m_funnelChart, &InsightsChart::barClicked, this, [this](int, int index) {
        const FunnelStep &step = m_funnel.steps.value(index);
        requestContacts(step.contactIds, tr("reached %1").arg(stageDisplayName(step.stage)));
    });
    connect(m_daysChart, &InsightsChart::barClicked, this, [this](int series, int) {
        const FunnelStep &step = m_funnel.steps.value(m_daysChart->categoryOf(series) + 1);
        requestContacts(step.contactIds, tr("reached %1").arg(stageDisplayName(step.stage)));
    });
    connect(m_activityChart, &InsightsChart::barClicked, this, [this](int series, int index) {
        const InteractionKind kind = m_activity.kinds.value(series);
        requestContacts(ActivityAnalysis(m_database).participants(m_filter, kind, m_activity.boundaries.value(index),
                                                                  m_activity.boundaries.value(index + 1)),
                        tr("are behind the %1 interactions of %2")
                            .arg(interactionKindDisplayName(kind), bucketLabel(m_activity.bucketStarts.value(index))));
    });
    connect(m_newContactsChart, &InsightsChart::barClicked, this, [this](int series, int index) {
        const bool other = series >= m_newContacts.channels.size();
        const QString channel = m_newContacts.channels.value(series);
        const QDate month = m_newContacts.months.value(index);
        requestContacts(ActivityAnalysis(m_database).newContactIds(m_filter, month, channel, other,
                                                                   m_newContacts.channels),
                        (other               ? tr("are new in %1 through other channels")
                         : channel.isEmpty() ? tr("are new in %1 with how you met not recorded")
                                             : tr("are new in %1 through %2").arg(QStringLiteral("%1"), channel))
                            .arg(QLocale().toString(month, QStringLiteral("MMM yyyy"))));
    });
    connect(m_introducersChart, &InsightsChart::barClicked, this, [this](int, int index) {
        const IntroducerClients &introducer = m_attribution.introducers.value(index);
        requestContacts(introducer.allClients, tr("became clients through %1").arg(introducer.name));
    });
    connect(m_coldChart, &InsightsChart::barClicked, this, [this](int, int index) {
        requestContacts(m_cold.byStage.value(index),
                        tr("are going cold at %1").arg(stageDisplayName(static_cast<Stage>(index))));
    });
}

void InsightsPage::buildPickers()
{
    const QList<std::pair<QString, Period>> periods{
        {tr("Last 30 days"), Period::Last30Days}, {tr("Last 3 months"), Period::Last3Months},
        {tr("Last 12 months"), Period::Last12Months}, {tr("This year"), Period::ThisYear},
        {tr("All time"), Period::AllTime}, {tr("Between…"), Period::Custom},
    };
    for (const auto &[name, period] : periods)
        m_period->addItem(name, static_cast<int>(period));
    m_period->setCurrentIndex(m_period->findData(static_cast<int>(Period::AllTime)));
    const QDate today = m_database.clock().now().toLocalTime().date();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setVisible(false);
    }
    m_from->setDate(today.addMonths(-12).addDays(1));
    m_to->setDate(today);
    m_grain->addItem(tr("Month"), static_cast<int>(ActivityGrain::Month));
    m_grain->addItem(tr("Week"), static_cast<int>(ActivityGrain::Week));
    connect(m_period, &QComboBox::currentIndexChanged, this, &InsightsPage::periodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &InsightsPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &InsightsPage::reload);
    connect(m_cohort, &QComboBox::currentIndexChanged, this, &InsightsPage::reload);
    connect(m_grain, &QComboBox::currentIndexChanged, this, &InsightsPage::reload);
}

void InsightsPage::periodChanged()
{
    const bool custom = static_cast<Period>(m_period->currentData().toInt()) == Period::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    reload();
}

void InsightsPage::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(static_cast<int>(period)));
}

void InsightsPage::setCustomPeriod(const QDate &from, const QDate &to)
{
    m_loading = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_loading = false;
    if (m_period->currentData().toInt() == static_cast<int>(Period::Custom))
        reload();
    else
        setPeriod(Period::Custom);
}

void InsightsPage::setGrain(ActivityGrain grain)
{
    m_grain->setCurrentIndex(m_grain->findData(static_cast<int>(grain)));
}

bool InsightsPage::setCohort(InsightsFilter::Cohort cohort, const QString &value, qint64 introducerId)
{
    for (int i = 0; i < m_cohort->count(); ++i) {
        const QVariantList item = m_cohort->itemData(i).toList();
        if (item.value(0).toInt() == static_cast<int>(cohort) && item.value(1).toString() == value
            && item.value(2).toLongLong() == introducerId) {
            m_cohort->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

InsightsPage::~InsightsPage() = default;

InsightsFilter InsightsPage::filter() const
{
    InsightsFilter filter;
    const QDate today = m_database.clock().now().toLocalTime().date();
    switch (static_cast<Period>(m_period->currentData().toInt())) {
    case Period::Last30Days:
        filter.from = today.addDays(-29);
        break;
    case Period::Last3Months:
        filter.from = today.addMonths(-3).addDays(1);
        break;
    case Period::Last12Months:
        filter.from = today.addMonths(-12).addDays(1);
        break;
    case Period::ThisYear:
        filter.from = QDate(today.year(), 1, 1);
        break;
    case Period::AllTime:
        break;
    case Period::Custom:
        filter.from = std::min(m_from->date(), m_to->date());
        filter.to = std::max(m_from->date(), m_to->date());
        break;
    }
    const QVariantList cohort = m_cohort->currentData().toList();
    if (!cohort.isEmpty()) {
        filter.cohort = static_cast<InsightsFilter::Cohort>(cohort.value(0).toInt());
        filter.value = cohort.value(1).toString();
        filter.introducerId = cohort.value(2).toLongLong();
    }
    return filter;
}

void InsightsPage::fillCohorts(const CohortChoices &choices)
{
    const QVariant current = m_cohort->currentData();
    m_cohort->clear();
    const auto add = [this](const QString &text, InsightsFilter::Cohort cohort, const QString &value, qint64 id) {
        m_cohort->addItem(text, QVariantList{static_cast<int>(cohort), value, id});
    };
    add(tr("Everyone"), InsightsFilter::Cohort::Everyone, {}, 0);
    for (const QString &channel : choices.channels)
        add(tr("Met through %1").arg(channel), InsightsFilter::Cohort::Channel, channel, 0);
    for (const QString &tag : choices.tags)
        add(tr("Tagged %1").arg(tag), InsightsFilter::Cohort::Tag, tag, 0);
    for (const IntroducerChoice &introducer : choices.introducers)
        add(tr("Introduced by %1").arg(introducer.name), InsightsFilter::Cohort::Introducer, {}, introducer.id);
    const int index = m_cohort->findData(current);
    m_cohort->setCurrentIndex(index < 0 ? 0 : index);
}

QList<InsightsChart *> InsightsPage::charts() const
{
    return {m_funnelChart, m_daysChart, m_activityChart, m_newContactsChart, m_introducersChart, m_coldChart};
}

Status InsightsPage::reload()
{
    if (m_loading)
        return Status::success();
    if (!m_reader)
        m_reader = std::make_unique<ConnectionThread>(m_database.path(), m_database.clock());
    const QVariant cohortBefore = m_cohort->currentData();
    m_filter = filter();
    const auto grain = static_cast<ActivityGrain>(m_grain->currentData().toInt());

    // Half the work on a connection of its own beside this one's: the pickers'
    // choices, the attribution (the graph of everyone) and who is going cold.
    auto choicesJob = m_reader->run<CohortChoices>([](Database &db) -> Result<CohortChoices> {
        InsightsChoices choices(db);
        auto channels = choices.channels();
        auto tags = choices.tags();
        auto introducers = choices.introducers();
        for (const Status &status : {channels.status(), tags.status(), introducers.status()}) {
            if (!status)
                return status;
        }
        return CohortChoices{*channels, *tags, *introducers};
    });
    auto attributionJob =
        m_reader->run<AttributionReport>([](Database &db) { return AttributionAnalysis(db).compute(); });
    auto coldJob =
        m_reader->run<ColdReport>([filter = m_filter](Database &db) { return ColdContacts(db).compute(filter); });

    auto funnel = FunnelAnalysis(m_database).compute(m_filter);
    ActivityAnalysis activityAnalysis(m_database);
    auto activity = activityAnalysis.interactions(m_filter, grain);
    auto newContacts = activityAnalysis.newContacts(m_filter);
    auto choices = choicesJob.get();
    auto attribution = attributionJob.get();
    auto cold = coldJob.get();
    for (const Status &status : {choices.status(), funnel.status(), activity.status(), newContacts.status(),
                                 attribution.status(), cold.status()}) {
        if (!status) {
            m_summary->setText(status.error());
            return status;
        }
    }
    m_loading = true;
    fillCohorts(*choices);
    m_loading = false;
    if (cohortBefore.isValid() && m_cohort->currentData() != cohortBefore) {
        // The cohort shown is gone (its tag or channel no longer in use): the
        // page shows everyone instead, counted again.
        m_filter = filter();
        funnel = FunnelAnalysis(m_database).compute(m_filter);
        activity = activityAnalysis.interactions(m_filter, grain);
        newContacts = activityAnalysis.newContacts(m_filter);
        cold = ColdContacts(m_database).compute(m_filter);
        for (const Status &status : {funnel.status(), activity.status(), newContacts.status(), cold.status()}) {
            if (!status) {
                m_summary->setText(status.error());
                return status;
            }
        }
    }
    m_funnel = std::move(funnel).value();
    m_activity = std::move(activity).value();
    m_newContacts = std::move(newContacts).value();
    m_attribution = std::move(attribution).value();
    m_cold = std::move(cold).value();
    showFunnel();
    showDays();
    showActivity();
    showNewContacts();
    showIntroducers();
    showCold();
    const qint64 started = m_funnel.steps.value(0).reached();
    const qint64 clients = m_funnel.steps.value(4).reached();
    m_summary->setText(tr("%1 on the ladder · %2 clients · %3 going cold")
                           .arg(started)
                           .arg(clients)
                           .arg(m_cold.total()));
    return Status::success();
}

void InsightsPage::showFunnel()
{
    QStringList categories;
    QStringList labels;
    QList<QColor> colors;
    BarChart::Series reached{tr("Reached"), stageColor(Stage::Tweet), {}};
    for (const FunnelStep &step : std::as_const(m_funnel.steps)) {
        categories << stageDisplayName(step.stage);
        colors << stageColor(step.stage);
        reached.values << double(step.reached());
        QString label = QString::number(step.reached());
        if (step.conversion)
            label += QStringLiteral(" · ") + percent(*step.conversion);
        labels << label;
    }
    m_funnelChart->setData(categories, {reached}, labels, colors);
    m_funnelChart->setToolTipProvider([this](int, int index) {
        const FunnelStep &step = m_funnel.steps.value(index);
        QStringList lines{stageDisplayName(step.stage),
                          counted(int(step.reached()), tr("1 contact reached this stage or a higher one"),
                                  tr("%1 contacts reached this stage or a higher one"))};
        if (step.conversion) {
            lines << tr("%1 of those who reached %2")
                         .arg(percent(*step.conversion), stageDisplayName(m_funnel.steps.value(index - 1).stage));
        }
        if (step.daysFromPrevious.count)
            lines << tr("median %1 days from the stage before").arg(days(step.daysFromPrevious.median));
        lines << tr("Click to see them in the contact list");
        return lines.join(QLatin1Char('\n'));
    });
}

void InsightsPage::showDays()
{
    QStringList categories;
    QList<DayStats> stats;
    QList<QColor> colors;
    for (int i = 1; i < m_funnel.steps.size(); ++i) {
        const FunnelStep &step = m_funnel.steps[i];
        categories << tr("→ %1").arg(stageDisplayName(step.stage));
        stats << step.daysFromPrevious;
        colors << stageColor(step.stage);
    }
    m_daysChart->setData(categories, stats, colors);
    m_daysChart->setToolTipProvider([this](int series, int) {
        const FunnelStep &step = m_funnel.steps.value(m_daysChart->categoryOf(series) + 1);
        const DayStats &d = step.daysFromPrevious;
        return QStringList{tr("To %1").arg(stageDisplayName(step.stage)),
                           counted(d.count, tr("1 contact timed"), tr("%1 contacts timed")),
                           tr("median %1 days").arg(days(d.median)),
                           tr("middle half %1–%2 days").arg(days(d.lowerQuartile), days(d.upperQuartile)),
                           tr("fastest %1, slowest %2 days").arg(days(d.minimum), days(d.maximum))}
            .join(QLatin1Char('\n'));
    });
}

QString InsightsPage::bucketLabel(const QDate &start) const
{
    if (m_activity.grain == ActivityGrain::Week)
        return QLocale().toString(start, QStringLiteral("d MMM"));
    return QLocale().toString(start, QStringLiteral("MMM yyyy"));
}

void InsightsPage::showActivity()
{
    QStringList categories;
    for (const QDate &start : std::as_const(m_activity.bucketStarts))
        categories << bucketLabel(start);
    QList<BarChart::Series> kinds;
    for (int k = 0; k < m_activity.kinds.size(); ++k) {
        const QList<int> &counts = m_activity.counts[k];
        BarChart::Series s{interactionKindDisplayName(m_activity.kinds[k]), kindColor(m_activity.kinds[k]), {}};
        for (int count : counts)
            s.values << count;
        kinds << s;
    }
    m_activityChart->setData(categories, kinds);
    m_activityChart->setToolTipProvider([this](int series, int index) {
        const int count = m_activity.counts.value(series).value(index);
        return QStringList{interactionKindDisplayName(m_activity.kinds.value(series)),
                           bucketLabel(m_activity.bucketStarts.value(index)),
                           counted(count, tr("1 interaction"), tr("%1 interactions"))}
            .join(QLatin1Char('\n'));
    });
}

void InsightsPage::showNewContacts()
{
    QStringList categories;
    for (const QDate &month : std::as_const(m_newContacts.months))
        categories << QLocale().toString(month, QStringLiteral("MMM yyyy"));
    QList<BarChart::Series> channels;
    for (int c = 0; c < m_newContacts.counts.size(); ++c) {
        const bool other = c >= m_newContacts.channels.size();
        const QString channel = m_newContacts.channels.value(c);
        BarChart::Series s{other ? tr("Other channels") : channel.isEmpty() ? tr("Not recorded") : channel,
                           channelColor(c), {}};
        for (int count : m_newContacts.counts[c])
            s.values << count;
        channels << s;
    }
    m_newContactsChart->setData(categories, channels);
    m_newContactsChart->setToolTipProvider([this](int series, int index) {
        const bool other = series >= m_newContacts.channels.size();
        const QString channel = m_newContacts.channels.value(series);
        return QStringList{other ? tr("Other channels") : channel.isEmpty() ? tr("How you met not recorded") : channel,
                           QLocale().toString(m_newContacts.months.value(index), QStringLiteral("MMMM yyyy")),
                           counted(m_newContacts.counts.value(series).value(index), tr("1 new contact"),
                                   tr("%1 new contacts"))}
            .join(QLatin1Char('\n'));
    });
}

void InsightsPage::showIntroducers()
{
    QStringList categories;
    QStringList labels;
    BarChart::Series direct{tr("Introduced directly"), stageColor(Stage::Client), {}};
    BarChart::Series chains{tr("Through others"), stageColor(Stage::Client).lighter(150), {}};
    for (const IntroducerClients &introducer : std::as_const(m_attribution.introducers)) {
        categories << introducer.name;
        direct.values << double(introducer.directClients.size());
        chains.values << double(introducer.allClients.size() - introducer.directClients.size());
        labels << QString::number(introducer.allClients.size());
    }
    m_introducersChart->setData(categories, {direct, chains}, labels);
    m_introducersChart->setToolTipProvider([this](int, int index) {
        const IntroducerClients &introducer = m_attribution.introducers.value(index);
        return QStringList{introducer.name,
                           counted(int(introducer.directClients.size()), tr("1 client introduced directly"),
                                   tr("%1 clients introduced directly")),
                           counted(int(introducer.allClients.size()),
                                   tr("1 client in all, through the people they introduced"),
                                   tr("%1 clients in all, through the people they introduced")),
                           tr("Click to see them in the contact list")}
            .join(QLatin1Char('\n'));
    });
}

void InsightsPage::showCold()
{
    QStringList categories;
    QStringList labels;
    QList<QColor> colors;
    BarChart::Series cold{tr("Going cold"), stageColor(Stage::None), {}};
    for (int s = 0; s < m_cold.byStage.size(); ++s) {
        const auto stage = static_cast<Stage>(s);
        categories << stageDisplayName(stage);
        colors << stageColor(stage);
        cold.values << double(m_cold.byStage[s].size());
        labels << (m_cold.byStage[s].isEmpty() ? QString() : QString::number(m_cold.byStage[s].size()));
    }
    m_coldChart->setData(categories, {cold}, labels, colors);
    m_coldChart->setToolTipProvider([this](int, int index) {
        return QStringList{stageDisplayName(static_cast<Stage>(index)),
                           counted(int(m_cold.byStage.value(index).size()),
                                   tr("1 contact past their keep-in-touch cadence"),
                                   tr("%1 contacts past their keep-in-touch cadence")),
                           tr("Click to see them in the contact list")}
            .join(QLatin1Char('\n'));
    });
}

void InsightsPage::requestContacts(const Result<QList<qint64>> &ids, const QString &description)
{
    if (!ids) {
        m_summary->setText(ids.error());
        return;
    }
    if (ids->isEmpty())
        return;
    emit contactsRequested(*ids, description);
}

} // namespace Rapport::Ui
