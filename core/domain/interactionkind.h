#pragma once

#include "stage.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Rapport::Core {

/// What kind of thing happened with a contact.
enum class InteractionKind {
    Tweet,
    DirectMessage,
    Email,
    Call,
    VideoCall,
    Meeting,
    Webinar,
    Comment,
    Note,
};

QString interactionKindKey(InteractionKind kind);
/// Accepts the stable keys ("video-call") and a few spellings people type
/// ("dm", "video_call", "videocall").
std::optional<InteractionKind> interactionKindFromKey(QStringView key);
QString interactionKindDisplayName(InteractionKind kind);
QList<InteractionKind> allInteractionKinds();

/// The rung of the ladder an interaction of this kind reaches. A tweet, a direct
/// message, a comment or attending someone's webinar is the first public touch;
/// an email, a call (voice or video) and a meeting are the next rungs. A note to
/// self reaches nothing. No interaction makes someone a client: that is the
/// user's call, set by hand.
Stage stageReachedBy(InteractionKind kind);

} // namespace Rapport::Core
