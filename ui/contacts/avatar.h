#pragma once

#include <QByteArray>
#include <QPixmap>
#include <QString>

namespace Rapport::Ui {

/// A round picture for a contact: the photo when there is one that decodes,
/// else the initials on a colour picked from the name.
QPixmap contactAvatar(const QString &name, const QByteArray &photo, int size, qreal devicePixelRatio);

} // namespace Rapport::Ui
