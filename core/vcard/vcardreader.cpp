#include "vcardreader.h"

#include <QFile>
#include <QFileInfo>
#include <QByteArrayMatcher>
#include <QHash>
#include <QSet>
#include <QStringDecoder>
#include <QVarLengthArray>

#include <cstring>
#include <thread>

namespace Rapport::Core {

namespace {

/// Case-insensitive comparison with an upper-case ASCII literal; the length
/// check comes first, so most comparisons cost one compare.
// Deliberately not constexpr: reaching it in a consteval constructor fails compilation.
inline void literalMustBeUpperCase() {}

/// An upper-case ASCII literal, checked when the program is compiled: a
/// lower-case letter here would never match after case folding.
struct Upper
{
    template<std::size_t N>
    consteval Upper(const char (&literal)[N]) // NOLINT: implicit on purpose
        : text(literal)
        , size(N - 1)
    {
        for (std::size_t i = 0; i + 1 < N; ++i) {
            if (literal[i] >= 'a' && literal[i] <= 'z')
                literalMustBeUpperCase();
        }
    }
    const char *text;
    qsizetype size;
};

/// Case-insensitive comparison; the length check comes first, so most
/// comparisons cost one compare.
Q_ALWAYS_INLINE bool equalsCI(QByteArrayView a, Upper upper)
{
    if (a.size() != upper.size)
        return false;
    for (qsizetype i = 0; i < upper.size; ++i) {
        char c = a[i];
        if (c >= 'a' && c <= 'z')
            c = char(c - 32);
        if (c != upper.text[i])
            return false;
    }
    return true;
}

bool startsWithCI(QByteArrayView a, Upper upper)
{
    return a.size() >= upper.size && equalsCI(a.first(upper.size), upper);
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

/// Physical lines of a buffer: CRLF, LF, CR and CR CR LF all end a line.
class LineSource
{
public:
    explicit LineSource(QByteArrayView data) : m_data(data) {}

    bool atEnd() const { return m_pos >= m_data.size(); }
    int lineNumber() const { return m_line; }

    /// The next physical line without its terminator.
    QByteArrayView next()
    {
        const qsizetype size = m_data.size();
        const qsizetype begin = m_pos;
        // The next LF and the next CR, each found with memchr and kept until
        // passed: a line costs a few compares, and a file of only one kind of
        // line end is searched once for the other, not once per line.
        if (m_nextLf < begin)
            m_nextLf = find('\n', begin);
        if (m_nextCr < begin)
            m_nextCr = find('\r', begin);
        qsizetype p = std::min(m_nextLf, m_nextCr);
        const QByteArrayView line = m_data.sliced(begin, p - begin);
        while (p < size && m_data[p] == '\r')
            ++p;
        if (p < size && m_data[p] == '\n')
            ++p;
        m_pos = p;
        ++m_line;
        return line;
    }

    /// The first byte of the next physical line, or 0 at the end.
    char peek() const { return atEnd() ? '\0' : m_data.at(m_pos); }

private:
    /// Where `c` is next from `from` on; the end of the data when nowhere.
    qsizetype find(char c, qsizetype from) const
    {
        const void *at = std::memchr(m_data.data() + from, c, size_t(m_data.size() - from));
        return at ? static_cast<const char *>(at) - m_data.data() : m_data.size();
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    int m_line = 0;
    qsizetype m_nextLf = -1;
    qsizetype m_nextCr = -1;
};

enum class Encoding { None, QuotedPrintable, Base64 };

struct Param
{
    QByteArrayView name; // empty for a bare 2.1 parameter
    QByteArrayView value;
};

/// A property's TYPE words: room for the usual few without an allocation.
using TypeList = QVarLengthArray<QString, 4>;

struct Property
{
    QByteArrayView group;
    QByteArrayView name;
    QVarLengthArray<Param, 8> params;
    QByteArrayView head;  // "group.NAME;params:", for properties kept verbatim
    QByteArrayView value; // after unfolding, before decoding
    int line = 0;

    Encoding encoding = Encoding::None;
    QByteArray charset;
    TypeList types; // lower case
    bool preferred = false;
    QByteArrayView valueType;
    QByteArrayView mediaType;
};

/// Whether a value says anything: "N:;;;;" and "FN:" do not.
bool hasContent(QByteArrayView value)
{
    for (char c : value) {
        if (c != ';' && c != ',' && c != ' ' && c != '\t')
            return true;
    }
    return false;
}

QByteArrayView unquote(QByteArrayView v)
{
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
        return v.sliced(1, v.size() - 2);
    return v;
}

/// Splits "group.NAME;p=v;p2="a;b":value" without copying. Returns false when
/// there is no ':' outside quotes.
bool splitProperty(QByteArrayView line, Property &property, QByteArrayView &value)
{
    qsizetype i = 0;
    const qsizetype n = line.size();
    qsizetype nameStart = 0;
    while (i < n && line[i] != ';' && line[i] != ':') {
        if (line[i] == '.') {
            property.group = line.sliced(nameStart, i - nameStart);
            nameStart = i + 1;
        }
        ++i;
    }
    if (i >= n)
        return false;
    property.name = trimmed(line.sliced(nameStart, i - nameStart));
    while (i < n && line[i] == ';') {
        ++i;
        const qsizetype start = i;
        bool quoted = false;
        qsizetype equals = -1;
        while (i < n && (quoted || (line[i] != ';' && line[i] != ':'))) {
            if (line[i] == '"')
                quoted = !quoted;
            else if (line[i] == '=' && equals < 0 && !quoted)
                equals = i;
            ++i;
        }
        const QByteArrayView whole = line.sliced(start, i - start);
        if (whole.isEmpty())
            continue;
        if (equals < 0)
            property.params.append(Param{{}, trimmed(whole)});
        else
            property.params.append(Param{trimmed(line.sliced(start, equals - start)),
                                         trimmed(line.sliced(equals + 1, i - equals - 1))});
    }
    if (i >= n || line[i] != ':')
        return false;
    value = line.sliced(i + 1);
    return true;
}

/// The common TYPE words as shared strings: a card's dozen TYPE values cost
/// no allocation each.
QString typeWord(QByteArrayView type)
{
    // Plain statics and literal comparisons: an aggregate of consteval-built
    // members and QStrings made clang 14 destroy a temporary twice (found by
    // fuzzing with AddressSanitizer).
    static const QString work = QStringLiteral("work");
    static const QString home = QStringLiteral("home");
    static const QString cell = QStringLiteral("cell");
    static const QString internet = QStringLiteral("internet");
    static const QString voice = QStringLiteral("voice");
    static const QString fax = QStringLiteral("fax");
    if (equalsCI(type, "WORK"))
        return work;
    if (equalsCI(type, "HOME"))
        return home;
    if (equalsCI(type, "CELL"))
        return cell;
    if (equalsCI(type, "INTERNET"))
        return internet;
    if (equalsCI(type, "VOICE"))
        return voice;
    if (equalsCI(type, "FAX"))
        return fax;
    const QString word = QString::fromLatin1(type);
    return word.toLower();
}

void addTypes(Property &property, QByteArrayView list)
{
    qsizetype start = 0;
    list = unquote(list);
    for (qsizetype i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == ',') {
            const QByteArrayView type = trimmed(list.sliced(start, i - start));
            if (equalsCI(type, "PREF"))
                property.preferred = true;
            else if (!type.isEmpty())
                property.types.append(typeWord(type));
            start = i + 1;
        }
    }
}

void interpretParams(Property &property)
{
    for (const Param &param : property.params) {
        const QByteArrayView value = unquote(param.value);
        if (param.name.isEmpty()) {
            // vCard 2.1 allows bare values: ;HOME;QUOTED-PRINTABLE;BASE64
            if (equalsCI(value, "QUOTED-PRINTABLE"))
                property.encoding = Encoding::QuotedPrintable;
            else if (equalsCI(value, "BASE64") || equalsCI(value, "B"))
                property.encoding = Encoding::Base64;
            else if (equalsCI(value, "8BIT") || equalsCI(value, "7BIT"))
                continue;
            else
                addTypes(property, value);
        } else if (param.name.contains(',')) {
            // "TYPE=HOME,ENCODING=QUOTED-PRINTABLE" written as "HOME,ENCODING=…"
            // by some 2.1 exporters: the words before the last comma are types.
            const qsizetype comma = param.name.lastIndexOf(',');
            addTypes(property, param.name.first(comma));
            Property single;
            single.params.append(Param{trimmed(param.name.sliced(comma + 1)), param.value});
            interpretParams(single);
            if (single.encoding != Encoding::None)
                property.encoding = single.encoding;
            if (!single.charset.isEmpty())
                property.charset = single.charset;
            property.types.append(single.types.constData(), single.types.size());
            property.preferred = property.preferred || single.preferred;
        } else if (equalsCI(param.name, "ENCODING")) {
            if (equalsCI(value, "QUOTED-PRINTABLE"))
                property.encoding = Encoding::QuotedPrintable;
            else if (equalsCI(value, "BASE64") || equalsCI(value, "B"))
                property.encoding = Encoding::Base64;
        } else if (equalsCI(param.name, "CHARSET")) {
            property.charset = value.toByteArray();
        } else if (equalsCI(param.name, "TYPE")) {
            addTypes(property, value);
        } else if (equalsCI(param.name, "PREF")) {
            property.preferred = true;
        } else if (equalsCI(param.name, "VALUE")) {
            property.valueType = value;
        } else if (equalsCI(param.name, "MEDIATYPE")) {
            property.mediaType = value;
        }
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeQuotedPrintable(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '=' && i + 2 < in.size()) {
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        if (c == '=' && i == in.size() - 1)
            break; // a dangling soft break
        out.append(c);
    }
    return out;
}

/// Reading state shared by the cards of one file.
class Parser
{
public:
    Parser(QByteArrayView data, QString fileName, const VCardReader::CardSink &sink)
        : m_lines(data)
        , m_fileName(std::move(fileName))
        , m_sink(sink)
    {
        // Room for every card up front (a card takes 300 bytes or more): the
        // list never moves its cards while growing, and pages never touched
        // cost nothing.
        if (!sink)
            m_result.cards.reserve(data.size() / 300 + 1);
    }

    VCardParseResult run();
    /// The two halves of run(), so that two parsers can each read half a file.
    void scan();
    VCardParseResult finish();
    /// Takes the cards and problems of a parser that read the text right after ours.
    void absorb(Parser &&later);

private:
    void problem(int line, const QString &message)
    {
        // A hostile file could report a problem per line; a few hundred say enough.
        if (m_result.problems.size() < 500)
            m_result.problems.append(VCardProblem{m_fileName, line, message});
    }

    /// Looks ahead for the card's VERSION (some writers put it last): escapes
    /// are read by its rules from the first property on.
    bool cardVersionIs21() const
    {
        LineSource probe = m_lines;
        while (!probe.atEnd()) {
            const QByteArrayView line = trimmed(probe.next());
            if (startsWithCI(line, "VERSION:"))
                return trimmed(line.sliced(8)).startsWith("2.");
            if (equalsCI(line, "END:VCARD") || equalsCI(line, "BEGIN:VCARD"))
                break;
        }
        return true; // no VERSION: vCard 2.1 rules, as the oldest writers meant
    }

    /// Reads one card; returns the line of a BEGIN:VCARD that started before
    /// this card ended (a card that never ended), or 0.
    int readCard(int beginLine);
    void readProperty(QByteArrayView firstLine, int line);
    void mapProperty(Property &property);
    void finishCard(int beginLine);

    QString decodeText(const Property &property, QByteArrayView bytes);
    QString unescape(QStringView text) const;
    QString unescape(QString &&text) const;
    QStringList splitEscaped(QStringView text, QChar separator) const;
    QString textValue(Property &property);
    QString checkedDate(Property &property, bool isText);
    void keepVerbatim(const Property &property);
    void addPhoto(Property &property);

    LineSource m_lines;
    QString m_fileName;
    const VCardReader::CardSink &m_sink;
    bool m_stopped = false;
    bool m_sawCard = false;
    int m_outside = 0;
    // Reused for lines that must be assembled (folded, or continued).
    QByteArray m_logical;
    QByteArray m_valueBuffer;
    VCardParseResult m_result;

    // The card being read.
    Contact m_contact;
    bool m_version21 = true;
    bool m_hasFormattedName = false;
    bool m_hasStructuredName = false;
    QStringList m_notes;
    QHash<QString, QString> m_groupLabels;
    struct Grouped
    {
        QString group;
        QList<ContactField> *list;
        qsizetype index;
    };
    QList<Grouped> m_grouped;
    QList<QPair<QString, int>> m_groupedAddresses;
    struct GroupedDate
    {
        QString group;
        QString date;
        QString raw;
    };
    QList<GroupedDate> m_groupedDates;
    bool m_agentPending = false;
    int m_propertyCount = 0;
};

VCardParseResult Parser::run()
{
    scan();
    return finish();
}

void Parser::scan()
{
    bool &sawCard = m_sawCard;
    int &outside = m_outside;
    while (!m_lines.atEnd() && !m_stopped) {
        const QByteArrayView line = trimmed(m_lines.next());
        const int lineNo = m_lines.lineNumber();
        if (line.isEmpty())
            continue;
        if (equalsCI(line, "BEGIN:VCARD")) {
            sawCard = true;
            // A loop, not recursion: a hostile file may open a million cards.
            for (int next = readCard(lineNo); next > 0 && !m_stopped;)
                next = readCard(next);
            continue;
        }
        ++outside;
        if (line.contains('\0'))
            break;
    }
}

VCardParseResult Parser::finish()
{
    if (!m_sawCard) {
        m_result.fileError = m_outside == 0
            ? VCardReader::tr("%1: the file is empty; there are no contacts in it.").arg(m_fileName)
            : VCardReader::tr("%1: this is not a vCard file (no BEGIN:VCARD found); nothing was imported.")
                  .arg(m_fileName);
        m_result.problems.clear();
        return std::move(m_result);
    }
    if (m_outside > 0)
        problem(0, m_outside == 1 ? VCardReader::tr("1 line outside BEGIN:VCARD … END:VCARD was ignored.")
                                  : VCardReader::tr("%1 lines outside BEGIN:VCARD … END:VCARD were ignored.").arg(m_outside));
    return std::move(m_result);
}

void Parser::absorb(Parser &&later)
{
    // `later` read the lines after ours: its line numbers count from our end.
    const int offset = m_lines.lineNumber();
    for (ParsedCard &card : later.m_result.cards) {
        card.line += offset;
        m_result.cards.append(std::move(card));
    }
    for (VCardProblem &problem : later.m_result.problems) {
        if (problem.line > 0)
            problem.line += offset;
        if (m_result.problems.size() < 500)
            m_result.problems.append(std::move(problem));
    }
    m_result.skippedCards += later.m_result.skippedCards;
    for (int line : std::as_const(later.m_result.skippedLines))
        m_result.skippedLines.append(line + offset);
    m_sawCard = m_sawCard || later.m_sawCard;
    m_outside += later.m_outside;
}

int Parser::readCard(int beginLine)
{
    m_contact = Contact{};
    m_hasFormattedName = false;
    m_hasStructuredName = false;
    m_notes.clear();
    m_groupLabels.clear();
    m_grouped.clear();
    m_groupedAddresses.clear();
    m_groupedDates.clear();
    m_agentPending = false;
    m_propertyCount = 0;
    m_version21 = cardVersionIs21();

    int nested = 0;
    while (!m_lines.atEnd()) {
        const QByteArrayView physical = m_lines.next();
        const int lineNo = m_lines.lineNumber();
        const QByteArrayView line = trimmed(physical);
        if (line.isEmpty() || line.front() == '#')
            continue;
        if (nested > 0) {
            // A nested card (2.1 AGENT) is skipped whole.
            if (equalsCI(line, "BEGIN:VCARD"))
                ++nested;
            else if (equalsCI(line, "END:VCARD"))
                --nested;
            continue;
        }
        if (equalsCI(line, "END:VCARD")) {
            finishCard(beginLine);
            return 0;
        }
        if (equalsCI(line, "BEGIN:VCARD")) {
            if (m_agentPending) {
                ++nested; // the 2.1 AGENT's own card
                continue;
            }
            // A card that never ended, and the next one begins.
            problem(beginLine, VCardReader::tr("the card that begins here has no END:VCARD."));
            finishCard(beginLine);
            return lineNo;
        }
        m_agentPending = false;
        readProperty(physical, lineNo);
    }
    problem(beginLine, VCardReader::tr("the card that begins here has no END:VCARD (the file may be cut short); "
                                       "what it held was read."));
    finishCard(beginLine);
    return 0;
}

void Parser::readProperty(QByteArrayView firstLine, int line)
{
    // Unfold: following lines that begin with a space or a tab continue this one.
    QByteArrayView text = firstLine;
    if (m_lines.peek() == ' ' || m_lines.peek() == '\t') {
        m_logical.resize(0);
        m_logical.append(firstLine);
        while (m_lines.peek() == ' ' || m_lines.peek() == '\t')
            m_logical.append(m_lines.next().sliced(1));
        text = m_logical;
    }

    Property property;
    property.line = line;
    QByteArrayView value;
    if (!splitProperty(text, property, value)) {
        const QString shown = QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 40)));
        problem(line, VCardReader::tr("“%1” is not a vCard property (no “:”); it was ignored.").arg(shown));
        return;
    }
    if (property.name.isEmpty()) {
        problem(line, VCardReader::tr("a property without a name was ignored."));
        return;
    }
    // Names (and groups) are letters, digits and '-' (RFC 6350 3.3). Anything
    // else is damage, and keeping it would let it into an export.
    auto validName = [](QByteArrayView name) {
        return std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
    };
    if (!validName(property.name) || !validName(property.group) || equalsCI(property.name, "BEGIN")
        || equalsCI(property.name, "END")) {
        const QString shown = QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 40)));
        problem(line, VCardReader::tr("“%1” is not a valid vCard property; it was ignored.").arg(shown));
        return;
    }
    interpretParams(property);
    property.head = text.first(text.size() - value.size());
    property.value = value;

    if (property.encoding == Encoding::QuotedPrintable && value.endsWith('=') && !m_lines.atEnd()) {
        // Soft line breaks: a value ending in '=' goes on on the next line.
        m_valueBuffer.resize(0);
        m_valueBuffer.append(value);
        while (m_valueBuffer.endsWith('=') && !m_lines.atEnd()) {
            m_valueBuffer.chop(1);
            QByteArrayView next = m_lines.next();
            // Some exporters leave blank lines after a soft break.
            while (next.isEmpty() && !m_lines.atEnd() && m_lines.peek() == '=')
                next = m_lines.next();
            m_valueBuffer.append(next);
        }
        property.value = m_valueBuffer;
    } else if (property.encoding == Encoding::Base64 && m_version21) {
        // 2.1 base64 runs over plain lines up to a blank line; tolerate the
        // blank line missing (the next property or END:VCARD ends it).
        while (!m_lines.atEnd()) {
            const char c = m_lines.peek();
            const bool base64Start = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                                     || c == '+' || c == '/' || c == '=';
            if (c == '\r' || c == '\n') {
                m_lines.next();
                break;
            }
            if (!base64Start)
                break;
            // Peek the whole line: a property line has ':' in it.
            LineSource probe = m_lines;
            const QByteArrayView candidate = probe.next();
            if (candidate.contains(':') || candidate.contains(';'))
                break;
            if (property.value.data() != m_valueBuffer.constData()) {
                m_valueBuffer.resize(0);
                m_valueBuffer.append(property.value);
            }
            m_valueBuffer.append(m_lines.next());
            property.value = m_valueBuffer;
        }
    }
    if (!equalsCI(property.name, "VERSION") && hasContent(property.value))
        ++m_propertyCount;
    mapProperty(property);
}

