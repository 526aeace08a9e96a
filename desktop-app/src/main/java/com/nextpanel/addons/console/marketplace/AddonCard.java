package com.nextpanel.addons.console.marketplace;

import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One addon card: icon, name, category, short description and its badge. Reused for whichever addon it shows. */
final class AddonCard extends VBox {

    private final MarketplaceViewModel viewModel;
    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label category = new Label();
    private final Label description = new Label();
    private final Label badge = new Label();
    private final Label version = new Label();
    private final ChangeListener<Object> onSelection = (o, a, b) -> markSelected();
    private final ChangeListener<Object> onBadges = (o, a, b) -> showBadge();
    private AddonListing item;

    AddonCard(MarketplaceViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        icon.setIconSize(22);
        StackPane avatar = new StackPane(icon);
        avatar.getStyleClass().add("card-avatar");
        avatar.setMinSize(40, 40);
        avatar.setMaxSize(40, 40);
        name.getStyleClass().add("card-title");
        category.getStyleClass().addAll("text-muted", "text-small");
        VBox titles = new VBox(2, name, category);
        HBox head = new HBox(10, avatar, titles);
        head.setAlignment(Pos.CENTER_LEFT);
        description.setWrapText(true);
        description.getStyleClass().add("card-description");
        description.setMaxHeight(40); // two lines, then an ellipsis; the tooltip and the details have all of it
        description.setTooltip(new Tooltip());
        description.getTooltip().setWrapText(true);
        description.getTooltip().setMaxWidth(360);
        VBox.setVgrow(description, Priority.ALWAYS);
        badge.getStyleClass().add("badge");
        version.getStyleClass().addAll("text-muted", "text-small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox foot = new HBox(8, version, spacer, badge);
        foot.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, description, foot);
        getStyleClass().add("addon-card");
        setOnMouseClicked(e -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        // row cells are reused and few, but listen weakly all the same: a card never keeps the page alive
        viewModel.selectedProperty().addListener(new WeakChangeListener<>(onSelection));
        viewModel.badgeRevisionProperty().addListener(new WeakChangeListener<>(onBadges));
    }

    void show(AddonListing listing) {
        this.item = listing;
        setVisible(listing != null);
        if (listing == null) {
            setId(null);
            return;
        }
        icon.setIconCode(iconFor(listing.category()));
        name.setText(listing.name());
        category.setText(listing.category() + "  ·  " + listing.id());
        description.setText(listing.description().isBlank() ? "No description." : listing.description());
        description.getTooltip().setText(description.getText());
        version.setText("v" + listing.latest().version());
        setId("card-" + listing.id());
        showBadge();
        markSelected();
    }

    private void showBadge() {
        badge.getStyleClass().removeAll("success", "accent", "warning", "danger");
        if (item == null) {
            return;
        }
        Badge b = viewModel.badge(item);
        badge.setVisible(b != Badge.NOT_INSTALLED);
        badge.setText(b == Badge.INSTALLED ? "Installed " + viewModel.installedVersion(item).orElse("") : b.label());
        badge.getStyleClass().add(switch (b) {
            case INSTALLED -> "success";
            case UPDATE_AVAILABLE -> "accent";
            case DISABLED -> "warning";
            case FAILED, NOT_INSTALLED -> "danger";
        });
    }

    private void markSelected() {
        AddonListing sel = viewModel.selectedProperty().get();
        boolean selected = item != null && sel != null && sel.id().equals(item.id());
        if (selected && !getStyleClass().contains("selected-card")) {
            getStyleClass().add("selected-card");
        } else if (!selected) {
            getStyleClass().remove("selected-card");
        }
    }

    static Feather iconFor(String category) {
        String c = category.toLowerCase(Locale.ROOT);
        if (c.contains("support") || c.contains("chat")) {
            return Feather.MESSAGE_CIRCLE;
        }
        if (c.contains("market") || c.contains("mail")) {
            return Feather.MAIL;
        }
        if (c.contains("notif") || c.contains("messag") || c.contains("sms")) {
            return Feather.BELL;
        }
        if (c.contains("pay") || c.contains("bill") || c.contains("financ")) {
            return Feather.CREDIT_CARD;
        }
        if (c.contains("report") || c.contains("analyt")) {
            return Feather.BAR_CHART_2;
        }
        if (c.contains("secur")) {
            return Feather.SHIELD;
        }
        return Feather.PACKAGE;
    }
}
