#include "applicationidentity.h"

#include <QCoreApplication>

namespace Rapport::Core {

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("rapport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
}

} // namespace Rapport::Core
