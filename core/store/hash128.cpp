#include "hash128.h"

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

std::optional<Hash128> Hash128::fromBytes(QByteArrayView bytes)
{
    Hash128 hash;
    if (bytes.size() != qsizetype(hash.bytes.size()))
        return std::nullopt;
    std::memcpy(hash.bytes.data(), bytes.data(), hash.bytes.size());
    return hash;
}

} // namespace Rapport::Core
