package com.nextpanel.addons.catalog.cli;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.archive.PackageReader;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogSource;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.RootChain;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies the catalog's signed metadata against the trusted root and then FILE.zip, or, without "
                + "FILE, every package the catalog lists (length, sha256, safe reading, manifest against summary). "
                + "Exit 0 when all is well, 1 with one line per problem.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--catalog", required = true, paramLabel = "DIR_OR_URL", description = "catalog directory or https URL")
    String catalog;

    @Option(names = "--root", required = true, paramLabel = "root.json", description = "the trusted root")
    Path root;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "remember versions here across runs (rollback protection); default: a fresh state each run")
    Path stateDir;

    @Parameters(arity = "0..1", paramLabel = "FILE.zip", description = "one package to verify against the catalog")
    Path file;

    @ParentCommand
    AddonCatalogCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CatalogSource source = CatalogSource.of(catalog);
        List<String> problems = new ArrayList<>();
        problems.addAll(RootChain.check(source));
        Path work = Files.createTempDirectory("addon-catalog-verify");
        try {
            CatalogClient.Builder builder = CatalogClient.builder(source).trustedRoot(root).clock(parent.clock());
            if (stateDir != null) {
                builder.stateDir(stateDir);
            }
            CatalogClient client = builder.build();
            VerifiedCatalog verified = null;
            try {
                verified = client.refresh();
            } catch (CatalogException e) {
                problems.add(e.getMessage());
            }
            if (verified != null) {
                PackageChecks checks = new PackageChecks(client, source, verified, work.resolve("cache"));
                problems.addAll(file != null ? checks.checkFile(file) : checks.checkAll());
            }
            report(problems, verified);
        } finally {
            deleteTree(work);
        }
        return problems.isEmpty() ? AddonCatalogCli.OK : AddonCatalogCli.FAILED;
    }

    private void report(List<String> problems, VerifiedCatalog verified) {
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(err::println);
        err.flush();
        if (problems.isEmpty()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("OK " + catalog + ": root v" + verified.root().version() + ", timestamp v"
                    + verified.timestamp().version() + ", snapshot v" + verified.snapshot().version() + ", targets v"
                    + verified.targetsRole().version() + " signed by " + String.join(",", verified.targetsSignedBy()) + "; "
                    + (file != null ? file + " verified" : verified.targets().size() + " package(s) verified"));
            out.flush();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Checks of packages against the verified catalog; every problem is a line naming the file. */
    private record PackageChecks(CatalogClient client, CatalogSource source, VerifiedCatalog catalog, Path cache) {

        List<String> checkAll() {
            List<String> problems = new ArrayList<>();
            for (CatalogTarget target : catalog.targets()) {
                try {
                    Path verified = client.fetchTarget(target, cache);
                    problems.addAll(checkContents(verified, target, source.locate(target.path())));
                } catch (CatalogException e) {
                    problems.add(e.getMessage());
                }
            }
            return problems;
        }

        List<String> checkFile(Path file) {
            String sha256;
            long length;
            try {
                byte[] bytes = Files.readAllBytes(file);
                sha256 = com.nextpanel.addons.catalog.tuf.Hashes.sha256Hex(bytes);
                length = bytes.length;
            } catch (IOException e) {
                return List.of(file + ": cannot read (" + e.getMessage() + ")");
            }
            // hash first: a zip is opened only once the catalog vouches for its exact bytes
            for (CatalogTarget target : catalog.targets()) {
                if (target.sha256().equals(sha256) && target.length() == length) {
                    return checkContents(file, target, file.toString());
                }
            }
            String byName = "packages/" + file.getFileName();
            return List.of(catalog.findByPath(byName)
                    .map(t -> file + ": length/sha256 differ from " + t.path() + " in targets.json (" + length + " bytes, sha256 "
                            + sha256 + ")")
                    .orElse(file + ": not in the catalog (no target has its sha256 " + sha256 + ")"));
        }

        private static List<String> checkContents(Path zip, CatalogTarget target, String name) {
            try {
                ManifestSummary declared = new PackageReader().inspect(zip).summary();
                List<String> problems = new ArrayList<>();
                if (!declared.id().equals(target.id()) || !declared.version().equals(target.manifest().version())) {
                    problems.add(name + ": its manifest says " + declared.coordinates()
                            + " but targets.json lists " + target.manifest().coordinates());
                } else if (!declared.equals(target.manifest())) {
                    problems.add(name + ": its manifest differs from the summary targets.json signs");
                }
                return problems;
            } catch (CatalogException e) {
                // name the package as the user knows it, not the verified copy in the temporary cache
                String message = e.getMessage().replace(zip.toString(), name);
                return List.of(message.contains(name) ? message : name + ": " + message);
            }
        }
    }
}
