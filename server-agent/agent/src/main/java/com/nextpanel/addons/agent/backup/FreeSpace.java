package com.nextpanel.addons.agent.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes a new backup may use under a directory; injectable so a test can play a full disk. */
@FunctionalInterface
public interface FreeSpace {

    long usableBytes(Path dir) throws IOException;

    /** The file store's usable space. */
    static FreeSpace ofFileStore() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }
}
