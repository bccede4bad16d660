// VCardReader: small cards written inline, each a row, and the values they
// must map to. Problems are asserted with their file name and 1-based line.

#include "vcard/vcardreader.h"

#include <QTest>

#include <initializer_list>

using namespace Rapport::Core;
using namespace Qt::StringLiterals;

namespace {

const QString fileName = QStringLiteral("row.vcf");

/// Joins lines with `eol` after each; the card's line numbers are the
/// positions in the list, counted from 1.
QByteArray lines(std::initializer_list<const char *> content, const char *eol = "\r\n")
{
    QByteArray out;
    for (const char *line : content) {
        out += line;
        out += eol;
    }
    return out;
}

/// A byte string literal with its NUL bytes.
template<qsizetype N>
QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

/// The text as UTF-16 with a byte order mark.
QByteArray utf16(const QByteArray &utf8, bool littleEndian)
{
    const QString text = QString::fromUtf8(utf8);
    QByteArray out = littleEndian ? QByteArray("\xFF\xFE", 2) : QByteArray("\xFE\xFF", 2);
    for (const QChar c : text) {
        const char lo = char(c.unicode() & 0xFF);
        const char hi = char(c.unicode() >> 8);
        out += littleEndian ? lo : hi;
        out += littleEndian ? hi : lo;
    }
    return out;
}

QString fields(const QList<ContactField> &list)
{
    QStringList shown;
    for (const ContactField &f : list) {
        QString s = f.value;
        if (!f.label.isEmpty())
            s += QStringLiteral(" [%1]").arg(f.label);
        if (f.preferred)
            s += QStringLiteral(" (pref)");
        shown << s;
    }
    return shown.join(QStringLiteral(" | "));
}

/// One detail of a contact as text, so that a row can list what it expects
/// as "field=value". Returns false for a field name this suite does not know.
bool describe(const Contact &c, const QString &field, QString &out)
{
    if (field == u"uid") out = c.uid;
    else if (field == u"name") out = c.name();
    else if (field == u"displayName") out = c.displayName;
    else if (field == u"givenName") out = c.givenName;
    else if (field == u"familyName") out = c.familyName;
    else if (field == u"additionalNames") out = c.additionalNames;
    else if (field == u"honorificPrefix") out = c.honorificPrefix;
    else if (field == u"honorificSuffix") out = c.honorificSuffix;
    else if (field == u"nickname") out = c.nickname;
    else if (field == u"organization") out = c.organization;
    else if (field == u"title") out = c.title;
    else if (field == u"emails") out = fields(c.emails);
    else if (field == u"phones") out = fields(c.phones);
    else if (field == u"urls") out = fields(c.urls);
    else if (field == u"socialProfiles") {
        QStringList shown;
        for (const SocialProfile &p : c.socialProfiles)
            shown << p.service + QLatin1Char(':') + p.handle;
        out = shown.join(QStringLiteral(" | "));
    } else if (field == u"addresses") {
        QStringList shown;
        for (const PostalAddress &a : c.addresses)
            shown << QStringList{a.label, a.street, a.locality, a.region, a.postalCode, a.country}.join(QLatin1Char('|'));
        out = shown.join(QStringLiteral(" || "));
    } else if (field == u"birthday") out = c.birthday;
    else if (field == u"anniversary") out = c.anniversary;
    else if (field == u"photo") out = QString::fromLatin1(c.photo.toBase64());
    else if (field == u"photoMimeType") out = c.photoMimeType;
    else if (field == u"tags") out = c.tags.join(QLatin1Char('|'));
    else if (field == u"notes") out = c.notes;
    else if (field == u"extraProperties") out = c.extraProperties;
    else return false;
    return true;
}

QString problemsText(const QList<VCardProblem> &problems)
{
    QStringList shown;
    for (const VCardProblem &p : problems)
        shown << p.toString();
    return shown.join(QLatin1Char('\n'));
}

QList<int> problemLines(const QList<VCardProblem> &problems)
{
    QList<int> out;
    for (const VCardProblem &p : problems)
        out << p.line;
    return out;
}

// 1x1 PNG and a JPEG header, as base64.
constexpr const char *pngBase64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYOcDAAAgABaBpfV8AAAAAElFTkSuQmCC";
constexpr const char *jpegBase64 = "/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==";

} // namespace

