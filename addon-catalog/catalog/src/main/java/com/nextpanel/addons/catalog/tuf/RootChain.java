package com.nextpanel.addons.catalog.tuf;

import com.nextpanel.addons.catalog.CatalogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the root history a repository directory keeps: {@code 1.root.json}, {@code 2.root.json}, ... each
 * signed by its own root threshold and by its predecessor's, each with the version its name says, and
 * {@code root.json} identical to the newest. A client only walks forward from its trusted root, so this is
 * what notices a changed old root file.
 */
public final class RootChain {

    private RootChain() {
    }

    /** @return one line per problem, naming the file; empty when the chain is sound */
    public static List<String> check(Path dir) {
        List<String> problems = new ArrayList<>();
        RootMetadata previous = null;
        byte[] newest = null;
        for (int n = 1; Files.exists(dir.resolve(n + ".root.json")); n++) {
            Path file = dir.resolve(n + ".root.json");
            try {
                byte[] bytes = Files.readAllBytes(file);
                SignedEnvelope envelope = SignedEnvelope.parse(bytes, file.toString());
                RootMetadata root = RootMetadata.fromSigned(envelope.signed(), file.toString());
                if (root.version() != n) {
                    problems.add(file + ": holds root version " + root.version() + ", expected " + n);
                }
                Signatures.verifyThreshold(envelope, root, Role.ROOT, file.toString());
                if (previous != null) {
                    Signatures.verifyThreshold(envelope, previous.keys(), previous.role(Role.ROOT),
                            "root (previous, v" + previous.version() + ")", file.toString());
                }
                previous = root;
                newest = bytes;
            } catch (CatalogException e) {
                problems.add(e.getMessage());
                return problems;
            } catch (IOException e) {
                problems.add(file + ": cannot read (" + e.getMessage() + ")");
                return problems;
            }
        }
        Path rootFile = dir.resolve(Role.ROOT.fileName());
        try {
            if (newest == null) {
                problems.add(dir.resolve("1.root.json") + ": missing (every root version is kept as <N>.root.json)");
            } else if (!Arrays.equals(Files.readAllBytes(rootFile), newest)) {
                problems.add(rootFile + ": differs from the newest " + previous.version() + ".root.json");
            }
        } catch (IOException e) {
            problems.add(rootFile + ": cannot read (" + e.getMessage() + ")");
        }
        return problems;
    }
}
