#pragma once

#include <QByteArrayView>
#include <QHashFunctions>

#include <array>
#include <cstring>
#include <optional>

namespace Rapport::Core {

/// 128 bits of hash, held by value: no allocation, compared as 16 bytes and
/// put in a QHash by its first eight (mixed with the table's seed). It stands
/// for text an import only needs to tell apart (a card, a matching key, a
/// tag): two different inputs with the same 128 bits are far less likely
/// than a disk error.
struct Hash128
{
    std::array<unsigned char, 16> bytes{};

    /// XXH3-128 of `size` bytes at `data`, under `seed`: fast, the same in
    /// every run (what a data file may store), but made for data, not for
    /// inputs someone crafted to collide.
    static Hash128 of(const void *data, qsizetype size, quint64 seed = 0);
    /// A key that only lives in this process's memory (a matching key, a tag
    /// in a cache): two halves hashed under two seeds drawn when the program
    /// starts, so that nobody who writes a file can make two keys collide.
    static Hash128 keyed(QByteArrayView bytes);
    /// The hash whose bytes() are these; none unless there are 16 of them.
    static std::optional<Hash128> fromBytes(QByteArrayView bytes);
    QByteArrayView view() const { return QByteArrayView(bytes.data(), qsizetype(bytes.size())); }
    friend bool operator==(const Hash128 &, const Hash128 &) = default;
};

inline size_t qHash(const Hash128 &hash, size_t seed = 0) noexcept
{
    quint64 word = 0;
    std::memcpy(&word, hash.bytes.data(), sizeof word);
    return QT_PREPEND_NAMESPACE(qHash)(word, seed);
}

} // namespace Rapport::Core
