package com.nextpanel.addons.catalog.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real zip files for tests, including the malformed ones attackers make. Entries are written with
 * {@link ZipOutputStream}; what it refuses to write (links, duplicate names, lying sizes) is produced by
 * patching the central directory and local headers afterwards, here and only here.
 */
public final class ZipFixture {

    private record Item(String name, byte[] data, boolean stored) {
    }

    private record Patch(int index, Consumer<ByteBuffer> central, Consumer<ByteBuffer> local) {
    }

    private final List<Item> items = new ArrayList<>();
    private final List<Patch> patches = new ArrayList<>();

    public static ZipFixture zip() {
        return new ZipFixture();
    }

    public ZipFixture entry(String name, byte[] data) {
        items.add(new Item(name, data, false));
        return this;
    }

    public ZipFixture entry(String name, String text) {
        return entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public ZipFixture storedEntry(String name, byte[] data) {
        items.add(new Item(name, data, true));
        return this;
    }

    /** An entry whose central directory record marks it as a Unix symbolic link to {@code target}. */
    public ZipFixture symlink(String name, String target) {
        entry(name, target);
        int index = items.size() - 1;
        patches.add(new Patch(index, cen -> {
            cen.putShort(4, (short) ((3 << 8) | 20)); // made by: Unix
            cen.putInt(38, 0120777 << 16);            // S_IFLNK | 0777
        }, local -> { }));
        return this;
    }

    /** Renames entry {@code index} after writing, to a name {@link ZipOutputStream} would refuse (same length). */
    public ZipFixture renameEntry(int index, String newName) {
        byte[] bytes = newName.getBytes(StandardCharsets.UTF_8);
        patches.add(new Patch(index, cen -> cen.put(46, bytes), local -> local.put(30, bytes)));
        return this;
    }

    /** Makes entry {@code index}'s headers claim {@code declaredSize} uncompressed bytes. */
    public ZipFixture lieAboutSize(int index, int declaredSize) {
        patches.add(new Patch(index, cen -> cen.putInt(24, declaredSize), local -> { }));
        return this;
    }

    public Path write(Path file) {
        try {
            byte[] bytes = build();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] build() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<Integer> localOffsets = new ArrayList<>();
        try (CountingStream counting = new CountingStream(buffer); ZipOutputStream out = new ZipOutputStream(counting)) {
            for (Item item : items) {
                out.flush();
                localOffsets.add((int) counting.count);
                ZipEntry entry = new ZipEntry(item.name());
                if (item.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(item.data());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(item.data().length);
                    entry.setCompressedSize(item.data().length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(item.data());
                out.closeEntry();
            }
        }
        byte[] bytes = buffer.toByteArray();
        applyPatches(bytes, localOffsets);
        return bytes;
    }

    private void applyPatches(byte[] bytes, List<Integer> localOffsets) {
        if (patches.isEmpty()) {
            return;
        }
        ByteBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = bytes.length - 22;
        int cenOffset = all.getInt(eocd + 16);
        List<Integer> cenOffsets = new ArrayList<>();
        for (int pos = cenOffset, i = 0; i < items.size(); i++) {
            cenOffsets.add(pos);
            pos += 46 + Short.toUnsignedInt(all.getShort(pos + 28)) + Short.toUnsignedInt(all.getShort(pos + 30))
                    + Short.toUnsignedInt(all.getShort(pos + 32));
        }
        for (Patch patch : patches) {
            patch.central().accept(all.slice(cenOffsets.get(patch.index()), bytes.length - cenOffsets.get(patch.index()))
                    .order(ByteOrder.LITTLE_ENDIAN));
            patch.local().accept(all.slice(localOffsets.get(patch.index()), bytes.length - localOffsets.get(patch.index()))
                    .order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