QString Parser::decodeText(const Property &property, QByteArrayView bytes)
{
    if (!property.charset.isEmpty() && !equalsCI(property.charset, "UTF-8") && !equalsCI(property.charset, "UTF8")
        && !equalsCI(property.charset, "US-ASCII")) {
        QStringDecoder decoder(property.charset.constData());
        if (decoder.isValid()) {
            QString text = decoder(bytes);
            if (!decoder.hasError())
                return text;
        } else {
            problem(property.line, VCardReader::tr("unknown character set “%1”; the text was read as UTF-8.")
                                       .arg(QString::fromLatin1(property.charset)));
        }
    }
    if (bytes.isValidUtf8())
        return QString::fromUtf8(bytes);
    // Not UTF-8: old Windows exports write their code page without saying so.
    QStringDecoder windows("windows-1252");
    if (windows.isValid())
        return windows(bytes);
    return QString::fromLatin1(bytes);
}

QString Parser::unescape(QString &&text) const
{
    if (!text.contains(QLatin1Char('\\')))
        return std::move(text); // the usual case: nothing to copy
    return unescape(QStringView(text));
}

QString Parser::unescape(QStringView text) const
{
    const qsizetype firstEscape = text.indexOf(QLatin1Char('\\'));
    if (firstEscape < 0)
        return text.toString();
    QString out(text.size(), Qt::Uninitialized);
    QChar *o = out.data();
    const QChar *p = text.data();
    const QChar *end = p + text.size();
    while (p < end) {
        const QChar c = *p++;
        if (c != QLatin1Char('\\') || p == end) {
            *o++ = c;
            continue;
        }
        const QChar next = *p;
        if (m_version21) {
            // 2.1 escapes only the semicolon and the backslash; others are text.
            if (next == QLatin1Char(';') || next == QLatin1Char('\\')) {
                *o++ = next;
                ++p;
            } else {
                *o++ = c;
            }
            continue;
        }
        ++p;
        // \\ \, \; \: and the stray \" of some exporters stand for the character itself.
        *o++ = (next == QLatin1Char('n') || next == QLatin1Char('N')) ? QChar(QLatin1Char('\n')) : next;
    }
    out.truncate(o - out.data());
    return out;
}

