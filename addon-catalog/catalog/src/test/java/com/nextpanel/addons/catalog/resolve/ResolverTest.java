package com.nextpanel.addons.catalog.resolve;

import static com.nextpanel.addons.catalog.resolve.SummaryFixture.addon;
import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static Resolver resolver(SummaryFixture... summaries) {
        return new Resolver(CatalogView.of(Arrays.stream(summaries).map(SummaryFixture::build).toList()), CoreVersion.CURRENT);
    }

    private static Map<String, ManifestSummary> installed(SummaryFixture... summaries) {
        Map<String, ManifestSummary> map = new LinkedHashMap<>();
        for (SummaryFixture s : summaries) {
            ManifestSummary built = s.build();
            map.put(built.id(), built);
        }
        return map;
    }

    private static Resolution.Plan plan(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Plan.class);
        return (Resolution.Plan) resolution;
    }

    private static List<Reason> reasons(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Refused.class);
        return ((Resolution.Refused) resolution).reasons();
    }

    private static List<String> coordinates(Resolution resolution) {
        return plan(resolution).toInstall().stream().map(ManifestSummary::coordinates).toList();
    }

    @Test
    void installsTheNewestVersionWithItsDependenciesFirst() {
        Resolver r = resolver(
                addon("notification_hub", "1.0.0"), addon("notification_hub", "1.4.0"), addon("notification_hub", "2.0.0"),
                addon("sms", "1.0.0").requires("notification_hub", ">=1.0.0 <2.0.0"),
                addon("sms", "1.1.0").requires("notification_hub", ">=1.0.0 <2.0.0"));

        Resolution resolution = r.resolve(Request.install("sms"), Map.of());

        assertThat(coordinates(resolution)).containsExactly("notification_hub@1.4.0", "sms@1.1.0");
        assertThat(plan(resolution).target().coordinates()).isEqualTo("sms@1.1.0");
        assertThat(plan(resolution).replaces()).isEmpty();
        assertThat(plan(resolution).tables()).containsExactly("notification_hub.notification_hub_items", "sms.sms_items");
        assertThat(plan(resolution).routes()).containsExactly("/api/v1/notification_hub", "/api/v1/sms");
    }

    @Test
    void transitiveDependenciesComeBeforeTheirDependentsAndEachOnlyOnce() {
        Resolver r = resolver(addon("a", "1.0.0").requires("b", "^1").requires("c", "^1"),
                addon("b", "1.0.0").requires("c", "^1").requires("d", "^1"),
                addon("c", "1.0.0").requires("d", "^1"),
                addon("d", "1.0.0"));

        assertThat(coordinates(r.resolve(Request.install("a"), Map.of())))
                .containsExactly("d@1.0.0", "c@1.0.0", "b@1.0.0", "a@1.0.0");
    }

    @Test
    void anInstalledDependencyThatSatisfiesTheRangeIsNotPlannedAgain() {
        Resolver r = resolver(addon("hub", "1.0.0"), addon("hub", "1.5.0"), addon("sms", "1.0.0").requires("hub", "^1.0"));

        assertThat(coordinates(r.resolve(Request.install("sms"), installed(addon("hub", "1.0.0")))))
                .containsExactly("sms@1.0.0");
    }

    @Test
    void anExplicitVersionIsHonoured() {
        Resolver r = resolver(addon("chat", "1.0.0"), addon("chat", "1.1.0"));

        assertThat(coordinates(r.resolve(Request.install("chat", Version.parse("1.0.0")), Map.of())))
                .containsExactly("chat@1.0.0");
    }

    @Test
    void preReleasesAreChosenOnlyWhenAskedForOrWhenNothingElseExists() {
        Resolver r = resolver(addon("chat", "1.0.0"), addon("chat", "1.1.0-rc.1"), addon("beta", "0.1.0-alpha"));

        assertThat(coordinates(r.resolve(Request.install("chat"), Map.of()))).containsExactly("chat@1.0.0");
        assertThat(coordinates(r.resolve(Request.install("chat", Version.parse("1.1.0-rc.1")), Map.of())))
                .containsExactly("chat@1.1.0-rc.1");
        assertThat(coordinates(r.resolve(Request.install("beta"), Map.of()))).containsExactly("beta@0.1.0-alpha");
    }

    @Test
    void fallsBackToAnOlderVersionWhenTheNewestNeedsAnotherCore() {
        Resolver r = resolver(addon("chat", "1.0.0"), addon("chat", "2.0.0").core(">=2.0.0"));

        assertThat(coordinates(r.resolve(Request.install("chat"), Map.of()))).containsExactly("chat@1.0.0");
    }

    @Test
    void backtracksToAnOlderDependencyWhenTheNewestHasAMissingDependency() {
        Resolver r = resolver(addon("hub", "1.0.0"), addon("hub", "1.1.0").requires("gone", "^1"),
                addon("sms", "1.0.0").requires("hub", "^1"));

        assertThat(coordinates(r.resolve(Request.install("sms"), Map.of()))).containsExactly("hub@1.0.0", "sms@1.0.0");
    }

    @Test
    void refusesAMissingDependency() {
        Resolver r = resolver(addon("sms", "1.0.0").requires("notification_hub", ">=1.0.0 <2.0.0"));

        assertThat(reasons(r.resolve(Request.install("sms"), Map.of()))).containsExactly(
                new Reason.MissingDependency("sms@1.0.0", "notification_hub", VersionRange.parse(">=1.0.0 <2.0.0")));
    }

    @Test
    void refusesWhenNoVersionSatisfiesARange() {
        Resolver r = resolver(addon("hub", "2.0.0"), addon("hub", "2.1.0"), addon("sms", "1.0.0").requires("hub", "^1"));

        List<Reason> reasons = reasons(r.resolve(Request.install("sms"), Map.of()));

        assertThat(reasons).containsExactly(new Reason.NoVersionSatisfies("sms@1.0.0", "hub", VersionRange.parse("^1"),
                List.of(Version.parse("2.0.0"), Version.parse("2.1.0"))));
        assertThat(reasons.get(0).message()).contains("sms@1.0.0 requires hub ^1");
    }

    @Test
    void refusesWhenTheInstalledDependencyIsTooOld() {
        Resolver r = resolver(addon("hub", "1.0.0"), addon("hub", "2.0.0"), addon("sms", "1.0.0").requires("hub", "^2"));

        assertThat(reasons(r.resolve(Request.install("sms"), installed(addon("hub", "1.0.0"))))).containsExactly(
                new Reason.NoVersionSatisfies("sms@1.0.0", "hub", VersionRange.parse("^2"), List.of(Version.parse("1.0.0"))));
    }

    @Test
    void refusesACycle() {
        Resolver r = resolver(addon("a", "1.0.0").requires("b", "*"), addon("b", "1.0.0").requires("c", "*"),
                addon("c", "1.0.0").requires("a", "*"));

        assertThat(reasons(r.resolve(Request.install("a"), Map.of())))
                .containsExactly(new Reason.Cycle(List.of("a", "b", "c", "a")));
    }

    @Test
    void refusesAConflictTheCandidateDeclares() {
        Resolver r = resolver(addon("new_sms", "1.0.0").conflicts("old_sms"));

        assertThat(reasons(r.resolve(Request.install("new_sms"), installed(addon("old_sms", "1.0.0")))))
                .containsExactly(new Reason.Conflict("new_sms", "old_sms", "new_sms"));
    }

    @Test
    void refusesAConflictAnInstalledAddonDeclares() {
        Resolver r = resolver(addon("new_sms", "1.0.0"));

        assertThat(reasons(r.resolve(Request.install("new_sms"), installed(addon("old_sms", "1.0.0").conflicts("new_sms")))))
                .containsExactly(new Reason.Conflict("new_sms", "old_sms", "old_sms"));
    }

    @Test
    void refusesAConflictBetweenTwoPlannedAddons() {
        Resolver r = resolver(addon("a", "1.0.0").requires("b", "*").requires("c", "*"), addon("b", "1.0.0"),
                addon("c", "1.0.0").conflicts("b"));

        assertThat(reasons(r.resolve(Request.install("a"), Map.of()))).containsExactly(new Reason.Conflict("c", "b", "c"));
    }

    @Test
    void refusesAnIncompatibleCore() {
        Resolver r = resolver(addon("chat", "1.0.0").core(">=2.0.0"));

        assertThat(reasons(r.resolve(Request.install("chat"), Map.of()))).containsExactly(new Reason.CoreIncompatible(
                "chat", Version.parse("1.0.0"), VersionRange.parse(">=2.0.0"), CoreVersion.CURRENT));
    }

    @Test
    void refusesARoutePrefixAnInstalledAddonHolds() {
        Resolver r = resolver(addon("chat2", "1.0.0").routes("/api/v1/chat/v2"));

        assertThat(reasons(r.resolve(Request.install("chat2"), installed(addon("chat", "1.0.0").routes("/api/v1/chat")))))
                .containsExactly(new Reason.RoutePrefixTaken("chat2", "/api/v1/chat/v2", "chat", "/api/v1/chat"));
    }

    @Test
    void refusesARoutePrefixOfTheCoreEvenFromACatalogSummary() {
        Resolver r = resolver(addon("evil", "1.0.0").routes("/api/v1/customers"));

        assertThat(reasons(r.resolve(Request.install("evil"), Map.of())))
                .containsExactly(new Reason.RoutePrefixTaken("evil", "/api/v1/customers", "core", "/api/v1/customers"));
    }

    @Test
    void prefixesThatOnlyShareAStringPrefixDoNotOverlap() {
        Resolver r = resolver(addon("chatter", "1.0.0").routes("/api/v1/chatter"));

        assertThat(coordinates(r.resolve(Request.install("chatter"), installed(addon("chat", "1.0.0").routes("/api/v1/chat")))))
                .containsExactly("chatter@1.0.0");
    }

    @Test
    void reportsEveryReasonAtOnce() {
        Resolver r = resolver(addon("all_wrong", "1.0.0").core(">=3.0.0").requires("missing", "^1").requires("hub", "^9")
                .conflicts("old").routes("/api/v1/chat"), addon("hub", "1.0.0"));

        List<Reason> reasons = reasons(r.resolve(Request.install("all_wrong"),
                installed(addon("old", "1.0.0"), addon("chat", "1.0.0"))));

        assertThat(reasons).extracting(Reason::kind).containsExactlyInAnyOrder(
                "CoreIncompatible", "Conflict", "RoutePrefixTaken", "MissingDependency", "NoVersionSatisfies");
    }

    @Test
    void refusesUnknownAddonsVersionsAndInstallingTwice() {
        Resolver r = resolver(addon("chat", "1.0.0"));

        assertThat(reasons(r.resolve(Request.install("nope"), Map.of()))).containsExactly(new Reason.UnknownAddon("nope"));
        assertThat(reasons(r.resolve(Request.install("chat", Version.parse("9.9.9")), Map.of())))
                .containsExactly(new Reason.UnknownVersion("chat", Version.parse("9.9.9"), List.of(Version.parse("1.0.0"))));
        assertThat(reasons(r.resolve(Request.install("chat"), installed(addon("chat", "1.0.0")))))
                .containsExactly(new Reason.AlreadyInstalled("chat", Version.parse("1.0.0")));
    }

    @Test
    void updatesToTheNewestVersionAndSaysWhatItReplaces() {
        Resolver r = resolver(addon("chat", "1.0.0"), addon("chat", "1.1.0"), addon("chat", "1.2.0").requires("emoji", "^1"),
                addon("emoji", "1.0.0"));

        Resolution resolution = r.resolve(Request.update("chat"), installed(addon("chat", "1.0.0")));

        assertThat(coordinates(resolution)).containsExactly("emoji@1.0.0", "chat@1.2.0");
        assertThat(plan(resolution).replaces()).containsExactly(Map.entry("chat", Version.parse("1.0.0")));
    }

    @Test
    void anUpdateKeepsItsOwnRoutesAndConflictsOutOfItsWay() {
        Resolver r = resolver(addon("chat", "1.1.0").conflicts("legacy"));

        assertThat(coordinates(r.resolve(Request.update("chat"),
                installed(addon("chat", "1.0.0").conflicts("chat_other")))))
                .containsExactly("chat@1.1.0");
    }

    @Test
    void anUpdateThatWouldBreakAnInstalledDependentPicksAVersionItAccepts() {
        Resolver r = resolver(addon("hub", "1.0.0"), addon("hub", "1.5.0"), addon("hub", "2.0.0"),
                addon("sms", "1.0.0").requires("hub", "^1"));
        Map<String, ManifestSummary> installed = installed(addon("hub", "1.0.0"), addon("sms", "1.0.0").requires("hub", "^1"));

        assertThat(coordinates(r.resolve(Request.update("hub"), installed))).containsExactly("hub@1.5.0");
        assertThat(reasons(r.resolve(Request.update("hub", Version.parse("2.0.0")), installed))).containsExactly(
                new Reason.BreaksDependent("hub", Version.parse("2.0.0"), "sms", VersionRange.parse("^1")));
    }

    @Test
    void refusesUpdatesThatAreNotUpdates() {
        Resolver r = resolver(addon("chat", "1.0.0"), addon("chat", "1.1.0"));

        assertThat(reasons(r.resolve(Request.update("chat"), Map.of()))).containsExactly(new Reason.NotInstalled("chat"));
        assertThat(reasons(r.resolve(Request.update("chat"), installed(addon("chat", "1.1.0")))))
                .containsExactly(new Reason.AlreadyInstalled("chat", Version.parse("1.1.0")));
        assertThat(reasons(r.resolve(Request.update("chat", Version.parse("1.0.0")), installed(addon("chat", "1.1.0")))))
                .containsExactly(new Reason.Downgrade("chat", Version.parse("1.1.0"), Version.parse("1.0.0")));
    }

    @Test
    void dependentsNameTheInstalledAddonsThatRequireOne() {
        List<ManifestSummary> installed = List.of(addon("hub", "1.0.0").build(),
                addon("sms", "1.0.0").requires("hub", "^1").build(),
                addon("push", "1.0.0").requires("hub", "^1").build(),
                addon("chat", "1.0.0").build());

        assertThat(Resolver.dependents(installed, "hub")).containsExactly("push", "sms");
        assertThat(Resolver.dependents(installed, "chat")).isEmpty();
    }

    @Test
    void reasonsHaveReadableMessages() {
        Resolver r = resolver(addon("sms", "1.0.0").requires("notification_hub", ">=1.0.0 <2.0.0"));

        assertThat(((Resolution.Refused) r.resolve(Request.install("sms"), Map.of())).messages()).containsExactly(
                "sms@1.0.0 requires notification_hub >=1.0.0 <2.0.0, which the catalog does not have");
    }

    @Test
    void aRefusalBecomesOneExceptionListingEveryReasonAtTheBoundary() {
        Resolver r = resolver(addon("chat", "1.0.0").core(">=2.0.0").requires("gone", "^1"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.resolve(Request.install("chat"), Map.of()).planOrThrow())
                .isInstanceOfSatisfying(com.nextpanel.addons.catalog.CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(com.nextpanel.addons.catalog.ErrorCode.RESOLUTION_FAILED);
                    assertThat(e.problems()).hasSize(2);
                });
        assertThat(resolver(addon("chat", "1.0.0")).resolve(Request.install("chat"), Map.of()).planOrThrow().target().id())
                .isEqualTo("chat");
    }
}
