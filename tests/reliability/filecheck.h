#pragma once

#include <QString>
#include <QStringList>

namespace Rapport::Test {

/// Looks at a data file through a connection of its own, as another program
/// would after a crash: SQLite recovers what the write-ahead log holds first.
struct FileCheck
{
    /// What PRAGMA integrity_check says ("ok" for a sound file), or the error
    /// that stopped it from running.
    static QString integrity(const QString &path);
    /// Every contact as one line (name, organization, title, notes, emails and
    /// phones), sorted: equal digests mean the same contacts.
    static QStringList contactsDigest(const QString &path);
    /// Rows of a table, or -1 when it cannot be read.
    static qint64 rows(const QString &path, const QString &table);
};

} // namespace Rapport::Test