QStringList Parser::splitEscaped(QStringView text, QChar separator) const
{
    QStringList parts;
    parts.reserve(text.count(separator) + 1);
    qsizetype start = 0;
    bool escaped = false; // whether the part so far has a backslash
    auto take = [&](qsizetype end) {
        const QStringView part = text.sliced(start, end - start);
        parts.append(escaped ? unescape(part) : part.toString());
        start = end + 1;
        escaped = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\')) {
            escaped = true;
            ++i;
        } else if (text[i] == separator) {
            take(i);
        }
    }
    take(text.size());
    return parts;
}

QString Parser::textValue(Property &property)
{
    if (property.encoding == Encoding::QuotedPrintable)
        return decodeText(property, decodeQuotedPrintable(property.value));
    return decodeText(property, property.value);
}

void Parser::keepVerbatim(const Property &property)
{
    m_contact.extraProperties.append(QString::fromUtf8(property.head));
    m_contact.extraProperties.append(QString::fromUtf8(property.value));
    m_contact.extraProperties.append(QLatin1String("\r\n"));
}

QString labelFromTypes(const TypeList &types)
{
    // Types that say how, not which: they make no label.
    static constexpr QStringView noise[] = {u"internet", u"voice", u"x400", u"text", u"postal",
                                            u"parcel",   u"intl",  u"dom",  u"msg"};
    static const QString mobile = QStringLiteral("mobile");
    // The label's words, each once; most labels are one shared type word.
    QVarLengthArray<QString, 4> words;
    for (const QString &type : types) {
        if (std::find(std::begin(noise), std::end(noise), QStringView(type)) != std::end(noise))
            continue;
        QString word = type == u"cell" ? mobile : type;
        if (word.startsWith(u"x-"))
            word = word.sliced(2);
        if (word.isEmpty())
            continue;
        // As a label's words were told apart when it was one string: a word
        // with a space in it is never one of the label's words, and the words
        // of one with a space are.
        const bool known = std::any_of(words.cbegin(), words.cend(), [&word](const QString &w) {
            if (w.contains(QLatin1Char(' ')))
                return w.split(QLatin1Char(' ')).contains(word);
            return w == word && !word.contains(QLatin1Char(' '));
        });
        if (!known)
            words.append(word);
    }
    if (words.size() == 1)
        return words.first();
    QString label;
    for (const QString &word : std::as_const(words)) {
        if (!label.isEmpty())
            label += QLatin1Char(' ');
        label += word;
    }
    return label;
}

