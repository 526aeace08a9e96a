package com.nextpanel.addons.console.servers;

import com.nextpanel.addons.client.Fingerprints;
import com.nextpanel.addons.console.common.Confirmation;
import com.nextpanel.addons.console.common.DialogService;
import com.nextpanel.addons.console.common.UserError;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/** Servers: add, edit and remove profiles, connect, forget a pinned certificate. Validation lives here. */
public final class ServersViewModel {

    private final ServerSession session;
    private final DialogService dialogs;

    private final ObjectProperty<ServerProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("https://");
    private final StringProperty token = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokenStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper existing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionState> statusState = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    /** The profile this form last asked to connect to. */
    private String attempted;

    public ServersViewModel(ServerSession session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        selected.addListener((obs, old, now) -> load(now));
        name.addListener(o -> validate());
        url.addListener(o -> validate());
        token.addListener(o -> validate());
        session.profiles().addListener((javafx.collections.ListChangeListener<ServerProfile>) c -> {
            refreshSelected();
            updateStatus();
        });
        // the server being connected to (from the command line, or the last one used) is shown in the form
        session.currentProperty().addListener((o, a, b) -> {
            if (b != null && (selected.get() == null || !selected.get().name().equals(b.name()))) {
                selectByName(b.name());
            }
        });
        // a failed connect put the previous server back: keep the failed profile in the form, to correct it
        session.whenKeptPrevious(() -> {
            if (attempted != null) {
                selectByName(attempted);
            }
        });
        selected.addListener(o -> updateStatus());
        session.currentProperty().addListener(o -> updateStatus());
        session.stateProperty().addListener(o -> updateStatus());
        session.detailProperty().addListener(o -> updateStatus());
        session.lastErrors().addListener((MapChangeListener<String, String>) c -> updateStatus());
        validate();
        updateStatus();
    }

    public ObservableList<ServerProfile> profiles() {
        return session.profiles();
    }

    public ObjectProperty<ServerProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenStatusProperty() {
        return tokenStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty existingProperty() {
        return existing.getReadOnlyProperty();
    }

    /** True when the selected profile has a pinned certificate (only then is there one to forget). */
    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return session.stateProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return session.detailProperty();
    }

    /**
     * The status line of the selected profile: the live connection state for the server the console is on, and for
     * any other "Not connected", its pinned certificate and why its last connection failed, if it did.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The selected profile's connection state: the session's for the current server, {@code DISCONNECTED} for the others. */
    public ReadOnlyObjectProperty<ConnectionState> statusStateProperty() {
        return statusState.getReadOnlyProperty();
    }

    public void newProfile() {
        selected.set(null);
        load(null);
    }

    /** @return true when the form was valid and saved */
    public boolean save() {
        validate();
        if (!valid.get()) {
            return false;
        }
        ServerProfile before = selected.get();
        Optional<String> fp = before == null ? Optional.empty() : before.fingerprint();
        ServerProfile profile = new ServerProfile(name.get().trim(), normalizedUrl(), fp);
        try {
            session.saveProfile(Optional.ofNullable(before).map(ServerProfile::name), profile,
                    Optional.of(token.get()).filter(t -> !t.isBlank()));
        } catch (RuntimeException e) {
            dialogs.showError(UserError.of("Saving server " + profile.name(), e));
            return false;
        }
        selectByName(profile.name());
        token.set("");
        return true;
    }

    public void remove() {
        ServerProfile p = selected.get();
        if (p == null) {
            return;
        }
        boolean yes = dialogs.confirm(Confirmation.simple("Remove server?", "Remove the server profile " + p.name() + "?",
                List.of("Its saved token file is deleted.", "Nothing changes on the server."), "Remove").asDestructive()).confirmed();
        if (yes) {
            session.removeProfile(p);
            newProfile();
        }
    }

    /** Saves the form when it changed, then connects. */
    public void connect() {
        if (!save()) {
            return;
        }
        ServerProfile p = selected.get();
        if (p != null) {
            attempted = p.name();
            session.connect(p);
        }
    }

