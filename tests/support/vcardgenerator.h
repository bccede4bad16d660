#pragma once

#include <QByteArray>

namespace Rapport::Test {

enum class CardDetail { Full, NameAndEmail };

/// `count` vCard 3.0 cards, numbered from `first`: card n is "Person n" with
/// person.n@example.org and, in full, a phone, an organization and a two-line
/// note. The same numbers always give the same bytes; importing full cards
/// over name-and-email ones merges the details in.
QByteArray generatedVCards(int first, int count, CardDetail detail = CardDetail::Full);

} // namespace Rapport::Test
