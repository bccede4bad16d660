#pragma once

// Field-by-field comparison of contacts for the vCard suites, so that a failing
// round trip names the field that changed instead of "not equal".

#include "domain/contact.h"

#include <QStringList>

namespace Rapport::Test {

inline QString describeFields(const QList<Core::ContactField> &fields)
{
    QStringList shown;
    for (const Core::ContactField &f : fields)
        shown << QStringLiteral("%1 [%2]%3").arg(f.value, f.label, f.preferred ? QStringLiteral(" (pref)") : QString());
    return shown.join(QStringLiteral(" | "));
}

inline QString describeProfiles(const QList<Core::SocialProfile> &profiles)
{
    QStringList shown;
    for (const Core::SocialProfile &p : profiles)
        shown << p.service + QLatin1Char(':') + p.handle;
    return shown.join(QStringLiteral(" | "));
}

inline QString describeAddresses(const QList<Core::PostalAddress> &addresses)
{
    QStringList shown;
    for (const Core::PostalAddress &a : addresses)
        shown << QStringList{a.label, a.street, a.locality, a.region, a.postalCode, a.country}.join(QLatin1Char('|'));
    return shown.join(QStringLiteral(" || "));
}

/// Every vCard-carried detail that differs, as "field: “a” ≠ “b”". The display
/// name is compared as name(): a writer must write FN, so a card that had only
/// N comes back with an FN equal to the composed name. Ids, timestamps and the
/// stage are the store's, not the card's, and are not compared.
inline QStringList contactDifferences(const Core::Contact &a, const Core::Contact &b)
{
    QStringList out;
    auto check = [&out](const char *field, const QString &x, const QString &y) {
        if (x != y)
            out << QStringLiteral("%1: “%2” ≠ “%3”").arg(QString::fromLatin1(field), x, y);
    };
    check("uid", a.uid, b.uid);
    check("name()", a.name(), b.name());
    check("givenName", a.givenName, b.givenName);
    check("familyName", a.familyName, b.familyName);
    check("additionalNames", a.additionalNames, b.additionalNames);
    check("honorificPrefix", a.honorificPrefix, b.honorificPrefix);
    check("honorificSuffix", a.honorificSuffix, b.honorificSuffix);
    check("nickname", a.nickname, b.nickname);
    check("organization", a.organization, b.organization);
    check("title", a.title, b.title);
    check("emails", describeFields(a.emails), describeFields(b.emails));
    check("phones", describeFields(a.phones), describeFields(b.phones));
    check("urls", describeFields(a.urls), describeFields(b.urls));
    check("socialProfiles", describeProfiles(a.socialProfiles), describeProfiles(b.socialProfiles));
    check("addresses", describeAddresses(a.addresses), describeAddresses(b.addresses));
    check("birthday", a.birthday, b.birthday);
    check("anniversary", a.anniversary, b.anniversary);
    check("photo", QString::fromLatin1(a.photo.toBase64()), QString::fromLatin1(b.photo.toBase64()));
    check("photoMimeType", a.photoMimeType, b.photoMimeType);
    check("tags", a.tags.join(QLatin1Char('|')), b.tags.join(QLatin1Char('|')));
    check("notes", a.notes, b.notes);
    check("extraProperties", a.extraProperties, b.extraProperties);
    return out;
}

} // namespace Rapport::Test
