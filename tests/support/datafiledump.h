#pragma once

#include <QString>
#include <QStringList>

namespace Rapport::Core {
class Database;
}

namespace Rapport::Test {

/// Every row of every table of the data file as text, one line a row, sorted:
/// two dumps are equal when the files hold the same data. `skipTables` leaves
/// out tables a test does not care about; `ignoreIdsOf` compares those tables'
/// rows without their own row id (rows rewritten with new ids).
QString dumpDataFile(Core::Database &database, const QStringList &skipTables = {},
                     const QStringList &ignoreIdsOf = {});

/// The first line where two dumps differ, both versions, for a failure message.
QString firstDifference(const QString &actual, const QString &expected);

} // namespace Rapport::Test

/// Compares two data file dumps, naming the first differing row on failure.
#define RAPPORT_COMPARE_DUMPS(actual, expected)                                                               \
    do {                                                                                                       \
        const QString rapportActual = (actual);                                                               \
        const QString rapportExpected = (expected);                                                           \
        QVERIFY2(rapportActual == rapportExpected,                                                            \
                 qPrintable(Rapport::Test::firstDifference(rapportActual, rapportExpected)));                 \
    } while (false)
