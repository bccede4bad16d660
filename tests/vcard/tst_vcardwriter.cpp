// VCardWriter, golden-file style (after KDE kcontacts' testroundtrip): every
// tests/data/roundtrip/*.vcf is a row; it is read, written as vCard 4.0 and 3.0,
// and the output must equal <name>.4.0.ref / <name>.3.0.ref beside it. The
// reference files hold "@RAPPORT_VERSION@" where PRODID names the version.
//
// To write the reference files anew, run with RAPPORT_REGENERATE_REFS=1, then
// read every changed line before committing it: the references are the spec.

#include "contactcomparison.h"
#include "vcard/vcardreader.h"
#include "vcard/vcardwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Rapport::Core;
using namespace Qt::StringLiterals;
using Rapport::Test::contactDifferences;

Q_DECLARE_METATYPE(Rapport::Core::VCardWriter::Version)

namespace {

const QString dataDir = QStringLiteral(RAPPORT_TEST_DATA_DIR "/roundtrip");
const QByteArray versionPlaceholder = QByteArrayLiteral("@RAPPORT_VERSION@");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString versionName(VCardWriter::Version version)
{
    return version == VCardWriter::Version::V4_0 ? u"4.0"_s : u"3.0"_s;
}

/// One row per input file and version.
void addRoundTripRows()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<VCardWriter::Version>("version");

    const QStringList inputs = QDir(dataDir).entryList({u"*.vcf"_s}, QDir::Files, QDir::Name);
    if (inputs.isEmpty())
        qFatal("no round-trip inputs in %s", qPrintable(dataDir));
    for (const QString &input : inputs) {
        for (const auto version : {VCardWriter::Version::V4_0, VCardWriter::Version::V3_0}) {
            const QString row = QStringLiteral("%1 written as vCard %2").arg(input, versionName(version));
            QTest::newRow(qPrintable(row)) << input << version;
        }
    }
}

QList<Contact> contactsOf(const VCardParseResult &result)
{
    QList<Contact> contacts;
    for (const ParsedCard &card : result.cards)
        contacts << card.contact;
    return contacts;
}

/// The physical lines of `text`, each with its line break.
QList<QByteArray> physicalLines(const QByteArray &text)
{
    QList<QByteArray> out;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        out << text.mid(start, end - start);
        start = end;
    }
    return out;
}

/// The text of a folded vCard with its folds undone (CRLF followed by a space).
QByteArray unfolded(QByteArray text)
{
    return text.replace("\r\n ", "");
}

} // namespace

class TestVCardWriter : public QObject
{
    Q_OBJECT

private slots:
    void write_roundTripInput_equalsReferenceFile_data() { addRoundTripRows(); }
    void write_roundTripInput_equalsReferenceFile();
    void write_roundTripInput_foldsAt75OctetsWithCrlf_data() { addRoundTripRows(); }
    void write_roundTripInput_foldsAt75OctetsWithCrlf();
    void readWriteRead_roundTripInput_yieldsSameContacts_data() { addRoundTripRows(); }
    void readWriteRead_roundTripInput_yieldsSameContacts();

    void write_longValue_foldsWithoutSplittingUtf8_data();
    void write_longValue_foldsWithoutSplittingUtf8();
    void write_specialCharacters_areEscaped_data();
    void write_specialCharacters_areEscaped();
    void write_minimalContact_hasTheRequiredProperties_data() { addVersionRows(); }
    void write_minimalContact_hasTheRequiredProperties();
    void write_severalContacts_writesOneCardEach();
    void writeRead_label_keepsItsSpelling_data();
    void writeRead_label_keepsItsSpelling();

private:
    static void addVersionRows()
    {
        QTest::addColumn<VCardWriter::Version>("version");
        QTest::newRow("vCard 4.0") << VCardWriter::Version::V4_0;
        QTest::newRow("vCard 3.0") << VCardWriter::Version::V3_0;
    }
};

