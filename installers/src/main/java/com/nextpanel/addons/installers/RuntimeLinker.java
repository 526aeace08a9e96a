package com.nextpanel.addons.installers;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Makes a trimmed Java runtime for an application that runs on the class path: jdeps finds the JDK modules
 * the jars reference, jlink links just those (plus the ones only reached through services).
 */
final class RuntimeLinker {

    /**
     * Modules no class references directly, found through ServiceLoader at run time: elliptic curves and
     * Ed25519 for TLS (jdk.crypto.ec), the zip file system (jdk.zipfs), and DNS/charsets are left out.
     */
    static final Set<String> SERVICE_MODULES = Set.of("jdk.crypto.ec", "jdk.zipfs");

    private static final int CLASS_FILE_VERSION_OFFSET = 44;

    private final Tools tools;

    RuntimeLinker(Tools tools) {
        this.tools = tools;
    }

    /**
     * The JDK modules that the jars need. jdeps reads modular jars (JavaFX, Jackson, AtlantaFX...) as
     * modules and then insists on resolving their module graphs; the application runs them on the class
     * path, so jdeps analyses copies without their module descriptors, the way they run.
     */
    Set<String> modulesFor(List<Path> jars, Path scratch) {
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", String.valueOf(Runtime.version().feature())));
        for (Path jar : jars) {
            Path copy = scratch.resolve(jar.getFileName());
            int classVersion = copyWithoutModuleDescriptor(jar, copy);
            warnWhenTooNew(jar, classVersion);
            args.add(copy.toString());
        }
        String printed = tools.jdkTool("jdeps", args).trim();
        Set<String> modules = new TreeSet<>(Arrays.asList(printed.split(",")));
        modules.removeIf(String::isBlank);
        modules.addAll(SERVICE_MODULES);
        return modules;
    }

    /** Links the modules into {@code output}; keeps bin/java when a script must start it. */
    void link(Set<String> modules, Path jmods, Path output, boolean keepJavaCommand) {
        Files2.deleteRecursively(output);
        List<String> args = new ArrayList<>(List.of(
                "--module-path", jmods.toString(),
                "--add-modules", String.join(",", modules),
                "--output", output.toString(),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=2"));
        if (!keepJavaCommand) {
            args.add("--strip-native-commands");
        }
        tools.jdkTool("jlink", args);
    }

    /** Copies a jar without module-info.class entries; returns the highest class file major version in it. */
    static int copyWithoutModuleDescriptor(Path jar, Path copy) {
        int highest = 0;
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = in.getManifest() == null ? new Manifest() : in.getManifest();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (entry.getName().endsWith("module-info.class") || entry.isDirectory()) {
                        continue;
                    }
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/versions/")) {
                        highest = Math.max(highest, majorVersion(bytes));
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot read " + jar + ": " + e.getMessage(), e);
        }
        return highest;
    }

    private static int majorVersion(byte[] classFile) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (data.readInt() != 0xCAFEBABE) {
                return 0;
            }
            data.readUnsignedShort();
            return data.readUnsignedShort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A library compiled for a newer Java than the bundled runtime fails with UnsupportedClassVersionError. */
    private static void warnWhenTooNew(Path jar, int classVersion) {
        int runtimeFeature = Runtime.version().feature();
        if (classVersion > runtimeFeature + CLASS_FILE_VERSION_OFFSET) {
            System.out.println("[installers] WARNING: " + jar.getFileName() + " is compiled for Java "
                    + (classVersion - CLASS_FILE_VERSION_OFFSET) + " but the bundled runtime is Java " + runtimeFeature
                    + ": its classes fail with UnsupportedClassVersionError when loaded");
        }
    }
}