/// "19850415", "1985-04-15T10:00:00Z", "--0415" and friends in one ISO form;
/// text such as "circa 1800" is kept as written.
QString normalizeDate(const QString &raw, bool isText)
{
    QString v = raw.trimmed();
    if (isText || v.isEmpty())
        return v;
    const bool dateLike = v.front().isDigit() || v.startsWith(u"--");
    if (!dateLike)
        return v; // "circa 1800" written without VALUE=text
    const qsizetype t = v.indexOf(QLatin1Char('T'));
    if (t > 0)
        v.truncate(t);
    auto allDigits = [](QStringView s) {
        return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
    };
    if (v.size() == 8 && allDigits(v))
        return QStringLiteral("%1-%2-%3").arg(v.left(4), v.mid(4, 2), v.mid(6, 2));
    if (v.size() == 6 && v.startsWith(u"--") && allDigits(QStringView(v).sliced(2)))
        return QStringLiteral("--%1-%2").arg(v.mid(2, 2), v.mid(4, 2));
    if (v.size() == 7 && v.startsWith(u"--") && allDigits(QStringView(v).sliced(2, 2)) && v.at(4) == u'-')
        return v; // --MM-DD
    return v;
}

QString stripLabelMarkers(QString label)
{
    // Apple writes its built-in labels as _$!<Anniversary>!$_.
    if (label.startsWith(u"_$!<") && label.endsWith(u">!$_"))
        label = label.mid(4, label.size() - 8);
    return label.trimmed();
}

