#pragma once

#include "vcard/vcardimporter.h"

#include <QDialog>

namespace Rapport::Ui {

/// What an import did, in words and numbers, with every problem located by
/// file and line, and a way to take the whole import back.
class ImportSummaryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportSummaryDialog(const Core::ImportResult &result, QWidget *parent = nullptr);

signals:
    void undoRequested(qint64 batchId);
};

} // namespace Rapport::Ui
