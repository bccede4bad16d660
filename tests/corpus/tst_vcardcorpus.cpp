// The vCard reader against 145 files taken from the test suites of other
// vCard parsers (see MANIFEST.md in the corpus folder). Each file is a row:
// it must be read the way its upstream suite expects, cut-off copies of it
// must not hang or crash the reader, and for about 100 files the values the
// upstream tests assert must come out decoded and unescaped.

#include "vcard/vcardreader.h"

#include <QDate>
#include <QDebug>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

using namespace Rapport::Core;

namespace {

// What the upstream suite does with the file (the MANIFEST's last column).
enum class Upstream {
    ParseOk,  // parses and asserts on content
    Tolerant, // malformed, yet upstream recovers the data
    Fails,    // upstream asserts an error
    Unused,   // kept as sample data, read by no test
    NoCards,  // parses to zero cards without error
};

struct CorpusFile
{
    const char *path;
    Upstream upstream;
    int minCards;
    int maxCards;
    // The file has a non-empty FN, N, ORG or EMAIL, so at least one of its
    // contacts must have a name. Files without any of these (libvformat's
    // spec snippets, a photo-only card) need only account for their cards.
    bool named;
};

constexpr bool Named = true;
constexpr bool Nameless = false;
using U = Upstream;

// clang-format off
constexpr CorpusFile corpusFiles[] = {
    {"android-vcard/v21_adr_multiple_line.vcf", U::Tolerant, 1, 1, Named},
    {"android-vcard/v21_android_custom_prop.vcf", U::ParseOk, 0, 1, Nameless},
    {"android-vcard/v21_backslash.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_base64_no_2_crlf.vcf", U::Tolerant, 1, 1, Named},
    {"android-vcard/v21_blackberry_photo.vcf", U::Tolerant, 1, 1, Named},
    {"android-vcard/v21_complicated.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_im.vcf", U::ParseOk, 0, 1, Nameless},
    {"android-vcard/v21_invalid_comment_line.vcf", U::Tolerant, 1, 1, Named},
    {"android-vcard/v21_invalid_multiple_line.vcf", U::Tolerant, 1, 1, Named},
    {"android-vcard/v21_japanese_1.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_japanese_2.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_malformed_photo.vcf", U::Fails, 0, 1, Named},
    {"android-vcard/v21_multiple_entry.vcf", U::ParseOk, 3, 3, Named},
    {"android-vcard/v21_nest.vcf", U::ParseOk, 1, 3, Named},
    {"android-vcard/v21_pref_handling.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_simple_1.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_winmo_65.vcf", U::Tolerant, 1, 1, Named},
    {"android-vcard/v21_x_android_custom_after_photo.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v21_x_param.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v30_comma_separated.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v30_ios_613_multiline.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v30_japanese.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v30_multibyte_param.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v30_simple.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v30_sip.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v40_sip.vcf", U::ParseOk, 1, 1, Named},
    {"android-vcard/v40_sort_as.vcf", U::ParseOk, 1, 1, Named},

    {"evolution-data-server/data/vcards/custom-7.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/data/vcards/logo-1.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/data/vcards/name-only.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/data/vcards/photo-1.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/data/vcards/sorted-9.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/vcard/1.vcf", U::Tolerant, 1, 1, Named},
    {"evolution-data-server/vcard/10.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/vcard/11.vcf", U::Tolerant, 1, 1, Named},
    {"evolution-data-server/vcard/12.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/vcard/13.vcf", U::Tolerant, 1, 1, Named},
    {"evolution-data-server/vcard/2.vcf", U::Tolerant, 1, 1, Named},
    {"evolution-data-server/vcard/3.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/vcard/4.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/vcard/5.vcf", U::ParseOk, 1, 1, Named},
    {"evolution-data-server/vcard/6.vcf", U::Tolerant, 1, 1, Named},
    // No BEGIN:VCARD at all: the manifest allows a strict importer to refuse
    // it, and Rapport does, with one clear file error (checked below).
    {"evolution-data-server/vcard/7.vcf", U::Fails, 0, 0, Nameless},
    {"evolution-data-server/vcard/8.vcf", U::Tolerant, 1, 1, Named},
    {"evolution-data-server/vcard/9.vcf", U::Tolerant, 1, 1, Named},

    {"ez-vcard/John_Doe_ANDROID.vcf", U::ParseOk, 6, 6, Named},
    {"ez-vcard/John_Doe_BLACK_BERRY.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/John_Doe_EVOLUTION.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/John_Doe_GMAIL.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/John_Doe_IPHONE.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/John_Doe_LOTUS_NOTES.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/John_Doe_MS_OUTLOOK.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/fullcontact.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/gmail-list.vcf", U::ParseOk, 3, 3, Named},
    {"ez-vcard/gmail-single.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/gmail-single2.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/issue114.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/outlook-2003.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/outlook-2007.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/rfc2426-example.vcf", U::ParseOk, 2, 2, Named},
    {"ez-vcard/rfc6350-example.vcf", U::ParseOk, 1, 1, Named},
    {"ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf", U::ParseOk, 1, 1, Named},

    {"folkerkinzel-vcards/AnsiIssue.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/AnsiIssueInvalidEncoding.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/AnsiIssueNoEncoding.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/Cropped_2_1.vcf", U::Tolerant, 1, 1, Named},
    {"folkerkinzel-vcards/Empty.vcf", U::NoCards, 0, 0, Nameless},
    {"folkerkinzel-vcards/LargeFile.vcf", U::ParseOk, 1000, 1000, Named},
    {"folkerkinzel-vcards/Library v2.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/MultiAnsiFilterTests/Greek.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/MultiAnsiFilterTests/Murks.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/MultiAnsiFilterTests/v3Ansi.vcf", U::ParseOk, 2, 2, Named},
    {"folkerkinzel-vcards/MultiAnsiFilterTests/v3Utf16Bom.vcf", U::ParseOk, 2, 2, Named},
    {"folkerkinzel-vcards/Outlook v2.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/Photo v3.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/Utf-8/Greek.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/WhatsAppIssue.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/v2_1.vcf", U::ParseOk, 1, 1, Named},
    {"folkerkinzel-vcards/v3.vcf", U::ParseOk, 2, 2, Named},
    {"folkerkinzel-vcards/v4.vcf", U::ParseOk, 2, 2, Named},

    {"ical.js/escape_semicolon.vcf", U::ParseOk, 1, 1, Named},
    {"ical.js/vcard.vcf", U::ParseOk, 1, 1, Named},
    // Its AGENT holds a whole vCard as escaped text; that is not a second card.
    {"ical.js/vcard3.vcf", U::ParseOk, 1, 1, Named},
    {"ical.js/vcard_grouped.vcf", U::ParseOk, 0, 1, Nameless},

    {"jeroendesloovere-vcard/invalid_encoding.vcf", U::ParseOk, 1, 1, Named},

    {"kcontacts/testfullvcard.vcf", U::Unused, 1, 1, Named},
    {"kcontacts/vcard1.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard10.vcf", U::ParseOk, 5, 5, Named},
    {"kcontacts/vcard12.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard14.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard15.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard3.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard4.vcf", U::Tolerant, 1, 1, Named},
    {"kcontacts/vcard5.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard6.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard7.vcf", U::Tolerant, 0, 1, Nameless},
    {"kcontacts/vcard8.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard9.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard_extension_case_normalization.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcard_legacy_messaging_fields.vcf", U::ParseOk, 1, 1, Named},
    {"kcontacts/vcardwithitemasapplesupport.vcf", U::Unused, 1, 1, Named},

    {"khard/altid.vcf", U::ParseOk, 1, 1, Named},
    {"khard/korean-c.vcf", U::ParseOk, 1, 1, Named},
    {"khard/labels.vcf", U::ParseOk, 1, 1, Named},
    {"khard/org.vcf", U::ParseOk, 1, 1, Named},
    {"khard/photov3.vcf", U::ParseOk, 1, 1, Named},
    {"khard/photov4.vcf", U::ParseOk, 1, 1, Named},
    {"khard/tel-value-uri.vcf", U::ParseOk, 1, 1, Named},
    {"khard/text-bday.vcf", U::ParseOk, 1, 1, Named},
    {"khard/unparsable.vcf", U::Fails, 0, 1, Named},

    {"libvformat/adhoc/group_7.vcf", U::ParseOk, 0, 2, Nameless},
    {"libvformat/adhoc/mail_list_5.vcf", U::ParseOk, 1, 4, Named},
    {"libvformat/adhoc/multiple_objs_1.vcf", U::Tolerant, 0, 5, Nameless},
    {"libvformat/adhoc/straight_I.vcf", U::Tolerant, 0, 1, Nameless},
    {"libvformat/spec/2_1_1-begin-2.vcf", U::Tolerant, 0, 2, Nameless},
    {"libvformat/spec/2_1_2-property.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_1_3-delimiters.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_1_4_1-grouping-nested.vcf", U::ParseOk, 1, 3, Named},
    {"libvformat/spec/2_1_4_2-property-grouping.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_1_8-valuelocation.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_2_3-photo.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_2_4-birthdate.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_3_2-label.vcf", U::Tolerant, 0, 1, Nameless},
    // The only name is inside the AGENT's embedded card.
    {"libvformat/spec/2_5_4-agent.vcf", U::ParseOk, 0, 2, Nameless},
    {"libvformat/spec/2_6_1-comment.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/spec/2_6_3-sound.vcf", U::ParseOk, 0, 1, Nameless},
    {"libvformat/utf-8/S15cx8.vcf", U::ParseOk, 1, 1, Named},

    {"py-vobject/radicale-1587.vcf", U::ParseOk, 1, 1, Named},

    {"radicale/broken-vcard.vcf", U::Fails, 0, 1, Named},
    {"radicale/broken-vcards.vcf", U::Fails, 0, 2, Named},
    {"radicale/broken-vcards2-no_uid.vcf", U::Fails, 1, 2, Named},
    {"radicale/broken-vcards2.vcf", U::Fails, 1, 2, Named},
    {"radicale/contact2-with-bday.vcf", U::ParseOk, 1, 1, Named},
    {"radicale/contact4-with-bday-no-year.vcf", U::ParseOk, 1, 1, Named},
    {"radicale/contact_multiple_v4.vcf", U::ParseOk, 2, 2, Named},
    {"radicale/contact_photo_with_data_uri.vcf", U::ParseOk, 1, 1, Named},
    {"radicale/contact_photo_with_data_uri_v4.vcf", U::ParseOk, 1, 1, Named},

    {"sabre-vobject/issue153.vcf", U::ParseOk, 1, 1, Named},
    {"sabre-vobject/issue64.vcf", U::ParseOk, 0, 1, Nameless},

    {"vcard4-rs/photo.vcf", U::ParseOk, 1, 1, Named},

    {"vcard4android/allfields-vcard3.vcf", U::ParseOk, 1, 1, Named},
    {"vcard4android/strange-rev.vcf", U::ParseOk, 1, 1, Named},
    {"vcard4android/unknown-properties-with-labels.vcf", U::ParseOk, 1, 1, Named},
    {"vcard4android/vcard4.vcf", U::ParseOk, 1, 1, Named},
};
// clang-format on

// Generous: the largest file (100 KB, or 1000 cards) takes milliseconds.
constexpr std::chrono::seconds parseDeadline{30};

// Runs the reader on a thread of its own so that a hang fails the row that
// caused it instead of stalling the whole suite. A parse that never returns
// is abandoned (its thread owns copies of its inputs).
std::optional<VCardParseResult> parseWithin(const QByteArray &data, const QString &fileName)
{
    auto promise = std::make_shared<std::promise<VCardParseResult>>();
    std::future<VCardParseResult> future = promise->get_future();
    std::thread([promise, data, fileName] {
        try {
            promise->set_value(VCardReader::parse(data, fileName));
        } catch (...) {
            promise->set_exception(std::current_exception());
        }
    }).detach();
    if (future.wait_for(parseDeadline) != std::future_status::ready)
        return std::nullopt;
    return future.get();
}

// The lines of a file, decoded from UTF-16 when it has a BOM, so that
// BEGIN/END lines can be found and cards' line numbers checked.
struct FileLines
{
    QList<QByteArray> lines;
    int begins = 0;
    int ends = 0;
    // CR CR LF files have no agreed line count (one break or two?).
    bool lineNumbersComparable = true;
};

FileLines linesOf(const QByteArray &raw)
{
    QByteArray text = raw;
    if (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(QStringDecoder::Utf16);
        text = QString(decoder(raw)).toUtf8();
    }
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    FileLines result;
    result.lineNumbersComparable = text.count('\r') == text.count("\r\n");
    result.lines = text.split('\n');
    for (const QByteArray &line : std::as_const(result.lines)) {
        const QByteArray word = line.trimmed().toUpper();
        if (word == "BEGIN:VCARD")
            ++result.begins;
        else if (word == "END:VCARD")
            ++result.ends;
    }
    return result;
}

bool isIsoPartialDate(const QString &value)
{
    static const QRegularExpression full(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression noYear(QStringLiteral("^--(\\d{2})-(\\d{2})$"));
    static const QRegularExpression yearMonth(QStringLiteral("^(\\d{4})(?:-(\\d{2}))?$"));
    if (const auto m = full.match(value); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
    if (const auto m = noYear.match(value); m.hasMatch())
        return QDate(2000, m.captured(1).toInt(), m.captured(2).toInt()).isValid();
    if (const auto m = yearMonth.match(value); m.hasMatch())
        return m.captured(2).isEmpty() || (m.captured(2).toInt() >= 1 && m.captured(2).toInt() <= 12);
    return false;
}

QString describeProblems(const VCardParseResult &result)
{
    QStringList lines;
    if (!result.fileError.isEmpty())
        lines << QStringLiteral("file error: ") + result.fileError;
    for (const VCardProblem &problem : result.problems.mid(0, 8))
        lines << problem.toString();
    if (result.problems.size() > 8)
        lines << QStringLiteral("… and %1 more problems").arg(result.problems.size() - 8);
    return lines.isEmpty() ? QStringLiteral("(the reader reported no problems)")
                           : QStringLiteral("the reader reported:\n    ") + lines.join(QStringLiteral("\n    "));
}

// Checks what the reader's own API promises for any input; returns an
// explanation of the first broken promise, or an empty string.
QString brokenPromise(const VCardParseResult &result, const QString &fileName, const FileLines &lines)
{
    if (!result.fileError.isEmpty() && !result.cards.isEmpty())
        return QStringLiteral("a file error (%1) yet %2 cards").arg(result.fileError).arg(result.cards.size());
    if (result.skippedCards > 0 && result.problems.isEmpty())
        return QStringLiteral("%1 cards skipped without a problem saying why").arg(result.skippedCards);
    for (const VCardProblem &problem : result.problems) {
        if (problem.message.trimmed().isEmpty())
            return QStringLiteral("a problem without a message at line %1").arg(problem.line);
        if (problem.file != fileName)
            return QStringLiteral("a problem names file “%1” instead of “%2”").arg(problem.file, fileName);
        if (problem.line < 0 || problem.line > lines.lines.size())
            return QStringLiteral("a problem at line %1 of a %2-line file").arg(problem.line).arg(lines.lines.size());
    }
    for (qsizetype i = 0; i < result.cards.size(); ++i) {
        const ParsedCard &card = result.cards.at(i);
        const Contact &c = card.contact;
        if (card.line < 1 || card.line > lines.lines.size())
            return QStringLiteral("card %1 starts at line %2 of a %3-line file").arg(i + 1).arg(card.line).arg(lines.lines.size());
        if (lines.lineNumbersComparable && lines.begins > 0
            && lines.lines.at(card.line - 1).trimmed().toUpper() != "BEGIN:VCARD")
            return QStringLiteral("card %1 is said to start at line %2, which reads “%3”, not BEGIN:VCARD")
                .arg(i + 1)
                .arg(card.line)
                .arg(QString::fromUtf8(lines.lines.at(card.line - 1).trimmed().left(60)));
        // A date is ISO 8601; text ("circa 1800", VALUE=text) is allowed as
        // it is, and a date-like value that is no date must be reported.
        auto badDate = [&result](const QString &date) {
            if (date.isEmpty() || isIsoPartialDate(date))
                return false;
            const bool looksLikeDate = date.front().isDigit() || date.startsWith(u'-');
            return looksLikeDate && result.problems.isEmpty();
        };
        if (badDate(c.birthday))
            return QStringLiteral("card %1 has birthday “%2”, neither an ISO date nor reported").arg(i + 1).arg(c.birthday);
        if (badDate(c.anniversary))
            return QStringLiteral("card %1 has anniversary “%2”, neither an ISO date nor reported").arg(i + 1).arg(c.anniversary);
        const std::pair<const char *, const QList<ContactField> *> fieldLists[] = {
            {"email", &c.emails}, {"phone", &c.phones}, {"URL", &c.urls}};
        for (const auto &[kind, fields] : fieldLists) {
            for (const ContactField &field : *fields) {
                if (field.value.trimmed().isEmpty())
                    return QStringLiteral("card %1 has an empty %2").arg(i + 1).arg(QLatin1StringView(kind));
            }
        }
    }
    return {};
}

enum class Match { Exact, StartsWith, EndsWith, Contains };

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex().toUpper());
}

// A value of a contact named by a short key: "familyName", "email/0",
// "phone/1/preferred", "address/0/locality", "photo/head", "tags". Returns
// nullopt when the key points at something the card does not have.
std::optional<QString> valueOf(const Contact &c, const QString &key)
{
    const QStringList parts = key.split(u'/');
    const QString &what = parts.first();

    if (parts.size() == 1) {
        const QHash<QString, QString> text{
            {QStringLiteral("name"), c.name()},
            {QStringLiteral("displayName"), c.displayName},
            {QStringLiteral("givenName"), c.givenName},
            {QStringLiteral("familyName"), c.familyName},
            {QStringLiteral("additionalNames"), c.additionalNames},
            {QStringLiteral("honorificPrefix"), c.honorificPrefix},
            {QStringLiteral("honorificSuffix"), c.honorificSuffix},
            {QStringLiteral("nickname"), c.nickname},
            {QStringLiteral("organization"), c.organization},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("birthday"), c.birthday},
            {QStringLiteral("anniversary"), c.anniversary},
            {QStringLiteral("notes"), c.notes},
            {QStringLiteral("uid"), c.uid},
            {QStringLiteral("tags"), c.tags.join(u'|')},
            {QStringLiteral("emails"), QString::number(c.emails.size())},
            {QStringLiteral("phones"), QString::number(c.phones.size())},
            {QStringLiteral("urls"), QString::number(c.urls.size())},
            {QStringLiteral("addresses"), QString::number(c.addresses.size())},
        };
        if (text.contains(what))
            return text.value(what);
    }

