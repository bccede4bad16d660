#pragma once

#include "domain/contact.h"
#include "domain/interaction.h"
#include "domain/introduction.h"
#include "domain/reminder.h"
#include "domain/stagechange.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

namespace Rapport::Core {

class Database;

/// One step of an introduction chain: a person, and how they led on to the next.
struct ChainLink
{
    qint64 contactId = 0;
    QString name;
    Stage stage = Stage::None;
    /// The edge from this person to the next one in the chain (or to the
    /// contact the summary is about); unset on the chain's last person.
    std::optional<Introduction> onward;
};

/// A stage of the ladder and when the contact first reached it; `reachedAt`
/// is invalid for a rung that was skipped or not reached yet.
struct LadderRung
{
    Stage stage = Stage::None;
    QDateTime reachedAt;
    bool manual = false;
};

/// Everything the printed contact summary shows, read in one go.
struct ContactSummary
{
    Contact contact;
    QList<LadderRung> ladder;
    /// Every introduction chain that leads to the contact, each from a first
    /// contact (one nobody introduced) to the person who introduced them.
    QList<QList<ChainLink>> chains;
    /// Whom the contact led the user to, with each edge.
    QList<ChainLink> ledTo;
    /// The interactions in the period, newest first.
    QList<Interaction> interactions;
    QList<Reminder> openFollowUps;
    /// The period the timeline covers; invalid dates mean "from the start" and "until now".
    QDate from;
    QDate to;
};

class ContactSummaryReader
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::ContactSummaryReader)

public:
    explicit ContactSummaryReader(Database &database);

    /// Reads the contact's summary; the timeline is limited to [from, to] when
    /// those dates are valid (inclusive, in local time).
    Result<ContactSummary> read(qint64 contactId, const QDate &from = {}, const QDate &to = {});

    /// The ladder's rungs from a stage history: a rung's date is the first time
    /// the history reached exactly it; skipped rungs have none.
    static QList<LadderRung> ladder(Stage current, const QList<StageChange> &history);

private:
    Database &m_database;
};

} // namespace Rapport::Core
