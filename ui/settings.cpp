#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Rapport::Ui {

namespace {

QSettings &store()
{
    // An explicit file in the application's config folder, so that tests in
    // QStandardPaths' test mode never touch the user's settings.
    static QSettings settings(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(QStringLiteral("rapport.conf")),
        QSettings::IniFormat);
    return settings;
}

const QString geometryKey = QStringLiteral("windowState/geometry");
const QString stateKey = QStringLiteral("windowState/toolbars");
const QString recentKey = QStringLiteral("recentDataFiles/paths");

} // namespace

QByteArray Settings::windowGeometry()
{
    return store().value(geometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    store().setValue(geometryKey, geometry);
}

QByteArray Settings::windowState()
{
    return store().value(stateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    store().setValue(stateKey, state);
}

QByteArray Settings::splitterState(const QString &splitter)
{
    return store().value(QStringLiteral("windowState/splitter-") + splitter).toByteArray();
}

void Settings::setSplitterState(const QString &splitter, const QByteArray &state)
{
    store().setValue(QStringLiteral("windowState/splitter-") + splitter, state);
}

QStringList Settings::recentDataFiles()
{
    QStringList kept;
    for (const QString &path : store().value(recentKey).toStringList()) {
        if (QFileInfo::exists(path) && !kept.contains(path))
            kept << path;
    }
    return kept.mid(0, maxRecentFiles);
}

void Settings::addRecentDataFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = store().value(recentKey).toStringList();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    store().setValue(recentKey, paths.mid(0, maxRecentFiles));
}

void Settings::removeRecentDataFile(const QString &path)
{
    QStringList paths = store().value(recentKey).toStringList();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    store().setValue(recentKey, paths);
}

} // namespace Rapport::Ui
