#include "activityanalysis.h"

#include "rowscan.h"
#include "store/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>

namespace Rapport::Core {

namespace {

QDate bucketStart(const QDate &day, ActivityGrain grain)
{
    return grain == ActivityGrain::Week ? day.addDays(1 - day.dayOfWeek()) : QDate(day.year(), day.month(), 1);
}

QDate nextBucket(const QDate &start, ActivityGrain grain)
{
    return grain == ActivityGrain::Week ? start.addDays(7) : start.addMonths(1);
}

/// The month a contact counts as new in: its how-we-met month, else the month it was added (local time).
const QString newMonthExpression = QStringLiteral(
    "COALESCE(NULLIF(substr(c.met_on, 1, 7), ''), strftime('%Y-%m', c.created_at / 1000, 'unixepoch', 'localtime'))");

QString monthKey(const QDate &month)
{
    return month.toString(QStringLiteral("yyyy-MM"));
}

/// newMonthExpression's month of a time without a how-we-met date, as SQLite's
/// strftime(..., 'localtime') gives it, but with each month's bounds worked out
/// once instead of the calendar for every contact.
class LocalMonths
{
public:
    QByteArray keyOf(qint64 ms)
    {
        const qint64 seconds = ms / 1000; // SQLite's integer division
        auto it = m_byStart.upperBound(seconds);
        if (it != m_byStart.begin() && seconds < (--it)->end)
            return it->key;
        const QDate day = QDateTime::fromSecsSinceEpoch(seconds).date();
        const QDate first(day.year(), day.month(), 1);
        Month month{first.addMonths(1).startOfDay().toSecsSinceEpoch(), monthKey(first).toLatin1()};
        m_byStart.insert(first.startOfDay().toSecsSinceEpoch(), month);
        return month.key;
    }

private:
    struct Month
    {
        qint64 end;
        QByteArray key;
    };
    QMap<qint64, Month> m_byStart;
};

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

} // namespace

int ActivityReport::total() const
{
    int sum = 0;
    for (const QList<int> &row : counts)
        sum = std::accumulate(row.cbegin(), row.cend(), sum);
    return sum;
}

ActivityAnalysis::ActivityAnalysis(Database &database)
    : m_database(database)
{
}

Result<ActivityReport> ActivityAnalysis::interactions(const InsightsFilter &filter, ActivityGrain grain)
{
    ActivityReport report;
    report.grain = grain;
    report.kinds = allInteractionKinds();
    const qint64 end = filter.endMs(m_database.clock().now());
    qint64 start = 0;
    if (auto from = filter.startMs()) {
        start = *from;
    } else {
        auto first = m_database.scalar(QStringLiteral("SELECT MIN(occurred_at) FROM interactions"));
        if (!first)
            return Result<ActivityReport>::failure(tr("The activity could not be read: %1").arg(first.error()));
        if (first->isNull()) {
            report.counts.resize(report.kinds.size());
            return report;
        }
        start = first->toLongLong();
    }
    if (start >= end) {
        report.counts.resize(report.kinds.size());
        return report;
    }

    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(end - 1).date();
    for (QDate b = bucketStart(QDateTime::fromMSecsSinceEpoch(start).date(), grain); b <= lastDay;
         b = nextBucket(b, grain)) {
        report.bucketStarts.append(b);
        report.boundaries.append(std::max(start, b.startOfDay().toMSecsSinceEpoch()));
    }
    report.boundaries.append(end);
    report.counts.fill(QList<int>(report.bucketStarts.size(), 0), report.kinds.size());

    if (filter.cohort == InsightsFilter::Cohort::Everyone) {
        // Everyone: one count per kind and period, each a range of the
        // (kind, occurred_at) index, all in one statement; SQLite steps over
        // index entries faster than it hands out a million rows to count here.
        QJsonArray kinds;
        for (InteractionKind kind : std::as_const(report.kinds))
            kinds.append(interactionKindKey(kind));
        QJsonArray periods;
        for (qsizetype b = 0; b + 1 < report.boundaries.size(); ++b)
            periods.append(QJsonArray{report.boundaries[b], report.boundaries[b + 1]});
        const auto json = [](const QJsonArray &array) {
            return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
        };
        const Status counted = RowScan::run(
            m_database,
            QStringLiteral("SELECT k.key, p.key, (SELECT count(*) FROM interactions i WHERE i.kind = k.value "
                           "AND i.occurred_at >= json_extract(p.value, '$[0]') "
                           "AND i.occurred_at < json_extract(p.value, '$[1]')) FROM json_each(?) k, json_each(?) p"),
            {json(kinds), json(periods)}, [&](const RowScan::Row &row) {
                const qint64 k = row.integer(0);
                const qint64 bucket = row.integer(1);
                if (k >= 0 && k < report.counts.size() && bucket >= 0 && bucket < report.bucketStarts.size())
                    report.counts[k][bucket] = int(row.integer(2));
            });
        if (!counted)
            return Result<ActivityReport>::failure(tr("The activity could not be read: %1").arg(counted.error()));
        return report;
    }

    QVariantList cohortValues;
    const QString cohort = filter.cohort == InsightsFilter::Cohort::Everyone
                               ? QString()
                               : QStringLiteral(" AND EXISTS (SELECT 1 FROM interaction_participants p JOIN contacts c "
                                                "ON c.id = p.contact_id WHERE p.interaction_id = i.id "
                                                "AND c.archived = 0 AND %1)")
                                     .arg(filter.cohortCondition(cohortValues));
    // One pass over the period's interactions, each put in its bucket by a
    // binary search over the boundaries: no sort, no lookup per row.
    QList<QByteArray> kindKeys;
    for (InteractionKind kind : std::as_const(report.kinds))
        kindKeys << interactionKindKey(kind).toUtf8();
    QVariantList values{report.boundaries.constFirst(), report.boundaries.constLast()};
    values += cohortValues;
    const Status scanned = RowScan::run(
        m_database,
        // Over more than a few weeks, reading the table in order beats the time
        // index's lookup of every row's kind.
        QStringLiteral("SELECT i.kind, i.occurred_at FROM interactions i%1 "
                       "WHERE i.occurred_at >= ? AND i.occurred_at < ?%2")
            .arg(end - start > qint64(45) * 86400000 ? QStringLiteral(" NOT INDEXED") : QString(), cohort),
        values, [&](const RowScan::Row &row) {
            const QByteArrayView key = row.utf8(0);
            int k = 0;
            while (k < kindKeys.size() && key != kindKeys[k])
                ++k;
            if (k == kindKeys.size())
                return;
            const auto bucket = std::upper_bound(report.boundaries.cbegin(), report.boundaries.cend(), row.integer(1))
                                - report.boundaries.cbegin() - 1;
            if (bucket >= 0 && bucket < report.bucketStarts.size())
                ++report.counts[k][bucket];
        });
    if (!scanned)
        return Result<ActivityReport>::failure(tr("The activity could not be read: %1").arg(scanned.error()));
    return report;
}

Result<QList<qint64>> ActivityAnalysis::participants(const InsightsFilter &filter, InteractionKind kind, qint64 fromMs,
                                                     qint64 toMs)
{
    QVariantList values{interactionKindKey(kind), fromMs, toMs};
    const QString cohort = filter.cohortCondition(values);
    auto q = m_database.exec(QStringLiteral("SELECT DISTINCT p.contact_id FROM interactions i "
                                            "JOIN interaction_participants p ON p.interaction_id = i.id "
                                            "JOIN contacts c ON c.id = p.contact_id "
                                            "WHERE i.kind = ? AND i.occurred_at >= ? AND i.occurred_at < ? "
                                            "AND c.archived = 0 AND %1 ORDER BY p.contact_id")
                                 .arg(cohort),
                             values);
    if (!q)
        return Result<QList<qint64>>::failure(tr("The contacts could not be read: %1").arg(q.error()));
    QList<qint64> ids;
    while ((*q)->next())
        ids.append((*q)->value(0).toLongLong());
    return ids;
}

Result<NewContactsReport> ActivityAnalysis::newContacts(const InsightsFilter &filter)
{
    QVariantList values;
    const QString cohort = filter.cohortCondition(values);
    // Counted here rather than by GROUP BY: SQLite would sort every contact by
    // channel and month first, which costs more than reading them.
    QHash<std::pair<QByteArray, QByteArray>, int> counted;
    LocalMonths localMonths;
    const Status scanned = RowScan::run(
        m_database,
        QStringLiteral("SELECT c.met_channel, substr(c.met_on, 1, 7), c.created_at FROM contacts c "
                       "WHERE c.archived = 0 AND %1")
            .arg(cohort),
        values, [&](const RowScan::Row &row) {
            QByteArray channel = row.utf8(0).toByteArray();
            QByteArray month = row.utf8(1).toByteArray();
            if (month.isEmpty())
                month = localMonths.keyOf(row.integer(2));
            ++counted[{std::move(channel), std::move(month)}];
        });
    if (!scanned)
        return Result<NewContactsReport>::failure(tr("The new contacts could not be read: %1").arg(scanned.error()));
    struct Cell
    {
        QString channel;
        QDate month;
        int count;
    };
    QList<Cell> cells;
    const QDate lastMonth = bucketStart(
        filter.to.isValid() ? filter.to : m_database.clock().now().toLocalTime().date(), ActivityGrain::Month);
    QDate firstMonth = filter.from.isValid() ? bucketStart(filter.from, ActivityGrain::Month) : QDate();
    for (auto it = counted.cbegin(); it != counted.cend(); ++it) {
        const QDate month =
            QDate::fromString(QString::fromUtf8(it.key().second) + QStringLiteral("-01"), Qt::ISODate);
        if (!month.isValid() || month > lastMonth || (filter.from.isValid() && month < firstMonth))
            continue;
        cells.append(Cell{QString::fromUtf8(it.key().first), month, it.value()});
    }
    NewContactsReport report;
    if (cells.isEmpty())
        return report;
    if (!firstMonth.isValid()) {
        firstMonth = std::min_element(cells.cbegin(), cells.cend(), [](const Cell &a, const Cell &b) {
                         return a.month < b.month;
                     })->month;
    }
    for (QDate m = firstMonth; m <= lastMonth; m = m.addMonths(1))
        report.months.append(m);

    QHash<QString, int> perChannel;
    for (const Cell &cell : std::as_const(cells))
        perChannel[cell.channel] += cell.count;
    QStringList channels = perChannel.keys();
    std::sort(channels.begin(), channels.end(), [&](const QString &a, const QString &b) {
        return perChannel[a] != perChannel[b] ? perChannel[a] > perChannel[b] : a < b;
    });
    report.otherChannels = channels.size() > channelLimit;
    if (report.otherChannels)
        channels = channels.mid(0, channelLimit - 1);
    report.channels = channels;
    report.counts.fill(QList<int>(report.months.size(), 0), channels.size() + (report.otherChannels ? 1 : 0));
    for (const Cell &cell : std::as_const(cells)) {
        qsizetype row = channels.indexOf(cell.channel);
        if (row < 0)
            row = channels.size();
        report.counts[row][report.months.indexOf(cell.month)] += cell.count;
    }
    return report;
}

Result<QList<qint64>> ActivityAnalysis::newContactIds(const InsightsFilter &filter, const QDate &month,
                                                      const QString &channel, bool otherChannels,
                                                      const QStringList &shown)
{
    QVariantList values{monthKey(month), otherChannels ? QVariant(jsonList(shown)) : QVariant(channel)};
    const QString cohort = filter.cohortCondition(values);
    auto q = m_database.exec(QStringLiteral("SELECT c.id FROM contacts c WHERE c.archived = 0 AND %1 = ? AND %2 "
                                            "AND %3 ORDER BY c.id")
                                 .arg(newMonthExpression,
                                      otherChannels ? QStringLiteral("c.met_channel NOT IN (SELECT value FROM json_each(?))")
                                                    : QStringLiteral("c.met_channel = ?"),
                                      cohort),
                             values);
    if (!q)
        return Result<QList<qint64>>::failure(tr("The contacts could not be read: %1").arg(q.error()));
    QList<qint64> ids;
    while ((*q)->next())
        ids.append((*q)->value(0).toLongLong());
    return ids;
}

} // namespace Rapport::Core
