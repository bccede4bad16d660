#pragma once

#include <QWidget>

namespace Rapport::Ui {

/// What a new user sees in an empty data file: what Rapport is for, and two
/// ways to begin.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

signals:
    void exploreSampleRequested();
    void addContactRequested();
};

} // namespace Rapport::Ui
