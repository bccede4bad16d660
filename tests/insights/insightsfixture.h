#pragma once

#include "store/database.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Rapport::Test {

/// The hand-built network the insights suites count on. Times are 15:00 UTC
/// on day N of 2026 (day 0 is 1 January), which is the same date in Honolulu.
///
/// | contact | channel    | tags   | what happened                                                   |
/// |---------|------------|--------|-----------------------------------------------------------------|
/// | Ada     | Twitter    | design | tweet 0, email 4, call 10, meeting 20, set to client by hand 30 |
/// | Ben     | Twitter    |        | tweet 0, call 6 (skipped email)                                 |
/// | Cy      | Conference |        | set to client by hand on day 15, nothing logged; Ada introduced |
/// | Dee     | Webinar    | design | tweet 2, email 5; Ada introduced; cadence 365 days              |
/// | Eve     | Webinar    |        | email 40 (skipped tweet); Dee introduced                        |
/// | Fay     |            |        | nothing; cadence 14 days                                        |
/// | Gus     | Twitter    |        | tweet 1, email 3, call 7, meeting 9, set back to email 12       |
/// | Hal     | Twitter    |        | tweet 0; archived                                               |
///
/// Ada has a 30-day cadence and was met on 2025-12-20; everyone else was added
/// when the clock stood at 2026-06-15 12:00 UTC, where it stays.
struct InsightsFixture
{
    QHash<QString, qint64> ids;

    /// Fills an empty data file; fails the test on error.
    void build(Core::Database &database);
    qint64 id(const QString &name) const { return ids.value(name); }

    static QDateTime day(int n);
};

} // namespace Rapport::Test