QString mimeForImage(const QByteArray &bytes, QByteArrayView declared)
{
    if (bytes.startsWith("\xFF\xD8"))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith("\x89PNG"))
        return QStringLiteral("image/png");
    if (bytes.startsWith("GIF8"))
        return QStringLiteral("image/gif");
    if (!declared.isEmpty()) {
        const QString type = QString::fromLatin1(declared).toLower();
        return type.contains(QLatin1Char('/')) ? type : QStringLiteral("image/") + type;
    }
    return QStringLiteral("application/octet-stream");
}

void Parser::addPhoto(Property &property)
{
    if (!m_contact.photo.isEmpty()) {
        keepVerbatim(property);
        return;
    }
    QByteArray data;
    QString declaredType = !property.mediaType.isEmpty() ? QString::fromLatin1(property.mediaType)
                           : property.types.isEmpty()    ? QString()
                                                         : property.types.first();

    QByteArray raw = property.value.toByteArray();
    raw.removeIf([](char c) { return c == ' ' || c == '\t'; });
    // Strict base64, forgiving only misplaced '=' padding (some BlackBerry
    // exports end with a stray one); anything else is reported.
    auto decodeBase64 = [](const QByteArray &text, QByteArray &out) {
        auto strict = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (strict) {
            out = std::move(strict.decoded);
            return true;
        }
        QByteArray unpadded = text;
        unpadded.replace('=', QByteArray());
        auto lenient = QByteArray::fromBase64Encoding(unpadded, QByteArray::AbortOnBase64DecodingErrors);
        if (!lenient)
            return false;
        out = std::move(lenient.decoded);
        return true;
    };
    if (startsWithCI(raw, "DATA:")) {
        // data:image/jpeg;base64,… (some writers escape the comma, or also say ENCODING=b).
        raw.replace("\\,", ",");
        const qsizetype comma = raw.indexOf(',');
        const QByteArrayView header = QByteArrayView(raw).sliced(5, comma > 5 ? comma - 5 : 0);
        if (comma < 0 || !header.endsWith(";base64")) {
            problem(property.line, VCardReader::tr("the photo's data: address is not base64; it was left out."));
            return;
        }
        if (!decodeBase64(raw.mid(comma + 1), data)) {
            problem(property.line, VCardReader::tr("the photo is not valid base64 data; it was left out."));
            return;
        }
        declaredType = QString::fromLatin1(header.first(header.size() - 7));
    } else if (property.encoding == Encoding::Base64) {
        if (!decodeBase64(raw, data)) {
            problem(property.line, VCardReader::tr("the photo is not valid base64 data; it was left out."));
            return;
        }
    } else {
        // A link to a photo on the web: Rapport does not fetch it, but keeps it.
        keepVerbatim(property);
        return;
    }
    if (data.isEmpty())
        return;
    m_contact.photo = std::move(data);
    m_contact.photoMimeType = mimeForImage(m_contact.photo, declaredType.toLatin1());
}

