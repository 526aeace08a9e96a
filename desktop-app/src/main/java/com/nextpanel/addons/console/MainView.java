package com.nextpanel.addons.console;

import com.nextpanel.addons.console.common.FxmlView;
import com.nextpanel.addons.console.common.Theme;
import com.nextpanel.addons.console.servers.ConnectionState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: sidebar, page, status bar. Pages are built once, by key, through {@code pages}. */
public final class MainView extends FxmlView {

    private final MainViewModel viewModel;
    private final Function<String, Optional<Node>> pages;
    private final Map<String, Node> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final ToggleGroup group = new ToggleGroup();

    @FXML private VBox sidebar;
    @FXML private StackPane content;
    @FXML private Label statusLabel;
    @FXML private FontIcon statusIcon;
    @FXML private Button themeButton;
    @FXML private NotificationPane notices;
    @FXML private StatusBar statusBar;
    private final javafx.animation.PauseTransition noticeTimer = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(8));

    public MainView(MainViewModel viewModel, Function<String, Optional<Node>> pages) {
        this.viewModel = viewModel;
        this.pages = pages;
    }

    @FXML
    private void initialize() {
        viewModel.navigation().addListener((ListChangeListener<NavEntry>) c -> buildSidebar());
        buildSidebar();
        viewModel.currentPageProperty().addListener((o, a, b) -> showPage(b));
        showPage(viewModel.currentPageProperty().get());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.connectionStateProperty().addListener((o, a, b) -> showState(b));
        showState(viewModel.connectionState());
        statusBar.progressProperty().bind(viewModel.activityProperty());
        viewModel.noticeProperty().addListener((o, a, b) -> showNotice(b));
        noticeTimer.setOnFinished(e -> notices.hide());
        viewModel.themeProperty().addListener((o, a, b) -> applyTheme(b));
        applyTheme(viewModel.themeProperty().get());
    }

    /** Rebuilds the sidebar; the buttons of pages that stay are kept (a click in flight never hits a stale one). */
    private void buildSidebar() {
        sidebar.getChildren().clear();
        Label brand = new Label("NextPanel Addons");
        brand.getStyleClass().add("brand");
        sidebar.getChildren().add(brand);
        java.util.Set<String> present = new java.util.HashSet<>();
        String section = null;
        for (NavEntry e : viewModel.navigation()) {
            if (e.section().isPresent() && !e.section().get().equals(section)) {
                section = e.section().get();
                Label header = new Label(section.toUpperCase(java.util.Locale.ROOT));
                header.getStyleClass().add("nav-section");
                sidebar.getChildren().add(header);
            }
            present.add(e.key());
            ToggleButton b = buttons.computeIfAbsent(e.key(), k -> button(e));
            sidebar.getChildren().add(b);
        }
        buttons.entrySet().removeIf(en -> {
            boolean gone = !present.contains(en.getKey());
            if (gone) {
                en.getValue().setToggleGroup(null);
            }
            return gone;
        });
        built.keySet().removeIf(k -> !buttons.containsKey(k));
        ToggleButton current = buttons.get(viewModel.currentPageProperty().get());
        if (current != null) {
            current.setSelected(true);
        }
    }

    private ToggleButton button(NavEntry e) {
        ToggleButton b = new ToggleButton(e.title(), new FontIcon(e.iconLiteral()));
        b.setToggleGroup(group);
        b.getStyleClass().add("nav-button");
        if (e.isAddonPage()) {
            b.getStyleClass().add("nav-child");
        }
        b.setMaxWidth(Double.MAX_VALUE);
        // an addon's label may be longer than the sidebar is wide
        b.setTooltip(new javafx.scene.control.Tooltip(e.section().map(p -> p + " → ").orElse("") + e.title()));
        b.setId("nav-" + e.key().replaceAll("[^A-Za-z0-9_-]", "_"));
        b.setOnAction(ev -> {
            viewModel.show(e.key());
            b.setSelected(true);
        });
        return b;
    }

    private void showPage(String key) {
        Node page = built.get(key);
        if (page == null) {
            Optional<Node> made = pages.apply(key);
            if (made.isEmpty()) {
                return;
            }
            page = made.get();
            if (!key.contains(":")) {
                // built-in pages are kept; addon pages are made fresh, so they show the rows as they are now
                built.put(key, page);
            }
        }
        content.getChildren().setAll(page);
        ToggleButton b = buttons.get(key);
        if (b != null) {
            b.setSelected(true);
        }
    }

    private void showState(ConnectionState s) {
        statusIcon.getStyleClass().removeAll("success", "danger", "warning", "muted");
        statusIcon.setIconLiteral(switch (s) {
            case CONNECTED -> "fth-check-circle";
            case CONNECTING -> "fth-loader";
            case DISCONNECTED -> "fth-circle";
            case OFFLINE -> "fth-wifi-off";
            case UNAUTHORIZED -> "fth-lock";
            case CERTIFICATE_CHANGED -> "fth-alert-octagon";
        });
        statusIcon.getStyleClass().add(switch (s) {
            case CONNECTED -> "success";
            case CONNECTING, DISCONNECTED -> "muted";
            case OFFLINE, UNAUTHORIZED -> "warning";
            case CERTIFICATE_CHANGED -> "danger";
        });
    }

    private void showNotice(MainViewModel.Notice n) {
        if (n == null) {
            notices.hide();
            return;
        }
        FontIcon icon = new FontIcon(n.succeeded() ? "fth-check-circle" : "fth-alert-triangle");
        icon.getStyleClass().add(n.succeeded() ? "success" : "danger");
        notices.getActions().setAll(new Action("Show job", e -> {
            notices.hide();
            viewModel.showJob(n.jobId());
        }));
        notices.show(n.text(), icon);
        noticeTimer.playFromStart();
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        themeButton.setText(theme == Theme.LIGHT ? "Dark" : "Light");
        ((FontIcon) themeButton.getGraphic()).setIconLiteral(theme == Theme.LIGHT ? "fth-moon" : "fth-sun");
    }

    @FXML
    private void onToggleTheme() {
        viewModel.toggleTheme();
    }
}
