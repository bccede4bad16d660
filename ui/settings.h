#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Rapport::Ui {

/// The one place that reads and writes QSettings, typed. Window state
/// (geometry, splitters) is kept apart from preferences: it is remembered, not
/// chosen. Under QStandardPaths' test mode everything goes to the test folder.
class Settings
{
public:
    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);
    static QByteArray splitterState(const QString &splitter);
    static void setSplitterState(const QString &splitter, const QByteArray &state);

    /// Data files opened lately, newest first (at most maxRecentFiles), only those that still exist.
    static QStringList recentDataFiles();
    static void addRecentDataFile(const QString &path);
    static void removeRecentDataFile(const QString &path);
    static constexpr int maxRecentFiles = 8;
};

} // namespace Rapport::Ui
