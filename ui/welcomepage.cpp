#include "welcomepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Rapport::Ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);

    auto *column = new QWidget(this);
    column->setFixedWidth(600);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(14);

    auto *title = new QLabel(tr("Welcome to Rapport"), column);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    auto *text = new QLabel(tr("Rapport keeps track of who you know and how you came to know them: who introduced "
                               "whom, where each relationship stands on the ladder from a first tweet to a client, "
                               "what happened, and what to do next."),
                            column);
    text->setWordWrap(true);
    layout->addWidget(text);

    auto *buttons = new QHBoxLayout;
    auto *explore = new QPushButton(tr("Explore a Sample Network"), column);
    explore->setObjectName(QStringLiteral("exploreSampleButton"));
    explore->setDefault(true);
    auto *add = new QPushButton(tr("Add Your First Contact…"), column);
    add->setObjectName(QStringLiteral("addFirstContactButton"));
    buttons->addWidget(explore);
    buttons->addWidget(add);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *hint = new QLabel(tr("The sample network is fictional: a webinar, a coach who became a client, the "
                               "expert he recommended, and the people they led to. Explore it, then start a "
                               "data file of your own with File → New Data File."),
                            column);
    hint->setWordWrap(true);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    hint->setPalette(palette);
    layout->addWidget(hint);

    // Centred by stretches, not an alignment flag: an aligned widget gets its
    // plain size hint and the wrapped paragraphs would be cut off.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(explore, &QPushButton::clicked, this, &WelcomePage::exploreSampleRequested);
    connect(add, &QPushButton::clicked, this, &WelcomePage::addContactRequested);
}

} // namespace Rapport::Ui
