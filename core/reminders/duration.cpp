#include "duration.h"

#include <QString>

namespace Rapport::Core {

std::optional<qint64> parseDurationSecs(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qint64 unit = 86400;
    const QChar last = text.back().toLower();
    if (!last.isDigit()) {
        switch (last.unicode()) {
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        case 'w':
            unit = 7 * 86400;
            break;
        default:
            return std::nullopt;
        }
        text.chop(1);
    }
    bool ok = false;
    const qint64 count = text.toString().toLongLong(&ok);
    // A hundred years is more than any follow-up needs and keeps the product in range.
    if (!ok || count < 0 || count * unit > 100LL * 366 * 86400)
        return std::nullopt;
    return count * unit;
}

} // namespace Rapport::Core
