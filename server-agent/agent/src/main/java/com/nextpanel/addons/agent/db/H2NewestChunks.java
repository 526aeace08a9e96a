package com.nextpanel.addons.agent.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes H2 find every chunk it wrote before a crash, before the database is opened.
 *
 * <p>Why: H2 (2.5.252, and master as of this writing) stores each commit as a chunk. When a chunk goes into reused
 * space at a place the previous chunk did not predict, H2 rewrites the file header, but with the <em>previous</em>
 * chunk as the newest ({@code RandomAccessStore.writeChunk} runs before {@code FileStore.storeBuffer} sets
 * {@code lastChunk}). After a crash, opening follows the header and the predicted chain and finds the chunk at the
 * end of the file, so that chunk and those after it in the chain are not found: commits that had returned are lost
 * (the journal's last records, measured in the crash suite; H2 issue #4383's "Chunk N not found" is the same
 * root). Every chunk is still in the file. Opening the store once in MVStore's recovery mode scans the whole file,
 * takes the newest chunk whose references are all valid, and closing writes a header that names it; H2 then opens
 * the database on it.
 *
 * <p>Only after an unclean shutdown (the header lacks H2's {@code clean} mark): a cleanly closed file's header is
 * right. The scan reads the whole file (measured in {@code src/docs/benchmarks.md}, {@code H2ScanBench}).
 */
public final class H2NewestChunks {

    private static final Logger LOG = LoggerFactory.getLogger(H2NewestChunks.class);
    /** H2's store header is a text map in the first 4 KB block (and a copy in the second). */
    private static final int HEADER_BLOCK = 4096;
    private static final Pattern FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*|[A-Za-z]:[^;]*)");
    private static final Pattern CLEAN = Pattern.compile("(?:^|,)clean:1(?:,|$)");

    private H2NewestChunks() {
    }

    /**
     * After an unclean shutdown of an embedded H2 database, makes H2 open the newest complete state its file holds;
     * does nothing for other URLs, a missing file or a cleanly closed one.
     *
     * <p>Both reads are read-only: what H2 alone would open, and what a full scan finds. Only when the scan found a
     * newer complete state is the store opened for writing (in recovery mode, which only rewrites the header), so a
     * file H2 reads right is never written here.
     *
     * @return whether H2 would have opened an older state, which is now the newest one
     */
    public static boolean recoverIfUnclean(String jdbcUrl) {
        Optional<Path> found = storeFile(jdbcUrl);
        if (found.isEmpty() || !Files.isRegularFile(found.get())) {
            return false;
        }
        Path file = found.get();
        long t0 = System.nanoTime();
        long h2Alone;
        long newest;
        try {
            if (cleanlyClosed(file)) {
                return false;
            }
            h2Alone = newestVersion(file, false);
            newest = newestVersion(file, true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not scan the H2 file {} after an unclean shutdown; H2 opens it as it is: {}", file,
                    e.toString());
            return false;
        }
        if (newest <= h2Alone) {
            LOG.info("H2 was not shut down cleanly; it finds its newest state (version {}) in {} ({} bytes), scanned"
                    + " in {} ms", h2Alone, file, sizeOf(file), (System.nanoTime() - t0) / 1_000_000);
            return false;
        }
        new MVStore.Builder().fileName(file.toString()).recoveryMode().autoCommitDisabled().open().close();
        LOG.warn("H2 was not shut down cleanly and would have opened version {} of {}, losing {} newer committed"
                + " version(s) it holds; made it open version {} ({} ms)", h2Alone, file, newest - h2Alone, newest,
                (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /** @return the version of the state H2 opens the file at, after a full scan of it if {@code scan} */
    private static long newestVersion(Path file, boolean scan) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).readOnly();
        try (MVStore store = (scan ? builder.recoveryMode() : builder).open()) {
            return store.getCurrentVersion();
        }
    }

    /** @return the {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:[file:]path[;...]}) */
    static Optional<Path> storeFile(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:mem:") || jdbcUrl.startsWith("jdbc:h2:tcp:")
                || jdbcUrl.startsWith("jdbc:h2:ssl:") || jdbcUrl.startsWith("jdbc:h2:zip:")) {
            return Optional.empty();
        }
        Matcher m = FILE_URL.matcher(jdbcUrl);
        if (!m.find()) {
            return Optional.empty();
        }
        String path = m.group(1);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".mv.db"));
    }

    /** @return whether H2's store header carries its clean-shutdown mark */
    static boolean cleanlyClosed(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer block = ByteBuffer.allocate(HEADER_BLOCK);
            channel.read(block, 0);
            String header = new String(block.array(), 0, block.position(), StandardCharsets.ISO_8859_1);
            int end = header.indexOf('\n');
            return CLEAN.matcher(end < 0 ? header : header.substring(0, end)).find();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
