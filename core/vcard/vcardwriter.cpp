#include "vcardwriter.h"

namespace Rapport::Core {

namespace {

QString escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case ',':
            out += QLatin1String("\\,");
            break;
        case ';':
            out += QLatin1String("\\;");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// A parameter value: quoted when it holds ':', ';' or ','; quotes and line
/// breaks have no place in it (RFC 6868 carets are not worth a label).
QByteArray paramValue(const QString &value)
{
    QString clean = value;
    clean.replace(QLatin1Char('"'), QLatin1Char('\''));
    clean.replace(QLatin1Char('\n'), QLatin1Char(' '));
    clean.remove(QLatin1Char('\r'));
    const QByteArray utf8 = clean.toUtf8();
    if (utf8.contains(':') || utf8.contains(';') || utf8.contains(','))
        return '"' + utf8 + '"';
    return utf8;
}

class Out
{
public:
    explicit Out(QByteArray &buffer) : m_buffer(buffer) {}

    /// Appends one content line, folded at 75 octets.
    void line(const QByteArray &content)
    {
        qsizetype start = 0;
        qsizetype limit = 75;
        while (content.size() - start > limit) {
            qsizetype cut = start + limit;
            // Never split a UTF-8 sequence: back up to a lead byte.
            while (cut > start && (static_cast<unsigned char>(content.at(cut)) & 0xC0) == 0x80)
                --cut;
            m_buffer.append(content.constData() + start, cut - start);
            m_buffer.append("\r\n ");
            start = cut;
            limit = 74;
        }
        m_buffer.append(content.constData() + start, content.size() - start);
        m_buffer.append("\r\n");
    }