QString Parser::checkedDate(Property &property, bool isText)
{
    const QString raw = unescape(textValue(property)).trimmed();
    const QString date = normalizeDate(raw, isText);
    if (isText || date.isEmpty() || !(date.front().isDigit() || date.startsWith(u'-')))
        return date;
    // Date-like: it must be one of the ISO forms and a day that exists
    // (month 31 is not); otherwise it is kept as the text it was, and said.
    // YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD or ---DD.
    auto shape = [&date](const char *pattern) {
        const qsizetype n = qsizetype(std::strlen(pattern));
        if (date.size() != n)
            return false;
        for (qsizetype i = 0; i < n; ++i) {
            if (pattern[i] == 'd' ? !date.at(i).isDigit() : date.at(i) != QLatin1Char(pattern[i]))
                return false;
        }
        return true;
    };
    bool valid = shape("dddd") || shape("dddd-dd") || shape("dddd-dd-dd") || shape("--dd") || shape("--dd-dd")
                 || shape("---dd");
    if (valid && date.size() == 10 && date.at(4) == u'-')
        valid = QDate::fromString(date, Qt::ISODate).isValid();
    if (valid && date.startsWith(u"--") && date.size() == 7)
        valid = QDate(2000, date.mid(2, 2).toInt(), date.mid(5, 2).toInt()).isValid();
    if (!valid) {
        problem(property.line, VCardReader::tr("“%1” is not a valid date; it was kept as text.").arg(raw));
        return raw;
    }
    return date;
}

