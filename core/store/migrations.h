#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Rapport::Core {

/// One numbered step of the schema. A migration takes a file at `version - 1`
/// to `version`; it runs in one transaction with the user_version bump.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

/// Every migration, in order; the last one's version is the current schema.
const QList<Migration> &schemaMigrations();

} // namespace Rapport::Core
