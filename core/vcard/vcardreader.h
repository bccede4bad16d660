#pragma once

#include "domain/contact.h"
#include "vcardproblem.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace Rapport::Core {

/// One card read from a file, mapped to the contact model.
struct ParsedCard
{
    Contact contact;
    /// The line of its BEGIN:VCARD.
    int line = 0;
};

/// What reading one file produced. `fileError` is set when the file is not a
/// vCard at all (binary, HTML, empty): then `cards` is empty. Otherwise every
/// well-formed card is in `cards`; each card that had to be skipped and each
/// property that could not be understood is reported in `problems`.
struct VCardParseResult
{
    QList<ParsedCard> cards;
    QList<VCardProblem> problems;
    int skippedCards = 0;
    /// The line of each skipped card's BEGIN:VCARD.
    QList<int> skippedLines;
    QString fileError;

    bool isVCard() const { return fileError.isEmpty(); }
};

/// Reads vCard 2.1, 3.0 and 4.0: any line endings, folding, UTF-8/UTF-16 with a
/// BOM, quoted-printable, character sets, base64 and data: photos, groups with
/// Apple labels. Properties it does not map are kept in
/// Contact::extraProperties so that an export does not lose them.
class VCardReader
{
    Q_DECLARE_TR_FUNCTIONS(Rapport::Core::VCardReader)

public:
    /// Receives each card as soon as it is read; return false to stop reading.
    using CardSink = std::function<bool(ParsedCard &&card)>;

    /// Parses the bytes of one file; `fileName` is used in problems.
    static VCardParseResult parse(QByteArrayView data, const QString &fileName);
    /// Reads and parses a file; an unreadable file is a fileError.
    static VCardParseResult parseFile(const QString &path);
    /// The streaming form: cards go to `sink` one by one instead of into the
    /// result, so that memory does not grow with the file.
    static VCardParseResult parseFile(const QString &path, const CardSink &sink);
    static VCardParseResult parse(QByteArrayView data, const QString &fileName, const CardSink &sink);
};

} // namespace Rapport::Core
