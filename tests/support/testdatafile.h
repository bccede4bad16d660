#pragma once

#include "clock.h"
#include "domain/interactionkind.h"
#include "store/database.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Rapport::Test {

/// A fresh data file in its own temporary folder, opened with a pinned clock
/// (2026-06-15 12:00 UTC unless moved).
class TestDataFile
{
public:
    TestDataFile();

    QString path() const { return m_dir.filePath(QStringLiteral("rapport.sqlite")); }
    QString dir() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    Core::ManualClock &clock() { return m_clock; }

    /// Opens (creating on first use) the data file; fails the test on error.
    Core::Database &open();
    void close() { m_database.reset(); }

    static QDateTime pinnedNow();

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock;
    std::unique_ptr<Core::Database> m_database;
};

/// Opens the data file of `data` as a connection the caller owns (for a
/// window); fails the test on error.
std::unique_ptr<Core::Database> openOwnedDatabase(TestDataFile &data);

/// The bytes of a file, to prove a refused file was not touched.
QByteArray fileBytes(const QString &path);

/// Adds a contact with just a name and returns its id (fails the test on error).
qint64 addContact(Core::Database &database, const QString &name);

/// Logs an interaction of `kind` with one contact at `at` and returns its id
/// (fails the test on error).
qint64 logInteraction(Core::Database &database, qint64 contact, Core::InteractionKind kind, const QDateTime &at);

} // namespace Rapport::Test
