package com.nextpanel.addons.console.servers;

import com.nextpanel.addons.console.common.FxmlView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Servers page: profiles on the left, the selected one's form on the right. */
public final class ServersView extends FxmlView {

    private final ServersViewModel viewModel;

    @FXML private ListView<ServerProfile> profileList;
    @FXML private TextField nameField;
    @FXML private TextField urlField;
    @FXML private PasswordField tokenField;
    @FXML private Label tokenStatusLabel;
    @FXML private Label fingerprintLabel;
    @FXML private Label validationLabel;
    @FXML private Label stateLabel;
    @FXML private Button saveButton;
    @FXML private Button connectButton;
    @FXML private Button forgetButton;
    @FXML private Button removeButton;

    public ServersView(ServersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        profileList.setItems(viewModel.profiles());
        profileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ServerProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "\n" + item.url());
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(b);
            }
        });
        viewModel.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                profileList.getSelectionModel().clearSelection();
            } else if (profileList.getSelectionModel().getSelectedItem() != b) {
                profileList.getSelectionModel().select(b);
            }
        });
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        tokenField.textProperty().bindBidirectional(viewModel.tokenProperty());
        tokenStatusLabel.textProperty().bind(viewModel.tokenStatusProperty());
        fingerprintLabel.textProperty().bind(viewModel.fingerprintProperty());
        validationLabel.textProperty().bind(viewModel.validationProperty());
        validationLabel.visibleProperty().bind(viewModel.validProperty().not());
        stateLabel.textProperty().bind(viewModel.statusProperty());
        viewModel.statusStateProperty().addListener((o, a, b) -> styleState(b));
        styleState(viewModel.statusStateProperty().get());
        saveButton.disableProperty().bind(viewModel.validProperty().not());
        connectButton.disableProperty().bind(viewModel.validProperty().not());
        forgetButton.disableProperty().bind(viewModel.pinnedProperty().not());
        removeButton.disableProperty().bind(viewModel.existingProperty().not());
    }

    private void styleState(ConnectionState state) {
        stateLabel.getStyleClass().removeAll("success", "danger");
        switch (state) {
            case CONNECTED -> stateLabel.getStyleClass().add("success");
            case OFFLINE, UNAUTHORIZED, CERTIFICATE_CHANGED -> stateLabel.getStyleClass().add("danger");
            default -> { }
        }
    }

    @FXML
    private void onNew() {
        viewModel.newProfile();
        nameField.requestFocus();
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onConnect() {
        viewModel.connect();
    }

    @FXML
    private void onForget() {
        viewModel.forgetCertificate();
    }

    @FXML
    private void onRemove() {
        viewModel.remove();
    }
}
