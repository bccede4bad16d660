#include "funnelanalysis.h"

#include "rowscan.h"
#include "store/database.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <limits>

namespace Rapport::Core {

namespace {

constexpr int rungCount = static_cast<int>(Stage::Client); // Tweet .. Client
constexpr qint64 unset = std::numeric_limits<qint64>::max();
constexpr double msPerDay = 24.0 * 60 * 60 * 1000;

/// One contact's first time on each rung (index 0 is Tweet), `unset` where it never stood.
using FirstTimes = std::array<qint64, rungCount>;

struct Accumulator
{
    std::array<QList<qint64>, rungCount> reached;
    std::array<QList<double>, rungCount> days;

    void add(qint64 contactId, const FirstTimes &first, std::optional<qint64> start)
    {
        qint64 entry = unset;
        int highest = -1;
        for (int r = 0; r < rungCount; ++r) {
            if (first[r] == unset)
                continue;
            entry = std::min(entry, first[r]);
            highest = r;
        }
        if (highest < 0 || (start && entry < *start))
            return;
        for (int r = 0; r <= highest; ++r)
            reached[r].append(contactId);
        int previous = -1;
        for (int r = 0; r <= highest; ++r) {
            if (first[r] == unset)
                continue;
            if (previous >= 0 && first[r] >= first[previous])
                days[r].append(double(first[r] - first[previous]) / msPerDay);
            previous = r;
        }
    }
};

} // namespace

FunnelAnalysis::FunnelAnalysis(Database &database)
    : m_database(database)
{
}

Result<FunnelReport> FunnelAnalysis::compute(const InsightsFilter &filter)
{
    QVariantList values{filter.endMs(m_database.clock().now())};
    const QString cohort = filter.cohortCondition(values);
    const std::optional<qint64> start = filter.startMs();
    Accumulator accumulator;
    FirstTimes first;
    first.fill(unset);
    qint64 current = 0;
    // Everyone: the history alone, read from its covering index, and the few
    // archived contacts left out here; looking up each row's contact would
    // cost more than the rest of the funnel. A cohort needs the contact's row.
    const bool everyone = filter.cohort == InsightsFilter::Cohort::Everyone;
    QSet<qint64> archived;
    if (everyone) {
        const Status read = RowScan::run(m_database, QStringLiteral("SELECT id FROM contacts WHERE archived = 1"), {},
                                         [&](const RowScan::Row &row) { archived.insert(row.integer(0)); });
        if (!read)
            return Result<FunnelReport>::failure(tr("The funnel could not be computed: %1").arg(read.error()));
    }
    // Rows arrive grouped by contact (the history index's order); the rungs of
    // one contact are folded together before the next contact starts.
    const Status scanned = RowScan::run(
        m_database,
        everyone ? QStringLiteral("SELECT h.contact_id, h.stage, h.reached_at FROM stage_history h "
                                  "WHERE h.stage > 0 AND h.reached_at < ? ORDER BY h.contact_id")
                 : QStringLiteral("SELECT h.contact_id, h.stage, h.reached_at FROM stage_history h "
                                  "JOIN contacts c ON c.id = h.contact_id "
                                  "WHERE h.stage > 0 AND h.reached_at < ? AND c.archived = 0 AND %1 "
                                  "ORDER BY h.contact_id")
                       .arg(cohort),
        values, [&](const RowScan::Row &row) {
            const qint64 contactId = row.integer(0);
            if (!archived.isEmpty() && archived.contains(contactId))
                return;
            if (contactId != current) {
                if (current != 0)
                    accumulator.add(current, first, start);
                current = contactId;
                first.fill(unset);
            }
            const int rung = std::clamp(int(row.integer(1)), 1, rungCount) - 1;
            first[rung] = std::min(first[rung], row.integer(2));
        });
    if (!scanned)
        return Result<FunnelReport>::failure(tr("The funnel could not be computed: %1").arg(scanned.error()));
    if (current != 0)
        accumulator.add(current, first, start);

    FunnelReport report;
    const QList<Stage> ladder = stageLadder();
    for (int r = 0; r < rungCount; ++r) {
        FunnelStep step;
        step.stage = ladder[r];
        step.contactIds = std::move(accumulator.reached[r]);
        if (r > 0 && !report.steps[r - 1].contactIds.isEmpty())
            step.conversion = double(step.contactIds.size()) / double(report.steps[r - 1].contactIds.size());
        step.daysFromPrevious = DayStats::of(accumulator.days[r]);
        report.steps.append(std::move(step));
    }
    return report;
}

} // namespace Rapport::Core
