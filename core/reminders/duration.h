#pragma once

#include <QStringView>

#include <optional>

namespace Rapport::Core {

/// Reads a span such as "30m", "2h", "3d" or "1w" (minutes, hours, days,
/// weeks; a bare number is days) into seconds; nullopt for anything else.
std::optional<qint64> parseDurationSecs(QStringView text);

} // namespace Rapport::Core