void TestVCardWriter::write_roundTripInput_equalsReferenceFile()
{
    QFETCH(QString, input);
    QFETCH(VCardWriter::Version, version);

    const VCardParseResult parsed = VCardReader::parseFile(dataDir + u'/' + input);
    QVERIFY2(parsed.isVCard(), qPrintable(parsed.fileError));
    QVERIFY(!parsed.cards.isEmpty());
    const QByteArray output = VCardWriter::write(contactsOf(parsed), version);

    const QString refPath = dataDir + u'/' + QFileInfo(input).completeBaseName() + u'.' + versionName(version) + u".ref"_s;
    if (qEnvironmentVariableIsSet("RAPPORT_REGENERATE_REFS")) {
        QFile ref(refPath);
        QVERIFY(ref.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ref.write(QByteArray(output).replace(QByteArrayLiteral(RAPPORT_VERSION), versionPlaceholder));
        QSKIP("reference file written; read it before trusting it");
    }
    const QByteArray reference = readAll(refPath).replace(versionPlaceholder, QByteArrayLiteral(RAPPORT_VERSION));
    QVERIFY2(!reference.isEmpty(), qPrintable(u"missing reference file "_s + refPath));

    if (output != reference) {
        // Keep the output beside the test binary for a diff.
        const QString outPath = QDir(QCoreApplication::applicationDirPath())
                                    .filePath(QFileInfo(refPath).fileName().replace(u".ref"_s, u".out"_s));
        QFile out(outPath);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(output);
        const QList<QByteArray> actualLines = physicalLines(output);
        const QList<QByteArray> expectedLines = physicalLines(reference);
        for (qsizetype i = 0; i < std::max(actualLines.size(), expectedLines.size()); ++i) {
            const QByteArray actual = actualLines.value(i, "<end of output>");
            const QByteArray expected = expectedLines.value(i, "<end of reference>");
            if (actual != expected) {
                const QString message = QStringLiteral("%1 line %2 differs (output kept in %3)")
                                            .arg(QFileInfo(refPath).fileName())
                                            .arg(i + 1)
                                            .arg(outPath);
                qWarning().noquote() << message;
                QCOMPARE(actual, expected);
            }
        }
    }
}

void TestVCardWriter::write_roundTripInput_foldsAt75OctetsWithCrlf()
{
    QFETCH(QString, input);
    QFETCH(VCardWriter::Version, version);

    const VCardParseResult parsed = VCardReader::parseFile(dataDir + u'/' + input);
    QVERIFY(!parsed.cards.isEmpty());
    const QByteArray output = VCardWriter::write(contactsOf(parsed), version);
    QVERIFY(output.endsWith("END:VCARD\r\n"));

    int number = 0;
    for (const QByteArray &line : physicalLines(output)) {
        ++number;
        const QByteArray where = "line " + QByteArray::number(number) + ": " + line.left(40);
        QVERIFY2(line.endsWith("\r\n"), where.constData());
        const QByteArrayView content = QByteArrayView(line).chopped(2);
        QVERIFY2(content.size() <= 75, where.constData());
        QVERIFY2(!content.contains('\r') && !content.contains('\n'), where.constData());
        // A fold must not split a UTF-8 sequence: each physical line is valid UTF-8 on its own.
        QVERIFY2(content.isValidUtf8(), where.constData());
        QVERIFY2(!content.isEmpty(), where.constData());
    }
}

void TestVCardWriter::readWriteRead_roundTripInput_yieldsSameContacts()
{
    QFETCH(QString, input);
    QFETCH(VCardWriter::Version, version);

    const VCardParseResult first = VCardReader::parseFile(dataDir + u'/' + input);
    QVERIFY2(first.isVCard(), qPrintable(first.fileError));
    const QList<Contact> before = contactsOf(first);
    QVERIFY(!before.isEmpty());

    const VCardParseResult second = VCardReader::parse(VCardWriter::write(before, version), u"written.vcf"_s);
    QVERIFY2(second.isVCard(), qPrintable(second.fileError));
    QStringList problems;
    for (const VCardProblem &problem : second.problems)
        problems << problem.toString();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QList<Contact> after = contactsOf(second);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QStringList differences = contactDifferences(before.at(i), after.at(i));
        QVERIFY2(differences.isEmpty(),
                 qPrintable(QStringLiteral("card %1: ").arg(i + 1) + differences.join(QStringLiteral("; "))));
    }
}

