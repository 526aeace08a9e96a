package com.nextpanel.addons.console.marketplace;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/**
 * One row of cards. The marketplace is a virtualised {@code ListView} of rows: on a keystroke its cells are
 * reused and only told what to show, where a grid control would make every visible card anew.
 */
final class CardRowCell extends ListCell<List<AddonListing>> {

    private final MarketplaceViewModel viewModel;
    private final HBox row = new HBox(MarketplaceView.CARD_GAP);
    private final List<AddonCard> cards = new ArrayList<>();

    CardRowCell(MarketplaceViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("card-row");
    }

    @Override
    protected void updateItem(List<AddonListing> items, boolean empty) {
        super.updateItem(items, empty);
        if (empty || items == null) {
            setGraphic(null);
            return;
        }
        while (cards.size() < items.size()) {
            AddonCard card = new AddonCard(viewModel);
            card.setPrefSize(MarketplaceView.CARD_WIDTH, MarketplaceView.CARD_HEIGHT);
            card.setMinSize(MarketplaceView.CARD_WIDTH, MarketplaceView.CARD_HEIGHT);
            card.setMaxSize(MarketplaceView.CARD_WIDTH, MarketplaceView.CARD_HEIGHT);
            cards.add(card);
        }
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(i < items.size() ? items.get(i) : null);
        }
        if (row.getChildren().size() != cards.size()) {
            row.getChildren().setAll(cards);
        }
        setGraphic(row);
    }
}
