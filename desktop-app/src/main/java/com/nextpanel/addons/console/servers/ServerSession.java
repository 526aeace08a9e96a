package com.nextpanel.addons.console.servers;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.ServerIdentity;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.DialogService;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.common.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The server the console works on: its profiles (persisted by {@link ServerStore}), the connection
 * (trust on first use, then the pinned certificate only), and whether it is reachable. Every other
 * feature gets its {@link AgentApi} from here.
 */
public final class ServerSession {

    private final ServerStore store;
    private final AgentConnector connector;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<ServerProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ServerProfile> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AgentApi> api = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    /** The last failed connection of each profile (by name), "Server offline: cannot reach …"; cleared when it connects. */
    private final ObservableMap<String, String> lastErrors = FXCollections.observableHashMap();
    private final List<Runnable> onConnected = new ArrayList<>();
    private final List<Runnable> onKeptPrevious = new ArrayList<>();
    /**
     * The working connection a connect to another server replaced: put back when that connect fails or its
     * certificate is not trusted, so a typo in a new profile does not cut the administrator off the server they were on.
     */
    private Previous previous;

    private record Previous(ServerProfile profile, AgentApi api) {
    }

    public ServerSession(ServerStore store, AgentConnector connector, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.connector = connector;
        this.executor = executor;
        this.dialogs = dialogs;
        profiles.setAll(store.load());
    }

    public ObservableList<ServerProfile> profiles() {
        return FXCollections.unmodifiableObservableList(profiles);
    }

    public ReadOnlyObjectProperty<ServerProfile> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AgentApi> apiProperty() {
        return api.getReadOnlyProperty();
    }

