package com.nextpanel.addons.catalog.tuf;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Threshold signature checks: each trusted key counts once, unknown keys and bad signatures are ignored. */
public final class Signatures {

    private Signatures() {
    }

    /** Checks {@code envelope} against the keys and threshold that {@code root} names for {@code role}. */
    public static List<String> verifyThreshold(SignedEnvelope envelope, RootMetadata root, Role role, String file) {
        return verifyThreshold(envelope, root.keys(), root.role(role), role.id(), file);
    }

    /**
     * @return the ids of the distinct trusted keys whose signatures are valid, sorted
     * @throws CatalogException {@link ErrorCode#SIGNATURE_THRESHOLD_NOT_MET} when they are fewer than the threshold
     */
    public static List<String> verifyThreshold(SignedEnvelope envelope, Map<String, TufKey> keys, RoleKeys roleKeys,
                                               String roleName, String file) {
        byte[] message = envelope.canonicalBytes();
        Set<String> validIds = new TreeSet<>();
        // the same public key listed under two ids is still one key
        Set<String> countedPublicKeys = new HashSet<>();
        for (Signature sig : envelope.signatures()) {
            TufKey key = keys.get(sig.keyId());
            if (key == null || !roleKeys.keyIds().contains(sig.keyId()) || validIds.contains(sig.keyId())) {
                continue;
            }
            if (key.verifies(message, sig.sigHex()) && countedPublicKeys.add(key.publicHex().toLowerCase(java.util.Locale.ROOT))) {
                validIds.add(sig.keyId());
            }
        }
        if (validIds.size() < roleKeys.threshold()) {
            throw new CatalogException(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, file + ": signed by " + validIds.size()
                    + " valid " + roleName + " key(s), threshold is " + roleKeys.threshold()
                    + " (signatures are missing, invalid or from keys the " + roleName + " role does not name)");
        }
        return new ArrayList<>(validIds);
    }
}
