package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory records. Hand-written because {@code java.util.zip} does not expose
 * an entry's external attributes, where Unix tools record that an entry is a symbolic link
 * ({@code S_IFLNK} in the high 16 bits). Only what the checks need is read; the content is then read
 * through {@link java.util.zip.ZipFile}, which parses the same central directory.
 * Zip64, multi-disk and encrypted archives are refused: a package never needs them.
 */
final class CentralDirectory {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CEN_SIGNATURE = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int CEN_HEADER = 46;
    private static final long MAX_CEN_BYTES = 64L * 1024 * 1024;

    /** One central directory record. */
    record Entry(String name, int unixMode, long compressedSize, long declaredSize, int method) {
        boolean isDirectory() {
            return name.endsWith("/");
        }

        int fileType() {
            return unixMode & 0170000;
        }
    }

    private CentralDirectory() {
    }

    /**
     * @throws CatalogException {@link ErrorCode#TOO_LARGE} beyond {@code maxEntries} records (counted,
     *                          not taken from the header), {@link ErrorCode#PACKAGE_UNSAFE} when malformed
     */
    static List<Entry> read(Path zip, int maxEntries) {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer eocd = findEndRecord(ch, size, zip);
            int disk = Short.toUnsignedInt(eocd.getShort(4));
            int cenDisk = Short.toUnsignedInt(eocd.getShort(6));
            int total = Short.toUnsignedInt(eocd.getShort(10));
            long cenSize = Integer.toUnsignedLong(eocd.getInt(12));
            long cenOffset = Integer.toUnsignedLong(eocd.getInt(16));
            if (total == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
                throw unsafe(zip, "zip64 archives are not accepted");
            }
            if (disk != 0 || cenDisk != 0) {
                throw unsafe(zip, "multi-disk archives are not accepted");
            }
            if (cenSize > MAX_CEN_BYTES || cenOffset + cenSize > size) {
                throw unsafe(zip, "central directory lies outside the file");
            }
            ByteBuffer cen = ByteBuffer.allocate((int) cenSize).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, cen, cenOffset);
            return parse(cen, zip, maxEntries);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read " + zip + ": " + e.getMessage(), e);
        }
    }

    private static List<Entry> parse(ByteBuffer cen, Path zip, int maxEntries) {
        List<Entry> entries = new ArrayList<>();
        int pos = 0;
        while (pos < cen.limit()) {
            if (pos + CEN_HEADER > cen.limit() || cen.getInt(pos) != CEN_SIGNATURE) {
                throw unsafe(zip, "malformed central directory at byte " + pos);
            }
            if (entries.size() == maxEntries) {
                throw new CatalogException(ErrorCode.TOO_LARGE,
                        zip + ": more than " + maxEntries + " entries");
            }
            int flags = Short.toUnsignedInt(cen.getShort(pos + 8));
            int method = Short.toUnsignedInt(cen.getShort(pos + 10));
            long csize = Integer.toUnsignedLong(cen.getInt(pos + 20));
            long usize = Integer.toUnsignedLong(cen.getInt(pos + 24));
            int nameLength = Short.toUnsignedInt(cen.getShort(pos + 28));
            int extraLength = Short.toUnsignedInt(cen.getShort(pos + 30));
            int commentLength = Short.toUnsignedInt(cen.getShort(pos + 32));
            int external = cen.getInt(pos + 38);
            int end = pos + CEN_HEADER + nameLength + extraLength + commentLength;
            if (end > cen.limit()) {
                throw unsafe(zip, "malformed central directory at byte " + pos);
            }
            if ((flags & 1) != 0) {
                throw unsafe(zip, "encrypted entries are not accepted");
            }
            byte[] nameBytes = new byte[nameLength];
            cen.get(pos + CEN_HEADER, nameBytes);
            entries.add(new Entry(decodeName(nameBytes, zip), external >>> 16, csize, usize, method));
            pos = end;
        }
        return entries;
    }

    /** Names are read as strict UTF-8, as {@link java.util.zip.ZipFile} reads them by default. */
    private static String decodeName(byte[] bytes, Path zip) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw unsafe(zip, "an entry name is not valid UTF-8");
        }
    }

    private static ByteBuffer findEndRecord(FileChannel ch, long size, Path zip) throws IOException {
        if (size < EOCD_SIZE) {
            throw unsafe(zip, "not a zip file (too short)");
        }
        int window = (int) Math.min(size, EOCD_SIZE + 0xFFFF);
        ByteBuffer tail = ByteBuffer.allocate(window).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, tail, size - window);
        for (int i = window - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIGNATURE
                    && i + EOCD_SIZE + Short.toUnsignedInt(tail.getShort(i + 20)) == window) {
                ByteBuffer eocd = ByteBuffer.allocate(EOCD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
                eocd.put(0, tail, i, EOCD_SIZE);
                return eocd;
            }
        }
        throw unsafe(zip, "not a zip file (no end of central directory record)");
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        buffer.flip();
    }

    private static CatalogException unsafe(Path zip, String message) {
        return new CatalogException(ErrorCode.PACKAGE_UNSAFE, zip + ": " + message);
    }
}
