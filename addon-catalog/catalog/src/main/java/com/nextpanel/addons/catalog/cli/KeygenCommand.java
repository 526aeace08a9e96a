package com.nextpanel.addons.catalog.cli;

import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.catalog.tuf.Role;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Generates one Ed25519 key per role (root, targets, snapshot, timestamp) into KEYDIR; "
                + "private keys get mode 600; existing keys are never overwritten.")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "KEYDIR", description = "directory for the key files")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Keyring keyring = Keyring.generate(new SecureRandom());
        keyring.save(out);
        for (Role role : Role.values()) {
            spec.commandLine().getOut().println(role.id() + " key " + keyring.key(role).keyId() + " -> "
                    + Keyring.privateFile(out, role));
        }
        return AddonCatalogCli.OK;
    }
}
