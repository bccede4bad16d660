#include "applicationidentity.h"

#include <QCoreApplication>

namespace Rapport::Core {

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("rapport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
}

QString applicationId()
{
    return QStringLiteral(RAPPORT_APP_ID);
}

} // namespace Rapport::Core