    if (what == u"photo" && parts.size() == 2) {
        if (c.photo.isEmpty())
            return std::nullopt;
        if (parts.at(1) == u"head")
            return hex(c.photo.left(4));
        if (parts.at(1) == u"tail")
            return hex(c.photo.right(2));
        if (parts.at(1) == u"size")
            return QString::number(c.photo.size());
    }

    if (what == u"tags" && parts.size() == 2) {
        const int index = parts.at(1).toInt();
        return index < c.tags.size() ? std::optional(c.tags.at(index)) : std::nullopt;
    }

    const QHash<QString, const QList<ContactField> *> lists{
        {QStringLiteral("email"), &c.emails},
        {QStringLiteral("phone"), &c.phones},
        {QStringLiteral("url"), &c.urls},
    };
    if (lists.contains(what) && parts.size() >= 2) {
        const QList<ContactField> &fields = *lists.value(what);
        const int index = parts.at(1).toInt();
        if (index >= fields.size())
            return std::nullopt;
        const ContactField &field = fields.at(index);
        if (parts.size() == 2)
            return field.value;
        if (parts.at(2) == u"label")
            return field.label;
        if (parts.at(2) == u"preferred")
            return field.preferred ? QStringLiteral("true") : QStringLiteral("false");
    }

    if (what == u"address" && parts.size() == 3) {
        const int index = parts.at(1).toInt();
        if (index >= c.addresses.size())
            return std::nullopt;
        const PostalAddress &a = c.addresses.at(index);
        const QString &part = parts.at(2);
        if (part == u"street")
            return a.street;
        if (part == u"locality")
            return a.locality;
        if (part == u"region")
            return a.region;
        if (part == u"postalCode")
            return a.postalCode;
        if (part == u"country")
            return a.country;
        if (part == u"label")
            return a.label;
        // Everything the address holds, for text whose slot (street or
        // extended address) the model does not pin down.
        if (part == u"text")
            return QStringList{a.street, a.locality, a.region, a.postalCode, a.country}.join(u'\n');
    }
    return std::nullopt;
}

