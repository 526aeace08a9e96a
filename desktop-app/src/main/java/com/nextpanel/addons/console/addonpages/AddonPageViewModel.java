package com.nextpanel.addons.console.addonpages;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.common.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An addon's declarative page: a table of the rows its GET route answers, with the declared columns. */
public final class AddonPageViewModel {

    private final NavItem item;
    private final Supplier<Optional<AgentApi>> api;
    private final TaskExecutor executor;
    private final ObservableList<NavItem.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<Map<String, String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    public AddonPageViewModel(NavItem item, Supplier<Optional<AgentApi>> api, TaskExecutor executor) {
        this.item = item;
        this.api = api;
        this.executor = executor;
        columns.setAll(item.columns());
    }

    public NavItem item() {
        return item;
    }

    public ObservableList<NavItem.Column> columns() {
        return columns;
    }

    public ObservableList<Map<String, String>> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public void refresh() {
        Optional<AgentApi> a = api.get();
        if (a.isEmpty()) {
            status.set("Not connected.");
            return;
        }
        BackgroundTask.wrap(() -> a.get().getJson(item.route()))
                .onRunning(() -> loading.set(true))
                .onSuccess(this::show)
                .onFailure(e -> {
                    rows.clear();
                    UserError ue = UserError.of("Loading " + item.title(), e);
                    status.set(ue.message() + " " + ue.hint());
                })
                .onFinished(() -> loading.set(false))
                .executeWith(executor);
    }

    private void show(JsonNode answer) {
        JsonNode array = answer;
        if (answer.isObject()) {
            for (String f : List.of("items", "rows", "data", "results")) {
                if (answer.path(f).isArray()) {
                    array = answer.get(f);
                    break;
                }
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        if (array.isArray()) {
            for (JsonNode row : array) {
                Map<String, String> m = new LinkedHashMap<>();
                if (row.isObject()) {
                    row.fields().forEachRemaining(e -> m.put(e.getKey(), cell(e.getValue())));
                } else {
                    m.put("value", row.asText());
                }
                fields.addAll(m.keySet());
                out.add(m);
            }
        }
        if (item.columns().isEmpty()) {
            columns.setAll(fields.stream().map(f -> new NavItem.Column(f, ConsoleSections.heading(f))).toList());
        }
        rows.setAll(out);
        status.set(out.size() + (out.size() == 1 ? " row" : " rows") + " from " + item.route());
    }

    /** A cell as a person reads it: empty for null, an ISO instant in local time, nested values as JSON. */
    static String cell(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (!v.isValueNode()) {
            return v.toString();
        }
        String text = v.asText();
        if (v.isTextual() && text.length() >= 20 && text.charAt(10) == 'T' && (text.endsWith("Z") || text.contains("+"))) {
            try {
                return com.nextpanel.addons.console.common.Formats.time(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (java.time.format.DateTimeParseException notATime) {
                return text;
            }
        }
        return text;
    }
}
