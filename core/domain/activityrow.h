#pragma once

#include "interaction.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Rapport::Core {

/// One line of the activity timeline of everyone: an interaction and the names
/// of the people in it, read without loading whole contacts.
struct ActivityRow
{
    qint64 id = 0;
    InteractionKind kind = InteractionKind::Note;
    QDateTime occurredAt;
    Direction direction = Direction::Outbound;
    QString summary;
    QString body;
    /// Display names, comma-separated, in id order.
    QString participantNames;
    /// The first participant (lowest id), to open their page; 0 when none.
    qint64 firstParticipant = 0;
};

/// Which interactions the activity timeline shows: newest first, optionally of
/// one kind and within [from, until).
struct ActivityQuery
{
    std::optional<InteractionKind> kind;
    QDateTime from;
    QDateTime until;
};

/// Where the next page of the timeline starts: strictly older than this
/// (time, id). Paging by key stays fast however deep the user scrolls.
struct ActivityCursor
{
    QDateTime occurredAt;
    qint64 id = 0;
    bool isValid() const { return id > 0; }
};

} // namespace Rapport::Core
