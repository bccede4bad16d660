// The desktop application saving edits, to be killed by tst_killtest: opens
// the main window on a data file and edits one contact through the window
// (MainWindow::editContact, the path of Edit Contact…) as fast as it can, for
// ever. After each edit is saved it prints "saved N"; edit N sets the contact's
// title and notes both to "edit N", in one change.
//
// Usage: killtarget_edit DATAFILE CONTACT_ID

#include "mainwindow.h"
#include "store/contactstore.h"
#include "store/database.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

using namespace Rapport;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: killtarget_edit DATAFILE CONTACT_ID\n");
        return 2;
    }
    auto database = Core::Database::open(arguments.at(1));
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error()));
        return 1;
    }
    const qint64 contactId = arguments.at(2).toLongLong();
    Ui::MainWindow window(std::move(database).value());
    window.show();

    int edit = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &window, [&] {
        auto contact = Core::ContactStore(window.database()).get(contactId);
        if (!contact) {
            std::fprintf(stderr, "%s\n", qPrintable(contact.error()));
            QApplication::exit(1);
            return;
        }
        ++edit;
        Core::Contact edited = *contact;
        edited.title = QStringLiteral("edit %1").arg(edit);
        edited.notes = edited.title;
        if (Core::Status saved = window.editContact(edited); !saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.error()));
            QApplication::exit(1);
            return;
        }
        std::printf("saved %d\n", edit);
        std::fflush(stdout);
    });
    timer.start(0);
    return QApplication::exec();
}
