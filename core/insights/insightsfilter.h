#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Rapport::Core {

class Database;

/// Which contacts and which stretch of time an insight looks at. Archived
/// contacts are always left out, as in the contact list.
struct InsightsFilter
{
    /// Who is in the cohort: everyone, the contacts first met through one
    /// channel (contacts.met_channel; an empty value means "not recorded"),
    /// the contacts with one tag, or the contacts one person introduced
    /// directly.
    enum class Cohort { Everyone, Channel, Tag, Introducer };

    /// First and last day of the period, both included, in local time. An
    /// invalid `from` has no lower bound; an invalid `to` ends now.
    QDate from;
    QDate to;
    Cohort cohort = Cohort::Everyone;
    /// The channel or tag for those cohorts.
    QString value;
    /// The introducer's contact id for Cohort::Introducer.
    qint64 introducerId = 0;

    /// Milliseconds since the epoch of the period's start (inclusive), or
    /// nullopt without a lower bound.
    std::optional<qint64> startMs() const;
    /// Milliseconds since the epoch of the period's end (exclusive): the day
    /// after `to` starts, or `now` when `to` is invalid.
    qint64 endMs(const QDateTime &now) const;

    /// An SQL condition on contacts aliased `c` that keeps the cohort (never
    /// empty; "1" for everyone); the values it needs are appended to `values`.
    QString cohortCondition(QVariantList &values) const;
};

/// Someone who introduced at least one contact, for the cohort picker.
struct IntroducerChoice
{
    qint64 id = 0;
    QString name;
    int introduced = 0;
};

/// What the cohort pickers offer, read from the data file.
class InsightsChoices
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::InsightsChoices)

public:
    explicit InsightsChoices(Database &database);

    /// Every how-we-met channel in use, by how many contacts have it (most first).
    Result<QStringList> channels();
    /// Every tag in use, by name.
    Result<QStringList> tags();
    /// Everyone who introduced someone, most introductions first.
    Result<QList<IntroducerChoice>> introducers();

private:
    Database &m_database;
};

} // namespace Rapport::Core
