#pragma once

#include "domain/interactionkind.h"
#include "insightsfilter.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace Rapport::Core {

class Database;

/// How wide a bar of activity is.
enum class ActivityGrain { Week, Month };

/// Interactions per week or month, one row of counts per kind.
struct ActivityReport
{
    ActivityGrain grain = ActivityGrain::Month;
    /// The first day of each bucket (a Monday, or the 1st), in local time; a
    /// bucket ends where the next one starts (the last one at the period's end).
    QList<QDate> bucketStarts;
    /// Every kind, in allInteractionKinds() order; counts[k][b] is how many
    /// interactions of kinds[k] happened in bucket b.
    QList<InteractionKind> kinds;
    QList<QList<int>> counts;
    /// Milliseconds since the epoch where each bucket starts, and where the last ends.
    QList<qint64> boundaries;

    int total() const;
};

/// New contacts per month, one row of counts per how-we-met channel.
struct NewContactsReport
{
    /// The first of each month.
    QList<QDate> months;
    /// The channels with the most contacts in the period first; "" is "not
    /// recorded". Beyond `channelLimit` the rest are summed into one last row
    /// with `otherChannels` set.
    QStringList channels;
    bool otherChannels = false;
    QList<QList<int>> counts;
};

/// Counts what happened over time. A contact is new in the month of its
/// how-we-met date, or when it has none, of the day it was added.
class ActivityAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ActivityAnalysis)

public:
    explicit ActivityAnalysis(Database &database);

    /// Interactions in the period (without a start: from the first one), per
    /// bucket and kind. The cohort keeps the interactions a cohort member took
    /// part in; with everyone, every interaction counts.
    Result<ActivityReport> interactions(const InsightsFilter &filter, ActivityGrain grain);
    /// The contacts (ids, ascending) who took part in interactions of `kind`
    /// between two boundaries of a report, within the filter's cohort.
    Result<QList<qint64>> participants(const InsightsFilter &filter, InteractionKind kind, qint64 fromMs, qint64 toMs);

    static constexpr int channelLimit = 6;
    /// New contacts per month over the period (without a start: from the first one).
    Result<NewContactsReport> newContacts(const InsightsFilter &filter);
    /// The contacts behind one cell of a NewContactsReport (`otherChannels`:
    /// every channel not in `shown`).
    Result<QList<qint64>> newContactIds(const InsightsFilter &filter, const QDate &month, const QString &channel,
                                        bool otherChannels, const QStringList &shown);

private:
    Database &m_database;
};

} // namespace Rapport::Core
