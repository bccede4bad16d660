#include "introduction.h"

#include <QCoreApplication>

#include <array>

namespace Rapport::Core {

namespace {

struct KindName
{
    IntroductionKind kind;
    const char *key;
    const char *display;
};

constexpr std::array<KindName, 4> kindNames{{
    {IntroductionKind::Introduced, "introduced", QT_TRANSLATE_NOOP("Rapport::Core::Introduction", "introduced")},
    {IntroductionKind::Recommended, "recommended",
     QT_TRANSLATE_NOOP("Rapport::Core::Introduction", "recommended")},
    {IntroductionKind::MetAtEvent, "met-at-event",
     QT_TRANSLATE_NOOP("Rapport::Core::Introduction", "met at their event")},
    {IntroductionKind::Referred, "referred", QT_TRANSLATE_NOOP("Rapport::Core::Introduction", "referred")},
}};

} // namespace

QString introductionKindKey(IntroductionKind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.key);
    }
    return QStringLiteral("introduced");
}

std::optional<IntroductionKind> introductionKindFromKey(QStringView key)
{
    QString normalized = key.trimmed().toString().toLower();
    normalized.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (normalized == u"event" || normalized == u"met-at" || normalized == u"met")
        return IntroductionKind::MetAtEvent;
    for (const auto &entry : kindNames) {
        if (normalized == QLatin1StringView(entry.key))
            return entry.kind;
    }
    return std::nullopt;
}

QString introductionKindDisplayName(IntroductionKind kind)
{
    for (const auto &entry : kindNames) {
        if (entry.kind == kind)
            return QCoreApplication::translate("Rapport::Core::Introduction", entry.display);
    }
    return {};
}

QList<IntroductionKind> allIntroductionKinds()
{
    QList<IntroductionKind> kinds;
    for (const auto &entry : kindNames)
        kinds.append(entry.kind);
    return kinds;
}

} // namespace Rapport::Core
