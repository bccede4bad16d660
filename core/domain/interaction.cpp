#include "interaction.h"

namespace Rapport::Core {

QString directionKey(Direction direction)
{
    return direction == Direction::Inbound ? QStringLiteral("inbound") : QStringLiteral("outbound");
}

std::optional<Direction> directionFromKey(QStringView key)
{
    if (key.compare(u"inbound", Qt::CaseInsensitive) == 0 || key.compare(u"in", Qt::CaseInsensitive) == 0)
        return Direction::Inbound;
    if (key.compare(u"outbound", Qt::CaseInsensitive) == 0 || key.compare(u"out", Qt::CaseInsensitive) == 0)
        return Direction::Outbound;
    return std::nullopt;
}

} // namespace Rapport::Core
