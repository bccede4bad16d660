#include "testdatafile.h"

#include "store/contactstore.h"
#include "store/interactionstore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

namespace Rapport::Test {

QDateTime TestDataFile::pinnedNow()
{
    return QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);
}

TestDataFile::TestDataFile()
    : m_clock(pinnedNow())
{
    QStandardPaths::setTestModeEnabled(true);
}

Core::Database &TestDataFile::open()
{
    if (!m_database) {
        auto opened = Core::Database::open(path(), m_clock);
        if (!opened)
            qFatal("cannot open the test data file: %s", qPrintable(opened.error()));
        m_database = std::move(opened).value();
    }
    return *m_database;
}

std::unique_ptr<Core::Database> openOwnedDatabase(TestDataFile &data)
{
    auto opened = Core::Database::open(data.path(), data.clock());
    if (!opened)
        qFatal("cannot open the test data file: %s", qPrintable(opened.error()));
    return std::move(opened).value();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

qint64 addContact(Core::Database &database, const QString &name)
{
    Core::Contact contact;
    contact.displayName = name;
    auto id = Core::ContactStore(database).add(contact);
    if (!id)
        qFatal("cannot add a contact: %s", qPrintable(id.error()));
    return *id;
}

qint64 logInteraction(Core::Database &database, qint64 contact, Core::InteractionKind kind, const QDateTime &at)
{
    Core::Interaction interaction;
    interaction.kind = kind;
    interaction.occurredAt = at;
    interaction.participants = {contact};
    auto id = Core::InteractionStore(database).log(interaction);
    if (!id)
        qFatal("cannot log an interaction: %s", qPrintable(id.error()));
    return *id;
}

} // namespace Rapport::Test