    public void forgetCertificate() {
        ServerProfile p = selected.get();
        if (p == null || p.fingerprint().isEmpty()) {
            return;
        }
        boolean yes = dialogs.confirm(Confirmation.simple("Forget the pinned certificate?",
                "The next connection to " + p.name() + " will show the server's certificate and ask again.",
                List.of("Do this only when you know the server's certificate was replaced (the agent was reinstalled)."),
                "Forget certificate").asDestructive()).confirmed();
        if (yes) {
            ServerProfile cleared = session.forgetCertificate(p);
            selectByName(cleared.name());
        }
    }

    private void load(ServerProfile p) {
        existing.set(p != null);
        pinned.set(p != null && p.fingerprint().isPresent());
        name.set(p == null ? "" : p.name());
        url.set(p == null ? "https://" : p.url());
        token.set("");
        fingerprint.set(p == null ? "Not trusted yet: checked on first connection"
                : p.fingerprint().map(Fingerprints::pretty).orElse("Not trusted yet: checked on first connection"));
        tokenStatus.set(p == null ? "" : session.token(p).isPresent() ? "A token is saved (leave empty to keep it)" : "No token saved");
        validate();
    }

    private void updateStatus() {
        ServerProfile p = selected.get();
        ServerProfile current = session.currentProperty().get();
        if (p == null) {
            statusState.set(ConnectionState.DISCONNECTED);
            status.set("New server — fill in the form, then Save and connect");
            return;
        }
        if (current != null && current.name().equals(p.name())) {
            ConnectionState s = session.stateProperty().get();
            String d = session.detailProperty().get();
            statusState.set(s);
            status.set(s.label() + (d == null || d.isBlank() ? "" : " — " + d));
            return;
        }
        statusState.set(ConnectionState.DISCONNECTED);
        String certificate = p.fingerprint().map(f -> "Certificate pinned: " + shortFingerprint(f))
                .orElse("Certificate not trusted yet: shown for approval on first connection");
        status.set("Not connected — Save and connect to use it. " + certificate + "."
                + session.lastError(p).map(e -> "\nLast attempt failed: " + e).orElse(""));
    }

    /** "AB:CD:EF:01:…:89:AB": enough to recognise; the full value is on the Certificate line above. */
    private static String shortFingerprint(String fingerprint) {
        String pretty = Fingerprints.pretty(fingerprint);
        return pretty.length() <= 30 ? pretty : pretty.substring(0, 11) + ":…:" + pretty.substring(pretty.length() - 5);
    }

    private void refreshSelected() {
        ServerProfile s = selected.get();
        if (s != null) {
            session.profiles().stream().filter(p -> p.name().equals(s.name())).findFirst().ifPresent(p -> {
                if (!p.equals(s)) {
                    selected.set(p);
                }
            });
        }
    }

    private void selectByName(String n) {
        session.profiles().stream().filter(p -> p.name().equals(n)).findFirst().ifPresent(p -> {
            selected.set(p);
            load(p);
        });
    }

    private void validate() {
        String problem = problem();
        validation.set(problem);
        valid.set(problem.isEmpty());
    }

    private String problem() {
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) {
            return "Give the server a name.";
        }
        ServerProfile s = selected.get();
        boolean taken = session.profiles().stream().anyMatch(p -> p.name().equalsIgnoreCase(n) && (s == null || !p.name().equals(s.name())));
        if (taken) {
            return "A server named " + n + " exists already.";
        }
        String u = url.get() == null ? "" : url.get().trim();
        try {
            URI uri = URI.create(u);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
                return "The address must be an https:// URL with a host, e.g. https://127.0.0.1:8443";
            }
        } catch (IllegalArgumentException e) {
            return "The address is not a URL: " + u;
        }
        boolean hasToken = (token.get() != null && !token.get().isBlank()) || (s != null && session.token(s).isPresent());
        if (!hasToken) {
            return "Paste the admin token (from the agent's admin.token file).";
        }
        return "";
    }

    private String normalizedUrl() {
        String u = url.get().trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
