package com.nextpanel.addons.console.marketplace;

import org.semver4j.Semver;

/** SemVer ordering through semver4j (pre-releases below releases), falling back to text for non-SemVer strings. */
public final class Versions {

    private Versions() {
    }

    public static int compare(String a, String b) {
        Semver va = Semver.parse(a);
        Semver vb = Semver.parse(b);
        if (va != null && vb != null) {
            return va.compareTo(vb);
        }
        return a.compareTo(b);
    }

    /** @return true when {@code candidate} is newer than {@code installed} */
    public static boolean isNewer(String candidate, String installed) {
        return !candidate.isBlank() && !installed.isBlank() && compare(candidate, installed) > 0;
    }
}
