package com.nextpanel.addons.catalog.tuf;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.regex.Pattern;

/**
 * Target names are paths inside the catalog and become file names and URLs on both sides, so only plain
 * relative names are accepted: segments of letters, digits, {@code . _ + -}, no {@code .} or {@code ..} segment.
 */
public final class TargetPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+\\-][A-Za-z0-9._+\\-]*");

    private TargetPaths() {
    }

    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > 512) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public static String requireSafe(String path) {
        if (!isSafe(path)) {
            throw new CatalogException(ErrorCode.TARGET_UNKNOWN, path + ": not a safe target path");
        }
        return path;
    }

    /** The path our catalog gives a package. */
    public static String packagePath(String id, String version) {
        return requireSafe("packages/" + id + "-" + version + ".zip");
    }
}
