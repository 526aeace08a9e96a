package com.nextpanel.addons.agent.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the real sample addon packages from their sources in {@code addon-catalog/samples} (code compiled here
 * against the SPI, manifests and migrations as the sample's build lays them out), so these tests need no other
 * module's build output.
 */
final class SamplePackages {

    static final Path SAMPLES = Path.of("../../addon-catalog/samples").toAbsolutePath().normalize();

    private SamplePackages() {
    }

    /**
     * Packs {@code ai_chatbot} {@code version} into a zip: addon.json of that version, lib/ with the compiled code,
     * migrations of 1.0.0 plus the version's own.
     */
    static Path aiChatbot(String version, Path work) throws IOException {
        Path jar = work.resolve("ai_chatbot.jar");
        if (!Files.exists(jar)) {
            compile(List.of(SAMPLES.resolve("ai_chatbot/src/main/java"), SAMPLES.resolve("common/src/main/java")),
                    work.resolve("classes"), jar);
        }
        Path addon = SAMPLES.resolve("ai_chatbot/src/addon");
        Path zip = work.resolve("ai_chatbot-" + version + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "addon.json", addon.resolve(version).resolve("addon.json"));
            put(out, "lib/ai_chatbot.jar", jar);
            for (String v : version.equals("1.0.0") ? List.of("1.0.0") : List.of("1.0.0", version)) {
                Path migrations = addon.resolve(v).resolve("migrations");
                if (Files.isDirectory(migrations)) {
                    try (Stream<Path> files = Files.list(migrations)) {
                        for (Path f : files.sorted().toList()) {
                            put(out, "migrations/" + f.getFileName(), f);
                        }
                    }
                }
            }
        }
        return zip;
    }

    private static void put(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
    }

    private static void compile(List<Path> sourceRoots, Path classes, Path jar) throws IOException {
        List<String> files = new ArrayList<>();
        for (Path rootDir : sourceRoots) {
            try (Stream<Path> walk = Files.walk(rootDir)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
            }
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path")));
        args.addAll(files);
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("cannot compile the sample sources " + sourceRoots);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                try (OutputStream ignored = OutputStream.nullOutputStream()) {
                    out.write(Files.readAllBytes(f));
                }
                out.closeEntry();
            }
        }
    }
}
