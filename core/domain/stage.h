#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Rapport::Core {

/// The engagement ladder, in order: a higher value is a warmer relationship.
/// None is a contact with no interaction that counts yet.
enum class Stage {
    None = 0,
    Tweet,
    Email,
    Call,
    Meeting,
    Client,
};

/// Stable key used in the data file, on the command line and in JSON.
QString stageKey(Stage stage);
/// The stage for a key such as "call"; nullopt for anything else.
std::optional<Stage> stageFromKey(QStringView key);
/// A translated name for people to read.
QString stageDisplayName(Stage stage);
/// Tweet → Email → Call → Meeting → Client, without None.
QList<Stage> stageLadder();

} // namespace Rapport::Core