    void text(const char *name, const QString &value)
    {
        if (!value.isEmpty())
            line(QByteArray(name) + ':' + escapeText(value).toUtf8());
    }

private:
    QByteArray &m_buffer;
};

/// Whether a label is made of the standard TYPE words (which readers
/// lower-case); anything else ("Studio", "Portfolio site") travels as an
/// Apple-style group label so that it comes back exactly as written.
bool isStandardLabel(const QString &label)
{
    static const QStringList standard{
        QStringLiteral("work"), QStringLiteral("home"),  QStringLiteral("mobile"), QStringLiteral("cell"),
        QStringLiteral("fax"),  QStringLiteral("pager"), QStringLiteral("voice"),  QStringLiteral("text"),
        QStringLiteral("video"), QStringLiteral("main"), QStringLiteral("car"),    QStringLiteral("isdn"),
        QStringLiteral("dom"),  QStringLiteral("intl"),  QStringLiteral("postal"), QStringLiteral("parcel"),
        QStringLiteral("textphone")};
    const QStringList words = label.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [](const QString &word) { return standard.contains(word); });
}

/// Writes "[itemN.]NAME;TYPE=…:value" and, for a custom label, its X-ABLabel.
void labelled(Out &out, int &group, const char *name, const QString &label, bool preferred,
              VCardWriter::Version version, const QByteArray &value)
{
    QByteArray params;
    QByteArray prefix;
    const bool custom = !label.isEmpty() && !isStandardLabel(label);
    if (custom) {
        prefix = "item" + QByteArray::number(++group) + '.';
    } else if (!label.isEmpty()) {
        QStringList types;
        for (const QString &word : label.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            types << (word == u"mobile" ? QStringLiteral("cell") : word);
        params += ";TYPE=" + paramValue(types.join(QLatin1Char(',')));
    }
    if (preferred)
        params += version == VCardWriter::Version::V4_0 ? QByteArray(";PREF=1") : QByteArray(";TYPE=pref");
    out.line(prefix + name + params + ':' + value);
    if (custom)
        out.line(prefix + "X-ABLabel:" + escapeText(label).toUtf8());
}

void writeFields(Out &out, int &group, const char *name, const QList<ContactField> &fields,
                 VCardWriter::Version version)
{
    for (const ContactField &field : fields)
        labelled(out, group, name, field.label, field.preferred, version, escapeText(field.value).toUtf8());
}

QByteArray structured(const QStringList &parts)
{
    QStringList escaped;
    for (const QString &part : parts)
        escaped << escapeText(part);
    return escaped.join(QLatin1Char(';')).toUtf8();
}

} // namespace

QByteArray VCardWriter::write(const Contact &contact, Version version)
{
    QByteArray buffer;
    Out out(buffer);
    const bool v4 = version == Version::V4_0;
    out.line("BEGIN:VCARD");
    out.line(v4 ? "VERSION:4.0" : "VERSION:3.0");
    out.line("PRODID:-//Rapport//Rapport " RAPPORT_VERSION "//EN");
    out.text("UID", contact.uid);
    out.text("FN", contact.name());
    out.line("N:" + structured({contact.familyName, contact.givenName, contact.additionalNames,
                                contact.honorificPrefix, contact.honorificSuffix}));
    out.text("NICKNAME", contact.nickname);
    out.text("ORG", contact.organization);
    out.text("TITLE", contact.title);
    int group = 0;
    writeFields(out, group, "EMAIL", contact.emails, version);
    writeFields(out, group, "TEL", contact.phones, version);
    for (const PostalAddress &address : contact.addresses) {
        labelled(out, group, "ADR", address.label, false, version,
                 structured({QString(), QString(), address.street, address.locality, address.region,
                             address.postalCode, address.country}));
    }
    writeFields(out, group, "URL", contact.urls, version);
    for (const SocialProfile &profile : contact.socialProfiles) {
        QByteArray line = "X-SOCIALPROFILE";
        if (!profile.service.isEmpty())
            line += ";TYPE=" + paramValue(profile.service);
        out.line(line + ':' + escapeText(profile.handle).toUtf8());
    }
    if (!contact.birthday.isEmpty()) {
        const bool isDate = contact.birthday.front().isDigit() || contact.birthday.startsWith(u"--");
        out.line(QByteArray(isDate ? "BDAY:" : "BDAY;VALUE=text:") + escapeText(contact.birthday).toUtf8());
    }
    if (!contact.anniversary.isEmpty()) {
        const bool isDate = contact.anniversary.front().isDigit() || contact.anniversary.startsWith(u"--");
        const QByteArray name = v4 ? "ANNIVERSARY" : "X-ANNIVERSARY";
        out.line(name + (isDate ? ":" : ";VALUE=text:") + escapeText(contact.anniversary).toUtf8());
    }
    if (!contact.tags.isEmpty()) {
        QStringList escaped;
        for (const QString &tag : contact.tags)
            escaped << escapeText(tag);
        out.line("CATEGORIES:" + escaped.join(QLatin1Char(',')).toUtf8());
    }
    out.text("NOTE", contact.notes);
    if (!contact.photo.isEmpty()) {
        const QByteArray mime = contact.photoMimeType.isEmpty() ? QByteArray("image/jpeg")
                                                                : contact.photoMimeType.toLatin1();
        if (v4) {
            out.line("PHOTO:data:" + mime + ";base64," + contact.photo.toBase64());
        } else {
            const QByteArray type = mime.mid(mime.indexOf('/') + 1).toUpper();
            out.line("PHOTO;ENCODING=b;TYPE=" + type + ':' + contact.photo.toBase64());
        }
    }
    if (!contact.extraProperties.isEmpty()) {
        for (const QString &kept : contact.extraProperties.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
            // Never let a kept line end or open a card, whatever the data file holds.
            const QString name = kept.section(QLatin1Char(':'), 0, 0).section(QLatin1Char(';'), 0, 0).section(QLatin1Char('.'), -1);
            if (name.compare(u"BEGIN", Qt::CaseInsensitive) == 0 || name.compare(u"END", Qt::CaseInsensitive) == 0
                || name.compare(u"VERSION", Qt::CaseInsensitive) == 0 || kept.contains(QLatin1Char('\n'))
                || kept.contains(QLatin1Char('\r')))
                continue;
            out.line(kept.toUtf8());
        }
    }
    out.line("END:VCARD");
    return buffer;
}

QByteArray VCardWriter::write(const QList<Contact> &contacts, Version version)
{
    QByteArray buffer;
    for (const Contact &contact : contacts)
        buffer += write(contact, version);
    return buffer;
}

} // namespace Rapport::Core
