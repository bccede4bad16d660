#include "stagecolors.h"

namespace Rapport::Ui {

QColor stageColor(Core::Stage stage)
{
    switch (stage) {
    case Core::Stage::None:
        return QColor(0x9e, 0xa3, 0xa8);
    case Core::Stage::Tweet:
        return QColor(0x3d, 0x9b, 0xd9);
    case Core::Stage::Email:
        return QColor(0x86, 0x62, 0xc7);
    case Core::Stage::Call:
        return QColor(0xe0, 0x8a, 0x2c);
    case Core::Stage::Meeting:
        return QColor(0x2f, 0x9e, 0x5f);
    case Core::Stage::Client:
        return QColor(0xd1, 0x3d, 0x4f);
    }
    return QColor(Qt::gray);
}

} // namespace Rapport::Ui