void Parser::mapProperty(Property &property)
{
    const QByteArrayView name = property.name;
    // Inlined (GCC and clang): a property's name is tested against a dozen of these.
    auto is = [&name](Upper candidate) __attribute__((always_inline)) { return equalsCI(name, candidate); };

    // The most frequent properties first: each test is cheap, but there are many.
    if (is("EMAIL") || is("TEL") || is("URL")) {
        QString value = unescape(textValue(property)).trimmed();
        QList<ContactField> *list = is("EMAIL") ? &m_contact.emails : is("TEL") ? &m_contact.phones : &m_contact.urls;
        if (list == &m_contact.emails && value.startsWith(u"mailto:", Qt::CaseInsensitive))
            value = value.mid(7);
        if (list == &m_contact.phones && value.startsWith(u"tel:", Qt::CaseInsensitive))
            value = value.mid(4);
        if (value.isEmpty())
            return;
        list->append(ContactField{value, labelFromTypes(property.types), property.preferred});
        if (!property.group.isEmpty())
            m_grouped.append(Grouped{QString::fromLatin1(property.group).toLower(), list, list->size() - 1});
        return;
    }
    if (is("VERSION")) {
        m_version21 = trimmed(property.value).startsWith("2.");
        return;
    }
    if (is("PRODID") || is("REV"))
        return; // written anew on export
    if (is("AGENT")) {
        // 2.1 puts the agent's card on the following lines; 3.0 inlines it.
        m_agentPending = trimmed(property.value).isEmpty();
        ++m_propertyCount;
        if (!m_agentPending)
            keepVerbatim(property);
        return;
    }
    if (is("FN")) {
        const QString fn = unescape(textValue(property)).trimmed();
        if (!fn.isEmpty()) {
            m_contact.displayName = fn;
            m_hasFormattedName = true;
        }
        return;
    }
    if (is("N")) {
        if (m_hasStructuredName)
            return; // the first N wins, as FN, ORG and NICKNAME do
        const QStringList parts = splitEscaped(textValue(property), QLatin1Char(';'));
        m_contact.familyName = parts.value(0).trimmed();
        m_contact.givenName = parts.value(1).trimmed();
        m_contact.additionalNames = parts.value(2).trimmed();
        m_contact.honorificPrefix = parts.value(3).trimmed();
        m_contact.honorificSuffix = parts.value(4).trimmed();
        m_hasStructuredName = !m_contact.familyName.isEmpty() || !m_contact.givenName.isEmpty()
                              || !m_contact.additionalNames.isEmpty();
        return;
    }
    if (is("NICKNAME")) {
        if (m_contact.nickname.isEmpty())
            m_contact.nickname = splitEscaped(textValue(property), QLatin1Char(',')).join(QStringLiteral(", ")).trimmed();
        return;
    }
    if (is("ORG")) {
        QStringList parts = splitEscaped(textValue(property), QLatin1Char(';'));
        parts.removeIf([](const QString &p) { return p.trimmed().isEmpty(); });
        if (m_contact.organization.isEmpty())
            m_contact.organization = parts.join(QStringLiteral(", ")).trimmed();
        return;
    }
    if (is("TITLE")) {
        if (m_contact.title.isEmpty())
            m_contact.title = unescape(textValue(property)).trimmed();
        return;
    }
    if (is("ADR")) {
        const QStringList parts = splitEscaped(textValue(property), QLatin1Char(';'));
        QStringList street;
        for (int i : {0, 1, 2}) {
            if (!parts.value(i).trimmed().isEmpty())
                street << parts.value(i).trimmed();
        }
        PostalAddress address{labelFromTypes(property.types), street.join(QLatin1Char('\n')), parts.value(3).trimmed(),
                              parts.value(4).trimmed(), parts.value(5).trimmed(), parts.value(6).trimmed()};
        if (address.isEmpty())
            return;
        m_contact.addresses.append(address);
        if (!property.group.isEmpty())
            m_groupedAddresses.append({QString::fromLatin1(property.group).toLower(), int(m_contact.addresses.size() - 1)});
        return;
    }
    if (is("X-ABLABEL")) {
        if (!property.group.isEmpty())
            m_groupLabels.insert(QString::fromLatin1(property.group).toLower(),
                                 stripLabelMarkers(unescape(textValue(property))));
        return;
    }
    if (is("BDAY")) {
        if (m_contact.birthday.isEmpty())
            m_contact.birthday = checkedDate(property, equalsCI(property.valueType, "TEXT"));
        return;
    }
    if (is("ANNIVERSARY") || is("X-ANNIVERSARY") || is("X-MS-ANNIVERSARY") || is("X-EVOLUTION-ANNIVERSARY")) {
        if (m_contact.anniversary.isEmpty())
            m_contact.anniversary = checkedDate(property, equalsCI(property.valueType, "TEXT"));
        return;
    }
    if (is("X-ABDATE")) {
        // Its label (Apple's _$!<Anniversary>!$_) may come after it: decided
        // when the card ends.
        m_groupedDates.append(GroupedDate{QString::fromLatin1(property.group).toLower(),
                                          normalizeDate(unescape(textValue(property)), false),
                                          QString::fromUtf8(property.head) + QString::fromUtf8(property.value)});
        return;
    }
    if (is("NOTE")) {
        const QString note = unescape(textValue(property)).trimmed();
        if (!note.isEmpty())
            m_notes.append(note);
        return;
    }
    if (is("CATEGORIES")) {
        for (const QString &raw : splitEscaped(textValue(property), QLatin1Char(','))) {
            const QString tag = raw.trimmed();
            if (!tag.isEmpty() && !m_contact.tags.contains(tag, Qt::CaseInsensitive))
                m_contact.tags.append(tag);
        }
        return;
    }
    if (is("UID")) {
        if (m_contact.uid.isEmpty())
            m_contact.uid = unescape(textValue(property)).trimmed();
        return;
    }
    if (is("PHOTO")) {
        addPhoto(property);
        return;
    }
    if (is("IMPP")) {
        const QString value = unescape(textValue(property)).trimmed();
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        if (colon > 0)
            m_contact.socialProfiles.append(SocialProfile{value.left(colon).toLower(), value.mid(colon + 1)});
        else if (!value.isEmpty())
            m_contact.socialProfiles.append(SocialProfile{labelFromTypes(property.types), value});
        return;
    }
    if (is("X-SOCIALPROFILE")) {
        const QString value = unescape(textValue(property)).trimmed();
        QString service = property.types.isEmpty() ? QString() : property.types.first();
        if (!value.isEmpty())
            m_contact.socialProfiles.append(SocialProfile{service, value});
        return;
    }
    static const char *const socialProperties[][2] = {
        {"X-TWITTER", "twitter"},   {"X-LINKEDIN", "linkedin"}, {"X-FACEBOOK", "facebook"},
        {"X-INSTAGRAM", "instagram"}, {"X-MASTODON", "mastodon"}, {"X-SKYPE", "skype"},
        {"X-SKYPE-USERNAME", "skype"}, {"X-AIM", "aim"},         {"X-JABBER", "xmpp"},
        {"X-GTALK", "gtalk"},       {"X-GOOGLE-TALK", "gtalk"}, {"X-ICQ", "icq"},
        {"X-MSN", "msn"},           {"X-YAHOO", "yahoo"},       {"X-QQ", "qq"},
    };
    for (const auto &entry : socialProperties) {
        if (name.size() == qsizetype(std::strlen(entry[0])) && qstrnicmp(name.data(), entry[0], name.size()) == 0) {
            const QString value = unescape(textValue(property)).trimmed();
            if (!value.isEmpty())
                m_contact.socialProfiles.append(SocialProfile{QString::fromLatin1(entry[1]), value});
            return;
        }
    }
    keepVerbatim(property);
}

