#pragma once

#include "domain/contact.h"

#include <QByteArray>
#include <QList>

namespace Rapport::Core {

/// Writes contacts as vCard 3.0 or 4.0 (RFC 2426 / RFC 6350): CRLF, lines
/// folded at 75 octets without splitting a UTF-8 sequence, text escaped.
/// Properties kept from an import are written back as they came.
class VCardWriter
{
public:
    enum class Version { V3_0, V4_0 };

    static QByteArray write(const Contact &contact, Version version);
    static QByteArray write(const QList<Contact> &contacts, Version version);
};

} // namespace Rapport::Core
