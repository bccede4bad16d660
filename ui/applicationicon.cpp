#include "applicationicon.h"

#include "applicationidentity.h"

namespace Rapport::Ui {

QIcon applicationIcon()
{
    return QIcon::fromTheme(Core::applicationId(), QIcon(QStringLiteral(":/icons/rapport.svg")));
}

} // namespace Rapport::Ui
