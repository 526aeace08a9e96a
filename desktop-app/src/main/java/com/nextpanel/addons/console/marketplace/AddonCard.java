package com.nextpanel.addons.console.marketplace;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One addon card: icon, name, category, short description and its badge. */
final class AddonCard extends GridCell<AddonListing> {

    private final MarketplaceViewModel viewModel;
    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label category = new Label();
    private final Label description = new Label();
    private final Label badge = new Label();
    private final Label version = new Label();
    private final VBox box;
    // ControlsFX's GridView makes new cells when its items change: the cards listen weakly, so old ones can go
    private final javafx.beans.value.ChangeListener<Object> onSelection = (o, a, b) -> markSelected();
    private final javafx.beans.value.ChangeListener<Object> onBadges = (o, a, b) -> showBadge();

    AddonCard(MarketplaceViewModel viewModel) {
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
        description.setMaxHeight(40);
        VBox.setVgrow(description, Priority.ALWAYS);
        badge.getStyleClass().add("badge");
        version.getStyleClass().addAll("text-muted", "text-small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox foot = new HBox(8, version, spacer, badge);
        foot.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(8, head, description, foot);
        box.getStyleClass().add("addon-card");
        setOnMouseClicked(e -> {
            if (getItem() != null) {
                viewModel.selectedProperty().set(getItem());
            }
        });
        viewModel.selectedProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onSelection));
        viewModel.badgeRevisionProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onBadges));
    }

    @Override
    protected void updateItem(AddonListing item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        icon.setIconCode(iconFor(item.category()));
        name.setText(item.name());
        category.setText(item.category() + "  ·  " + item.id());
        description.setText(item.description().isBlank() ? "No description." : item.description());
        version.setText("v" + item.latest().version());
        setId("card-" + item.id());
        showBadge();
        markSelected();
        setGraphic(box);
    }

    private void showBadge() {
        AddonListing item = getItem();
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
        boolean sel = getItem() != null && viewModel.selectedProperty().get() != null
                && viewModel.selectedProperty().get().id().equals(getItem().id());
        if (sel) {
            if (!box.getStyleClass().contains("selected-card")) {
                box.getStyleClass().add("selected-card");
            }
        } else {
            box.getStyleClass().remove("selected-card");
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
