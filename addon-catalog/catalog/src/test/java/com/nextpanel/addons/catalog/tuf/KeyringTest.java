package com.nextpanel.addons.catalog.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.catalog.CatalogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

    @TempDir
    Path dir;

    @Test
    void savesOnePrivateKeyPerRoleWithMode600AndLoadsThemBack() throws Exception {
        Keyring keyring = Keyring.generate(new SecureRandom());
        keyring.save(dir);

        for (Role role : Role.values()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Keyring.privateFile(dir, role))))
                    .isEqualTo("rw-------");
            assertThat(Keyring.publicFile(dir, role)).exists();
        }
        assertThat(Keyring.load(dir).key(Role.TARGETS)).isEqualTo(keyring.key(Role.TARGETS));
    }

    @Test
    void refusesToOverwriteExistingKeysAndLeavesThemUntouched() throws Exception {
        Keyring first = Keyring.generate(new SecureRandom());
        first.save(dir);

        assertThatThrownBy(() -> Keyring.generate(new SecureRandom()).save(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("root.key").hasMessageContaining("refusing to overwrite");
        assertThat(Keyring.load(dir).key(Role.ROOT)).isEqualTo(first.key(Role.ROOT));
    }
}
