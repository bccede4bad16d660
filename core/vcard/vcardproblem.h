#pragma once

#include <QList>
#include <QString>

namespace Rapport::Core {

/// Something wrong in a vCard file, located for the user: "contacts.vcf line 214:
/// unknown character set “X-FOO”". `line` is 1-based; 0 means the whole file.
struct VCardProblem
{
    QString file;
    int line = 0;
    QString message;

    /// "file:line: message" (or "file: message" for the whole file).
    QString toString() const
    {
        return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                        : QStringLiteral("%1: %2").arg(file, message);
    }
};

} // namespace Rapport::Core
