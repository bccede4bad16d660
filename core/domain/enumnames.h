#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <optional>

namespace Rapport::Core::EnumNames {

/// Lookups over a constexpr table of {value, key, display} entries, shared by
/// the enums whose keys are stored in the data file and typed on the command
/// line. `context` is the translation context of the display names.

template<typename Table, typename Enum>
QString key(const Table &table, Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.key);
    }
    return QString::fromLatin1(table.front().key);
}

template<typename Enum, typename Table>
std::optional<Enum> fromKey(const Table &table, QStringView key)
{
    for (const auto &entry : table) {
        if (key.compare(QLatin1StringView(entry.key), Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    return std::nullopt;
}

template<typename Table, typename Enum>
QString displayName(const Table &table, Enum value, const char *context)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QCoreApplication::translate(context, entry.display);
    }
    return {};
}

/// A key as people type it: trimmed, lower case, '_' and ' ' read as '-'.
inline QString normalizedKey(QStringView key)
{
    QString normalized = key.trimmed().toString().toLower();
    normalized.replace(QLatin1Char('_'), QLatin1Char('-'));
    normalized.replace(QLatin1Char(' '), QLatin1Char('-'));
    return normalized;
}

} // namespace Rapport::Core::EnumNames
