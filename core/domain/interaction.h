#pragma once

#include "interactionkind.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Rapport::Core {

/// Who made the move: they reached out, or I did.
enum class Direction {
    Outbound,
    Inbound,
};

QString directionKey(Direction direction);
std::optional<Direction> directionFromKey(QStringView key);

/// Something that happened with one or more contacts.
struct Interaction
{
    qint64 id = 0;
    InteractionKind kind = InteractionKind::Note;
    QDateTime occurredAt;
    Direction direction = Direction::Outbound;
    QString summary;
    QString body;
    QList<qint64> participants;
};

} // namespace Rapport::Core
