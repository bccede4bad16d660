#include "vcard/vcardreader.h"
#include "vcard/vcardwriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Rapport::Core;

/// Every input the fuzzer ever crashed the reader with, replayed: it must now
/// read (as cards or problems) and what it yields must survive a round trip.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void input_readsAndRoundTrips_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(RAPPORT_FUZZ_REGRESSIONS_DIR));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), "the regression folder must not be empty");
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void input_readsAndRoundTrips()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const VCardParseResult result = VCardReader::parse(bytes, QStringLiteral("regression.vcf"));
        QVERIFY(result.isVCard() || result.cards.isEmpty());
        for (const ParsedCard &card : result.cards) {
            for (auto version : {VCardWriter::Version::V3_0, VCardWriter::Version::V4_0}) {
                const VCardParseResult again =
                    VCardReader::parse(VCardWriter::write(card.contact, version), QStringLiteral("again.vcf"));
                QVERIFY(again.isVCard());
                QCOMPARE(again.cards.size(), 1);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
