package com.nextpanel.addons.console.common;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** {@link DialogService} with JavaFX dialogs, owned by the main window and styled by its theme. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public ConfirmationResult confirm(Confirmation c) {
        Dialog<ButtonType> dialog = new Dialog<>();
        prepare(dialog, c.title());
        dialog.setHeaderText(c.message());
        dialog.setGraphic(icon(c.destructive() ? Feather.ALERT_TRIANGLE : Feather.HELP_CIRCLE, c.destructive() ? "danger" : "accent"));
        VBox body = new VBox(8);
        body.setMinWidth(460);
        for (String line : c.details()) {
            Label l = new Label(line.startsWith("  ") ? line : "• " + line);
            l.setWrapText(true);
            body.getChildren().add(l);
        }
        CheckBox box = new CheckBox();
        c.checkbox().ifPresent(label -> {
            box.setText(label);
            box.setSelected(c.checkboxDefault());
            box.setId("confirm-checkbox");
            body.getChildren().add(box);
        });
        ButtonType ok = new ButtonType(c.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ok);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        if (c.destructive()) {
            okButton.getStyleClass().add("danger");
        }
        c.typeToConfirm().ifPresent(word -> {
            Label prompt = new Label("Type " + word + " to confirm:");
            TextField typed = new TextField();
            typed.setId("confirm-typed");
            typed.setPromptText(word);
            okButton.disableProperty().bind(typed.textProperty().isNotEqualTo(word));
            body.getChildren().addAll(prompt, typed);
        });
        dialog.getDialogPane().setContent(body);
        Optional<ButtonType> answer = dialog.showAndWait();
        boolean confirmed = answer.filter(ok::equals).isPresent();
        return new ConfirmationResult(confirmed, confirmed && box.isSelected());
    }

    @Override
    public void showError(UserError error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, error.title());
        alert.setHeaderText(error.title());
        Label text = new Label(error.describe());
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.showAndWait();
    }

    @Override
    public boolean askTrust(String server, String prettyFingerprint, String subject) {
        Confirmation c = Confirmation.simple("Trust this server?",
                "First connection to " + server + ". Check that this fingerprint matches the agent's tls.sha256 file:",
                java.util.List.of("  " + prettyFingerprint, "  Certificate: " + subject),
                "Trust and connect");
        return confirm(c).confirmed();
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            if (w.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
            }
        }
        dialog.setResizable(true);
    }

    private static Node icon(Feather glyph, String style) {
        FontIcon icon = new FontIcon(glyph);
        icon.setIconSize(32);
        icon.getStyleClass().add(style);
        return icon;
    }
}
