package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.tuf.Role;
import com.nextpanel.addons.catalog.tuf.RootMetadata;
import com.nextpanel.addons.catalog.tuf.SignedEnvelope;
import com.nextpanel.addons.catalog.tuf.Signatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks the root history a catalog keeps: {@code 1.root.json}, {@code 2.root.json}, ... each signed by its own
 * root threshold and by its predecessor's, each with the version its name says, and {@code root.json}
 * identical to the newest. A client only walks forward from its trusted root, so this is what notices a
 * changed old root file (the CLI's {@code verify} runs it).
 */
public final class RootChain {

    private RootChain() {
    }

    /** @return one line per problem, naming the file; empty when the chain is sound */
    public static List<String> check(CatalogSource source) {
        List<String> problems = new ArrayList<>();
        RootMetadata previous = null;
        byte[] newest = null;
        try {
            for (int n = 1; n <= FetchLimits.MAX_ROOT_ROTATIONS + 1; n++) {
                String name = n + ".root.json";
                Optional<byte[]> bytes = BoundedReads.read(source, name, FetchLimits.ROOT_MAX_BYTES);
                if (bytes.isEmpty()) {
                    break;
                }
                String where = source.locate(name);
                SignedEnvelope envelope = SignedEnvelope.parse(bytes.get(), where);
                RootMetadata root = RootMetadata.fromSigned(envelope.signed(), where);
                if (root.version() != n) {
                    problems.add(where + ": holds root version " + root.version() + ", expected " + n);
                }
                Signatures.verifyThreshold(envelope, root, Role.ROOT, where);
                if (previous != null) {
                    Signatures.verifyThreshold(envelope, previous.keys(), previous.role(Role.ROOT),
                            "root (previous, v" + previous.version() + ")", where);
                }
                previous = root;
                newest = bytes.get();
            }
            String rootName = Role.ROOT.fileName();
            if (newest == null) {
                problems.add(source.locate("1.root.json") + ": missing (every root version is kept as <N>.root.json)");
            } else if (!Arrays.equals(BoundedReads.require(source, rootName, FetchLimits.ROOT_MAX_BYTES), newest)) {
                problems.add(source.locate(rootName) + ": differs from the newest " + previous.version() + ".root.json");
            }
        } catch (CatalogException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
