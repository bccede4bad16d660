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

/// What needs the user's attention, as the Today view shows it. Days are the
/// user's days in the clock's time zone.
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

    /// How many follow-ups want attention now (due or overdue, cold included).
    int dueCount(const QDateTime &now) const;
    bool isEmpty() const { return overdue.isEmpty() && today.isEmpty() && thisWeek.isEmpty() && goingCold.isEmpty(); }

    static Result<Agenda> build(Database &database);
    /// Pending follow-ups whose effective due time is at or before `until`, soonest first.
    static Result<QList<AgendaItem>> dueBy(Database &database, const QDateTime &until);
};

} // namespace Rapport::Core