void TestVCardWriter::write_longValue_foldsWithoutSplittingUtf8_data()
{
    QTest::addColumn<QString>("note");

    // Every offset of a two-, three- and four-byte character against the fold.
    for (int pad = 0; pad < 4; ++pad) {
        const QString padding(pad, u'x');
        QTest::newRow(qPrintable(QStringLiteral("Two-byte characters after %1 ASCII byte(s)").arg(pad)))
            << padding + QString(120, QChar(0xE9));
        QTest::newRow(qPrintable(QStringLiteral("Three-byte characters after %1 ASCII byte(s)").arg(pad)))
            << padding + QString::fromUtf8("日本語のメモ").repeated(20);
        QTest::newRow(qPrintable(QStringLiteral("Four-byte characters after %1 ASCII byte(s)").arg(pad)))
            << padding + QString::fromUtf8("🎉").repeated(60);
    }
    QTest::newRow("A value of exactly 75 octets is not folded") << QString(70, u'a');
    QTest::newRow("A value one octet longer is folded") << QString(71, u'a');
    QTest::newRow("Escapes near the fold") << QString::fromUtf8("a,b;c\\d\ne").repeated(30);
}

void TestVCardWriter::write_longValue_foldsWithoutSplittingUtf8()
{
    QFETCH(QString, note);

    Contact contact;
    contact.displayName = u"Jane Doe"_s;
    contact.notes = note;
    const QByteArray output = VCardWriter::write(contact, VCardWriter::Version::V4_0);

    const QList<QByteArray> physical = physicalLines(output);
    qsizetype noteLines = 0;
    bool inNote = false;
    for (const QByteArray &line : physical) {
        const QByteArrayView content = QByteArrayView(line).chopped(2);
        QVERIFY2(line.endsWith("\r\n"), line.constData());
        QVERIFY2(content.size() <= 75, line.constData());
        QVERIFY2(content.isValidUtf8(), line.constData());
        if (content.startsWith("NOTE:"))
            inNote = true;
        else if (!content.startsWith(" "))
            inNote = false;
        noteLines += inNote ? 1 : 0;
    }
    // "NOTE:" + 70 octets is 75: one line; one octet more must fold.
    if (note == QString(70, u'a'))
        QCOMPARE(noteLines, 1);
    if (note == QString(71, u'a'))
        QCOMPARE(noteLines, 2);

    // Folding loses nothing.
    const VCardParseResult read = VCardReader::parse(output, u"folded.vcf"_s);
    QCOMPARE(read.cards.size(), 1);
    QCOMPARE(read.cards.constFirst().contact.notes, note);
    QVERIFY(unfolded(output).contains("\r\nNOTE:"));
}

void TestVCardWriter::write_specialCharacters_areEscaped_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("escaped");

    QTest::newRow("A comma") << u"a,b"_s << QByteArray("a\\,b");
    QTest::newRow("A semicolon") << u"a;b"_s << QByteArray("a\\;b");
    QTest::newRow("A backslash") << u"C:\\temp"_s << QByteArray("C:\\\\temp");
    QTest::newRow("A line feed") << u"one\ntwo"_s << QByteArray("one\\ntwo");
    QTest::newRow("A CR LF becomes one escaped line feed") << u"one\r\ntwo"_s << QByteArray("one\\ntwo");
    QTest::newRow("A colon is not escaped") << u"10:30"_s << QByteArray("10:30");
    QTest::newRow("Non-ASCII text is written as UTF-8") << u"Zoë 日本"_s << QByteArray("Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC");
}

void TestVCardWriter::write_specialCharacters_areEscaped()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, escaped);

    Contact contact;
    contact.displayName = u"Jane Doe"_s;
    contact.notes = value;
    contact.title = value;
    contact.familyName = value;
    for (const auto version : {VCardWriter::Version::V4_0, VCardWriter::Version::V3_0}) {
        const QByteArray output = unfolded(VCardWriter::write(contact, version));
        QVERIFY2(output.contains("\r\nNOTE:" + escaped + "\r\n"), output.constData());
        QVERIFY2(output.contains("\r\nTITLE:" + escaped + "\r\n"), output.constData());
        QVERIFY2(output.contains("\r\nN:" + escaped + ";;;;\r\n"), output.constData());
    }
}

