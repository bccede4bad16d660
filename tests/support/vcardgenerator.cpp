#include "vcardgenerator.h"

namespace Rapport::Test {

QByteArray generatedVCards(int first, int count, CardDetail detail)
{
    QByteArray cards;
    cards.reserve(qsizetype(count) * 220);
    for (int n = first; n < first + count; ++n) {
        const QByteArray number = QByteArray::number(n);
        cards += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
        cards += "FN:Person " + number + "\r\n";
        cards += "N:" + number + ";Person;;;\r\n";
        cards += "EMAIL;TYPE=work:person." + number + "@example.org\r\n";
        if (detail == CardDetail::NameAndEmail) {
            cards += "END:VCARD\r\n";
            continue;
        }
        cards += "TEL;TYPE=cell:+1 555 " + QByteArray::number(1000000 + n) + "\r\n";
        cards += "ORG:Studio " + QByteArray::number(n % 97) + "\r\n";
        cards += "NOTE:Met at workshop " + QByteArray::number(n % 13) + "\\nFollow up about the brochure\r\n";
        cards += "END:VCARD\r\n";
    }
    return cards;
}

} // namespace Rapport::Test
