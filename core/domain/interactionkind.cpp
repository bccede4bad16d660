#include "interactionkind.h"

#include "enumnames.h"

#include <array>

namespace Rapport::Core {

namespace {

struct KindName
{
    InteractionKind value;
    const char *key;
    const char *display;
    Stage stage;
};

constexpr const char *context = "Rapport::Core::InteractionKind";
constexpr std::array<KindName, 9> kindNames{{
    {InteractionKind::Tweet, "tweet", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Tweet"), Stage::Tweet},
    {InteractionKind::DirectMessage, "direct-message",
     QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Direct message"), Stage::Tweet},
    {InteractionKind::Email, "email", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Email"), Stage::Email},
    {InteractionKind::Call, "call", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Call"), Stage::Call},
    {InteractionKind::VideoCall, "video-call",
     QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Video call"), Stage::Call},
    {InteractionKind::Meeting, "meeting", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Meeting"),
     Stage::Meeting},
    {InteractionKind::Webinar, "webinar", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Webinar"),
     Stage::Tweet},
    {InteractionKind::Comment, "comment", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Comment"),
     Stage::Tweet},
    {InteractionKind::Note, "note", QT_TRANSLATE_NOOP("Rapport::Core::InteractionKind", "Note"), Stage::None},
}};

} // namespace

QString interactionKindKey(InteractionKind kind)
{
    return EnumNames::key(kindNames, kind);
}

std::optional<InteractionKind> interactionKindFromKey(QStringView key)
{
    const QString normalized = EnumNames::normalizedKey(key);
    if (normalized == u"dm" || normalized == u"directmessage")
        return InteractionKind::DirectMessage;
    if (normalized == u"videocall" || normalized == u"video")
        return InteractionKind::VideoCall;
    return EnumNames::fromKey<InteractionKind>(kindNames, normalized);
}

QString interactionKindDisplayName(InteractionKind kind)
{
    return EnumNames::displayName(kindNames, kind, context);
}

QList<InteractionKind> allInteractionKinds()
{
    QList<InteractionKind> kinds;
    for (const auto &entry : kindNames)
        kinds.append(entry.value);
    return kinds;
}

Stage stageReachedBy(InteractionKind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.value == kind)
            return entry.stage;
    }
    return Stage::None;
}

} // namespace Rapport::Core