    public Optional<AgentApi> api() {
        return Optional.ofNullable(api.get());
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** A short line about the connection, for the status bar. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Why the last connection to {@code profile} failed, if it did and has not connected since. */
    public Optional<String> lastError(ServerProfile profile) {
        return Optional.ofNullable(lastErrors.get(profile.name()));
    }

    /** Every profile's last failure, by profile name: to follow as it changes. */
    public ObservableMap<String, String> lastErrors() {
        return FXCollections.unmodifiableObservableMap(lastErrors);
    }

    public Optional<String> token(ServerProfile profile) {
        return store.token(profile);
    }

    public Optional<ServerProfile> lastUsed() {
        return store.lastUsed().flatMap(n -> profiles.stream().filter(p -> p.name().equals(n)).findFirst());
    }

    /** Runs after every successful connection (on the UI thread). */
    public void whenConnected(Runnable r) {
        onConnected.add(r);
    }

    /** Runs when a failed connect to another server put the connection before it back (on the UI thread). */
    public void whenKeptPrevious(Runnable r) {
        onKeptPrevious.add(r);
    }

    /** Adds or replaces (by {@code previousName}) a profile and stores its token when one is given. */
    public void saveProfile(Optional<String> previousName, ServerProfile profile, Optional<String> token) {
        int index = previousName.map(this::indexOf).orElse(-1);
        if (index >= 0) {
            ServerProfile old = profiles.get(index);
            if (!old.url().equals(profile.url()) && profile.fingerprint().equals(old.fingerprint())) {
                // another address may be another server: trust is asked again
                profile = profile.withFingerprint(null);
            }
            // the last error follows a renamed profile; it said nothing about a new address
            String lastError = lastErrors.remove(old.name());
            if (lastError != null && old.url().equals(profile.url())) {
                lastErrors.put(profile.name(), lastError);
            }
            if (!old.slug().equals(profile.slug())) {
                Optional<String> oldToken = store.token(old);
                store.deleteToken(old);
                if (token.isEmpty() && oldToken.isPresent()) {
                    token = oldToken;
                }
            }
            profiles.set(index, profile);
        } else {
            profiles.add(profile);
        }
        ServerProfile saved = profile;
        token.filter(t -> !t.isBlank()).ifPresent(t -> store.saveToken(saved, t));
        persist();
    }

    public void removeProfile(ServerProfile profile) {
        profiles.removeIf(p -> p.name().equals(profile.name()));
        lastErrors.remove(profile.name());
        store.deleteToken(profile);
        if (current.get() != null && current.get().name().equals(profile.name())) {
            disconnect();
        }
        persist();
    }

    /** Forgets the pinned certificate, so that the next connection asks again (after a server was reinstalled). */
    public ServerProfile forgetCertificate(ServerProfile profile) {
        ServerProfile cleared = profile.withFingerprint(null);
        replace(profile, cleared);
        return cleared;
    }

    public void disconnect() {
        previous = null;
        api.set(null);
        current.set(null);
        state.set(ConnectionState.DISCONNECTED);
        detail.set("");
    }

    /**
     * Connects to {@code profile}: on first use it reads the certificate the server presents and asks
     * whether to trust it, then pins it; afterwards only that certificate is accepted.
     */
    public void connect(ServerProfile profile) {
        Objects.requireNonNull(profile, "profile");
        String token = store.token(profile).orElse("");
        boolean another = current.get() != null && !current.get().name().equals(profile.name());
        previous = api.get() != null && another ? new Previous(current.get(), api.get()) : null;
        api.set(null);
        current.set(profile);
        state.set(ConnectionState.CONNECTING);
        detail.set(profile.url());
        if (profile.fingerprint().isPresent()) {
            open(profile, token);
            return;
        }
        BackgroundTask.wrap(() -> connector.probe(profile.url()))
                .onSuccess(identity -> trustThenOpen(profile, identity, token))
                .onFailure(e -> failed(profile, e))
                .executeWith(executor);
    }

    /** Asks the server's health without blocking; marks the connection offline or back. */
    public void checkReachable() {
        AgentApi a = api.get();
        if (a == null) {
            return;
        }
        BackgroundTask.wrap(a::health)
                .onSuccess(h -> {
                    if (api.get() == a && state.get() == ConnectionState.OFFLINE) {
                        state.set(ConnectionState.CONNECTED);
                        detail.set(current.get() == null ? "" : current.get().url());
                    }
                })
                .onFailure(e -> {
                    if (api.get() == a && e instanceof AgentClientException ace && ace.isOffline()) {
                        state.set(ConnectionState.OFFLINE);
                        detail.set("cannot reach " + (current.get() == null ? "" : current.get().url()));
                    }
                })
                .executeWith(executor);
    }

    private void trustThenOpen(ServerProfile profile, ServerIdentity identity, String token) {
        if (!dialogs.askTrust(profile.url(), identity.prettyFingerprint(), identity.subject())) {
            if (!keepPrevious()) {
                disconnect();
            }
            return;
        }
        ServerProfile pinned = profile.withFingerprint(identity.fingerprint());
        replace(profile, pinned);
        current.set(pinned);
        open(pinned, token);
    }

    private void open(ServerProfile profile, String token) {
        BackgroundTask.wrap(() -> {
                    AgentApi opened = connector.open(profile, token);
                    opened.health();
                    opened.addons(); // proves the token
                    return opened;
                })
                .onSuccess(opened -> {
                    previous = null;
                    api.set(opened);
                    lastErrors.remove(profile.name());
                    state.set(ConnectionState.CONNECTED);
                    detail.set(profile.url());
                    store.save(profiles, Optional.of(profile.name()));
                    onConnected.forEach(Runnable::run);
                })
                .onFailure(e -> failed(profile, e))
                .executeWith(executor);
    }

    private void failed(ServerProfile profile, Exception e) {
        api.set(null);
        ConnectionState s = ConnectionState.OFFLINE;
        if (e instanceof AgentClientException ace) {
            s = switch (ace.code()) {
                case UNAUTHORIZED, FORBIDDEN -> ConnectionState.UNAUTHORIZED;
                case CERTIFICATE_CHANGED, CERTIFICATE_UNTRUSTED -> ConnectionState.CERTIFICATE_CHANGED;
                default -> ConnectionState.OFFLINE;
            };
        }
        state.set(s);
        UserError error = UserError.of("Connecting to " + profile.name(), e);
        detail.set(error.message());
        lastErrors.put(profile.name(), error.title() + ": " + error.message());
        Optional<ServerProfile> kept = Optional.ofNullable(previous).map(Previous::profile);
        if (keepPrevious()) {
            error = new UserError(error.title(), error.message() + " Still connected to " + kept.get().name() + ".",
                    error.hint(), error.reasons());
        }
        dialogs.showError(error);
    }

    /** @return whether a connection was put back ({@link #previous}) */
    private boolean keepPrevious() {
        Previous p = previous;
        previous = null;
        if (p == null) {
            return false;
        }
        current.set(p.profile());
        api.set(p.api());
        state.set(ConnectionState.CONNECTED);
        detail.set(p.profile().url());
        persist();
        onKeptPrevious.forEach(Runnable::run);
        return true;
    }

    private void replace(ServerProfile old, ServerProfile updated) {
        int i = indexOf(old.name());
        if (i >= 0) {
            profiles.set(i, updated);
        } else {
            profiles.add(updated);
        }
        persist();
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void persist() {
        store.save(profiles, Optional.ofNullable(current.get()).map(ServerProfile::name).or(store::lastUsed));
    }
}