class TestVCardReader : public QObject
{
    Q_OBJECT

private slots:
    void parse_wellFormedCard_mapsValues_data();
    void parse_wellFormedCard_mapsValues();
    void parse_cardWithoutFormattedName_isNamedAfterOtherDetails_data();
    void parse_cardWithoutFormattedName_isNamedAfterOtherDetails();
    void parse_severalCards_readsEachWithItsBeginLine_data();
    void parse_severalCards_readsEachWithItsBeginLine();
    void parse_malformedCard_reportsProblemAtLineAndReadsTheRest_data();
    void parse_malformedCard_reportsProblemAtLineAndReadsTheRest();
    void parse_notAVCard_setsFileErrorAndReturnsNoCards_data();
    void parse_notAVCard_setsFileErrorAndReturnsNoCards();
    void parseFile_missingFile_setsFileError();
};

void TestVCardReader::parse_wellFormedCard_mapsValues_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    // ---- versions and framing
    QTest::newRow("A 2.1 card with bare TYPE words is read")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "N:Doe;Jane;;;", "FN:Jane Doe", "TEL;WORK;VOICE:+1 555 0100",
                  "EMAIL;INTERNET;HOME:jane@example.com", "END:VCARD"})
        << QStringList{u"displayName=Jane Doe"_s, u"familyName=Doe"_s, u"givenName=Jane"_s,
                       u"phones=+1 555 0100 [work]"_s, u"emails=jane@example.com [home]"_s};
    QTest::newRow("A 3.0 card with TYPE lists is read")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "N:Doe;Jane;;;",
                  "EMAIL;TYPE=INTERNET,WORK:jane@example.com", "TEL;TYPE=CELL:+1 555 0101", "END:VCARD"})
        << QStringList{u"displayName=Jane Doe"_s, u"emails=jane@example.com [work]"_s,
                       u"phones=+1 555 0101 [mobile]"_s};
    QTest::newRow("A 4.0 card with PREF and tel: and mailto: values is read")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "EMAIL;TYPE=work;PREF=1:mailto:jane@example.com",
                  "TEL;VALUE=uri;TYPE=home:tel:+1-555-0102", "END:VCARD"})
        << QStringList{u"emails=jane@example.com [work] (pref)"_s, u"phones=+1-555-0102 [home]"_s};
    QTest::newRow("BEGIN and END in lower and mixed case frame a card")
        << lines({"begin:vcard", "version:3.0", "fn:Jane Doe", "End:VCard"})
        << QStringList{u"displayName=Jane Doe"_s};
    QTest::newRow("A nested 2.1 AGENT card is skipped and what follows it is read")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "AGENT:", "BEGIN:VCARD", "VERSION:2.1",
                  "FN:Agent Smith", "TEL:+1 555 0199", "END:VCARD", "TEL;HOME:+1 555 0100", "END:VCARD"})
        << QStringList{u"displayName=Jane Doe"_s, u"phones=+1 555 0100 [home]"_s};

    // ---- folding
    QTest::newRow("A line folded with a space is joined without the space")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "NOTE:This is a long", "  note.", "END:VCARD"})
        << QStringList{u"notes=This is a long note."_s};
    QTest::newRow("A line folded with a tab is joined without the tab")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Ja", "\tne Doe", "END:VCARD"})
        << QStringList{u"displayName=Jane Doe"_s};
    QTest::newRow("A fold inside a two-byte UTF-8 character joins the character")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Zo\xC3", " \xAB" " Example", "END:VCARD"})
        << QStringList{u"displayName=Zoë Example"_s};
    QTest::newRow("A fold inside a three-byte UTF-8 character joins the character")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:\xE6\x97", " \xA5\xE6\x9C\xAC", "END:VCARD"})
        << QStringList{u"displayName=日本"_s};
    QTest::newRow("An escape split across a fold is still an escape")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "ORG:Smith\\", " ;Jones", "NOTE:one\\", " ntwo",
                  "END:VCARD"})
        << QStringList{u"organization=Smith;Jones"_s, u"notes=one\ntwo"_s};

    // ---- line endings
    QTest::newRow("LF line endings")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane", " Doe", "EMAIL:jane@example.com", "END:VCARD"}, "\n")
        << QStringList{u"displayName=JaneDoe"_s, u"emails=jane@example.com"_s};
    QTest::newRow("CR CR LF line endings")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane", " Doe", "EMAIL:jane@example.com", "END:VCARD"}, "\r\r\n")
        << QStringList{u"displayName=JaneDoe"_s, u"emails=jane@example.com"_s};
    QTest::newRow("Lone CR line endings")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane", " Doe", "EMAIL:jane@example.com", "END:VCARD"}, "\r")
        << QStringList{u"displayName=JaneDoe"_s, u"emails=jane@example.com"_s};
    QTest::newRow("Mixed line endings in one card")
        << QByteArray("BEGIN:VCARD\r\nVERSION:3.0\nFN:Jane\r Doe\r\r\nEMAIL:jane@example.com\n\rTITLE:CEO\rEND:VCARD")
        << QStringList{u"displayName=JaneDoe"_s, u"emails=jane@example.com"_s, u"title=CEO"_s};

    // ---- byte encodings of the whole file
    QTest::newRow("A UTF-8 byte order mark is ignored")
        << QByteArray("\xEF\xBB\xBF" "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xC3\xAB" "\r\nEND:VCARD\r\n")
        << QStringList{u"displayName=Zoë"_s};
    QTest::newRow("UTF-16 little endian with a byte order mark")
        << utf16(lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC", "END:VCARD"}), true)
        << QStringList{u"displayName=Zoë 日本"_s};
    QTest::newRow("UTF-16 big endian with a byte order mark")
        << utf16(lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC", "END:VCARD"}), false)
        << QStringList{u"displayName=Zoë 日本"_s};

    // ---- 2.1 quoted-printable and character sets
    QTest::newRow("Quoted-printable with a soft line break")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB =", "Example",
                  "END:VCARD"})
        << QStringList{u"displayName=Zoë Example"_s};
    QTest::newRow("Quoted-printable with a soft line break inside a UTF-8 sequence")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=", "=AB Example",
                  "END:VCARD"})
        << QStringList{u"displayName=Zoë Example"_s};
    QTest::newRow("Quoted-printable given as a bare parameter, with an encoded line break")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "NOTE;QUOTED-PRINTABLE:line one=0Aline two=3D2",
                  "END:VCARD"})
        << QStringList{u"notes=line one\nline two=2"_s};
    QTest::newRow("CHARSET=ISO-8859-1")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN;CHARSET=ISO-8859-1:Ren\xE9 Dupont", "END:VCARD"})
        << QStringList{u"displayName=René Dupont"_s};
    QTest::newRow("CHARSET=windows-1252 with curly quotes and the euro sign")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "NOTE;CHARSET=windows-1252:\x93quoted\x94 5\x80",
                  "END:VCARD"})
        << QStringList{u"notes=“quoted” 5€"_s};
    QTest::newRow("CHARSET=Shift_JIS")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN;CHARSET=Shift_JIS:\x93\xFA\x96\x7B", "END:VCARD"})
        << QStringList{u"displayName=日本"_s};
    QTest::newRow("Quoted-printable in ISO-8859-1")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Ren=E9 Dupont",
                  "END:VCARD"})
        << QStringList{u"displayName=René Dupont"_s};

    // ---- photos
    QTest::newRow("A 3.0 base64 photo with ENCODING=b, folded")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe",
                  "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNg",
                  " YOcDAAAgABaBpfV8AAAAAElFTkSuQmCC", "END:VCARD"})
        << QStringList{QStringLiteral("photo=") + QString::fromLatin1(pngBase64), u"photoMimeType=image/png"_s};
    QTest::newRow("A 2.1 base64 photo on following lines ended by a blank line")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "PHOTO;ENCODING=BASE64;TYPE=JPEG:",
                  "/9j/4AAQSkZJRgABAQAA", "AQABAAD/2Q==", "", "TEL:+1 555 0100", "END:VCARD"})
        << QStringList{QStringLiteral("photo=") + QString::fromLatin1(jpegBase64), u"photoMimeType=image/jpeg"_s,
                       u"phones=+1 555 0100"_s};
    QTest::newRow("A 2.1 base64 photo on indented lines ended by a blank line")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "PHOTO;BASE64;JPEG:/9j/4AAQSkZJRgAB",
                  "  AQAAAQABAAD/2Q==", "", "TEL:+1 555 0100", "END:VCARD"})
        << QStringList{QStringLiteral("photo=") + QString::fromLatin1(jpegBase64), u"phones=+1 555 0100"_s};
    QTest::newRow("A 2.1 base64 photo without the blank line before the next property")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgAB",
                  "AQAAAQABAAD/2Q==", "TEL:+1 555 0100", "END:VCARD"})
        << QStringList{QStringLiteral("photo=") + QString::fromLatin1(jpegBase64), u"phones=+1 555 0100"_s};
    QTest::newRow("A 2.1 base64 photo running up to END:VCARD")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgAB",
                  "AQAAAQABAAD/2Q==", "END:VCARD"})
        << QStringList{QStringLiteral("photo=") + QString::fromLatin1(jpegBase64)};
    QTest::newRow("A 4.0 photo as a data: URI")
        << (lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe"}) + "PHOTO:data:image/png;base64," + pngBase64
            + "\r\nEND:VCARD\r\n")
        << QStringList{QStringLiteral("photo=") + QString::fromLatin1(pngBase64), u"photoMimeType=image/png"_s};
    QTest::newRow("A photo given as a web address is kept, not fetched")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "PHOTO:https://example.com/jane.jpg", "END:VCARD"})
        << QStringList{u"photo="_s, u"extraProperties=PHOTO:https://example.com/jane.jpg\r\n"_s};

    // ---- escapes and structured values
    QTest::newRow("3.0 escapes for comma, semicolon, backslash and both newlines")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "NOTE:a\\, b\\; c\\\\ d\\ne\\Nf", "END:VCARD"})
        << QStringList{u"notes=a, b; c\\ d\ne\nf"_s};
    QTest::newRow("N with all five parts and escaped semicolons")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Dr. Jane Q. Doe\\, PhD", "N:Doe\\;Smith;Jane;Q.;Dr.;PhD",
                  "END:VCARD"})
        << QStringList{u"displayName=Dr. Jane Q. Doe, PhD"_s, u"familyName=Doe;Smith"_s, u"givenName=Jane"_s,
                       u"additionalNames=Q."_s, u"honorificPrefix=Dr."_s, u"honorificSuffix=PhD"_s};
    QTest::newRow("ADR parts, with the extended address before the street")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "ADR;TYPE=home:;Apt 4;1 Main St;Springfield;IL;62701;USA",
                  "ADR;TYPE=work,postal:;;2 Side\\, Rd;Shelbyville;;;", "END:VCARD"})
        << QStringList{u"addresses=home|Apt 4\n1 Main St|Springfield|IL|62701|USA || work|2 Side, Rd|Shelbyville|||"_s};
    QTest::newRow("ORG units are joined after the organization")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "ORG:Acme Inc.;Research;;", "END:VCARD"})
        << QStringList{u"organization=Acme Inc., Research"_s};

    // ---- parameters
    QTest::newRow("TYPE=work,voice keeps work and drops voice")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "TEL;TYPE=work,voice:+1 555 0100", "END:VCARD"})
        << QStringList{u"phones=+1 555 0100 [work]"_s};
    QTest::newRow("Repeated TYPE parameters are all kept")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "TEL;TYPE=work;TYPE=cell:+1 555 0100", "END:VCARD"})
        << QStringList{u"phones=+1 555 0100 [work mobile]"_s};
    QTest::newRow("A quoted TYPE list is read as a list")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "TEL;TYPE=\"home,cell\":+1 555 0100", "END:VCARD"})
        << QStringList{u"phones=+1 555 0100 [home mobile]"_s};
    QTest::newRow("A label names each word once, as earlier versions made it (a card's digest holds it)")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "TEL;TYPE=work,x-work,cell,WORK:+1 555 0100",
                  "EMAIL;TYPE=\"a b,a b,a\":jane@example.com", "END:VCARD"})
        << QStringList{u"emails=jane@example.com [a b a b]"_s, u"phones=+1 555 0100 [work mobile]"_s};
    QTest::newRow("A quoted parameter value may hold a colon and a semicolon")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "EMAIL;X-NOTE=\"a:b;c\";TYPE=home:jane@example.com",
                  "END:VCARD"})
        << QStringList{u"emails=jane@example.com [home]"_s};
    QTest::newRow("TYPE=pref in 3.0 and PREF=1 in 4.0 mark the preferred value")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "EMAIL;TYPE=internet:a@example.com",
                  "EMAIL;TYPE=internet,pref:b@example.com", "TEL;PREF=1:+1 555 0100", "END:VCARD"})
        << QStringList{u"emails=a@example.com | b@example.com (pref)"_s, u"phones=+1 555 0100 (pref)"_s};

    // ---- groups and Apple labels
    QTest::newRow("An item group's X-ABLabel labels its email")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "item1.EMAIL;type=INTERNET:jane@custom.example",
                  "item1.X-ABLabel:Custom", "END:VCARD"})
        << QStringList{u"emails=jane@custom.example [Custom]"_s};
    QTest::newRow("Apple's built-in label markers are stripped")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "item2.URL;type=pref:https\\://jane.example",
                  "item2.X-ABLabel:_$!<HomePage>!$_", "END:VCARD"})
        << QStringList{u"urls=https://jane.example [HomePage] (pref)"_s};
    QTest::newRow("A label that comes before its property still applies")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "item3.X-ABLabel:Studio", "item3.TEL:+1 555 0100",
                  "END:VCARD"})
        << QStringList{u"phones=+1 555 0100 [Studio]"_s};

    QTest::newRow("An Apple date labelled as anniversary after it becomes the anniversary")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "item3.X-ABDATE;type=pref:2015-09-19",
                  "item3.X-ABLabel:_$!<Anniversary>!$_", "END:VCARD"})
        << QStringList{u"anniversary=2015-09-19"_s, u"extraProperties="_s};
    QTest::newRow("An Apple date labelled as anniversary before it becomes the anniversary")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "item3.X-ABLabel:_$!<Anniversary>!$_",
                  "item3.X-ABDATE:2015-09-19", "END:VCARD"})
        << QStringList{u"anniversary=2015-09-19"_s, u"extraProperties="_s};

    // ---- other details
    QTest::newRow("NICKNAME, TITLE and URL")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "NICKNAME:JD", "TITLE:Chief Executive",
                  "URL;TYPE=work:https://acme.example", "END:VCARD"})
        << QStringList{u"nickname=JD"_s, u"title=Chief Executive"_s, u"urls=https://acme.example [work]"_s};
    QTest::newRow("IMPP becomes a profile whose service is the URI scheme")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "IMPP:xmpp:a@b", "END:VCARD"})
        << QStringList{u"socialProfiles=xmpp:a@b"_s};
    QTest::newRow("X-SOCIALPROFILE takes its service from TYPE")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe",
                  "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/janedoe", "END:VCARD"})
        << QStringList{u"socialProfiles=twitter:https://twitter.com/janedoe"_s};
    QTest::newRow("X-TWITTER, X-LINKEDIN and X-FACEBOOK become profiles")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "X-TWITTER:@janedoe",
                  "X-LINKEDIN:https://linkedin.com/in/janedoe", "X-FACEBOOK:jane.doe", "END:VCARD"})
        << QStringList{u"socialProfiles=twitter:@janedoe | linkedin:https://linkedin.com/in/janedoe | facebook:jane.doe"_s};
    QTest::newRow("BDAY as basic date")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "BDAY:19850415", "END:VCARD"})
        << QStringList{u"birthday=1985-04-15"_s};
    QTest::newRow("BDAY as extended date")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "BDAY:1985-04-15", "END:VCARD"})
        << QStringList{u"birthday=1985-04-15"_s};
    QTest::newRow("BDAY without a year")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "BDAY:--0415", "END:VCARD"})
        << QStringList{u"birthday=--04-15"_s};
    QTest::newRow("BDAY with a time keeps the date")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "BDAY:1985-04-15T10:00:00Z", "END:VCARD"})
        << QStringList{u"birthday=1985-04-15"_s};
    QTest::newRow("BDAY as text is kept as written")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "BDAY;VALUE=text:circa 1800", "END:VCARD"})
        << QStringList{u"birthday=circa 1800"_s};
    QTest::newRow("BDAY as text with a capital T in it is not cut as if it were a time")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "BDAY;VALUE=text:circa Twelfth Night", "END:VCARD"})
        << QStringList{u"birthday=circa Twelfth Night"_s};
    QTest::newRow("ANNIVERSARY")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "ANNIVERSARY:20100612", "END:VCARD"})
        << QStringList{u"anniversary=2010-06-12"_s};
    QTest::newRow("Two NOTEs are kept as two paragraphs")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "NOTE:Met at the fair.", "NOTE:Likes tea.",
                  "END:VCARD"})
        << QStringList{u"notes=Met at the fair.\n\nLikes tea."_s};
    QTest::newRow("CATEGORIES become tags, without repeats")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "CATEGORIES:client,friends\\, family,Client",
                  "CATEGORIES:vip", "END:VCARD"})
        << QStringList{u"tags=client|friends, family|vip"_s};
    QTest::newRow("UID")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "UID:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "FN:Jane Doe",
                  "END:VCARD"})
        << QStringList{u"uid=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"_s};
    QTest::newRow("Unknown properties are kept verbatim, folds undone")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "X-CUSTOM;FOO=bar:value", "GEO:37.386013;-122.08",
                  " 2932", "item4.X-ABRELATEDNAMES:Bob", "END:VCARD"})
        << QStringList{u"extraProperties=X-CUSTOM;FOO=bar:value\r\nGEO:37.386013;-122.082932\r\n"
                       "item4.X-ABRELATEDNAMES:Bob\r\n"_s};
    QTest::newRow("PRODID, REV and VERSION are not kept")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
                  "REV:2024-01-01T00:00:00Z", "FN:Jane Doe", "END:VCARD"})
        << QStringList{u"extraProperties="_s};
}

