#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcReminders)
/// Where a vCard import's time goes (debug level, off unless asked for:
/// QT_LOGGING_RULES="rapport.core.import.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcImport)
