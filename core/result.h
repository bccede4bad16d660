#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Rapport::Core {

/// The outcome of an operation that returns nothing: success, or a translated
/// message that says what went wrong in words the user understands.
class Status
{
public:
    static Status success() { return Status(); }
    static Status failure(QString message) { return Status(std::move(message)); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    QString error() const { return m_error.value_or(QString()); }

private:
    Status() = default;
    explicit Status(QString message) : m_error(std::move(message)) {}

    std::optional<QString> m_error;
};

/// A value or the reason there is none. Errors travel as values; core never shows
/// a message box.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {} // NOLINT: implicit by design
    Result(Status status) : m_error(status.error()) {} // NOLINT: from a failure

    static Result failure(QString message) { return Result(Status::failure(std::move(message))); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T value() && { return std::move(*m_value); }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }

    QString error() const { return m_error; }
    Status status() const { return ok() ? Status::success() : Status::failure(m_error); }
    /// For callers that only care whether it worked.
    operator Status() const { return status(); } // NOLINT: implicit by design

private:
    std::optional<T> m_value;
    QString m_error;
};

} // namespace Rapport::Core