void TestVCardReader::parse_wellFormedCard_mapsValues()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    const VCardParseResult result = VCardReader::parse(input, fileName);
    QVERIFY2(result.isVCard(), qPrintable(result.fileError));
    QVERIFY2(result.problems.isEmpty(), qPrintable(problemsText(result.problems)));
    QCOMPARE(result.skippedCards, 0);
    QCOMPARE(result.cards.size(), 1);
    QCOMPARE(result.cards.constFirst().line, 1);
    const Contact &contact = result.cards.constFirst().contact;
    for (const QString &expectation : expected) {
        const qsizetype equals = expectation.indexOf(QLatin1Char('='));
        QVERIFY2(equals > 0, qPrintable(expectation));
        const QString field = expectation.left(equals);
        QString actual;
        QVERIFY2(describe(contact, field, actual), qPrintable(QStringLiteral("unknown field ") + field));
        if (actual != expectation.mid(equals + 1))
            qWarning().noquote() << "field" << field;
        QCOMPARE(actual, expectation.mid(equals + 1));
    }
}

void TestVCardReader::parse_cardWithoutFormattedName_isNamedAfterOtherDetails_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<bool>("problemExpected");

    QTest::newRow("A card with N and no FN is named from N, without a problem")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "N:Doe;Jane;Q.;Dr.;", "EMAIL:jane@example.com", "END:VCARD"})
        << u"Dr. Jane Q. Doe"_s << false;
    QTest::newRow("A card with neither FN nor N is named from ORG, and a problem says so")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "ORG:Acme Inc.", "EMAIL:info@acme.example", "END:VCARD"})
        << u"Acme Inc."_s << true;
    QTest::newRow("A card with only an email is named from it, and a problem says so")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "EMAIL:jane@example.com", "END:VCARD"}) << u"jane@example.com"_s
        << true;
    QTest::newRow("An empty FN does not count as a name")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:", "ORG:Acme Inc.", "END:VCARD"}) << u"Acme Inc."_s << true;
}

