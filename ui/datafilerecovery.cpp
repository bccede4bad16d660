#include "datafilerecovery.h"

#include "plainmessage.h"
#include "store/database.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimeZone>

namespace Rapport::Ui {

using Core::Database;

QString DataFileRecovery::ask(QWidget *parent, const QString &path, const QString &problem, const QString &giveUpText)
{
    for (;;) {
        const QStringList backups = Database::backupsOf(path);
        QMessageBox box(QMessageBox::Warning, tr("Open Data File"), problem, QMessageBox::NoButton, parent);
        box.setObjectName(QStringLiteral("dataFileRecovery"));
        box.setTextFormat(Qt::PlainText);
        QPushButton *openBackup = nullptr;
        if (!backups.isEmpty()) {
            const QFileInfo backup(backups.constFirst());
            // Named "<file>.v<version>-backup-<yyyyMMdd-HHmmss in UTC>": a copy keeps its time.
            QDateTime made = QDateTime::fromString(backup.fileName().section(QStringLiteral("-backup-"), 1).left(15),
                                                   QStringLiteral("yyyyMMdd-HHmmss"));
            made = made.isValid() ? QDateTime(made.date(), made.time(), QTimeZone::utc()).toLocalTime() : backup.lastModified();
            const QLocale locale;
            box.setInformativeText(
                tr("Rapport made a backup of this file on %1 at %2, before it last updated the file's format:\n%3\n\n"
                   "Open a copy of that backup? Changes made since then are not in it. "
                   "The file above and the backup stay as they are.")
                    .arg(locale.toString(made.date(), QLocale::LongFormat), locale.toString(made.time(), QLocale::ShortFormat),
                         QDir::toNativeSeparators(backup.absoluteFilePath())));
            openBackup = box.addButton(tr("Open a Copy of the Backup"), QMessageBox::AcceptRole);
            openBackup->setObjectName(QStringLiteral("openBackupButton"));
        }
        QPushButton *openOther = box.addButton(tr("Open Another File…"), QMessageBox::ActionRole);
        openOther->setObjectName(QStringLiteral("openOtherButton"));
        QPushButton *giveUp = box.addButton(giveUpText, QMessageBox::RejectRole);
        giveUp->setObjectName(QStringLiteral("giveUpButton"));
        box.setDefaultButton(openBackup ? openBackup : openOther);
        box.setEscapeButton(giveUp);
        box.exec();

        if (openBackup && box.clickedButton() == openBackup) {
            auto copy = Database::restoreCopy(backups.constFirst(), path, QDateTime::currentDateTime());
            if (copy)
                return *copy;
            showPlainWarning(parent, tr("Open a Copy of the Backup"), copy.error());
        } else if (box.clickedButton() == openOther) {
            const QString other = QFileDialog::getOpenFileName(
                parent, tr("Open Data File"), QFileInfo(path).absolutePath(),
                tr("Rapport data files (*.sqlite *.rapport);;All files (*)"));
            if (!other.isEmpty())
                return other;
        } else {
            return QString();
        }
    }
}

} // namespace Rapport::Ui
