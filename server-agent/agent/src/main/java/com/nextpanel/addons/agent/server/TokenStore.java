package com.nextpanel.addons.agent.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bearer tokens the agent accepts. Only their SHA-256 hashes are kept, in {@value #TOKENS} (mode 600);
 * a token itself is shown once: the admin token made on first start goes to {@value #ADMIN_TOKEN} (mode 600)
 * for the administrator to copy into the console.
 */
public final class TokenStore {

    public static final String TOKENS = "tokens.json";
    public static final String ADMIN_TOKEN = "admin.token";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** A stored token: its name, role, hash and when it was made. */
    public record StoredToken(String name, Role role, String sha256, Instant createdAt) {
    }

    private final Path file;
    private final List<StoredToken> tokens;
    private final boolean adminCreated;
    private volatile FileTime loaded;

    private TokenStore(Path file, List<StoredToken> tokens, boolean adminCreated) {
        this.file = file;
        this.tokens = new CopyOnWriteArrayList<>(tokens);
        this.adminCreated = adminCreated;
        this.loaded = modified(file);
    }

    /**
     * Loads the hashes of an existing store (for {@code server-agent token}, beside a running agent).
     *
     * @throws AgentException {@link ErrorCode#NOT_FOUND} when the agent never ran on {@code dataDir}
     */
    public static TokenStore load(Path dataDir) {
        Path file = dataDir.resolve(TOKENS);
        if (!Files.exists(file)) {
            throw new AgentException(ErrorCode.NOT_FOUND, "no " + TOKENS + " in " + dataDir
                    + ": start the agent on it once first");
        }
        return loadOrCreate(dataDir);
    }

    /** Loads the hashes from {@code dataDir}; on first start makes the admin token and writes it out. */
    public static TokenStore loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(TOKENS);
        try {
            if (Files.exists(file)) {
                List<StoredToken> stored = JSON.readValue(file.toFile(), new TypeReference<List<StoredToken>>() { });
                return new TokenStore(file, stored, false);
            }
            TokenStore store = new TokenStore(file, List.of(), true);
            String admin = store.add("admin", Role.ADMIN);
            SecureFiles.writeAtomically(dataDir.resolve(ADMIN_TOKEN), admin.getBytes(StandardCharsets.US_ASCII),
                    SecureFiles.OWNER_ONLY);
            return store;
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read or write the token store " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return true when this start made the admin token */
    public boolean adminCreated() {
        return adminCreated;
    }

    /**
     * Makes a new token, stores its hash and returns it; this is the only time the token is seen.
     *
     * @throws AgentException {@link ErrorCode#CONFLICT} when a token of that name exists
     */
    public synchronized String add(String name, Role role) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "a token name is 1 to 64 letters, digits, '.', '_' or '-': '"
                    + name + "'");
        }
        if (tokens.stream().anyMatch(t -> t.name().equals(name))) {
            throw new AgentException(ErrorCode.CONFLICT, "a token named '" + name + "' exists already");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "npa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<StoredToken> next = new ArrayList<>(tokens);
        next.add(new StoredToken(name, role, sha256(token), Instant.now()));
        SecureFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next),
                SecureFiles.OWNER_ONLY);
        tokens.add(next.get(next.size() - 1));
        loaded = modified(file);
        return token;
    }

    /**
     * @param authorization the {@code Authorization} header, possibly absent
     * @return the caller when the header is {@code Bearer <a known token>}
     */
    public Optional<Caller> authenticate(String authorization) {
        reloadIfChanged();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorization.substring(7).strip()).getBytes(StandardCharsets.US_ASCII);
        Caller found = null;
        // Compare against every token in constant time so timing reveals nothing about the hashes.
        for (StoredToken t : tokens) {
            if (MessageDigest.isEqual(presented, t.sha256().getBytes(StandardCharsets.US_ASCII))) {
                found = new Caller(t.name(), t.role());
            }
        }
        return Optional.ofNullable(found);
    }

    /** Picks up tokens that {@code server-agent token} added while this agent runs. */
    private void reloadIfChanged() {
        FileTime now = modified(file);
        if (now == null || now.equals(loaded)) {
            return;
        }
        synchronized (this) {
            if (now.equals(loaded)) {
                return;
            }
            try {
                List<StoredToken> stored = JSON.readValue(file.toFile(), new TypeReference<List<StoredToken>>() { });
                tokens.clear();
                tokens.addAll(stored);
                loaded = now;
            } catch (IOException e) {
                // keep the tokens we have; a half-read file is retried at the next request
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