void TestVCardReader::parse_cardWithoutFormattedName_isNamedAfterOtherDetails()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedName);
    QFETCH(bool, problemExpected);

    const VCardParseResult result = VCardReader::parse(input, fileName);
    QVERIFY2(result.isVCard(), qPrintable(result.fileError));
    QCOMPARE(result.cards.size(), 1);
    QCOMPARE(result.cards.constFirst().contact.name(), expectedName);
    QCOMPARE(result.skippedCards, 0);
    if (!problemExpected) {
        QVERIFY2(result.problems.isEmpty(), qPrintable(problemsText(result.problems)));
        return;
    }
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.constFirst().file, fileName);
    QCOMPARE(result.problems.constFirst().line, 1);
    QVERIFY2(result.problems.constFirst().message.contains(expectedName), qPrintable(problemsText(result.problems)));
}

void TestVCardReader::parse_severalCards_readsEachWithItsBeginLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QList<int>>("expectedLines");

    QTest::newRow("Three cards of three versions, with blank lines between")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Ann", "END:VCARD", "", "BEGIN:VCARD", "VERSION:3.0", "FN:Bob",
                  "END:VCARD", "", "", "BEGIN:VCARD", "VERSION:4.0", "FN:Cem", "END:VCARD"})
        << QStringList{u"Ann"_s, u"Bob"_s, u"Cem"_s} << QList<int>{1, 6, 12};
    QTest::newRow("A 2.1 escape style does not leak into the next 3.0 card")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:C:\\temp", "END:VCARD", "BEGIN:VCARD", "VERSION:3.0",
                  "FN:Smith\\, Bob", "END:VCARD"})
        << QStringList{u"C:\\temp"_s, u"Smith, Bob"_s} << QList<int>{1, 5};
    QTest::newRow("A card after a card with a nested AGENT card")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Ann", "AGENT:", "BEGIN:VCARD", "FN:Agent", "END:VCARD",
                  "END:VCARD", "BEGIN:VCARD", "VERSION:2.1", "FN:Bob", "END:VCARD"})
        << QStringList{u"Ann"_s, u"Bob"_s} << QList<int>{1, 9};
    QTest::newRow("Line numbers count folded and CR CR LF lines")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:A", " nn", "NOTE:x", "\ty", "END:VCARD", "BEGIN:VCARD",
                  "FN:Bob", "END:VCARD"},
                 "\r\r\n")
        << QStringList{u"Ann"_s, u"Bob"_s} << QList<int>{1, 8};
    QTest::newRow("Line numbers in a UTF-16 file")
        << utf16(lines({"", "BEGIN:VCARD", "VERSION:3.0", "FN:Ann", "END:VCARD", "BEGIN:VCARD", "FN:Bob", "END:VCARD"}),
                 true)
        << QStringList{u"Ann"_s, u"Bob"_s} << QList<int>{2, 6};
}

