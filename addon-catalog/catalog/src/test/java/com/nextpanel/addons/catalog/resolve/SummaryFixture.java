package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.manifest.Console;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.manifest.Requires;
import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds catalog summaries for resolver tests: {@code addon("sms", "1.0.0").requires("hub", "^1").build()}. */
final class SummaryFixture {

    private final String id;
    private final String version;
    private String core = ">=1.0.0 <2.0.0";
    private final Map<String, VersionRange> requires = new LinkedHashMap<>();
    private final List<String> conflicts = new ArrayList<>();
    private List<String> routes;

    private SummaryFixture(String id, String version) {
        this.id = id;
        this.version = version;
        this.routes = List.of("/api/v1/" + id);
    }

    static SummaryFixture addon(String id, String version) {
        return new SummaryFixture(id, version);
    }

    SummaryFixture requires(String dependency, String range) {
        requires.put(dependency, VersionRange.parse(range));
        return this;
    }

    SummaryFixture core(String range) {
        this.core = range;
        return this;
    }

    SummaryFixture conflicts(String other) {
        conflicts.add(other);
        return this;
    }

    SummaryFixture routes(String... prefixes) {
        this.routes = List.of(prefixes);
        return this;
    }

    ManifestSummary build() {
        return new ManifestSummary(id, "Addon " + id, Version.parse(version), "d", "c",
                new Requires(VersionRange.parse(core), requires), conflicts, routes, List.of(),
                List.of(id + "_items"), Console.NONE, "");
    }
}
