// libFuzzer target for the vCard reader: any bytes must come back as cards or
// problems, never a crash, a hang or a sanitizer report. Every card read is
// also written (3.0 and 4.0) and read again, so the writer gets fuzzed too,
// and made into the rows an import writes, with the digest that recognises it.
//
// Build: cmake -S . -B build-fuzz -G Ninja -DRAPPORT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
// Run:   build-fuzz/tests/fuzz/fuzz_vcard -max_total_time=600 -max_len=65536 CORPUS_DIR ../shared/vcard-corpus

#include "store/bulkcontactwriter.h"
#include "vcard/vcardreader.h"
#include "vcard/vcardwriter.h"

#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Rapport::Core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const VCardParseResult result =
        VCardReader::parse(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.vcf"));
    for (const ParsedCard &card : result.cards) {
        // The same card gives the same digest.
        const Hash128 digest = EncodedContact(card.contact).digest();
        if (EncodedContact(card.contact).digest() != digest)
            __builtin_trap();
        for (auto version : {VCardWriter::Version::V3_0, VCardWriter::Version::V4_0}) {
            const QByteArray written = VCardWriter::write(card.contact, version);
            const VCardParseResult again = VCardReader::parse(written, QStringLiteral("again.vcf"));
            // What Rapport writes, Rapport reads: one card, a file and not an error.
            if (!again.isVCard() || again.cards.size() != 1)
                __builtin_trap();
        }
    }
    return 0;
}