void TestVCardReader::parse_severalCards_readsEachWithItsBeginLine()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expectedNames);
    QFETCH(QList<int>, expectedLines);

    const VCardParseResult result = VCardReader::parse(input, fileName);
    QVERIFY2(result.isVCard(), qPrintable(result.fileError));
    QVERIFY2(result.problems.isEmpty(), qPrintable(problemsText(result.problems)));
    QStringList names;
    QList<int> beginLines;
    for (const ParsedCard &card : result.cards) {
        names << card.contact.name();
        beginLines << card.line;
    }
    QCOMPARE(names, expectedNames);
    QCOMPARE(beginLines, expectedLines);
}

void TestVCardReader::parse_malformedCard_reportsProblemAtLineAndReadsTheRest_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QList<int>>("expectedProblemLines");
    QTest::addColumn<int>("expectedSkipped");
    // A detail that must still have been read after the problem ("field=value").
    QTest::addColumn<QString>("expectedDetail");

    QTest::newRow("A property line without a colon is reported and the rest of the card is read")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "this line is not a property", "EMAIL:jane@example.com",
                  "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{4} << 0 << u"emails=jane@example.com"_s;
    QTest::newRow("A broken line after a folded property is reported at its own physical line")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "NOTE:one", " two", "\tthree", "NOTE-WITHOUT-COLON",
                  "TITLE:CEO", "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{7} << 0 << u"title=CEO"_s;
    QTest::newRow("A broken line after a quoted-printable soft break is reported at its own physical line")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN:Jane Doe", "NOTE;ENCODING=QUOTED-PRINTABLE:one=", "two=",
                  "three", "garbage", "TITLE:CEO", "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{7} << 0 << u"notes=onetwothree"_s;
    QTest::newRow("A card without END:VCARD is reported at its BEGIN line and read")
        << lines({"", "BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "EMAIL:jane@example.com"})
        << QStringList{u"Jane Doe"_s} << QList<int>{2} << 0 << u"emails=jane@example.com"_s;
    QTest::newRow("A card without END:VCARD followed by another card: both are read")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "BEGIN:VCARD", "VERSION:3.0", "FN:Bob Roe",
                  "TITLE:CEO", "END:VCARD"})
        << QStringList{u"Jane Doe"_s, u"Bob Roe"_s} << QList<int>{1} << 0 << u"title="_s;
    QTest::newRow("A card with nothing in it is skipped and reported; the next card is read")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "END:VCARD", "BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe",
                  "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{1} << 1 << u"name=Jane Doe"_s;
    QTest::newRow("A card with only empty properties is skipped and reported")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:", "N:;;;;", "END:VCARD", "BEGIN:VCARD", "VERSION:4.0",
                  "FN:Jane Doe", "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{1} << 1 << u"name=Jane Doe"_s;
    QTest::newRow("An invalid base64 photo is reported and the card is kept without it")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", "PHOTO;ENCODING=b;TYPE=JPEG:not*base64!",
                  "EMAIL:jane@example.com", "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{4} << 0 << u"photo="_s;
    QTest::newRow("An invalid base64 data: photo is reported and the card is kept without it")
        << lines({"BEGIN:VCARD", "VERSION:4.0", "FN:Jane Doe", "EMAIL:jane@example.com",
                  "PHOTO:data:image/png;base64,!!!!", "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{5} << 0 << u"emails=jane@example.com"_s;
    QTest::newRow("An unknown character set is reported and the text read as UTF-8")
        << lines({"BEGIN:VCARD", "VERSION:2.1", "FN;CHARSET=X-NO-SUCH-CHARSET:Zo\xC3\xAB", "END:VCARD"})
        << QStringList{u"Zoë"_s} << QList<int>{3} << 0 << u"displayName=Zoë"_s;
    QTest::newRow("A property without a name is reported")
        << lines({"BEGIN:VCARD", "VERSION:3.0", "FN:Jane Doe", ":orphan value", "END:VCARD"})
        << QStringList{u"Jane Doe"_s} << QList<int>{4} << 0 << u"extraProperties="_s;
}

void TestVCardReader::parse_malformedCard_reportsProblemAtLineAndReadsTheRest()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expectedNames);
    QFETCH(QList<int>, expectedProblemLines);
    QFETCH(int, expectedSkipped);
    QFETCH(QString, expectedDetail);

    const VCardParseResult result = VCardReader::parse(input, QStringLiteral("broken.vcf"));
    QVERIFY2(result.isVCard(), qPrintable(result.fileError));
    QStringList names;
    for (const ParsedCard &card : result.cards)
        names << card.contact.name();
    QCOMPARE(names, expectedNames);
    QCOMPARE(result.skippedCards, expectedSkipped);
    QVERIFY2(problemLines(result.problems) == expectedProblemLines, qPrintable(problemsText(result.problems)));
    for (const VCardProblem &problem : result.problems) {
        QCOMPARE(problem.file, QStringLiteral("broken.vcf"));
        QVERIFY(!problem.message.isEmpty());
    }

    const qsizetype equals = expectedDetail.indexOf(QLatin1Char('='));
    QString actual;
    QVERIFY(describe(result.cards.constFirst().contact, expectedDetail.left(equals), actual));
    QCOMPARE(actual, expectedDetail.mid(equals + 1));
}

