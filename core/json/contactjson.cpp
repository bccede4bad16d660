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

/// Fields with their labels, for the snapshot form.
QJsonArray detailedFields(const QList<ContactField> &fields)
{
    QJsonArray array;
    for (const ContactField &field : fields) {
        array.append(QJsonObject{{QStringLiteral("value"), field.value},
                                 {QStringLiteral("label"), field.label},
                                 {QStringLiteral("preferred"), field.preferred}});
    }
    return array;
}

QList<ContactField> fieldsFrom(const QJsonValue &value)
{
    QList<ContactField> fields;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject o = entry.toObject();
        fields.append(ContactField{o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("label")).toString(),
                                   o.value(QStringLiteral("preferred")).toBool()});
    }
    return fields;
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
        {QStringLiteral("additional_names"), contact.additionalNames},
        {QStringLiteral("honorific_prefix"), contact.honorificPrefix},
        {QStringLiteral("honorific_suffix"), contact.honorificSuffix},
        {QStringLiteral("display_name"), contact.displayName},
        {QStringLiteral("anniversary"), contact.anniversary.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                      : QJsonValue(contact.anniversary)},
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

Contact contactFromJson(const QJsonObject &o)
{
    auto text = [&o](const char *key) { return o.value(QLatin1StringView(key)).toString(); };
    Contact c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.uid = text("uid");
    c.displayName = text("display_name");
    c.givenName = text("given_name");
    c.familyName = text("family_name");
    c.additionalNames = text("additional_names");
    c.honorificPrefix = text("honorific_prefix");
    c.honorificSuffix = text("honorific_suffix");
    c.nickname = text("nickname");
    c.organization = text("organization");
    c.title = text("title");
    const QJsonObject detail = o.value(QStringLiteral("detail")).toObject();
    c.emails = fieldsFrom(detail.value(QStringLiteral("emails")));
    c.phones = fieldsFrom(detail.value(QStringLiteral("phones")));
    c.urls = fieldsFrom(detail.value(QStringLiteral("urls")));
    for (const QJsonValue &entry : o.value(QStringLiteral("social_profiles")).toArray()) {
        const QJsonObject p = entry.toObject();
        c.socialProfiles.append(SocialProfile{p.value(QStringLiteral("service")).toString(),
                                              p.value(QStringLiteral("handle")).toString()});
    }
    for (const QJsonValue &entry : o.value(QStringLiteral("addresses")).toArray()) {
        const QJsonObject a = entry.toObject();
        c.addresses.append(PostalAddress{a.value(QStringLiteral("label")).toString(), a.value(QStringLiteral("street")).toString(),
                                         a.value(QStringLiteral("locality")).toString(), a.value(QStringLiteral("region")).toString(),
                                         a.value(QStringLiteral("postal_code")).toString(), a.value(QStringLiteral("country")).toString()});
    }
    c.birthday = text("birthday");
    c.anniversary = text("anniversary");
    c.photo = QByteArray::fromBase64(detail.value(QStringLiteral("photo")).toString().toLatin1());
    c.photoMimeType = detail.value(QStringLiteral("photo_mime")).toString();
    for (const QJsonValue &tag : o.value(QStringLiteral("tags")).toArray())
        c.tags.append(tag.toString());
    c.notes = text("note");
    c.metChannel = text("met_channel");
    c.metOn = QDate::fromString(text("met_on"), Qt::ISODate);
    c.keepInTouchDays = o.value(QStringLiteral("keep_in_touch_days")).toInt();
    c.archived = o.value(QStringLiteral("archived")).toBool();
    c.extraProperties = detail.value(QStringLiteral("extra_properties")).toString();
    return c;
}

QJsonObject contactSnapshot(const Contact &contact)
{
    QJsonObject object = contactToJson(contact);
    object.insert(QStringLiteral("detail"),
                  QJsonObject{{QStringLiteral("emails"), detailedFields(contact.emails)},
                              {QStringLiteral("phones"), detailedFields(contact.phones)},
                              {QStringLiteral("urls"), detailedFields(contact.urls)},
                              {QStringLiteral("photo"), QString::fromLatin1(contact.photo.toBase64())},
                              {QStringLiteral("photo_mime"), contact.photoMimeType},
                              {QStringLiteral("extra_properties"), contact.extraProperties}});
    return object;
}

} // namespace Rapport::Core
