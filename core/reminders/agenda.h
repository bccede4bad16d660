#pragma once

#include "domain/reminder.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace Rapport::Core {

class Database;

/// A pending follow-up with the name of the contact it is for.
struct AgendaItem
{
    Reminder reminder;
    QString contactName;
};

/// How many follow-ups of each section of an Agenda to list (-1: all).
struct AgendaLimits
{
    int overdue = -1;
    int today = -1;
    int thisWeek = -1;
    int goingCold = -1;
};

/// What needs the user's attention, as the Today view shows it. Days are the
/// user's days in the clock's time zone. Each section holds its soonest
/// follow-ups (all of them, or the first few asked for) and counts them all.
struct Agenda
{
    /// Due before today.
    QList<AgendaItem> overdue;
    /// Due some time today.
    QList<AgendaItem> today;
    /// Due in the next seven days after today.
    QList<AgendaItem> thisWeek;
    /// Cadence reminders that are due: contacts past their keep-in-touch cadence.
    QList<AgendaItem> goingCold;

    /// How many each section has in all, listed or not.
    struct Counts
    {
        qint64 overdue = 0;
        qint64 today = 0;
        /// Of today's, those due by the time the agenda was built.
        qint64 dueToday = 0;
        qint64 thisWeek = 0;
        qint64 goingCold = 0;
        friend bool operator==(const Counts &, const Counts &) = default;
    } counts;

    /// How many follow-ups wanted attention when the agenda was built (due or
    /// overdue, cold included).
    qint64 dueCount() const { return counts.overdue + counts.goingCold + counts.dueToday; }
    bool isEmpty() const
    {
        return counts.overdue == 0 && counts.today == 0 && counts.thisWeek == 0 && counts.goingCold == 0;
    }

    /// Counts every section and lists the soonest follow-ups of each, as many
    /// as `limits` says, reading only those and their contacts' names.
    static Result<Agenda> build(Database &database, const AgendaLimits &limits = AgendaLimits());
    /// Pending follow-ups whose effective due time is at or before `until`, soonest first.
    static Result<QList<AgendaItem>> dueBy(Database &database, const QDateTime &until);
};

} // namespace Rapport::Core
