#pragma once

#include <QList>

namespace Rapport::Core {

/// How many days something took across contacts: the count and the five
/// numbers of a box plot. Quartiles interpolate linearly between the closest
/// ranks (the "type 7" definition spreadsheets use), so the median of 1, 2, 4
/// and 10 days is 3. Every number is 0 when count is 0.
struct DayStats
{
    int count = 0;
    double minimum = 0;
    double lowerQuartile = 0;
    double median = 0;
    double upperQuartile = 0;
    double maximum = 0;

    /// The statistics of `days` (any order; the list is sorted in place).
    static DayStats of(QList<double> &days);
};

} // namespace Rapport::Core
