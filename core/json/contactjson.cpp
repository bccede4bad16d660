#include "contactjson.h"

#include <QJsonArray>

namespace Rapport::Core {

namespace {

QJsonArray values(const QList<ContactField> &fields)
{
    QJsonArray array;
    for (const ContactField &field : fields)
        array.append(field.value);
    return array;
}

QJsonValue isoOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject contactToJson(const Contact &contact)
{
    QJsonArray introducedBy;
    for (qint64 id : contact.introducedBy)
        introducedBy.append(id);
    QJsonArray social;
    for (const SocialProfile &profile : contact.socialProfiles)
        social.append(QJsonObject{{QStringLiteral("service"), profile.service},
                                  {QStringLiteral("handle"), profile.handle}});
    QJsonArray addresses;
    for (const PostalAddress &a : contact.addresses) {
        addresses.append(QJsonObject{{QStringLiteral("label"), a.label},
                                     {QStringLiteral("street"), a.street},
                                     {QStringLiteral("locality"), a.locality},
                                     {QStringLiteral("region"), a.region},
                                     {QStringLiteral("postal_code"), a.postalCode},
                                     {QStringLiteral("country"), a.country}});
    }
    return QJsonObject{
        {QStringLiteral("id"), contact.id},
        {QStringLiteral("uid"), contact.uid},
        {QStringLiteral("name"), contact.name()},
        {QStringLiteral("given_name"), contact.givenName},
        {QStringLiteral("family_name"), contact.familyName},
        {QStringLiteral("nickname"), contact.nickname},
        {QStringLiteral("organization"), contact.organization},
        {QStringLiteral("title"), contact.title},
        {QStringLiteral("emails"), values(contact.emails)},
        {QStringLiteral("phones"), values(contact.phones)},
        {QStringLiteral("urls"), values(contact.urls)},
        {QStringLiteral("social_profiles"), social},
        {QStringLiteral("addresses"), addresses},
        {QStringLiteral("birthday"), contact.birthday.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(contact.birthday)},
        {QStringLiteral("stage"), stageKey(contact.stage)},
        {QStringLiteral("stage_set_by_hand"), contact.manualStage.has_value()},
        {QStringLiteral("tags"), QJsonArray::fromStringList(contact.tags)},
        {QStringLiteral("note"), contact.notes},
        {QStringLiteral("has_photo"), !contact.photo.isEmpty()},
        {QStringLiteral("met_channel"), contact.metChannel},
        {QStringLiteral("met_on"), contact.metOn.isValid() ? QJsonValue(contact.metOn.toString(Qt::ISODate))
                                                           : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("keep_in_touch_days"), contact.keepInTouchDays},
        {QStringLiteral("archived"), contact.archived},
        {QStringLiteral("introduced_by"), introducedBy},
        {QStringLiteral("last_interaction"), isoOrNull(contact.lastInteractionAt)},
    };
}

} // namespace Rapport::Core
