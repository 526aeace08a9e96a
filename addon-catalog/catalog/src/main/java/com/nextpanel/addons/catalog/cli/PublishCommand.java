package com.nextpanel.addons.catalog.cli;

import com.nextpanel.addons.catalog.archive.PackageReader;
import com.nextpanel.addons.catalog.client.SummaryJson;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.catalog.tuf.Role;
import com.nextpanel.addons.catalog.tuf.TargetPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Adds packages to the catalog in DIR (creating it with root version 1 when absent), bumps the "
                + "targets, snapshot and timestamp versions and signs them with the keys in KEYDIR.")
final class PublishCommand implements Callable<Integer> {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([dhm])");

    @Option(names = "--catalog", required = true, paramLabel = "DIR", description = "the catalog directory")
    Path catalog;

    @Option(names = "--keys", required = true, paramLabel = "KEYDIR", description = "the keys made by keygen")
    Path keys;

    @Option(names = "--expires", paramLabel = "ROLE=DURATION", mapFallbackValue = "",
            description = "expiry per role from now, e.g. timestamp=1d targets=90d root=365d (or ISO-8601 P30D); "
                    + "giving root publishes a new root version")
    Map<String, String> expires = new LinkedHashMap<>();

    @Parameters(arity = "0..*", paramLabel = "FILE.zip", description = "packages to add")
    List<Path> files = new ArrayList<>();

    @ParentCommand
    AddonCatalogCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<Role, Duration> expiries = parseExpiries();
        Keyring keyring = Keyring.load(keys);
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        for (Path file : files) {
            // the safe reader: the same checks an agent applies before it installs the package
            ManifestSummary summary = new PackageReader().inspect(file).summary();
            targets.add(new CatalogPublisher.NewTarget(TargetPaths.packagePath(summary.id(), summary.version().toString()),
                    file, SummaryJson.toCustom(summary)));
        }
        CatalogPublisher.Result result = new CatalogPublisher(catalog, keyring, parent.clock(), expiries).publish(targets);
        PrintWriter out = spec.commandLine().getOut();
        result.added().forEach(p -> out.println("added " + p));
        result.unchanged().forEach(p -> out.println("unchanged " + p + " (already published with the same bytes)"));
        out.println("published " + catalog + ": root v" + result.rootVersion() + ", targets v" + result.targetsVersion()
                + ", snapshot v" + result.snapshotVersion() + ", timestamp v" + result.timestampVersion());
        return AddonCatalogCli.OK;
    }

    private Map<Role, Duration> parseExpiries() {
        Map<Role, Duration> out = new EnumMap<>(Role.class);
        expires.forEach((roleName, value) -> {
            Role role = Role.byId(roleName.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "--expires: unknown role '" + roleName + "' (root, targets, snapshot, timestamp)"));
            out.put(role, parseDuration(value));
        });
        return out;
    }

    private Duration parseDuration(String value) {
        Matcher m = SHORT_DURATION.matcher(value.trim());
        Duration d;
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            } else {
                d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            }
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--expires: '" + value + "' is not a duration (e.g. 30d, 12h, P30D)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ParameterException(spec.commandLine(), "--expires: '" + value + "' must be positive");
        }
        return d;
    }
}
