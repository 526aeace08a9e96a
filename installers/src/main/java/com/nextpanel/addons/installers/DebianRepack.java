package com.nextpanel.addons.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Adds files outside the install dir to a .deb that jpackage made: unpack with {@code dpkg-deb --raw-extract},
 * add the files (and list the configuration ones in DEBIAN/conffiles), fix Installed-Size, pack again owned
 * by root. dpkg-deb is what jpackage itself packs with, so nothing new is needed on the build machine.
 */
final class DebianRepack {

    private static final Pattern INSTALLED_SIZE = Pattern.compile("(?m)^Installed-Size:.*$");

    /**
     * One file to add.
     *
     * @param source   the file to copy
     * @param path     where it goes, relative to / (e.g. "etc/nextpanel-agent/agent.conf")
     * @param mode     its POSIX mode, e.g. "rw-r-----"
     * @param conffile whether dpkg keeps an administrator's edits of it on upgrade
     */
    record PackagedFile(Path source, String path, String mode, boolean conffile) {
    }

    private final Tools tools;

    DebianRepack(Tools tools) {
        this.tools = tools;
    }

    void addServiceFiles(Path deb, List<PackagedFile> files, Path work) {
        Files2.deleteRecursively(work);
        Path root = work.resolve("root");
        Files2.createDirectories(work);
        tools.command(work, List.of("dpkg-deb", "--raw-extract", deb.toString(), root.toString()));

        List<String> conffiles = new ArrayList<>();
        for (PackagedFile file : files) {
            Path target = root.resolve(file.path());
            createParents(root, target.getParent());
            Files2.copy(file.source(), target);
            Files2.setMode(target, file.mode());
            if (file.conffile()) {
                conffiles.add("/" + file.path());
            }
        }
        try {
            Path debian = root.resolve("DEBIAN");
            if (!conffiles.isEmpty()) {
                Path list = debian.resolve("conffiles");
                Files.write(list, conffiles);
                Files2.setMode(list, "rw-r--r--");
            }
            Path control = debian.resolve("control");
            long kibibytes = (Files2.sizeOf(root) - Files2.sizeOf(debian) + 1023) / 1024;
            String text = Files.readString(control);
            Files.writeString(control, INSTALLED_SIZE.matcher(text).replaceFirst("Installed-Size: " + kibibytes));
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot edit the control files of " + deb + ": " + e.getMessage(), e);
        }
        // Compressed as DPKG_DEB_COMPRESSOR_TYPE says (the pom sets gzip), like jpackage's own dpkg-deb run.
        tools.command(work, List.of("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString()));
    }

    /** Creates the missing directories between root and dir with mode 755, whatever the umask. */
    private static void createParents(Path root, Path dir) {
        Path current = root;
        for (Path part : root.relativize(dir)) {
            current = current.resolve(part);
            if (!Files.isDirectory(current)) {
                Files2.createDirectories(current);
                Files2.setMode(current, "rwxr-xr-x");
            }
        }
    }
}
