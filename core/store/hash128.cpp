#include "hash128.h"

#include <QRandomGenerator>
#include <QtEndian>

// Debian's libxxhash, inlined.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace Rapport::Core {

Hash128 Hash128::of(const void *data, qsizetype size, quint64 seed)
{
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_withSeed(data, size_t(size), seed));
    Hash128 hash;
    static_assert(sizeof canonical.digest == sizeof hash.bytes);
    std::memcpy(hash.bytes.data(), canonical.digest, sizeof hash.bytes);
    return hash;
}

Hash128 Hash128::keyed(QByteArrayView bytes)
{
    // Two XXH3-64 hashes under two secret seeds. Under one secret seed, two
    // messages someone chose can collide with a probability of about 2^-27
    // (xxHash issue 1127: complement the first 8-byte word, for messages of
    // 17 to 240 bytes, which is where emails and names fall); under two
    // independent seeds both halves must, about 2^-54. (Qt's seeded qHash()
    // twice was as strong but took 0.09 s more to import 100,000 cards.)
    static const std::array<quint64, 2> seeds = [] {
        QRandomGenerator *random = QRandomGenerator::system();
        return std::array<quint64, 2>{random->generate64(), random->generate64()};
    }();
    const quint64 halves[2] = {qToBigEndian(quint64(XXH3_64bits_withSeed(bytes.data(), size_t(bytes.size()), seeds[0]))),
                               qToBigEndian(quint64(XXH3_64bits_withSeed(bytes.data(), size_t(bytes.size()), seeds[1])))};
    Hash128 hash;
    static_assert(sizeof halves == sizeof hash.bytes);
    std::memcpy(hash.bytes.data(), halves, sizeof halves);
    return hash;
}

std::optional<Hash128> Hash128::fromBytes(QByteArrayView bytes)
{
    Hash128 hash;
    if (bytes.size() != qsizetype(hash.bytes.size()))
        return std::nullopt;
    std::memcpy(hash.bytes.data(), bytes.data(), hash.bytes.size());
    return hash;
}

} // namespace Rapport::Core