void TestVCardWriter::write_minimalContact_hasTheRequiredProperties()
{
    QFETCH(VCardWriter::Version, version);

    Contact contact;
    contact.organization = u"Acme Inc."_s;
    const QByteArray output = VCardWriter::write(contact, version);
    const QList<QByteArray> physical = physicalLines(output);
    QVERIFY(physical.size() >= 5);
    QCOMPARE(physical.constFirst(), QByteArray("BEGIN:VCARD\r\n"));
    QCOMPARE(physical.at(1), version == VCardWriter::Version::V4_0 ? QByteArray("VERSION:4.0\r\n")
                                                                   : QByteArray("VERSION:3.0\r\n"));
    QCOMPARE(physical.constLast(), QByteArray("END:VCARD\r\n"));
    // FN is required in 3.0 and 4.0; N is required in 3.0.
    QVERIFY2(physical.contains(QByteArray("FN:Acme Inc.\r\n")), output.constData());
    QVERIFY2(physical.contains(QByteArray("N:;;;;\r\n")), output.constData());
    QVERIFY2(physical.contains(QByteArray("ORG:Acme Inc.\r\n")), output.constData());
}

void TestVCardWriter::write_severalContacts_writesOneCardEach()
{
    Contact a;
    a.displayName = u"Ann"_s;
    Contact b;
    b.displayName = u"Bob"_s;
    const QByteArray output = VCardWriter::write(QList<Contact>{a, b}, VCardWriter::Version::V4_0);
    QCOMPARE(output.count("BEGIN:VCARD\r\n"), 2);
    QCOMPARE(output.count("END:VCARD\r\n"), 2);
    const VCardParseResult read = VCardReader::parse(output, u"two.vcf"_s);
    QCOMPARE(read.cards.size(), 2);
    QCOMPARE(read.cards.at(0).contact.displayName, u"Ann"_s);
    QCOMPARE(read.cards.at(1).contact.displayName, u"Bob"_s);
}

void TestVCardWriter::writeRead_label_keepsItsSpelling_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<VCardWriter::Version>("version");

    for (const auto version : {VCardWriter::Version::V4_0, VCardWriter::Version::V3_0}) {
        const QString v = versionName(version);
        QTest::newRow(qPrintable(u"A lower-case vCard type in "_s + v)) << u"work"_s << version;
        QTest::newRow(qPrintable(u"The label mobile in "_s + v)) << u"mobile"_s << version;
        QTest::newRow(qPrintable(u"A capitalised custom label in "_s + v)) << u"Studio"_s << version;
        QTest::newRow(qPrintable(u"An Apple built-in label in "_s + v)) << u"HomePage"_s << version;
        QTest::newRow(qPrintable(u"A custom label of two words in "_s + v)) << u"Portfolio site"_s << version;
        QTest::newRow(qPrintable(u"A custom label with a comma in "_s + v)) << u"Office, 2nd floor"_s << version;
    }
}

void TestVCardWriter::writeRead_label_keepsItsSpelling()
{
    QFETCH(QString, label);
    QFETCH(VCardWriter::Version, version);

    Contact contact;
    contact.displayName = u"Jane Doe"_s;
    contact.emails = {ContactField{u"jane@example.com"_s, label, false}};
    contact.phones = {ContactField{u"+1 555 0100"_s, label, true}};
    contact.urls = {ContactField{u"https://example.com"_s, label, false}};
    const QByteArray output = VCardWriter::write(contact, version);
    const VCardParseResult read = VCardReader::parse(output, u"labels.vcf"_s);
    QCOMPARE(read.cards.size(), 1);
    const Contact &back = read.cards.constFirst().contact;
    QVERIFY2(back.emails == contact.emails, qPrintable(Rapport::Test::describeFields(back.emails)));
    QVERIFY2(back.phones == contact.phones, qPrintable(Rapport::Test::describeFields(back.phones)));
    QVERIFY2(back.urls == contact.urls, qPrintable(Rapport::Test::describeFields(back.urls)));
}

QTEST_GUILESS_MAIN(TestVCardWriter)
#include "tst_vcardwriter.moc"
