#pragma once

#include "daystats.h"
#include "domain/stage.h"
#include "insightsfilter.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Rapport::Core {

class Database;

/// One rung of the funnel.
struct FunnelStep
{
    Stage stage = Stage::None;
    /// The contacts (ids, ascending) that reached this rung or a higher one.
    QList<qint64> contactIds;
    /// reached / reached at the rung below; nullopt for the first rung or when
    /// nobody reached the rung below.
    std::optional<double> conversion;
    /// Days from the rung the contact stood on before to this one.
    DayStats daysFromPrevious;

    qint64 reached() const { return contactIds.size(); }
};

/// The engagement funnel tweet → email → call → meeting → client.
struct FunnelReport
{
    /// Tweet, Email, Call, Meeting, Client, in that order.
    QList<FunnelStep> steps;
};

/// Counts how far contacts got up the ladder, from their stage history.
///
/// - A contact *reached* a rung when its history holds that rung or a higher
///   one: someone who went from a tweet straight to a call, or whom the user
///   set to client by hand, passed the rungs below on the way, so a rung never
///   counts fewer contacts than the one above it. A later step down (a stage set
///   lower by hand) does not undo what was reached.
/// - The *days from the previous rung* of a rung the contact actually stood on
///   run from the first time it stood on the highest rung below that it also
///   stood on; rungs it skipped have no time of their own. A contact set to
///   client by hand as its first step counts towards no duration.
/// - The *period* picks the contacts that entered the ladder (their first step
///   at tweet or above) within it, and counts the rungs they reached by the
///   period's end; the cohort narrows them further.
class FunnelAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::FunnelAnalysis)

public:
    explicit FunnelAnalysis(Database &database);

    Result<FunnelReport> compute(const InsightsFilter &filter);

private:
    Database &m_database;
};

} // namespace Rapport::Core
