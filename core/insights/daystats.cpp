#include "daystats.h"

#include <algorithm>
#include <cmath>

namespace Rapport::Core {

namespace {

double quantile(const QList<double> &sorted, double p)
{
    const double rank = p * double(sorted.size() - 1);
    const auto below = qsizetype(std::floor(rank));
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (rank - double(below)) * (sorted[above] - sorted[below]);
}

} // namespace

DayStats DayStats::of(QList<double> &days)
{
    DayStats stats;
    if (days.isEmpty())
        return stats;
    std::sort(days.begin(), days.end());
    stats.count = int(days.size());
    stats.minimum = days.constFirst();
    stats.maximum = days.constLast();
    stats.lowerQuartile = quantile(days, 0.25);
    stats.median = quantile(days, 0.5);
    stats.upperQuartile = quantile(days, 0.75);
    return stats;
}

} // namespace Rapport::Core
