#pragma once

#include "stage.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Rapport::Core {

/// One email address, phone number or web address, with the label the user or
/// the source gave it ("work", "mobile", "Portfolio").
struct ContactField
{
    QString value;
    QString label;
    bool preferred = false;

    friend bool operator==(const ContactField &, const ContactField &) = default;
};

/// A profile on a social network. `service` is a lower-case key such as
/// "twitter", "linkedin", "facebook", "mastodon"; `handle` is what the user
/// would type or paste (a handle or the profile URL).
struct SocialProfile
{
    QString service;
    QString handle;

    friend bool operator==(const SocialProfile &, const SocialProfile &) = default;
};

struct PostalAddress
{
    QString label;
    QString street;
    QString locality;
    QString region;
    QString postalCode;
    QString country;

    bool isEmpty() const
    {
        return street.isEmpty() && locality.isEmpty() && region.isEmpty() && postalCode.isEmpty()
               && country.isEmpty();
    }
    friend bool operator==(const PostalAddress &, const PostalAddress &) = default;
};

/// A person the user knows. `stage`, `introducedBy` and `lastInteractionAt` are
/// read from the store and ignored when a contact is written: the stage follows
/// interactions (or `manualStage`), introductions have their own store.
struct Contact
{
    qint64 id = 0;
    QString uid;

    QString displayName;
    QString givenName;
    QString familyName;
    QString additionalNames;
    QString honorificPrefix;
    QString honorificSuffix;
    QString nickname;

    QString organization;
    QString title;

    QList<ContactField> emails;
    QList<ContactField> phones;
    QList<ContactField> urls;
    QList<SocialProfile> socialProfiles;
    QList<PostalAddress> addresses;

    /// ISO 8601, possibly partial: "1984-04-15", "--04-15" (no year) or "1984".
    QString birthday;
    /// Same forms as the birthday.
    QString anniversary;
    QByteArray photo;
    QString photoMimeType;

    QStringList tags;
    QString notes;

    /// How we met: the channel ("Twitter", "Theo's webinar") and when.
    QString metChannel;
    QDate metOn;
    /// Keep-in-touch cadence in days; 0 means none set.
    int keepInTouchDays = 0;
    bool archived = false;

    /// Properties an importer did not understand, kept verbatim for export.
    QString extraProperties;

    Stage stage = Stage::None;
    std::optional<Stage> manualStage;
    QList<qint64> introducedBy;
    QDateTime lastInteractionAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    /// The name to show: the display name, else one composed from the parts,
    /// else the organization, else the first email.
    QString name() const;
};

} // namespace Rapport::Core
