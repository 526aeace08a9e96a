package com.nextpanel.addons.catalog.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of every plan over random catalogs: five addons {@code a0..a4}, each with a few versions,
 * random dependencies (cycles included), ranges, core requirements and conflicts.
 */
class ResolverPropertiesTest {

    private static final List<String> IDS = List.of("a0", "a1", "a2", "a3", "a4");
    private static final List<String> RANGES = List.of("*", "^1", "^2", ">=1.1.0", "~1.0.0", ">=1.0.0 <1.2.0", "^3");

    record Scenario(List<ManifestSummary> catalog, String target) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ManifestSummary> summary = Combinators.combine(
                Arbitraries.of(IDS),
                Arbitraries.of("1.0.0", "1.1.0", "1.2.0", "2.0.0"),
                Arbitraries.maps(Arbitraries.of(IDS), Arbitraries.of(RANGES)).ofMaxSize(3),
                Arbitraries.of(">=1.0.0 <2.0.0", ">=1.0.0 <2.0.0", "^2"),
                Arbitraries.of(IDS).list().ofMaxSize(1)
        ).as((id, version, deps, core, conflicts) -> {
            SummaryFixture f = SummaryFixture.addon(id, version).core(core);
            deps.forEach((dep, range) -> {
                if (!dep.equals(id)) {
                    f.requires(dep, range);
                }
            });
            conflicts.stream().filter(c -> !c.equals(id)).forEach(f::conflicts);
            return f.build();
        });
        return Combinators.combine(summary.list().ofMinSize(1).ofMaxSize(12), Arbitraries.of(IDS))
                .as((list, target) -> new Scenario(dedupe(list), target));
    }

    private static List<ManifestSummary> dedupe(List<ManifestSummary> list) {
        Map<String, ManifestSummary> byCoordinates = new HashMap<>();
        list.forEach(s -> byCoordinates.putIfAbsent(s.coordinates(), s));
        return new ArrayList<>(byCoordinates.values());
    }

    private static Resolution resolve(Scenario s) {
        return new Resolver(CatalogView.of(s.catalog()), CoreVersion.CURRENT).resolve(Request.install(s.target()), Map.of());
    }

    @Property(tries = 150)
    void everyPlanListsEachDependencyBeforeItsDependent(@ForAll("scenarios") Scenario scenario) {
        if (resolve(scenario) instanceof Resolution.Plan plan) {
            Set<String> before = new HashSet<>();
            for (ManifestSummary s : plan.toInstall()) {
                assertThat(before).containsAll(s.requires().addons().keySet());
                before.add(s.id());
            }
            assertThat(plan.target().id()).isEqualTo(scenario.target());
        }
    }

    @Property(tries = 150)
    void everyPlannedVersionSatisfiesEveryRangeThatPointsAtIt(@ForAll("scenarios") Scenario scenario) {
        if (resolve(scenario) instanceof Resolution.Plan plan) {
            Map<String, ManifestSummary> byId = new HashMap<>();
            plan.toInstall().forEach(s -> assertThat(byId.put(s.id(), s)).as("each addon planned once").isNull());
            for (ManifestSummary s : plan.toInstall()) {
                assertThat(s.requires().core().isSatisfiedBy(CoreVersion.CURRENT)).isTrue();
                for (Map.Entry<String, VersionRange> dep : s.requires().addons().entrySet()) {
                    assertThat(dep.getValue().isSatisfiedBy(byId.get(dep.getKey()).version()))
                            .as("%s needs %s %s", s.coordinates(), dep.getKey(), dep.getValue()).isTrue();
                }
                for (String other : s.conflicts()) {
                    assertThat(byId).doesNotContainKey(other);
                }
            }
        }
    }

    @Property(tries = 100)
    void aRefusalAlwaysGivesAtLeastOneReason(@ForAll("scenarios") Scenario scenario) {
        Resolution resolution = resolve(scenario);
        Statistics.collect(resolution.getClass().getSimpleName());
        if (resolution instanceof Resolution.Refused refused) {
            assertThat(refused.reasons()).isNotEmpty();
        }
    }

    @Property(tries = 100)
    void thePlannedTargetIsTheNewestVersionThatCanBeInstalledAlone(@ForAll("scenarios") Scenario scenario) {
        // Any version of the target newer than the planned one must be refused when requested explicitly.
        if (resolve(scenario) instanceof Resolution.Plan plan) {
            Resolver resolver = new Resolver(CatalogView.of(scenario.catalog()), CoreVersion.CURRENT);
            scenario.catalog().stream()
                    .filter(s -> s.id().equals(scenario.target()) && s.version().isNewerThan(plan.target().version()))
                    .forEach(newer -> assertThat(resolver.resolve(Request.install(newer.id(), newer.version()), Map.of()))
                            .isInstanceOf(Resolution.Refused.class));
        }
    }
}
