#pragma once

#include "insights/activityanalysis.h"
#include "insights/attributionanalysis.h"
#include "insights/coldcontacts.h"
#include "insights/funnelanalysis.h"
#include "insights/insightsfilter.h"
#include "result.h"

#include <QList>
#include <QWidget>

#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;

namespace Rapport::Core {
class Database;
class ConnectionThread;
}

namespace Rapport::Ui {

class BarChart;
class BoxChart;
class InsightsChart;

/// The numbers behind the relationships, as charts: the funnel with its
/// conversions, the days each step takes, activity over time, new contacts by
/// channel, the introducers clients came through and who is going cold, for a
/// chosen period and cohort. Clicking a bar asks for the people behind it.
class InsightsPage : public QWidget
{
    Q_OBJECT

public:
    enum class Period { Last30Days, Last3Months, Last12Months, ThisYear, AllTime, Custom };

    explicit InsightsPage(Core::Database &database, QWidget *parent = nullptr);
    ~InsightsPage() override;

    /// Reads the data file again and redraws every chart; on failure the
    /// message is shown on the page and returned.
    Core::Status reload();

    /// The period and cohort the pickers describe.
    Core::InsightsFilter filter() const;
    void setPeriod(Period period);
    void setCustomPeriod(const QDate &from, const QDate &to);
    /// Picks the cohort entry whose data matches (reloading); false when the pickers offer none.
    bool setCohort(Core::InsightsFilter::Cohort cohort, const QString &value, qint64 introducerId = 0);
    void setGrain(Core::ActivityGrain grain);

    BarChart *funnelChart() const { return m_funnelChart; }
    BoxChart *daysChart() const { return m_daysChart; }
    BarChart *activityChart() const { return m_activityChart; }
    BarChart *newContactsChart() const { return m_newContactsChart; }
    BarChart *introducersChart() const { return m_introducersChart; }
    BarChart *coldChart() const { return m_coldChart; }
    QList<InsightsChart *> charts() const;

signals:
    /// The user clicked a bar: show these contacts; `description` says who they are.
    void contactsRequested(const QList<qint64> &contactIds, const QString &description);

private:
    struct CohortChoices
    {
        QStringList channels;
        QStringList tags;
        QList<Core::IntroducerChoice> introducers;
    };
    void buildPickers();
    void fillCohorts(const CohortChoices &choices);
    void periodChanged();
    void showFunnel();
    void showDays();
    void showActivity();
    void showNewContacts();
    void showIntroducers();
    void showCold();
    void requestContacts(const Core::Result<QList<qint64>> &ids, const QString &description);
    QString bucketLabel(const QDate &start) const;

    Core::Database &m_database;
    /// Where half of each reload runs, on a connection of its own.
    std::unique_ptr<Core::ConnectionThread> m_reader;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_cohort = nullptr;
    QComboBox *m_grain = nullptr;
    QLabel *m_summary = nullptr;
    BarChart *m_funnelChart = nullptr;
    BoxChart *m_daysChart = nullptr;
    BarChart *m_activityChart = nullptr;
    BarChart *m_newContactsChart = nullptr;
    BarChart *m_introducersChart = nullptr;
    BarChart *m_coldChart = nullptr;
    bool m_loading = false;

    Core::InsightsFilter m_filter;
    Core::FunnelReport m_funnel;
    Core::ActivityReport m_activity;
    Core::NewContactsReport m_newContacts;
    Core::AttributionReport m_attribution;
    Core::ColdReport m_cold;
};

} // namespace Rapport::Ui
