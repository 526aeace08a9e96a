package com.nextpanel.addons.catalog.cli;

import com.nextpanel.addons.catalog.archive.PackResult;
import com.nextpanel.addons.catalog.archive.PackageWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Packs SRC_DIR (addon.json, lib/*.jar, migrations/*.sql) into an addon package zip.")
final class PackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC_DIR", description = "the addon's source directory")
    Path src;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "the package to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PackResult packed = new PackageWriter().write(src, out);
        spec.commandLine().getOut().println("packed " + packed.summary().coordinates() + " -> " + out + " (" + packed.length()
                + " bytes, sha256 " + packed.sha256Hex() + ")");
        return AddonCatalogCli.OK;
    }
}
