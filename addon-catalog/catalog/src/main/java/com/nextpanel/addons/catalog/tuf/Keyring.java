package com.nextpanel.addons.catalog.tuf;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One signing key per role, kept in a directory as {@code <role>.key} (private, mode 600) and
 * {@code <role>.pub} (the public key object as root lists it).
 */
public final class Keyring {

    private final Map<Role, SigningKey> keys;

    public Keyring(Map<Role, SigningKey> keys) {
        for (Role role : Role.values()) {
            if (!keys.containsKey(role)) {
                throw new IllegalArgumentException("no key for role " + role.id());
            }
        }
        this.keys = Map.copyOf(new EnumMap<>(keys));
    }

    public static Keyring generate(SecureRandom random) {
        Map<Role, SigningKey> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            keys.put(role, SigningKey.generate(random));
        }
        return new Keyring(keys);
    }

    public SigningKey key(Role role) {
        return keys.get(role);
    }

    /** Writes every key; refuses (and writes nothing) when any of the files already exists. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Role role : Role.values()) {
                for (Path p : new Path[] {privateFile(dir, role), publicFile(dir, role)}) {
                    if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        throw new CatalogException(ErrorCode.KEY_INVALID, p + ": exists already, refusing to overwrite");
                    }
                }
            }
            for (Role role : Role.values()) {
                writeNew(privateFile(dir, role), TufJson.pretty(keys.get(role).toPrivateJson()), true);
                writeNew(publicFile(dir, role), TufJson.pretty(keys.get(role).publicKey().toJson()), false);
            }
        } catch (FileAlreadyExistsException e) {
            throw new CatalogException(ErrorCode.KEY_INVALID, e.getFile() + ": exists already, refusing to overwrite", e);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, dir + ": cannot write keys (" + e.getMessage() + ")", e);
        }
    }

    public static Keyring load(Path dir) {
        Map<Role, SigningKey> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Path file = privateFile(dir, role);
            try {
                keys.put(role, SigningKey.fromPrivateJson(TufJson.parseObject(Files.readAllBytes(file), file.toString()),
                        file.toString()));
            } catch (NoSuchFileException e) {
                throw new CatalogException(ErrorCode.KEY_INVALID, file + ": no " + role.id() + " key", e);
            } catch (IOException e) {
                throw new CatalogException(ErrorCode.IO, file + ": cannot read (" + e.getMessage() + ")", e);
            } catch (CatalogException e) {
                throw new CatalogException(ErrorCode.KEY_INVALID, e.getMessage(), e);
            }
        }
        return new Keyring(keys);
    }

    public static Path privateFile(Path dir, Role role) {
        return dir.resolve(role.id() + ".key");
    }

    public static Path publicFile(Path dir, Role role) {
        return dir.resolve(role.id() + ".pub");
    }

    private static void writeNew(Path file, byte[] bytes, boolean secret) throws IOException {
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
            // createFile honours the umask; set the mode explicitly so that it is 600 whatever the umask
            Files.setPosixFilePermissions(file, owner);
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
        }
    }
}
