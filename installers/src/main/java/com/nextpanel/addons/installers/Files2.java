package com.nextpanel.addons.installers;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** The few file operations the build needs, with failures turned into {@link InstallerException}s. */
final class Files2 {

    private Files2() {
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes and re-creates an empty directory. */
    static Path freshDirectory(Path dir) {
        deleteRecursively(dir);
        return createDirectories(dir);
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    static Path copy(Path source, Path target) {
        try {
            createDirectories(target.getParent());
            return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Copies a tree, keeping file modes (the runtime's bin/java stays executable). */
    static void copyTree(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    createDirectories(destination);
                } else {
                    copy(path, destination);
                }
            }
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot copy " + source + ": " + e.getMessage(), e);
        }
    }

    /** Copies a text template, replacing each {@code @KEY@} with its value, and sets a POSIX mode like "rwxr-xr-x". */
    static void copyTemplate(Path template, Path target, List<String[]> replacements, String mode) {
        try {
            String text = Files.readString(template);
            for (String[] pair : replacements) {
                text = text.replace("@" + pair[0] + "@", pair[1]);
            }
            createDirectories(target.getParent());
            Files.writeString(target, text);
            setMode(target, mode);
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot write " + target + " from " + template + ": " + e.getMessage(), e);
        }
    }

    static void setMode(Path path, String mode) {
        if (BuildSettings.os() == BuildSettings.Os.WINDOWS) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot set mode " + mode + " on " + path + ": " + e.getMessage(), e);
        }
    }

    static long sizeOf(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new InstallerException(ErrorCode.IO, "cannot read size of " + p, e);
                }
            }).sum();
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot walk " + path + ": " + e.getMessage(), e);
        }
    }
}
