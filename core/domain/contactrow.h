#pragma once

#include "stage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Rapport::Core {

/// What a list of contacts shows per row, read without loading whole contacts.
struct ContactRow
{
    qint64 id = 0;
    QString name;
    QString organization;
    QString email;
    Stage stage = Stage::None;
    QDateTime lastInteractionAt;
    QDateTime nextFollowUpAt;
    QString tags;
    bool archived = false;
};

/// Which contacts a list shows and in what order; filtering and sorting happen
/// in SQL so that a lazily fetched list never misses rows.
struct ContactListQuery
{
    enum class SortKey { Name, Organization, Stage, LastInteraction, NextFollowUp };

    QString search;
    std::optional<Stage> stage;
    QString tag;
    /// Only these contacts (the people behind a bar on the Insights page).
    std::optional<QList<qint64>> ids;
    bool includeArchived = false;
    SortKey sortKey = SortKey::Name;
    bool descending = false;
};

} // namespace Rapport::Core