QString shortened(const QString &text)
{
    QString flat = text;
    flat.replace(u'\n', QStringLiteral("\\n")).replace(u'\r', QStringLiteral("\\r"));
    return flat.size() > 48 ? flat.left(47) + u'…' : flat;
}

} // namespace

class TestVCardCorpus : public QObject
{
    Q_OBJECT

private:
    QDir m_corpus;
    QHash<QString, VCardParseResult> m_parsed;

    QByteArray corpusBytes(const QString &path)
    {
        QFile file(m_corpus.filePath(path));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    static void addValue(const char *file, int card, const char *key, const char *expected,
                         Match match = Match::Exact, const char *why = nullptr)
    {
        const QString value = QString::fromUtf8(expected);
        static const char *const verbs[] = {"is", "starts with", "ends with", "contains"};
        QString name = card < 0 ? QStringLiteral("%1 holds %2 %3").arg(QString::fromUtf8(file), value, QString::fromUtf8(key))
                                : QStringLiteral("%1, card %2: %3 %4 “%5”")
                                      .arg(QString::fromUtf8(file))
                                      .arg(card + 1)
                                      .arg(QString::fromUtf8(key), QString::fromUtf8(verbs[int(match)]), shortened(value));
        if (why)
            name += QStringLiteral(" (%1)").arg(QString::fromUtf8(why));
        QTest::newRow(name.toUtf8().constData())
            << QString::fromUtf8(file) << card << QString::fromUtf8(key) << value << int(match);
    }

private slots:
    void initTestCase()
    {
        QString path = qEnvironmentVariable("RAPPORT_VCARD_CORPUS");
#ifdef RAPPORT_VCARD_CORPUS_DIR
        if (path.isEmpty())
            path = QStringLiteral(RAPPORT_VCARD_CORPUS_DIR);
#endif
        if (path.isEmpty() || !QFileInfo(path).isDir()) {
            const QString message = QStringLiteral("vCard corpus not found at “%1”; set RAPPORT_VCARD_CORPUS to "
                                                   "the folder holding MANIFEST.md to run this suite")
                                        .arg(path.isEmpty() ? QStringLiteral("(no path configured)") : path);
            QSKIP(qPrintable(message));
        }
        m_corpus = QDir(path);
    }

    void corpusFolder_holdsExactlyTheListedFiles()
    {
        QSet<QString> onDisk;
        QDirIterator it(m_corpus.path(), {QStringLiteral("*.vcf")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            onDisk.insert(m_corpus.relativeFilePath(it.next()));
        QSet<QString> listed;
        for (const CorpusFile &file : corpusFiles)
            listed.insert(QString::fromUtf8(file.path));

        QStringList missing = (listed - onDisk).values();
        QStringList unlisted = (onDisk - listed).values();
        missing.sort();
        unlisted.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("listed here but not in the corpus: ") + missing.join(u", ")));
        QVERIFY2(unlisted.isEmpty(),
                 qPrintable(QStringLiteral("in the corpus but not listed here (add them with their upstream expectation): ")
                            + unlisted.join(u", ")));
        QCOMPARE(listed.size(), 145);
    }

    void corpusFile_isReadAsUpstreamExpects_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("upstream");
        QTest::addColumn<int>("minCards");
        QTest::addColumn<int>("maxCards");
        QTest::addColumn<bool>("named");
        for (const CorpusFile &file : corpusFiles) {
            const char *sentence = nullptr;
            switch (file.upstream) {
            case Upstream::ParseOk:
                sentence = file.named ? "%s parses into named contacts"
                                      : "%s parses, and its nameless cards are kept or reported";
                break;
            case Upstream::Tolerant:
                sentence = file.named ? "%s is malformed yet recovered into named contacts"
                                      : "%s is malformed yet its cards are kept or reported";
                break;
            case Upstream::Fails:
                sentence = "%s is refused upstream, so the reader reports a problem";
                break;
            case Upstream::Unused:
                sentence = "%s is sample data upstream and still parses into named contacts";
                break;
            case Upstream::NoCards:
                sentence = "%s holds no card and yields none";
                break;
            }
            QTest::addRow(sentence, file.path) << QString::fromUtf8(file.path) << int(file.upstream) << file.minCards
                                               << file.maxCards << file.named;
        }
    }
    void corpusFile_isReadAsUpstreamExpects()
    {
        QFETCH(QString, path);
        QFETCH(int, upstream);
        QFETCH(int, minCards);
        QFETCH(int, maxCards);
        QFETCH(bool, named);

        const QByteArray bytes = corpusBytes(path);
        QVERIFY2(!bytes.isEmpty(), qPrintable(QStringLiteral("cannot read ") + m_corpus.filePath(path)));
        const std::optional<VCardParseResult> parsed = parseWithin(bytes, path);
        QVERIFY2(parsed, qPrintable(QStringLiteral("the reader did not return within %1 s").arg(parseDeadline.count())));
        const VCardParseResult &result = *parsed;
        const FileLines lines = linesOf(bytes);
        const QString context = describeProblems(result);

        const QString broken = brokenPromise(result, path, lines);
        QVERIFY2(broken.isEmpty(), qPrintable(broken + u'\n' + context));

        const auto cardCount = int(result.cards.size());
        QVERIFY2(cardCount >= minCards && cardCount <= maxCards,
                 qPrintable(QStringLiteral("%1 cards, expected %2 to %3; %4").arg(cardCount).arg(minCards).arg(maxCards).arg(context)));

        switch (static_cast<Upstream>(upstream)) {
        case Upstream::ParseOk:
        case Upstream::Tolerant:
        case Upstream::Unused:
            QVERIFY2(result.isVCard(), qPrintable(context));
            if (named) {
                // A name the reader made up for a nameless card ("Unnamed
                // contact (file, line 3)") quotes the file; it does not count.
                const bool someoneNamed = std::any_of(result.cards.cbegin(), result.cards.cend(), [&path](const ParsedCard &card) {
                    const QString name = card.contact.name();
                    return !name.isEmpty() && !name.contains(path);
                });
                QVERIFY2(someoneNamed, qPrintable(QStringLiteral("no card has a name from the file; ") + context));
            } else {
                // Nothing may vanish silently: a card is kept, or the reader says why not.
                QVERIFY2(!result.cards.isEmpty() || !result.problems.isEmpty() || result.skippedCards > 0,
                         qPrintable(QStringLiteral("no card and no word why; ") + context));
            }
            break;
        case Upstream::Fails:
            QVERIFY2(!result.problems.isEmpty() || !result.fileError.isEmpty(),
                     qPrintable(QStringLiteral("upstream refuses this file, but the reader found nothing wrong with its %1 cards")
                                    .arg(cardCount)));
            break;
        case Upstream::NoCards:
            QVERIFY2(result.cards.isEmpty(), qPrintable(context));
            break;
        }

        // A card without its END (or an END without its BEGIN) is worth a
        // word, whether or not the card is recovered: khard refuses such a
        // file outright.
        if (lines.begins != lines.ends) {
            QVERIFY2(!result.problems.isEmpty() || !result.fileError.isEmpty(),
                     qPrintable(QStringLiteral("%1 BEGIN:VCARD lines but %2 END:VCARD lines, and no problem reported")
                                    .arg(lines.begins)
                                    .arg(lines.ends)));
        }

        // Reading the file from disk finds what reading its bytes finds
        // (names and messages may quote the file differently).
        const VCardParseResult fromDisk = VCardReader::parseFile(m_corpus.filePath(path));
        QCOMPARE(fromDisk.fileError.isEmpty(), result.fileError.isEmpty());
        QCOMPARE(fromDisk.cards.size(), result.cards.size());
        QCOMPARE(fromDisk.skippedCards, result.skippedCards);
        QCOMPARE(fromDisk.problems.size(), result.problems.size());
        for (qsizetype i = 0; i < result.cards.size(); ++i) {
            QCOMPARE(fromDisk.cards.at(i).line, result.cards.at(i).line);
            QCOMPARE(fromDisk.cards.at(i).contact.emails, result.cards.at(i).contact.emails);
        }
    }

