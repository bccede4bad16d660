#include "stage.h"

#include <QCoreApplication>

#include <array>

namespace Rapport::Core {

namespace {

struct StageName
{
    Stage stage;
    const char *key;
    const char *display;
};

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
    for (const auto &entry : stageNames) {
        if (entry.stage == stage)
            return QString::fromLatin1(entry.key);
    }
    return QStringLiteral("none");
}

std::optional<Stage> stageFromKey(QStringView key)
{
    for (const auto &entry : stageNames) {
        if (key.compare(QLatin1StringView(entry.key), Qt::CaseInsensitive) == 0)
            return entry.stage;
    }
    return std::nullopt;
}

QString stageDisplayName(Stage stage)
{
    for (const auto &entry : stageNames) {
        if (entry.stage == stage)
            return QCoreApplication::translate("Rapport::Core::Stage", entry.display);
    }
    return {};
}

QList<Stage> stageLadder()
{
    return {Stage::Tweet, Stage::Email, Stage::Call, Stage::Meeting, Stage::Client};
}

} // namespace Rapport::Core
