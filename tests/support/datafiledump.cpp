#include "datafiledump.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

namespace Rapport::Test {

QString dumpDataFile(Core::Database &database, const QStringList &skipTables, const QStringList &ignoreIdsOf)
{
    QStringList tables;
    QStringList indexSegments;
    {
        auto q = database.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        if (!q)
            qFatal("cannot list tables: %s", qPrintable(q.error()));
        while ((*q)->next()) {
            const QString name = (*q)->value(0).toString();
            tables << name;
            // A full-text index is derived from the other tables, and brought
            // up to date only when a search needs it (the _stale table lists
            // what is behind): it is not what a change or its undo is about.
            if ((*q)->value(1).toString().contains(QStringLiteral("USING fts5"), Qt::CaseInsensitive)) {
                indexSegments << name;
                for (const char *suffix : {"_data", "_idx", "_content", "_docsize", "_config", "_stale"})
                    indexSegments << name + QLatin1StringView(suffix);
            }
        }
    }
    QStringList lines;
    for (const QString &table : std::as_const(tables)) {
        if (skipTables.contains(table) || indexSegments.contains(table) || table.startsWith(QStringLiteral("sqlite_")))
            continue;
        QSqlQuery q(QSqlDatabase::database(database.connectionName()));
        if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)))
            qFatal("cannot read %s", qPrintable(table));
        QStringList rows;
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i) {
                if (ignoreIdsOf.contains(table) && q.record().fieldName(i) == u"id")
                    continue;
                const QVariant v = q.value(i);
                values << (v.isNull() ? QStringLiteral("NULL") : QString::fromLatin1(v.toByteArray().toHex()));
            }
            rows << table + QLatin1Char(':') + values.join(QLatin1Char('|'));
        }
        rows.sort();
        lines << rows;
    }
    return lines.join(QLatin1Char('\n'));
}

QString firstDifference(const QString &actual, const QString &expected)
{
    const QStringList a = actual.split(QLatin1Char('\n'));
    const QStringList e = expected.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        if (a.value(i) != e.value(i))
            return QStringLiteral("row %1 differs:\n  actual:   %2\n  expected: %3").arg(i).arg(a.value(i), e.value(i));
    }
    return QStringLiteral("no difference");
}

} // namespace Rapport::Test
