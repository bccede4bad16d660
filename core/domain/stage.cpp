#include "stage.h"

#include "enumnames.h"

#include <array>

namespace Rapport::Core {

namespace {

struct StageName
{
    Stage value;
    const char *key;
    const char *display;
};

constexpr const char *context = "Rapport::Core::Stage";
constexpr std::array<StageName, 6> stageNames{{
    {Stage::None, "none", QT_TRANSLATE_NOOP("Rapport::Core::Stage", "No contact yet")},
    {Stage::Tweet, "tweet", QT_TRANSLATE_NOOP("Rapport::Core::Stage", "Tweet")},
    {Stage::Email, "email", QT_TRANSLATE_NOOP("Rapport::Core::Stage", "Email")},
    {Stage::Call, "call", QT_TRANSLATE_NOOP("Rapport::Core::Stage", "Call")},
    {Stage::Meeting, "meeting", QT_TRANSLATE_NOOP("Rapport::Core::Stage", "Meeting")},
    {Stage::Client, "client", QT_TRANSLATE_NOOP("Rapport::Core::Stage", "Client")},
}};

} // namespace

QString stageKey(Stage stage)
{
    return EnumNames::key(stageNames, stage);
}

std::optional<Stage> stageFromKey(QStringView key)
{
    return EnumNames::fromKey<Stage>(stageNames, key);
}

QString stageDisplayName(Stage stage)
{
    return EnumNames::displayName(stageNames, stage, context);
}

QList<Stage> stageLadder()
{
    return {Stage::Tweet, Stage::Email, Stage::Call, Stage::Meeting, Stage::Client};
}

} // namespace Rapport::Core
