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
    static const std::array<size_t, 2> seeds = [] {
        QRandomGenerator *random = QRandomGenerator::system();
        return std::array<size_t, 2>{size_t(random->generate64()), size_t(random->generate64())};
    }();
    Hash128 hash;
    const quint64 halves[2] = {qToBigEndian(quint64(QT_PREPEND_NAMESPACE(qHash)(bytes, seeds[0]))),
                               qToBigEndian(quint64(QT_PREPEND_NAMESPACE(qHash)(bytes, seeds[1])))};
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
