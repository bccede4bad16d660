#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "rapport.core.store")
Q_LOGGING_CATEGORY(lcDemo, "rapport.core.demo")
Q_LOGGING_CATEGORY(lcReminders, "rapport.core.reminders")
Q_LOGGING_CATEGORY(lcImport, "rapport.core.import", QtInfoMsg)