void TestVCardReader::parse_notAVCard_setsFileErrorAndReturnsNoCards_data()
{
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("An empty file") << QByteArray();
    QTest::newRow("A file of blank lines") << QByteArray("\r\n\n  \r\n");
    QTest::newRow("An HTML page")
        << lines({"<!DOCTYPE html>", "<html><head><title>Contacts</title></head>",
                  "<body><p>BEGIN:VCARD is how a card starts</p></body></html>"});
    QTest::newRow("Random binary with NUL bytes")
        << bytes("\x89\x00\x13\xFF\x00\x00\x7F" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\xA5\x5A\x00\x01");
    QTest::newRow("A binary file whose odd bytes are NUL (looks like UTF-16)")
        << bytes("P\0K\0\x03\0\x04\0\x14\0\x06\0\xC3\0\xAB\0");
    QTest::newRow("A CSV export") << lines({"Name,Email", "Jane Doe,jane@example.com"});
}

void TestVCardReader::parse_notAVCard_setsFileErrorAndReturnsNoCards()
{
    QFETCH(QByteArray, input);

    const VCardParseResult result = VCardReader::parse(input, QStringLiteral("notacard.vcf"));
    QVERIFY(!result.isVCard());
    QVERIFY2(result.fileError.contains(QStringLiteral("notacard.vcf")), qPrintable(result.fileError));
    QVERIFY(result.cards.isEmpty());
    QCOMPARE(result.skippedCards, 0);
}

void TestVCardReader::parseFile_missingFile_setsFileError()
{
    const VCardParseResult result = VCardReader::parseFile(QStringLiteral("/nonexistent/folder/gone.vcf"));
    QVERIFY(!result.isVCard());
    QVERIFY2(result.fileError.contains(QStringLiteral("gone.vcf")), qPrintable(result.fileError));
    QVERIFY(result.cards.isEmpty());
}

QTEST_GUILESS_MAIN(TestVCardReader)
#include "tst_vcardreader.moc"
