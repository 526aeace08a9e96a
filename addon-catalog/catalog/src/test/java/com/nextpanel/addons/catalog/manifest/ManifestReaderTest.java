package com.nextpanel.addons.catalog.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.version.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestReaderTest {

    static final String VALID = """
            {
              "id": "sms_notifications",
              "name": "SMS Notifications",
              "version": "1.2.0",
              "description": "Sends SMS through the notification hub.",
              "category": "Messaging",
              "entrypoint": "com.nextpanel.addons.samples.sms_notifications.SmsAddon",
              "routes": ["/api/v1/sms"],
              "requires": {"core": ">=1.0.0 <2.0.0", "addons": {"notification_hub": ">=1.0.0 <2.0.0"}},
              "conflicts": ["legacy_sms"],
              "permissions": ["billing.customers:read", "billing.invoices:write"],
              "console": {"navigation": [{
                  "parent": "Messaging", "label": "SMS log", "icon": "message-square",
                  "view": {"type": "table", "route": "/api/v1/sms/messages",
                           "columns": [{"field": "to", "label": "To"}, {"field": "sentAt", "label": "Sent"}]}
              }]},
              "changelog": "1.2.0: delivery receipts",
              "author": "NextPanel",
              "license": "Apache-2.0",
              "homepage": "https://example.com/sms"
            }
            """;

    private static List<String> problemsOf(String json) {
        return ManifestReader.problems(json.getBytes(StandardCharsets.UTF_8)).stream().map(ManifestProblem::toString).toList();
    }

    private static String with(String field, String jsonValue) {
        return with(VALID, field, jsonValue);
    }

    private static String with(String json, String field, String jsonValue) {
        return json.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\}\\}?)", java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + jsonValue));
    }

    private static String withoutConsole() {
        int start = VALID.indexOf("  \"console\"");
        int end = VALID.indexOf("  \"changelog\"");
        return VALID.substring(0, start) + VALID.substring(end);
    }

    @Test
    void readsAValidManifestIntoTypedValues() {
        Manifest m = ManifestReader.read(VALID.getBytes(StandardCharsets.UTF_8), "addon.json");

        assertThat(m.id()).isEqualTo("sms_notifications");
        assertThat(m.version()).isEqualTo(Version.parse("1.2.0"));
        assertThat(m.routes()).containsExactly("/api/v1/sms");
        assertThat(m.requires().core().isSatisfiedBy(Version.parse("1.0.0"))).isTrue();
        assertThat(m.requires().addons()).containsOnlyKeys("notification_hub");
        assertThat(m.permissions()).containsExactly(Permission.parse("billing.customers:read"),
                new Permission("billing", "invoices", Permission.Access.WRITE));
        assertThat(m.console().navigation()).singleElement().satisfies(item -> {
            assertThat(item.parent()).isEqualTo("Messaging");
            assertThat(item.view().route()).isEqualTo("/api/v1/sms/messages");
            assertThat(item.view().columns()).extracting(Console.Column::field).containsExactly("to", "sentAt");
        });
        assertThat(m.changelogText()).contains("1.2.0: delivery receipts");
    }

    @Test
    void optionalPartsMayBeLeftOut() {
        String minimal = """
                {"id": "tiny", "name": "Tiny", "version": "0.1.0", "description": "d", "category": "c",
                 "entrypoint": "a.B", "requires": {"core": "*"}}
                """;

        Manifest m = ManifestReader.read(minimal.getBytes(StandardCharsets.UTF_8), "addon.json");

        assertThat(m.routes()).isEmpty();
        assertThat(m.console()).isEqualTo(Console.NONE);
        assertThat(m.changelogText()).isEmpty();
        assertThat(m.requires().addons()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsField() {
        String bad = """
                {
                  "id": "Bad-Id",
                  "name": "x",
                  "version": "1.0",
                  "description": "d",
                  "category": "c",
                  "entrypoint": "not a class",
                  "routes": ["/chat", "/api/v1/customers/extra", "/api/v1/a/../b"],
                  "requires": {"core": "banana", "addons": {"Other": "^1"}},
                  "conflicts": ["NOPE"],
                  "permissions": ["customers"],
                  "colour": "blue"
                }
                """;

        assertThatThrownBy(() -> ManifestReader.read(bad.getBytes(StandardCharsets.UTF_8), "x/addon.json"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
                    assertThat(e.problems()).hasSize(11);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("colour: unknown field"))
                            .anySatisfy(p -> assertThat(p).startsWith("id: 'Bad-Id'"))
                            .anySatisfy(p -> assertThat(p).startsWith("version: '1.0'"))
                            .anySatisfy(p -> assertThat(p).startsWith("entrypoint:"))
                            .anySatisfy(p -> assertThat(p).startsWith("routes[0]: '/chat' must start with /api/v1/"))
                            .anySatisfy(p -> assertThat(p).startsWith("routes[1]: '/api/v1/customers/extra' overlaps the core's"))
                            .anySatisfy(p -> assertThat(p).startsWith("routes[2]:").contains("'..'"))
                            .anySatisfy(p -> assertThat(p).startsWith("requires.core: 'banana'"))
                            .anySatisfy(p -> assertThat(p).startsWith("requires.addons.Other:"))
                            .anySatisfy(p -> assertThat(p).startsWith("conflicts[0]:"))
                            .anySatisfy(p -> assertThat(p).startsWith("permissions[0]: 'customers'"));
                })
                .hasMessageContaining("x/addon.json");
    }

    @Test
    void unknownFieldsAreRejectedWhereverTheyAre() {
        String json = VALID.replace("\"core\": \">=1.0.0 <2.0.0\"", "\"core\": \">=1.0.0 <2.0.0\", \"os\": \"linux\"")
                .replace("\"label\": \"To\"", "\"label\": \"To\", \"width\": 3");

        assertThat(problemsOf(json)).containsExactlyInAnyOrder(
                "requires.os: unknown field",
                "console.navigation[0].view.columns[0].width: unknown field");
    }

    @Test
    void aConsoleSectionTooLargeForTheSignedSummaryIsRejected() {
        String item = "{\"parent\": \"P\", \"label\": \"L\", \"view\": {\"type\": \"table\", \"route\": \"/api/v1/sms/x\","
                + " \"columns\": [" + String.join(", ", java.util.Collections.nCopies(13, "{\"field\": \"a\", \"label\": \"A\"}")) + "]}}";
        int start = VALID.indexOf("  \"console\"");
        int end = VALID.indexOf("  \"changelog\"");
        String json = VALID.substring(0, start) + "  \"console\": {\"navigation\": ["
                + String.join(", ", java.util.Collections.nCopies(9, item)) + "]},\n" + VALID.substring(end);

        assertThat(problemsOf(json))
                .contains("console.navigation: has 9 items; at most 8")
                .contains("console.navigation[0].view.columns: has 13 columns; at most 12");
    }

    @Test
    void unknownOrMistypedStructuredFieldsAreNamedExactly() {
        String json = VALID.replace("\"changelog\": \"1.2.0: delivery receipts\"",
                "\"changelog\": [\"1.2.0\"], \"views\": [{\"id\": \"x\"}], \"extra\": {\"a\": 1}");

        assertThat(problemsOf(json)).containsExactlyInAnyOrder(
                "changelog: expected a string but found a list",
                "views: unknown field",
                "extra: unknown field");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(problemsOf("{}")).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactlyInAnyOrder(
                "id", "name", "version", "description", "category", "entrypoint", "requires");
    }

    @Test
    void wrongTypesAreReportedWithTheirField() {
        assertThat(problemsOf(with(withoutConsole(), "routes", "\"/api/v1/sms\""))).containsExactly("routes: expected a list but found a string");
    }

    @Test
    void malformedJsonIsOneProblemWithItsPosition() {
        assertThat(problemsOf("{\"id\": ")).singleElement().asString().startsWith("(document): not valid JSON").contains("line 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1abc", "_abc", "abc-def", "ABC", "a_very_long_identifier_that_is_over_forty_c"})
    void badIdsAreRejected(String id) {
        assertThat(problemsOf(with("id", "\"" + id + "\""))).singleElement().asString().startsWith("id: '" + id + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/", "/api/v1/chat/", "/api/v1//chat", "/api/v1/chat/./x", "/api/v1/Chat",
            "/api/v1/{id}", "/api/v2/chat", "/api/v1", "api/v1/chat", "/api/v1/health", "/api/v1/invoices/mine"})
    void badRoutePrefixesAreRejected(String route) {
        assertThat(problemsOf(with(withoutConsole(), "routes", "[\"" + route + "\"]"))).isNotEmpty()
                .allSatisfy(p -> assertThat(p).startsWith("routes[0]: '" + route + "'"));
    }

    @Test
    void anAddonsOwnPrefixesMustNotOverlap() {
        assertThat(problemsOf(with(withoutConsole(), "routes", "[\"/api/v1/sms\", \"/api/v1/sms/admin\", \"/api/v1/smsx\"]")))
                .containsExactly("routes[1]: '/api/v1/sms/admin' overlaps this addon's own prefix /api/v1/sms");
    }

    @Test
    void consoleViewRouteMustBeOneOfTheAddonsRoutes() {
        String json = VALID.replace("\"route\": \"/api/v1/sms/messages\"", "\"route\": \"/api/v1/email/list\"")
                .replace("\"type\": \"table\"", "\"type\": \"chart\"");

        assertThat(problemsOf(json)).containsExactlyInAnyOrder(
                "console.navigation[0].view.route: '/api/v1/email/list' is not under one of this addon's routes [/api/v1/sms]",
                "console.navigation[0].view.type: 'chart' is not a view type; the only one is \"table\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers", "billing.customers", "billing.customers:delete", "Billing.customers:read",
            "billing.customers:read ", "a.b.c:read"})
    void malformedPermissionsAreRejected(String permission) {
        assertThat(problemsOf(with("permissions", "[\"" + permission + "\"]")))
                .singleElement().asString().startsWith("permissions[0]:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.Main", "Main", "com.example.Outer$Inner", "com.example.\u00e9t\u00e9.Addon"})
    void validBinaryClassNamesAreAccepted(String entrypoint) {
        assertThat(problemsOf(with("entrypoint", "\"" + entrypoint + "\""))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com..Main", "com.example.", "1com.Main", "com.class.Main", "com/example/Main", "com.example.Main.java x"})
    void invalidEntrypointsAreRejected(String entrypoint) {
        assertThat(problemsOf(with("entrypoint", "\"" + entrypoint + "\""))).singleElement().asString().startsWith("entrypoint:");
    }

    @Test
    void anAddonCannotRequireOrConflictWithItself() {
        String json = VALID.replace("\"notification_hub\": \">=1.0.0 <2.0.0\"", "\"sms_notifications\": \"*\"")
                .replace("\"legacy_sms\"", "\"sms_notifications\"");

        assertThat(problemsOf(json)).containsExactlyInAnyOrder(
                "requires.addons.sms_notifications: an addon cannot require itself",
                "conflicts[0]: an addon cannot conflict with itself");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThat(problemsOf(VALID.replace("\"name\": \"SMS Notifications\",", "\"name\": \"a\", \"name\": \"b\","))).isNotEmpty();
    }

    @Test
    void readsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("addon.json");
        Files.writeString(file, with("version", "\"one\""));

        assertThatThrownBy(() -> ManifestReader.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("'one'");
        Files.writeString(file, VALID);
        assertThat(ManifestReader.read(file).id()).isEqualTo("sms_notifications");
    }

    @Test
    void migrationNamesAreCheckedForFormAndDuplicateVersions() {
        List<ManifestProblem> problems = ManifestReader.checkMigrations(List.of(
                "addon.json", "lib/a.jar", "migrations/V1__init.sql", "migrations/V2__more.sql",
                "migrations/V1_0__again.sql", "migrations/V02__dup.sql", "migrations/init.sql", "migrations/sub/V3__x.sql"));

        assertThat(problems).extracting(ManifestProblem::toString).containsExactlyInAnyOrder(
                "migrations/V1__init.sql: duplicate migration version 1 (also migrations/V1_0__again.sql)",
                "migrations/V2__more.sql: duplicate migration version 2 (also migrations/V02__dup.sql)",
                "migrations/init.sql: not a migration name: expected migrations/V<n>__<name>.sql, e.g. migrations/V1__create_tables.sql",
                "migrations/sub/V3__x.sql: not a migration name: expected migrations/V<n>__<name>.sql, e.g. migrations/V1__create_tables.sql");
    }

    @Test
    void distinctMigrationVersionsPass() {
        assertThat(ManifestReader.checkMigrations(List.of("migrations/V1__a.sql", "migrations/V1_1__b.sql", "migrations/V2__c.sql")))
                .isEmpty();
    }
}
