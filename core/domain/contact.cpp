#include "contact.h"

namespace Rapport::Core {

QString Contact::name() const
{
    if (!displayName.trimmed().isEmpty())
        return displayName.trimmed();
    QStringList parts;
    for (const QString &part : {honorificPrefix, givenName, additionalNames, familyName, honorificSuffix}) {
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    }
    if (!parts.isEmpty())
        return parts.join(QLatin1Char(' '));
    if (!organization.trimmed().isEmpty())
        return organization.trimmed();
    if (!emails.isEmpty())
        return emails.constFirst().value;
    return {};
}

} // namespace Rapport::Core