    void truncatedFile_returnsAndReportsTheCutCard_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("numerator");
        QTest::addColumn<int>("denominator");
        static const struct
        {
            int numerator;
            int denominator;
            const char *words;
        } cuts[] = {{1, 3, "a third"}, {1, 2, "half"}, {2, 3, "two thirds"}};
        for (const CorpusFile &file : corpusFiles) {
            for (const auto &cut : cuts) {
                QTest::addRow("%s cut to %s of its bytes still returns", file.path, cut.words)
                    << QString::fromUtf8(file.path) << cut.numerator << cut.denominator;
            }
        }
    }
    void truncatedFile_returnsAndReportsTheCutCard()
    {
        QFETCH(QString, path);
        QFETCH(int, numerator);
        QFETCH(int, denominator);

        const QByteArray whole = corpusBytes(path);
        QVERIFY2(!whole.isEmpty(), qPrintable(QStringLiteral("cannot read ") + m_corpus.filePath(path)));
        const QByteArray cut = whole.left(whole.size() * numerator / denominator);
        const std::optional<VCardParseResult> parsed = parseWithin(cut, path);
        QVERIFY2(parsed, qPrintable(QStringLiteral("the reader did not return within %1 s on the first %2 bytes")
                                        .arg(parseDeadline.count())
                                        .arg(cut.size())));
        const VCardParseResult &result = *parsed;
        const FileLines lines = linesOf(cut);
        const QString context = describeProblems(result);

        const QString broken = brokenPromise(result, path, lines);
        QVERIFY2(broken.isEmpty(), qPrintable(broken + u'\n' + context));
        QVERIFY2(result.cards.size() <= std::max(1, lines.begins),
                 qPrintable(QStringLiteral("%1 cards from %2 BEGIN:VCARD lines").arg(result.cards.size()).arg(lines.begins)));
        if (lines.begins > lines.ends) {
            QVERIFY2(!result.problems.isEmpty() || !result.fileError.isEmpty(),
                     qPrintable(QStringLiteral("the first %1 bytes end inside a card (%2 BEGIN, %3 END), and no problem says so")
                                    .arg(cut.size())
                                    .arg(lines.begins)
                                    .arg(lines.ends)));
        }
    }

    void card_hasTheValueUpstreamAsserts_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("card");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("match");
        using M = Match;

        // ez-vcard: SampleVCardsTest asserts every property of these exports.
        const char *f = "ez-vcard/John_Doe_ANDROID.vcf";
        addValue(f, 0, "name", "john.doe@company.com", M::Exact, "a card with only an email is named by it");
        addValue(f, 0, "tags", "My Contacts");
        addValue(f, 2, "name", "Ñ Ñ Ñ Ñ Ñ", M::Exact, "quoted-printable UTF-8");
        addValue(f, 2, "phone/0", "123456789");
        addValue(f, 3, "name", "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", M::Exact, "quoted-printable soft line break");
        addValue(f, 3, "phones", "4");
        addValue(f, 3, "phone/3", "45678901");
        addValue(f, 4, "email/0", "bob@company.com");
        addValue(f, 4, "email/1", "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ");
        addValue(f, 5, "email/0", "henry@company.com");

        f = "ez-vcard/John_Doe_BLACK_BERRY.vcf";
        addValue(f, 0, "displayName", "John Doe");
        addValue(f, 0, "givenName", "john");
        addValue(f, 0, "familyName", "Doe");
        addValue(f, 0, "organization", "Acme Solutions");
        addValue(f, 0, "phone/0", "+96123456789");
        addValue(f, 0, "photo/head", "FFD8FF", M::StartsWith, "base64 on one unfolded line, with a stray = at its end");

        f = "ez-vcard/John_Doe_EVOLUTION.vcf";
        addValue(f, 0, "displayName", "Mr. John Richter, James Doe Sr.", M::Exact, "escaped comma");
        addValue(f, 0, "familyName", "Doe");
        addValue(f, 0, "givenName", "John");
        addValue(f, 0, "additionalNames", "Richter, James", M::Exact, "escaped comma inside a component");
        addValue(f, 0, "honorificPrefix", "Mr.");
        addValue(f, 0, "honorificSuffix", "Sr.");
        addValue(f, 0, "nickname", "Johny");
        addValue(f, 0, "organization", "IBM", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Money Counter");
        addValue(f, 0, "email/0", "john.doe@ibm.com", M::Exact, "folded after a quoted parameter");
        addValue(f, 0, "phones", "2");
        addValue(f, 0, "phone/1", "905-555-1234", M::Exact, "folded inside the number");
        addValue(f, 0, "url/0", "http://www.ibm.com");
        addValue(f, 0, "birthday", "1980-03-22");
        addValue(f, 0, "tags", "VIP");
        addValue(f, 0, "uid", "477343c8e6bf375a9bac1f96a5000837");
        addValue(f, 0, "notes", "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED", M::StartsWith, "folded mid-word, escaped commas");
        addValue(f, 0, "notes", "PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS", M::Contains, "escaped semicolons");
        addValue(f, 0, "address/0/street", "15 Crescent moon drive", M::EndsWith, "after the post office box");
        addValue(f, 0, "address/0/locality", "Albaney");
        addValue(f, 0, "address/0/postalCode", "12345");
        addValue(f, 0, "address/0/country", "United States of America", M::Exact, "unfolding removes one space of two");

        f = "ez-vcard/John_Doe_GMAIL.vcf";
        addValue(f, 0, "displayName", "Mr. John Richter, James Doe Sr.");
        addValue(f, 0, "additionalNames", "Richter, James");
        addValue(f, 0, "email/0", "john.doe@ibm.com");
        addValue(f, 0, "phone/0", "905-555-1234");
        addValue(f, 0, "phone/1", "905-666-1234");
        addValue(f, 0, "organization", "IBM");
        addValue(f, 0, "birthday", "1980-03-22");
        addValue(f, 0, "url/0", "http://www.ibm.com", M::Exact, "the escaped colon is unescaped");
        addValue(f, 0, "anniversary", "1975-03-01", M::Exact, "Apple X-ABDATE labelled _$!<Anniversary>!$_");
        addValue(f, 0, "address/0/street", "Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America", M::Exact, "\\n and folding inside a component");
        addValue(f, 0, "notes", "SUCH DAMAGE.\nFavotire Color: Blue", M::EndsWith);

        f = "ez-vcard/John_Doe_IPHONE.vcf";
        addValue(f, 0, "displayName", "Mr. John Richter James Doe Sr.", M::Exact, "CR CR LF line endings");
        addValue(f, 0, "familyName", "Doe");
        addValue(f, 0, "givenName", "John");
        addValue(f, 0, "nickname", "Johny");
        addValue(f, 0, "organization", "IBM", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Money Counter");
        addValue(f, 0, "email/0", "john.doe@ibm.com", M::Exact, "grouped item1.EMAIL");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "phones", "7");
        addValue(f, 0, "phone/0", "905-555-1234");
        addValue(f, 0, "phone/6", "905-222-1234");
        addValue(f, 0, "url/0", "http://www.ibm.com");
        addValue(f, 0, "birthday", "2012-06-06");
        addValue(f, 0, "addresses", "2");
        addValue(f, 0, "address/1/street", "Street4\nBuilding 6\nFloor 8");
        addValue(f, 0, "photo/head", "FFD8FF", M::StartsWith);
        addValue(f, 0, "photo/size", "32531", M::Exact, "585 folded base64 lines ending in CR CR LF");

        f = "ez-vcard/John_Doe_LOTUS_NOTES.vcf";
        addValue(f, 0, "displayName", "Mr. Doe John I Johny");
        addValue(f, 0, "familyName", "Doe");
        addValue(f, 0, "givenName", "John");
        addValue(f, 0, "additionalNames", "Johny");
        addValue(f, 0, "honorificSuffix", "I");
        addValue(f, 0, "title", "Generic Accountant");
        addValue(f, 0, "organization", "IBM", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "email/0", "john.doe@ibm.com");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "email/1", "billy_bob@gmail.com");
        addValue(f, 0, "email/1/preferred", "false");
        addValue(f, 0, "phone/0", "+1 (212) 204-34456");
        addValue(f, 0, "phone/1", "00-1-212-555-7777");
        addValue(f, 0, "url/0", "http://www.sun.com");
        addValue(f, 0, "birthday", "1980-05-21");
        addValue(f, 0, "uid", "0e7602cc-443e-4b82-b4b1-90f62f99a199");
        addValue(f, 0, "photo/size", "7957");

        f = "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf";
        addValue(f, 0, "displayName", "Mr. John Richter,James Doe Sr.", M::Exact, "mixed CRLF and LF");
        addValue(f, 0, "additionalNames", "Richter,James");
        addValue(f, 0, "organization", "IBM", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "email/0", "john.doe@ibm.com");
        addValue(f, 0, "phones", "7");
        addValue(f, 0, "phone/0", "905-777-1234");
        addValue(f, 0, "phone/6", "905-222-1234");
        addValue(f, 0, "url/0", "http://www.ibm.com");
        addValue(f, 0, "birthday", "2012-06-06");
        addValue(f, 0, "address/0/street", "Silicon Alley 5,");
        addValue(f, 0, "photo/size", "18242", M::Exact, "PHOTO;BASE64 with the data on the following lines");
        addValue(f, 0, "photo/tail", "FFD9");

        f = "ez-vcard/John_Doe_MS_OUTLOOK.vcf";
        addValue(f, 0, "displayName", "Mr. John Richter James Doe Sr.");
        addValue(f, 0, "familyName", "Doe");
        addValue(f, 0, "givenName", "John");
        addValue(f, 0, "organization", "IBM", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Money Counter");
        addValue(f, 0, "email/0", "john.doe@ibm.cm");
        addValue(f, 0, "phone/0", "(905) 555-1234");
        addValue(f, 0, "phone/1", "(905) 666-1234");
        addValue(f, 0, "url/0", "http://www.ibm.com");
        addValue(f, 0, "birthday", "1980-03-22", M::Exact, "basic form 19800322");
        addValue(f, 0, "anniversary", "2011-01-13", M::Exact, "X-MS-ANNIVERSARY");
        addValue(f, 0, "address/0/street", "Cresent moon drive");
        addValue(f, 0, "address/0/region", "New York");
        addValue(f, 0, "photo/size", "860", M::Exact, "base64 that starts on the line after an empty value");

        f = "ez-vcard/fullcontact.vcf";
        addValue(f, 0, "displayName", "Prefix FirstName MiddleName LastName Suffix");
        addValue(f, 0, "familyName", "LastName");
        addValue(f, 0, "givenName", "FirstName");
        addValue(f, 0, "additionalNames", "MiddleName");
        addValue(f, 0, "honorificPrefix", "Prefix");
        addValue(f, 0, "honorificSuffix", "Suffix");
        addValue(f, 0, "nickname", "NickName");
        addValue(f, 0, "phones", "9");
        addValue(f, 0, "phone/8", "555-555-1119");
        addValue(f, 0, "emails", "5");
        addValue(f, 0, "email/4", "custom@example.com");
        addValue(f, 0, "organization", "Organization1", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Title1");
        addValue(f, 0, "birthday", "2016-08-01");
        addValue(f, 0, "notes", "Notes line 1\nNotes line 2");
        addValue(f, 0, "urls", "4");
        addValue(f, 0, "tags", "Tag");
        addValue(f, 0, "addresses", "4");
        addValue(f, 0, "address/0/locality", "HomeCity");
        addValue(f, 0, "address/0/region", "HomeState");
        addValue(f, 0, "address/0/postalCode", "HomePostal");
        addValue(f, 0, "address/0/country", "HomeCountry", M::Exact, "folded mid-word");

        f = "ez-vcard/gmail-list.vcf";
        addValue(f, 0, "displayName", "Arnold Smith");
        addValue(f, 1, "email/0", "chrisy55d@yahoo.com");
        addValue(f, 2, "displayName", "Doug White");
        addValue(f, 2, "familyName", "White");

        f = "ez-vcard/gmail-single.vcf";
        addValue(f, 0, "displayName", "Greg Dartmouth");
        addValue(f, 0, "nickname", "Gman");
        addValue(f, 0, "email/0", "gdartmouth@hotmail.com");
        addValue(f, 0, "phone/0", "555 555 1111");
        addValue(f, 0, "phone/1", "555 555 2222");
        addValue(f, 0, "phone/1/label", "GRAND_CENTRAL", M::Exact, "custom X-ABLabel");
        addValue(f, 0, "organization", "TheCompany");
        addValue(f, 0, "title", "TheJobTitle");
        addValue(f, 0, "birthday", "1960-09-10");
        addValue(f, 0, "url/0", "http://TheProfile.com");
        addValue(f, 0, "url/0/label", "PROFILE");
        addValue(f, 0, "address/0/street", "123 Home St\nHome City, HM 12345");
        addValue(f, 0, "address/1/street", "321 Custom St");
        addValue(f, 0, "address/1/locality", "Custom City");
        addValue(f, 0, "address/1/region", "TX");
        addValue(f, 0, "address/1/postalCode", "98765");
        addValue(f, 0, "address/1/country", "USA");
        addValue(f, 0, "address/1/label", "CustomAdrType");
        addValue(f, 0, "notes", "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField");

        f = "ez-vcard/gmail-single2.vcf";
        addValue(f, 0, "displayName", "VCard Test");
        addValue(f, 0, "emails", "5");
        addValue(f, 0, "email/4", "customcategory@example.com");
        addValue(f, 0, "email/4/label", "CustomEmailCategory");
        addValue(f, 0, "phones", "11");
        addValue(f, 0, "urls", "6");
        addValue(f, 0, "url/5", "http://www.example6.com");
        addValue(f, 0, "addresses", "5");
        addValue(f, 0, "birthday", "1912-06-23");
        addValue(f, 0, "notes", "note line 1\nnote line 2\nCustomField: field value");

        f = "ez-vcard/issue114.vcf";
        addValue(f, 0, "displayName", "Dummy, Dummy");
        addValue(f, 0, "familyName", "Dummy");
        addValue(f, 0, "organization", "Dummy GmbH");
        addValue(f, 0, "phone/0", "+49 1234 56789");
        addValue(f, 0, "phone/0/preferred", "true");
        addValue(f, 0, "phone/1", "+49 9876 54321", M::Exact, "after an ADR with a caret-escaped LABEL parameter");
        addValue(f, 0, "email/0", "dummy.dummy@dummy.com");
        addValue(f, 0, "uid", "8b574c60-fd7f-4e99-b584-c5db131ae687", M::Exact, "the property after the folded parameter");

        f = "ez-vcard/outlook-2003.vcf";
        addValue(f, 0, "displayName", "John Doe III");
        addValue(f, 0, "familyName", "Doe");
        addValue(f, 0, "honorificSuffix", "III");
        addValue(f, 0, "nickname", "Joey");
        addValue(f, 0, "organization", "Company, The", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "The Job Title");
        addValue(f, 0, "notes", "This is the note field!!", M::StartsWith);
        addValue(f, 0, "notes", "Third line is empty", M::Contains, "quoted-printable =0D=0A");
        addValue(f, 0, "phone/0", "BusinessPhone");
        addValue(f, 0, "email/0", "jdoe@hotmail.com", M::Exact, "after a KEY block ended by blank lines");
        addValue(f, 0, "birthday", "1980-03-21");
        addValue(f, 0, "address/0/locality", "Austin");

        f = "ez-vcard/outlook-2007.vcf";
        addValue(f, 0, "displayName", "Mr. Michael Angstadt Jr.");
        addValue(f, 0, "familyName", "Angstadt");
        addValue(f, 0, "givenName", "Michael");
        addValue(f, 0, "honorificPrefix", "Mr.");
        addValue(f, 0, "nickname", "Mike");
        addValue(f, 0, "organization", "TheCompany", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "email/0", "mike.angstadt@gmail.com");
        addValue(f, 0, "phone/0", "(111) 555-1111");
        addValue(f, 0, "url/0", "http://mikeangstadt.name");
        addValue(f, 0, "birthday", "1922-03-10");
        addValue(f, 0, "anniversary", "2012-08-01", M::Exact, "X-MS-ANNIVERSARY");
        addValue(f, 0, "notes", "This is the NOTE field", M::StartsWith);
        addValue(f, 0, "notes", "It does not preserve the formatting", M::EndsWith);
        addValue(f, 0, "photo/size", "2324");

        f = "ez-vcard/rfc2426-example.vcf";
        addValue(f, 0, "displayName", "Frank Dawson", M::Exact, "lower-case BEGIN:vCard");
        addValue(f, 0, "organization", "Lotus Development Corporation");
        addValue(f, 0, "email/0", "Frank_Dawson@Lotus.com");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "email/1", "fdawson@earthlink.net");
        addValue(f, 0, "email/1/preferred", "false");
        addValue(f, 0, "phone/1", "+1-919-676-9564");
        addValue(f, 0, "url/0", "http://home.earthlink.net/~fdawson");
        addValue(f, 0, "address/0/street", "6544 Battleford Drive");
        addValue(f, 0, "address/0/locality", "Raleigh", M::Exact, "folded just before the separator");
        addValue(f, 0, "address/0/postalCode", "27613-3502");
        addValue(f, 0, "address/0/country", "U.S.A.");
        addValue(f, 1, "displayName", "Tim Howes");
        addValue(f, 1, "email/0", "howes@netscape.com");
        addValue(f, 1, "address/0/region", "CA");

        f = "ez-vcard/rfc6350-example.vcf";
        addValue(f, 0, "displayName", "Simon Perreault");
        addValue(f, 0, "familyName", "Perreault");
        addValue(f, 0, "givenName", "Simon");
        addValue(f, 0, "birthday", "--02-03", M::Exact, "BDAY:--0203 has no year");
        addValue(f, 0, "anniversary", "2009-08-08", M::Exact, "a date-time with an offset");
        addValue(f, 0, "organization", "Viagenie");
        addValue(f, 0, "email/0", "simon.perreault@viagenie.ca");
        addValue(f, 0, "phone/0", "+1-418-656-9254", M::Contains, "a tel: URI");
        addValue(f, 0, "phone/0/preferred", "true");
        addValue(f, 0, "phone/1", "+1-418-262-6501", M::Contains);
        addValue(f, 0, "phone/1/preferred", "false");
        addValue(f, 0, "url/0", "http://nomis80.org");
        addValue(f, 0, "address/0/locality", "Quebec");
        addValue(f, 0, "address/0/postalCode", "G1V 2M2");
        addValue(f, 0, "address/0/country", "Canada");

        f = "ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf";
        addValue(f, 0, "displayName", "John Doe");
        addValue(f, 0, "familyName", "Doe", M::Exact, "N with only two components");
        addValue(f, 0, "givenName", "John");
        addValue(f, 0, "organization", "TheOrganization", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "nickname", "Johnny");
        addValue(f, 0, "title", "TheTitle");
        addValue(f, 0, "phones", "5");
        addValue(f, 0, "emails", "5");
        addValue(f, 0, "email/0", "doe.john@hotmail.com");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "birthday", "1970-09-21");
        addValue(f, 0, "anniversary", "1990-04-30", M::Exact, "X-ANNIVERSARY");
        addValue(f, 0, "url/1", "http://www.work-webpage.com");
        addValue(f, 0, "notes", "This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the \"note\" field; even curse words.");
        addValue(f, 0, "address/0/locality", "New York");
        addValue(f, 0, "address/0/postalCode", "98765");
        addValue(f, 0, "photo/size", "8940", M::Exact, "mixed CRLF and LF");

        // Android's VCardImporterTests: 2.1 and Japanese handsets.
        f = "android-vcard/v21_backslash.vcf";
        addValue(f, 0, "givenName", "A;B\\", M::Exact, "\\; and \\\\ in a 2.1 N");
        addValue(f, 0, "additionalNames", "C\\;");
        addValue(f, 0, "honorificPrefix", "D");

        f = "android-vcard/v21_complicated.vcf";
        addValue(f, 0, "displayName", "Joe Due");
        addValue(f, 0, "familyName", "Gump");
        addValue(f, 0, "givenName", "Forrest");
        addValue(f, 0, "additionalNames", "Hoge");
        addValue(f, 0, "honorificPrefix", "Pos");
        addValue(f, 0, "honorificSuffix", "Tao");
        addValue(f, 0, "organization", "Gump Shrimp Co.", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Shrimp Man");
        addValue(f, 0, "phones", "5");
        addValue(f, 0, "phone/0", "(111) 555-1212");
        addValue(f, 0, "phone/4", "0333333333");
        addValue(f, 0, "email/0", "forrestgump@walladalla.com");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "email/1", "cell@example.com");
        addValue(f, 0, "birthday", "1980-01-01");
        addValue(f, 0, "url/0", "http://www.example.com/", M::Exact, "after the photo");
        addValue(f, 0, "notes", "The following note is the example from RFC 2045.", M::Contains);
        addValue(f, 0, "notes", "Now's the time for all folk to come to the aid of their country.", M::Contains, "quoted-printable soft breaks");
        addValue(f, 0, "address/0/street", "100 Waters Edge");
        addValue(f, 0, "address/0/locality", "Baytown");
        addValue(f, 0, "photo/size", "3888");

        f = "android-vcard/v21_japanese_1.vcf";
        addValue(f, 0, "familyName", "安藤ロイド", M::Exact, "raw Shift_JIS");
        addValue(f, 0, "phone/0", "0300000000");

        f = "android-vcard/v21_japanese_2.vcf";
        addValue(f, 0, "displayName", "安藤 ロイド 1", M::Exact, "raw Shift_JIS");
        addValue(f, 0, "familyName", "安藤");
        addValue(f, 0, "givenName", "ロイド1");
        addValue(f, 0, "address/0/text", "東京都渋谷区桜丘町26-1セルリアンタワー6階", M::Contains, "Shift_JIS in quoted-printable with soft breaks");
        addValue(f, 0, "address/0/postalCode", "150-8512");
        addValue(f, 0, "notes", "メモ");

        f = "android-vcard/v21_multiple_entry.vcf";
        addValue(f, 0, "familyName", "安藤ロイド3");
        addValue(f, 0, "phones", "4");
        addValue(f, 0, "phone/3", "12");
        addValue(f, 1, "familyName", "安藤ロイド4");
        addValue(f, 1, "phone/0", "13");
        addValue(f, 2, "familyName", "安藤ロイド5");
        addValue(f, 2, "phone/3", "20");

        f = "android-vcard/v30_japanese.vcf";
        addValue(f, 0, "displayName", "伊能 圭一 伊予", M::Exact, "Shift_JIS bytes 0x5C are not backslashes");
        addValue(f, 0, "familyName", "伊能");
        addValue(f, 0, "givenName", "圭一");
        addValue(f, 0, "additionalNames", "伊予");

        f = "android-vcard/v40_sort_as.vcf";
        addValue(f, 0, "displayName", "安藤 ロイド");
        addValue(f, 0, "familyName", "安藤", M::Exact, "SORT-AS with a quoted ; inside");
        addValue(f, 0, "givenName", "ロイド");
        addValue(f, 0, "organization", "グーグル", M::StartsWith, "the first ORG component; its units may follow");

        f = "android-vcard/v21_pref_handling.vcf";
        addValue(f, 0, "displayName", "Smith");
        addValue(f, 0, "phones", "3");
        addValue(f, 0, "phone/0/preferred", "false");
        addValue(f, 0, "phone/1/preferred", "true");
        addValue(f, 0, "email/1", "test2@examination.com");
        addValue(f, 0, "organization", "Company", M::Exact, "the first of three ORGs");
        addValue(f, 0, "title", "Engineer");

        f = "android-vcard/v21_invalid_comment_line.vcf";
        addValue(f, 0, "displayName", "Conference Call");
        addValue(f, 0, "notes", "This is an (sharp ->#<- sharp) example. This message must NOT be ignored.", M::Exact, "a soft break onto a line starting with #");

        f = "android-vcard/v21_invalid_multiple_line.vcf";
        addValue(f, 0, "displayName", "Omega");
        addValue(f, 0, "email/0", "<omega@example.com>", M::Contains, "2.1 value continued on an indented line");

        f = "android-vcard/v21_adr_multiple_line.vcf";
        addValue(f, 0, "familyName", "bogus");
        addValue(f, 0, "url/0", "http://bogus.com/");
        addValue(f, 0, "address/0/street", "Grindelberg 999");
        addValue(f, 0, "birthday", "2008-12-03", M::Exact, "after an ADR continued with backslashes");

        f = "android-vcard/v21_base64_no_2_crlf.vcf";
        addValue(f, 0, "displayName", "fullname");
        addValue(f, 0, "photo/size", "3888", M::Exact, "END:VCARD right after the base64");

        f = "android-vcard/v21_blackberry_photo.vcf";
        addValue(f, 0, "displayName", "boogie");
        addValue(f, 0, "photo/head", "89504E47");
        addValue(f, 0, "photo/size", "2056");
        addValue(f, 0, "phone/1", "+5555556", M::Exact, "after a photo without its blank line");
        addValue(f, 0, "email/0", "forrestgump@walladalla.com");

        f = "android-vcard/v21_x_android_custom_after_photo.vcf";
        addValue(f, 0, "givenName", "Roid");
        addValue(f, 0, "photo/size", "2056");
        addValue(f, 0, "birthday", "1975-08-20");

        f = "android-vcard/v21_x_param.vcf";
        addValue(f, 0, "phone/1", "2");
        addValue(f, 0, "email/1", "email2@example.com");

        f = "android-vcard/v21_winmo_65.vcf";
        addValue(f, 0, "displayName", "Example");
        addValue(f, 0, "anniversary", "2009-10-10");

        f = "android-vcard/v30_comma_separated.vcf";
        addValue(f, 0, "familyName", "F");
        addValue(f, 0, "phone/0", "1", M::Exact, "a quoted TYPE value holding a colon");
        addValue(f, 0, "phone/0/preferred", "true");

        f = "android-vcard/v30_multibyte_param.vcf";
        addValue(f, 0, "phone/0", "1");

        f = "android-vcard/v30_ios_613_multiline.vcf";
        addValue(f, 0, "displayName", "Bob Smith", M::Exact, "CR CR LF line endings");
        addValue(f, 0, "organization", "Smith Auto Repair");
        addValue(f, 0, "email/0", "bob@smithauto.com");
        addValue(f, 0, "phone/0", "(650) 555-1212");
        addValue(f, 0, "url/0", "www.smithauto.com");
        addValue(f, 0, "photo/size", "5165");

        f = "android-vcard/v30_simple.vcf";
        addValue(f, 0, "displayName", "And Roid");
        addValue(f, 0, "organization", "Open", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "phone/0", "0300000000");
        addValue(f, 0, "phone/0/preferred", "true");

        // KDE kcontacts round-trip inputs.
        f = "kcontacts/vcard3.vcf";
        addValue(f, 0, "displayName", "ian geiser", M::Exact, "lower-case property names");
        addValue(f, 0, "familyName", "geiser");
        addValue(f, 0, "organization", "Source eXtreme");
        addValue(f, 0, "title", "VP of Engineering");
        addValue(f, 0, "email/0", "geiseri@yahoo.com");

        f = "kcontacts/vcard4.vcf";
        addValue(f, 0, "name", "Ximian, Inc.", M::Exact, "FN and N are empty, so the organization names it");
        addValue(f, 0, "phone/1", "(617) 236-8630");
        addValue(f, 0, "email/0", "hello@ximian.com");
        addValue(f, 0, "notes", "Welcome to the Ximian Addressbook.");

        f = "kcontacts/vcard5.vcf";
        addValue(f, 0, "displayName", "Mustermann, Heiko");
        addValue(f, 0, "familyName", "Mustermann");
        addValue(f, 0, "birthday", "1955-07-19", M::Exact, "a date-time BDAY");
        addValue(f, 0, "tags", "Friend");
        addValue(f, 0, "email/0", "heiko.mustermann@freenet.org");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "nickname", "clown");
        addValue(f, 0, "notes", "I'm a friendly note text,\nplease copy me to your address book...");
        addValue(f, 0, "organization", "KDE");
        addValue(f, 0, "phones", "3");
        addValue(f, 0, "address/0/country", "Germany");
        addValue(f, 0, "photo/head", "89504E47");
        addValue(f, 0, "photo/size", "3732");
        addValue(f, 0, "uid", "P9HXg34Oav", M::Exact, "VERSION comes last");

        f = "kcontacts/vcard8.vcf";
        addValue(f, 0, "notes", "line one\nline two\nline three", M::StartsWith, "upper-case \\N");

        f = "kcontacts/vcard9.vcf";
        addValue(f, 0, "displayName", "βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1", M::Exact, "folded inside UTF-8 sequences");
        addValue(f, 0, "familyName", "123ㄓㄕㄖbcdeαβγδαβγδαβγδαβγδαβγδαβγδαβㄤㄓㄕㄖ");
        addValue(f, 0, "notes", "Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.");

        f = "kcontacts/vcard10.vcf";
        addValue(f, 0, "name", "Bike Shop");
        addValue(f, 0, "address/0/street", "DDDDDDDDDDDDDDD-Staße 2\n00000 DDDDDDDDDD", M::Exact, "quoted-printable UTF-8 with a soft break");
        addValue(f, 1, "displayName", "Field after Address broken");
        addValue(f, 1, "url/0", "http://some-webseite.com", M::Exact, "the property after a soft-broken ADR");
        addValue(f, 1, "address/0/street", "AAAAAAA-AäAAAAA 11");
        addValue(f, 1, "address/0/locality", "Urt");
        addValue(f, 2, "url/0", "http://some-webseite.com");
        addValue(f, 3, "displayName", "Dr. med. Surname Name");
        addValue(f, 3, "title", "Facharzt für Allgemeinmedizin");
        addValue(f, 4, "title", "Dentist");

        f = "kcontacts/vcard12.vcf";
        addValue(f, 0, "displayName", "Good Looking");
        addValue(f, 0, "photo/head", "89504E47");
        addValue(f, 0, "email/0", "goodlooking@example.com");

        f = "kcontacts/vcard14.vcf";
        addValue(f, 0, "email/0", "thejoe@abc.com");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "email/1/preferred", "false");

        f = "kcontacts/vcard15.vcf";
        addValue(f, 0, "displayName", "Test Tester");
        addValue(f, 0, "url/0", "http://www.example.com");
        addValue(f, 0, "url/0/label", "random_label", M::Exact, "X-ABLABEL spelt in capitals");
        addValue(f, 0, "phone/0", "+1-800-123456");

        f = "kcontacts/testfullvcard.vcf";
        addValue(f, 0, "displayName", "Sherlock Holmes");
        addValue(f, 0, "honorificPrefix", "Mr");
        addValue(f, 0, "nickname", "Shirley");
        addValue(f, 0, "birthday", "1953-10-15");
        addValue(f, 0, "anniversary", "1996-04-15");
        addValue(f, 0, "email/1", "detective@sherlockholmes.com");
        addValue(f, 0, "email/1/preferred", "true");
        addValue(f, 0, "phone/0", "+44-555-555-5555", M::Contains);
        addValue(f, 0, "title", "Detective");
        addValue(f, 0, "tags", "FICTION|LITERATURE");
        addValue(f, 0, "address/0/street", "221B Baker Street", M::Exact, "quoted GEO and LABEL parameters");
        addValue(f, 0, "address/0/country", "United Kingdom");

        f = "kcontacts/vcardwithitemasapplesupport.vcf";
        addValue(f, 0, "displayName", "Name of Broken Card");
        addValue(f, 0, "organization", "SOME COMPANY");
        addValue(f, 0, "address/0/locality", "CITY");

        // evolution-data-server: libebook fixtures and the dump-vcard inputs.
        f = "evolution-data-server/vcard/3.vcf";
        addValue(f, 0, "displayName", "Nat");
        addValue(f, 0, "familyName", "Friedman");
        addValue(f, 0, "additionalNames", "D");
        addValue(f, 0, "honorificPrefix", "Mr.");
        addValue(f, 0, "email/1", "nat@ximian.com");
        addValue(f, 0, "birthday", "1977-08-06");
        addValue(f, 0, "address/0/locality", "Any Town");

        f = "evolution-data-server/vcard/5.vcf";
        addValue(f, 0, "displayName", "十城目管理大型知座", M::Exact, "a soft break splits a UTF-8 character");
        addValue(f, 0, "organization", "十城目管理大型知座");
        addValue(f, 0, "title", "十城目管理大型知座");
        addValue(f, 0, "email/0", "weird@weird.com");

        f = "evolution-data-server/vcard/8.vcf";
        addValue(f, 0, "emails", "2", M::Exact, "no END:VCARD");
        f = "evolution-data-server/vcard/9.vcf";
        addValue(f, 0, "phones", "2", M::Exact, "the file ends inside a property name");

        f = "evolution-data-server/vcard/10.vcf";
        addValue(f, 0, "address/0/street", "6544 Battleford Drive", M::Exact, "a quoted TYPE value with spaces");

        f = "evolution-data-server/vcard/11.vcf";
        addValue(f, 0, "displayName", "Invalid AttributeParam");
        addValue(f, 0, "givenName", "Invalid");

        f = "evolution-data-server/vcard/12.vcf";
        addValue(f, 0, "displayName", "Michael Brüning", M::Exact, "quoted-printable that starts with a soft break");
        addValue(f, 0, "familyName", "Brüning");
        addValue(f, 0, "givenName", "Michael");
        addValue(f, 0, "phones", "3");
        addValue(f, 0, "email/0", "ext-Michael.Bruning@nokia.com");
        addValue(f, 0, "address/0/street", "Münsterplatz 21");
        addValue(f, 0, "address/0/region", "Baden-Württemberg");
        addValue(f, 0, "address/0/postalCode", "89073");
        addValue(f, 0, "birthday", "1978-12-29", M::Exact, "after an ADR ending in a soft break and a blank line");

        f = "evolution-data-server/vcard/13.vcf";
        addValue(f, 0, "displayName", "Ralf Engels");
        addValue(f, 0, "phones", "2", M::Exact, "parameters folded with a TAB");
        addValue(f, 0, "email/0", "Frank_Dawson@Lotus.com");
        addValue(f, 0, "email/1", "semicolon;@points.net");
        addValue(f, 0, "address/0/street", "Evil semicolon city;");
        addValue(f, 0, "address/0/locality", "Semicolon;way");
        addValue(f, 0, "url/0", "http://home%32%20.earthlink.net/~fdawson", M::Exact, "percent-escapes are left alone");

        f = "evolution-data-server/data/vcards/custom-7.vcf";
        addValue(f, 0, "displayName", "Purple Goose");
        addValue(f, 0, "phone/0", "+49-89-7888 99");
        addValue(f, 0, "uid", "custom-7");

        f = "evolution-data-server/data/vcards/photo-1.vcf";
        addValue(f, 0, "displayName", "photo");
        addValue(f, 0, "photo/head", "89504E47", M::Exact, "PNG bytes despite TYPE=\"jpeg\"");
        addValue(f, 0, "email/0", "photo@no.where");

        f = "evolution-data-server/data/vcards/sorted-9.vcf";
        addValue(f, 0, "familyName", "côté");
        addValue(f, 0, "givenName", "First Name");
        addValue(f, 0, "email/0", "pink@pony.com");

        f = "evolution-data-server/data/vcards/name-only.vcf";
        addValue(f, 0, "displayName", "John Doe");

        // libvformat: the vCard 2.1 specification's examples.
        f = "libvformat/utf-8/S15cx8.vcf";
        addValue(f, 0, "name", "Näbert€€", M::Exact, "empty FN and N leave the organization");
        addValue(f, 0, "address/0/street", "£");
        addValue(f, 0, "address/0/locality", "¥");

        // Radicale, khard, py-vobject, sabre/vobject, vcard4, ical.js, DAVx5.
        f = "radicale/contact2-with-bday.vcf";
        addValue(f, 0, "displayName", "Test-FN");
        addValue(f, 0, "familyName", "FamilyTest");
        addValue(f, 0, "additionalNames", "AdditionalsTest");
        addValue(f, 0, "nickname", "Test-NICKNAME");
        addValue(f, 0, "birthday", "1970-01-01");
        addValue(f, 0, "uid", "contact2-with-bday");

        f = "radicale/contact4-with-bday-no-year.vcf";
        addValue(f, 0, "displayName", "Test bday without year Thunderbird CardBook");
        addValue(f, 0, "birthday", "01-01", M::EndsWith, "1604 stands for no year");

        f = "radicale/contact_multiple_v4.vcf";
        addValue(f, 0, "displayName", "Contact1");
        addValue(f, 1, "displayName", "Contact2");
        addValue(f, 1, "uid", "contact2");

        f = "radicale/contact_photo_with_data_uri.vcf";
        addValue(f, 0, "photo/head", "89504E47", M::Exact, "a data: URI under ENCODING=b");
        addValue(f, 0, "photo/size", "72");
        f = "radicale/contact_photo_with_data_uri_v4.vcf";
        addValue(f, 0, "photo/head", "89504E47", M::Exact, "a data: URI");
        addValue(f, 0, "photo/size", "72");

        f = "radicale/broken-vcards2.vcf";
        addValue(f, 0, "displayName", "Test Example", M::Exact, "the good card of a refused file");

        f = "khard/altid.vcf";
        addValue(f, 0, "displayName", "altid");
        addValue(f, 0, "familyName", "representation");
        addValue(f, 0, "notes", "RFC6350 requires N to have cardinality <=1 but allows alternative representations to be included if they are linked by the ALTID parameter.");
        f = "khard/korean-c.vcf";
        addValue(f, 0, "displayName", "최유림");
        f = "khard/labels.vcf";
        addValue(f, 0, "organization", "Test Inc", M::Exact, "grouped item1.ORG");
        f = "khard/org.vcf";
        addValue(f, 0, "organization", "ACME Inc.", M::Exact, "a trailing empty component");
        f = "khard/photov3.vcf";
        addValue(f, 0, "photo/head", "89504E47");
        addValue(f, 0, "photo/size", "123");
        f = "khard/photov4.vcf";
        addValue(f, 0, "photo/head", "89504E47", M::Exact, "a folded data: URI with an escaped comma");
        addValue(f, 0, "photo/size", "123");
        f = "khard/tel-value-uri.vcf";
        addValue(f, 0, "phone/0", "67545678");
        f = "khard/text-bday.vcf";
        addValue(f, 0, "displayName", "text birthday");

        f = "py-vobject/radicale-1587.vcf";
        addValue(f, 0, "familyName", "Family");
        addValue(f, 0, "givenName", "Given");
        addValue(f, 0, "additionalNames", "Additional");
        addValue(f, 0, "honorificPrefix", "Prefix");
        addValue(f, 0, "honorificSuffix", "Suffix");

        f = "sabre-vobject/issue153.vcf";
        addValue(f, 0, "displayName", "Test Benutzer");
        addValue(f, 0, "photo/size", "19685", M::Exact, "PHOTO;BASE64 with the data on the next line");
        addValue(f, 0, "photo/tail", "FFD9");

        f = "vcard4-rs/photo.vcf";
        addValue(f, 0, "displayName", "Jane");
        addValue(f, 0, "organization", "Jane Doe");
        addValue(f, 0, "email/0", "janedoe@gmail.com");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "phone/0", "004412345667890");
        addValue(f, 0, "address/0/street", "Flat 404, 100 Main RD");
        addValue(f, 0, "address/0/postalCode", "NW1, 1AA");
        addValue(f, 0, "photo/head", "FFD8FF", M::StartsWith, "a JPEG");
        addValue(f, 0, "photo/size", "76028", M::Exact, "1369 folded lines of ENCODING=b");
        addValue(f, 0, "photo/tail", "FFD9");

        f = "ical.js/vcard.vcf";
        addValue(f, 0, "displayName", "J. Doe");
        addValue(f, 0, "familyName", "Stevenson");
        addValue(f, 0, "honorificPrefix", "Dr.");
        addValue(f, 0, "organization", "ABC, Inc.", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Research Scientist");
        addValue(f, 0, "email/0", "jqpublic@xyz.example.com");
        addValue(f, 0, "birthday", "--02-03");
        addValue(f, 0, "anniversary", "1996-04-15");
        addValue(f, 0, "notes", "This fax number is operational 0800 to 1715 EST, Mon-Fri");
        addValue(f, 0, "phone/0", "+33-01-23-45-67", M::Contains);
        addValue(f, 0, "address/0/locality", "city");
        addValue(f, 0, "address/0/country", "country");

        f = "ical.js/vcard3.vcf";
        addValue(f, 0, "displayName", "Mr. John Q. Public, Esq.");
        addValue(f, 0, "familyName", "Public", M::Exact, "the first of two N");
        addValue(f, 0, "additionalNames", "Quinlan");
        addValue(f, 0, "birthday", "1996-04-15", M::Exact, "the first of three BDAY");
        addValue(f, 0, "organization", "ABC, Inc.", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Director, Research and Development");
        addValue(f, 0, "emails", "3", M::Exact, "the AGENT's embedded EMAIL stays out");
        addValue(f, 0, "email/2/preferred", "true");
        addValue(f, 0, "phones", "1", M::Exact, "the AGENT's embedded TEL stays out");
        addValue(f, 0, "address/0/street", "123 Main Street");
        addValue(f, 0, "notes", "This fax number is operational 0800 to 1715 EST, Mon-Fri.");
        addValue(f, 0, "tags", "TRAVEL AGENT|INTERNET|IETF|INDUSTRY|INFORMATION TECHNOLOGY");

        f = "ical.js/escape_semicolon.vcf";
        addValue(f, 0, "displayName", "First Last NextCloud");
        addValue(f, 0, "phones", "4");
        addValue(f, 0, "phone/2", "205246;;,;", M::Exact, "escaped ; and ,");
        addValue(f, 0, "email/1", "work@gmx.de");
        addValue(f, 0, "organization", "Firma");
        addValue(f, 0, "nickname", "Hugo");
        addValue(f, 0, "birthday", "2019-02-10");
        addValue(f, 0, "tags", "Test-Kontakte");
        addValue(f, 0, "address/0/street", "Street", M::EndsWith, "after the post office box and extended address");
        addValue(f, 0, "address/0/locality", "City");
        addValue(f, 0, "address/1/country", "Germany work");

        f = "vcard4android/allfields-vcard3.vcf";
        addValue(f, 0, "displayName", "Ämi Display");
        addValue(f, 0, "familyName", "Lastname");
        addValue(f, 0, "givenName", "Firstname");
        addValue(f, 0, "additionalNames", "Middlename1 Middlename2");
        addValue(f, 0, "honorificPrefix", "DDDr.");
        addValue(f, 0, "honorificSuffix", "MBA");
        addValue(f, 0, "phone/0", "+49 1234 56788");
        addValue(f, 0, "phone/0/label", "Useless");
        addValue(f, 0, "phone/1", "+1-800-MYFAX");
        addValue(f, 0, "email/0", "private@example.com");
        addValue(f, 0, "email/1", "work@example.com", M::Exact, "custom group name workEmail.");
        addValue(f, 0, "email/1/label", "@work");
        addValue(f, 0, "organization", "ABC, Inc.", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "title", "Director, Research and Development");
        addValue(f, 0, "birthday", "1996-04-15");
        addValue(f, 0, "anniversary", "2014-08-12");
        addValue(f, 0, "url/0", "https://www.davx5.com/");
        addValue(f, 0, "tags/0", "A");
        addValue(f, 0, "notes", "This fax number is operational 0800 to 1715 EST, Mon-Fri.", M::Contains);
        addValue(f, 0, "address/1/street", "Teststraße 22", M::EndsWith, "after the post office box and extended address");
        addValue(f, 0, "address/1/locality", "Mönchspfaffingen");
        addValue(f, 0, "address/1/postalCode", "4043");
        addValue(f, 0, "address/1/country", "Klöster-Reich");
        addValue(f, 0, "address/1/label", "Monkey Tree");
        addValue(f, 0, "photo/size", "317");

        f = "vcard4android/strange-rev.vcf";
        addValue(f, 0, "displayName", "Name Name");
        addValue(f, 0, "phones", "2");
        f = "vcard4android/vcard4.vcf";
        addValue(f, 0, "displayName", "VCard 4 Test");
        addValue(f, 0, "birthday", "--04-16");
        addValue(f, 0, "uid", "vcard4test");

        f = "jeroendesloovere-vcard/invalid_encoding.vcf";
        addValue(f, 0, "familyName", "Desloovere", M::Exact, "CHARSET=invalid-encoding is ignored");
        addValue(f, 0, "givenName", "Jeroen");
        addValue(f, 0, "email/0", "site@example.com");
        addValue(f, 0, "url/0", "http://www.jeroendesloovere.be");

        // FolkerKinzel.VCards: Windows code pages, UTF-16, 1000 cards.
        f = "folkerkinzel-vcards/LargeFile.vcf";
        addValue(f, -1, "cards", "1000");
        addValue(f, 0, "displayName", "Kasey Schmitt");
        addValue(f, 499, "displayName", "Chesley Nestor Willms");
        addValue(f, 999, "displayName", "Florine Liana Stehr");
        addValue(f, 999, "additionalNames", "Liana");

        f = "folkerkinzel-vcards/AnsiIssue.vcf";
        addValue(f, 0, "displayName", "Ralf Rastral");
        addValue(f, 0, "familyName", "Rastral");
        addValue(f, 0, "address/0/street", "Lämmerweg 12", M::Exact, "Windows-1252 bytes");
        addValue(f, 0, "address/0/locality", "Kleindorf");
        f = "folkerkinzel-vcards/AnsiIssueInvalidEncoding.vcf";
        addValue(f, 0, "address/0/street", "Lämmerweg 12", M::Exact, "Windows-1252 bytes");
        f = "folkerkinzel-vcards/AnsiIssueNoEncoding.vcf";
        addValue(f, 0, "address/0/street", "Lämmerweg 12", M::Exact, "Windows-1252 bytes and no CHARSET");
        f = "folkerkinzel-vcards/MultiAnsiFilterTests/Murks.vcf";
        addValue(f, 0, "displayName", "Sören Täve Nüßlebaum", M::Exact, "Windows-1252 bytes");
        f = "folkerkinzel-vcards/MultiAnsiFilterTests/v3Ansi.vcf";
        addValue(f, 0, "displayName", "Folker Kinzel");
        addValue(f, 1, "displayName", "KMS Außenstelle", M::Exact, "Windows-1252 bytes");

        f = "folkerkinzel-vcards/MultiAnsiFilterTests/v3Utf16Bom.vcf";
        addValue(f, 0, "displayName", "Folker Kinzel", M::Exact, "UTF-16LE with a BOM");
        addValue(f, 0, "email/1", "email2@folker-kinzel.de");
        addValue(f, 0, "address/0/street", "Berliner Str. 85");
        addValue(f, 1, "displayName", "KMS Außenstelle");
        addValue(f, 1, "email/0", "blablö@blub.com");

        f = "folkerkinzel-vcards/Utf-8/Greek.vcf";
        addValue(f, 0, "displayName", "Βαγγέλης", M::Exact, "UTF-8 with a BOM");
        addValue(f, 0, "familyName", "Παπαθανασίου");
        addValue(f, 0, "givenName", "Ευάγγελος");
        addValue(f, 0, "additionalNames", "Οδυσσέας");
        addValue(f, 0, "address/0/locality", "Αθήνα");

        f = "folkerkinzel-vcards/Cropped_2_1.vcf";
        addValue(f, 0, "familyName", "Mustermann", M::Exact, "a file cut off inside a NOTE");
        addValue(f, 0, "displayName", "Maxl");
        addValue(f, 0, "title", "Position");

        f = "folkerkinzel-vcards/Library v2.vcf";
        addValue(f, 0, "displayName", "Herr Max Anderer Mustermann sen.");
        addValue(f, 0, "honorificPrefix", "Herr");
        addValue(f, 0, "organization", "Musterfirma GmbH");
        addValue(f, 0, "email/0", "max.mustermann@musterfirma.de");
        addValue(f, 0, "phones", "4");
        addValue(f, 0, "notes", "Hier noch ein paar notizen");
        addValue(f, 0, "photo/size", "23182", M::Exact, "2.1 base64 continuation lines without indentation");
        addValue(f, 0, "photo/tail", "FFD9");

        f = "folkerkinzel-vcards/Outlook v2.vcf";
        addValue(f, 0, "displayName", "Herr Max Anderer Mustermann sen.");
        addValue(f, 0, "url/0", "https://www.musterfirma.de");
        addValue(f, 0, "email/0", "max.mustermann@musterfirma.de");
        addValue(f, 0, "photo/size", "23182");

        f = "folkerkinzel-vcards/Photo v3.vcf";
        addValue(f, 0, "displayName", "Emma Musterfrau");
        addValue(f, 0, "birthday", "2011-03-17");
        addValue(f, 0, "email/0", "emma.musterfrau@googlemail.com");
        addValue(f, 0, "phones", "3");
        addValue(f, 0, "address/0/locality", "Grünstadt OT Gelbdorf");
        addValue(f, 0, "photo/size", "1626", M::Exact, "ENCODING=B in capitals");

        f = "folkerkinzel-vcards/WhatsAppIssue.vcf";
        addValue(f, 0, "displayName", "zzMad Perla 45");
        addValue(f, 0, "phones", "2");
        addValue(f, 0, "phone/1", "7yy-zzz-xxx", M::Exact, "TYPE=WhatsApp");
        addValue(f, 0, "notes", "PERLA\nmadrid");

        f = "folkerkinzel-vcards/v2_1.vcf";
        addValue(f, 0, "displayName", "Maxl");
        addValue(f, 0, "familyName", "Mustermann");
        addValue(f, 0, "additionalNames", "Middle Name");
        addValue(f, 0, "honorificPrefix", "Dr.");
        addValue(f, 0, "organization", "Firma", M::StartsWith, "the first ORG component; its units may follow");
        addValue(f, 0, "emails", "3");
        addValue(f, 0, "email/0", "privat@folker-kinzel.de");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 0, "phone/0", "Tel geschäftlich", M::Exact, "bare utf-8 and QUOTED-PRINTABLE parameters");
        addValue(f, 0, "birthday", "1972-01-31");
        addValue(f, 0, "notes", "Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ üüüüüü ßßßßßß", M::StartsWith);
        addValue(f, 0, "address/0/text", "Firmenstraße", M::Contains);
        addValue(f, 0, "address/0/locality", "Ort Firma");
        addValue(f, 0, "photo/size", "70");

        f = "folkerkinzel-vcards/v3.vcf";
        addValue(f, 0, "displayName", "Folker Kinzel");
        addValue(f, 0, "emails", "2");
        addValue(f, 0, "phone/0", "0123-45678");
        addValue(f, 0, "birthday", "1978-03-11");
        addValue(f, 0, "url/0", "www.folker-kinzel.de");
        addValue(f, 0, "address/0/postalCode", "06789");
        addValue(f, 1, "displayName", "KMS Außenstelle");
        addValue(f, 1, "email/0", "blablö@blub.com", M::Exact, "a space after the colon");
        addValue(f, 1, "phone/1", "03443-333440");
        addValue(f, 1, "phone/1/label", "homeFax");

        f = "folkerkinzel-vcards/v4.vcf";
        addValue(f, 0, "displayName", "Möhrke Gerda");
        addValue(f, 0, "organization", "KiTa Öhrdingen");
        addValue(f, 0, "email/0/preferred", "true");
        addValue(f, 1, "displayName", "Dr. Max Horst Mustermann jr. Maxl SED");
        addValue(f, 1, "title", "Gröfaz");
        addValue(f, 1, "emails", "4");
        addValue(f, 1, "phones", "10");
        addValue(f, 1, "notes", "Kommentar");
    }
    void card_hasTheValueUpstreamAsserts()
    {
        QFETCH(QString, path);
        QFETCH(int, card);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QFETCH(int, match);

        if (!m_parsed.contains(path)) {
            const QByteArray bytes = corpusBytes(path);
            QVERIFY2(!bytes.isEmpty(), qPrintable(QStringLiteral("cannot read ") + m_corpus.filePath(path)));
            const std::optional<VCardParseResult> parsed = parseWithin(bytes, path);
            QVERIFY2(parsed, qPrintable(QStringLiteral("the reader did not return within %1 s").arg(parseDeadline.count())));
            m_parsed.insert(path, *parsed);
        }
        const VCardParseResult &result = m_parsed[path];
        const QString context = describeProblems(result);

        std::optional<QString> actual;
        if (card < 0) {
            QCOMPARE(key, QStringLiteral("cards"));
            actual = QString::number(result.cards.size());
        } else {
            QVERIFY2(card < result.cards.size(),
                     qPrintable(QStringLiteral("no card %1: the reader returned %2 cards; %3")
                                    .arg(card + 1)
                                    .arg(result.cards.size())
                                    .arg(context)));
            actual = valueOf(result.cards.at(card).contact, key);
            QVERIFY2(actual, qPrintable(QStringLiteral("card %1 has no %2; %3").arg(card + 1).arg(key, context)));
        }

        bool ok = false;
        switch (static_cast<Match>(match)) {
        case Match::Exact:
            ok = *actual == expected;
            break;
        case Match::StartsWith:
            ok = actual->startsWith(expected);
            break;
        case Match::EndsWith:
            ok = actual->endsWith(expected);
            break;
        case Match::Contains:
            ok = actual->contains(expected);
            break;
        }
        if (!ok && static_cast<Match>(match) == Match::Exact) {
            // QCOMPARE shows both strings; the problems explain them.
            qInfo().noquote() << context;
            QCOMPARE(*actual, expected);
        }
        QVERIFY2(ok, qPrintable(QStringLiteral("%1 is “%2”, expected it to %3 “%4”; %5")
                                    .arg(key, *actual,
                                         static_cast<Match>(match) == Match::StartsWith ? QStringLiteral("start with")
                                         : static_cast<Match>(match) == Match::EndsWith ? QStringLiteral("end with")
                                                                                        : QStringLiteral("contain"),
                                         expected, context)));
    }
};

QTEST_GUILESS_MAIN(TestVCardCorpus)
#include "tst_vcardcorpus.moc"
