#include "introduction.h"

#include "enumnames.h"

#include <array>

namespace Rapport::Core {

namespace {

struct KindName
{
    IntroductionKind value;
    const char *key;
    const char *display;
};

constexpr const char *context = "Rapport::Core::Introduction";
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
    return EnumNames::key(kindNames, kind);
}

std::optional<IntroductionKind> introductionKindFromKey(QStringView key)
{
    const QString normalized = EnumNames::normalizedKey(key);
    if (normalized == u"event" || normalized == u"met-at" || normalized == u"met")
        return IntroductionKind::MetAtEvent;
    return EnumNames::fromKey<IntroductionKind>(kindNames, normalized);
}

QString introductionKindDisplayName(IntroductionKind kind)
{
    return EnumNames::displayName(kindNames, kind, context);
}

QList<IntroductionKind> allIntroductionKinds()
{
    QList<IntroductionKind> kinds;
    for (const auto &entry : kindNames)
        kinds.append(entry.value);
    return kinds;
}

} // namespace Rapport::Core
