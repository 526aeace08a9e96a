package com.nextpanel.addons.console.addonpages;

import com.nextpanel.addons.console.common.FxmlView;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** An addon page: title, where its rows come from, and the table. */
public final class AddonPageView extends FxmlView {

    private final AddonPageViewModel viewModel;

    @FXML private Label titleLabel;
    @FXML private Label sourceLabel;
    @FXML private Label statusLabel;
    @FXML private TableView<Map<String, String>> table;

    public AddonPageView(AddonPageViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        NavItem item = viewModel.item();
        titleLabel.setText(item.title());
        sourceLabel.setText(item.parent() + "  ·  provided by " + item.addonId() + "  ·  GET " + item.route());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        table.setItems(viewModel.rows());
        viewModel.columns().addListener((ListChangeListener<NavItem.Column>) c -> buildColumns());
        buildColumns();
    }

    private void buildColumns() {
        table.getColumns().clear();
        for (NavItem.Column c : viewModel.columns()) {
            TableColumn<Map<String, String>, String> col = new TableColumn<>(c.title());
            col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getOrDefault(c.field(), "")));
            col.setPrefWidth(160);
            table.getColumns().add(col);
        }
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }
}