void Parser::finishCard(int beginLine)
{
    for (const Grouped &grouped : std::as_const(m_grouped)) {
        const QString label = m_groupLabels.value(grouped.group);
        if (!label.isEmpty())
            (*grouped.list)[grouped.index].label = label;
    }
    for (const auto &[group, index] : std::as_const(m_groupedAddresses)) {
        const QString label = m_groupLabels.value(group);
        if (!label.isEmpty())
            m_contact.addresses[index].label = label;
    }
    for (const GroupedDate &date : std::as_const(m_groupedDates)) {
        const QString label = m_groupLabels.value(date.group);
        if (label.compare(u"anniversary", Qt::CaseInsensitive) == 0 && m_contact.anniversary.isEmpty()) {
            m_contact.anniversary = date.date;
        } else {
            // Kept with its label so that an export says what the date is.
            m_contact.extraProperties += date.raw + QLatin1String("\r\n");
            if (!label.isEmpty())
                m_contact.extraProperties += date.group + QStringLiteral(".X-ABLabel:") + label + QLatin1String("\r\n");
        }
    }
    m_contact.notes = m_notes.size() == 1 ? std::move(m_notes.first()) : m_notes.join(QStringLiteral("\n\n"));

    if (m_contact.name().isEmpty()) {
        // Known only by a number, a nickname, a web address or a profile.
        if (!m_contact.phones.isEmpty())
            m_contact.displayName = m_contact.phones.constFirst().value;
        else if (!m_contact.nickname.isEmpty())
            m_contact.displayName = m_contact.nickname;
        else if (!m_contact.socialProfiles.isEmpty())
            m_contact.displayName = m_contact.socialProfiles.constFirst().handle;
        else if (!m_contact.urls.isEmpty())
            m_contact.displayName = m_contact.urls.constFirst().value;
        else if (!m_contact.addresses.isEmpty())
            m_contact.displayName = VCardReader::tr("Contact at %1")
                                        .arg(m_contact.addresses.constFirst().locality.isEmpty()
                                                 ? m_contact.addresses.constFirst().street.section(QLatin1Char('\n'), 0, 0)
                                                 : m_contact.addresses.constFirst().locality);
        else if (m_propertyCount > 0)
            // Something is there (a photo, a note, properties of its own): keep
            // it rather than lose it, under a name the user can change.
            m_contact.displayName = VCardReader::tr("Unnamed contact (%1, line %2)").arg(m_fileName).arg(beginLine);
    }
    if (m_contact.name().isEmpty()) {
        ++m_result.skippedCards;
        m_result.skippedLines.append(beginLine);
        problem(beginLine, VCardReader::tr("the card that begins here has no name (FN or N), organization or "
                                           "email address, nor anything else; it was skipped."));
        return;
    }
    if (!m_hasFormattedName && !m_hasStructuredName) {
        problem(beginLine, VCardReader::tr("the card that begins here has no name (FN or N); it was named "
                                           "“%1” after its other details.")
                               .arg(m_contact.name()));
    }
    if (m_sink) {
        if (!m_sink(ParsedCard{std::move(m_contact), beginLine}))
            m_stopped = true;
    } else {
        m_result.cards.append(ParsedCard{std::move(m_contact), beginLine});
    }
}

/// The start of a line "BEGIN:VCARD" at or after `from`, or -1.
qsizetype cardBoundaryNear(QByteArrayView bytes, qsizetype from)
{
    static const QByteArrayMatcher begin(QByteArrayLiteral("\nBEGIN:VCARD"));
    const qsizetype at = begin.indexIn(bytes, from);
    return at < 0 ? -1 : at + 1;
}

/// UTF-16 files (with a BOM, or plainly "B\0E\0" / "\0B\0E") become UTF-8;
/// a UTF-8 BOM is dropped.
QByteArray toUtf8(QByteArrayView data, bool &converted)
{
    converted = false;
    QStringDecoder::Encoding encoding = QStringDecoder::Utf8;
    qsizetype skip = 0;
    if (data.startsWith("\xFF\xFE")) {
        encoding = QStringDecoder::Utf16LE;
        skip = 2;
    } else if (data.startsWith("\xFE\xFF")) {
        encoding = QStringDecoder::Utf16BE;
        skip = 2;
    } else if (data.size() >= 4 && data[1] == '\0' && data[3] == '\0' && data[0] != '\0') {
        encoding = QStringDecoder::Utf16LE;
    } else if (data.size() >= 4 && data[0] == '\0' && data[2] == '\0' && data[1] != '\0') {
        encoding = QStringDecoder::Utf16BE;
    } else {
        return {};
    }
    converted = true;
    QStringDecoder decoder(encoding);
    return QString(decoder(data.sliced(skip))).toUtf8();
}

} // namespace

VCardParseResult VCardReader::parse(QByteArrayView data, const QString &fileName)
{
    return parse(data, fileName, CardSink());
}

VCardParseResult VCardReader::parseFile(const QString &path)
{
    return parseFile(path, CardSink());
}

VCardParseResult VCardReader::parse(QByteArrayView data, const QString &fileName, const CardSink &sink)
{
    bool converted = false;
    const QByteArray utf8 = toUtf8(data, converted);
    QByteArrayView bytes = converted ? QByteArrayView(utf8) : data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    // A large file read whole (not streamed) is read in two halves on two
    // threads, split before a BEGIN:VCARD near the middle.
    const qsizetype split = sink || bytes.size() < (4 << 20) || std::thread::hardware_concurrency() < 2
                                ? -1
                                : cardBoundaryNear(bytes, bytes.size() / 2);
    if (split <= 0) {
        Parser parser(bytes, fileName, sink);
        return parser.run();
    }
    Parser first(bytes.first(split), fileName, sink);
    Parser second(bytes.sliced(split), fileName, sink);
    std::thread other([&second] { second.scan(); });
    first.scan();
    other.join();
    first.absorb(std::move(second));
    return first.finish();
}

VCardParseResult VCardReader::parseFile(const QString &path, const CardSink &sink)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        VCardParseResult result;
        result.fileError = tr("%1: the file cannot be read: %2").arg(name, file.errorString());
        return result;
    }
    // Mapped rather than read: a large export is not copied into memory twice.
    const qint64 size = file.size();
    if (size > 0) {
        if (uchar *mapped = file.map(0, size)) {
            VCardParseResult result =
                parse(QByteArrayView(reinterpret_cast<const char *>(mapped), size), name, sink);
            file.unmap(mapped);
            return result;
        }
    }
    return parse(file.readAll(), name, sink);
}

} // namespace Rapport::Core
