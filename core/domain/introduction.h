#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Rapport::Core {

/// How A led the user to B.
enum class IntroductionKind {
    Introduced,   ///< A put the two of them in touch.
    Recommended,  ///< A recommended B without knowing B personally.
    MetAtEvent,   ///< The user met B at A's event or webinar.
    Referred,     ///< A sent B to the user as a prospect.
};

QString introductionKindKey(IntroductionKind kind);
std::optional<IntroductionKind> introductionKindFromKey(QStringView key);
QString introductionKindDisplayName(IntroductionKind kind);
QList<IntroductionKind> allIntroductionKinds();

/// A directed edge of the relationship graph: "A led me to B".
struct Introduction
{
    qint64 id = 0;
    qint64 fromContact = 0;
    qint64 toContact = 0;
    IntroductionKind kind = IntroductionKind::Introduced;
    QDate date;
    QString note;
};

} // namespace Rapport::Core
