#include "interactionkind.h"

#include <QCoreApplication>

#include <array>

namespace Rapport::Core {

namespace {

struct KindName
{
    InteractionKind kind;
    const char *key;
    const char *display;
    Stage stage;
};

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
    for (const auto &entry : kindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.key);
    }
    return QStringLiteral("note");
}

std::optional<InteractionKind> interactionKindFromKey(QStringView key)
{
    QString normalized = key.trimmed().toString().toLower();
    normalized.replace(QLatin1Char('_'), QLatin1Char('-'));
    normalized.replace(QLatin1Char(' '), QLatin1Char('-'));
    if (normalized == u"dm" || normalized == u"directmessage")
        return InteractionKind::DirectMessage;
    if (normalized == u"videocall" || normalized == u"video")
        return InteractionKind::VideoCall;
    for (const auto &entry : kindNames) {
        if (normalized == QLatin1StringView(entry.key))
            return entry.kind;
    }
    return std::nullopt;
}

QString interactionKindDisplayName(InteractionKind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.kind == kind)
            return QCoreApplication::translate("Rapport::Core::InteractionKind", entry.display);
    }
    return {};
}

QList<InteractionKind> allInteractionKinds()
{
    QList<InteractionKind> kinds;
    for (const auto &entry : kindNames)
        kinds.append(entry.kind);
    return kinds;
}

Stage stageReachedBy(InteractionKind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.kind == kind)
            return entry.stage;
    }
    return Stage::None;
}

} // namespace Rapport::Core
