package com.nextpanel.addons.console.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.client.Fingerprints;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.InMemoryConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServersViewModelTest {

    @TempDir
    Path config;
    private Consoles console;
    private ServersViewModel vm;

    @BeforeEach
    void setUp() {
        console = new Consoles(config, InMemoryAgent.demo());
        vm = console.context.serversViewModel();
    }

    private void fillForm(String name, String url, String token) {
        vm.newProfile();
        vm.nameProperty().set(name);
        vm.urlProperty().set(url);
        vm.tokenProperty().set(token);
    }

    @Test
    void anAddressThatIsNotHttpsIsRefusedWithAMessageSayingWhatIsExpected() {
        fillForm("Prod", "http://billing.example.com:8443", InMemoryConnector.TOKEN);

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.validationProperty().get()).contains("https://");
        assertThat(vm.save()).isFalse();
        assertThat(vm.profiles()).isEmpty();
    }

    @Test
    void aSecondServerWithTheSameNameIsRefused() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.save();
        fillForm("prod", "https://10.0.0.2:8443", InMemoryConnector.TOKEN);

        assertThat(vm.validationProperty().get()).contains("exists already");
        assertThat(vm.save()).isFalse();
    }

    @Test
    void aNewServerNeedsAToken() {
        fillForm("Prod", "https://10.0.0.1:8443", "");

        assertThat(vm.validationProperty().get()).contains("admin token");
    }

    @Test
    void theTokenIsKeptInAFileOnlyTheUserCanRead() throws Exception {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);

        assertThat(vm.save()).isTrue();

        Path tokenFile = config.resolve("tokens/prod.token");
        assertThat(Files.readString(tokenFile)).isEqualTo(InMemoryConnector.TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        assertThat(Files.readString(config.resolve("servers.json"))).contains("https://10.0.0.1:8443").doesNotContain(InMemoryConnector.TOKEN);
        assertThat(new ServerStore(config).load()).extracting(ServerProfile::name).containsExactly("Prod");
    }

    @Test
    void theFirstConnectionShowsTheFingerprintAndPinsItWhenTrusted() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);

        vm.connect();

        assertThat(console.dialogs.trustQuestions).containsExactly(Fingerprints.pretty(console.connector.fingerprint));
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(new ServerStore(config).load().get(0).fingerprint()).contains(console.connector.fingerprint);
        assertThat(vm.fingerprintProperty().get()).isEqualTo(Fingerprints.pretty(console.connector.fingerprint));
    }

    @Test
    void declinedTrustLeavesTheServerUnpinnedAndDisconnected() {
        console.dialogs.trust = false;
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);

        vm.connect();

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(new ServerStore(config).load().get(0).fingerprint()).isEmpty();
        assertThat(console.agent.calls).doesNotContain("addons");
    }

    @Test
    void aChangedCertificateBlocksTheConnectionWithAClearWarning() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        console.connector.fingerprint = "cd".repeat(32);
        console.agent.calls.clear();

        vm.connect();

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CERTIFICATE_CHANGED);
        assertThat(console.dialogs.errors).last().satisfies(e -> {
            assertThat(e.title()).contains("Certificate changed");
            assertThat(e.describe()).contains("Forget certificate").doesNotContain("Exception");
        });
        assertThat(console.dialogs.trustQuestions).hasSize(1);
        assertThat(console.context.session().api()).isEmpty();
    }

    @Test
    void aFailedConnectToAnotherServerKeepsTheConnectionTheConsoleHad() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        var prodApi = console.context.session().api().orElseThrow();
        console.connector.online = false;
        fillForm("Staging", "https://10.0.0.2:8443", InMemoryConnector.TOKEN);

        vm.connect();

        ServerSession session = console.context.session();
        assertThat(session.currentProperty().get().name()).isEqualTo("Prod");
        assertThat(session.api()).containsSame(prodApi);
        assertThat(session.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(console.dialogs.errors).last().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Server offline");
            assertThat(e.message()).endsWith("Still connected to Prod.");
        });
        assertThat(vm.selectedProperty().get().name()).as("the form keeps the profile to correct").isEqualTo("Staging");
        assertThat(vm.statusProperty().get()).startsWith("Not connected").contains("Last attempt failed: Server offline");
        assertThat(new ServerStore(config).lastUsed()).contains("Prod");
    }

    @Test
    void decliningTheCertificateOfAnotherServerKeepsTheConnectionTheConsoleHad() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        console.dialogs.trust = false;
        fillForm("Staging", "https://10.0.0.2:8443", InMemoryConnector.TOKEN);

        vm.connect();

        assertThat(console.context.session().currentProperty().get().name()).isEqualTo("Prod");
        assertThat(console.context.session().stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(console.context.session().api()).isPresent();
        assertThat(new ServerStore(config).load()).filteredOn(p -> p.name().equals("Staging"))
                .singleElement().satisfies(p -> assertThat(p.fingerprint()).isEmpty());
    }

    @Test
    void forgettingTheCertificateMakesTheNextConnectionAskAgain() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        console.connector.fingerprint = "cd".repeat(32);

        vm.forgetCertificate();
        vm.connect();

        assertThat(console.dialogs.trustQuestions).hasSize(2);
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aRejectedTokenIsReportedAsSuch() {
        fillForm("Prod", "https://10.0.0.1:8443", "wrong-token");

        vm.connect();

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.UNAUTHORIZED);
        assertThat(console.dialogs.errors).last().satisfies(e -> assertThat(e.title()).isEqualTo("Token rejected"));
    }

    @Test
    void anUnreachableServerIsReportedOffline() {
        console.connector.online = false;
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);

        vm.connect();

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(console.dialogs.errors).last().satisfies(e -> assertThat(e.title()).isEqualTo("Server offline"));
    }

    private void select(String name) {
        vm.selectedProperty().set(vm.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void theStatusLineSaysConnectedOnlyForTheProfileTheConsoleIsConnectedTo() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        fillForm("Staging", "https://10.0.0.2:8443", InMemoryConnector.TOKEN);
        vm.save();

        select("Staging");

        assertThat(vm.statusProperty().get())
                .startsWith("Not connected — Save and connect to use it.")
                .contains("Certificate not trusted yet")
                .doesNotContain("Connected —");
        assertThat(vm.statusStateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);

        select("Prod");

        assertThat(vm.statusProperty().get()).isEqualTo("Connected — https://10.0.0.1:8443");
        assertThat(vm.statusStateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anotherProfileWithAPinnedCertificateNamesItInItsStatusLine() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        fillForm("Staging", "https://10.0.0.2:8443", InMemoryConnector.TOKEN);
        vm.connect();

        select("Prod");

        String pretty = Fingerprints.pretty(console.connector.fingerprint);
        assertThat(vm.statusProperty().get()).startsWith("Not connected")
                .contains("Certificate pinned: " + pretty.substring(0, 11) + ":…:" + pretty.substring(pretty.length() - 5));
    }

    @Test
    void aProfileWhoseLastConnectionFailedSaysWhyUntilItConnects() {
        console.connector.online = false;
        fillForm("Staging", "https://10.0.0.2:8443", InMemoryConnector.TOKEN);
        vm.connect();
        assertThat(vm.statusProperty().get()).startsWith("Offline — ");
        assertThat(vm.statusStateProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        console.connector.online = true;
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();

        select("Staging");

        assertThat(vm.statusProperty().get()).startsWith("Not connected").contains("\nLast attempt failed: Server offline: ");
        assertThat(console.context.session().lastError(vm.selectedProperty().get())).isPresent();

        vm.connect();

        assertThat(vm.statusProperty().get()).isEqualTo("Connected — https://10.0.0.2:8443");
        select("Staging");
        assertThat(console.context.session().lastError(vm.selectedProperty().get())).isEmpty();
    }

    @Test
    void theStatusLineFollowsTheSessionWhileTheSelectedProfileIsTheCurrentOne() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();
        assertThat(vm.statusProperty().get()).isEqualTo("Connected — https://10.0.0.1:8443");

        console.context.session().disconnect();

        assertThat(vm.statusProperty().get()).startsWith("Not connected — Save and connect to use it. Certificate pinned: ");
    }

    @Test
    void onlyAPinnedCertificateCanBeForgotten() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        assertThat(vm.pinnedProperty().get()).isFalse();
        assertThat(vm.fingerprintProperty().get()).startsWith("Not trusted yet");
        vm.save();
        assertThat(vm.pinnedProperty().get()).isFalse();

        vm.connect();
        assertThat(vm.pinnedProperty().get()).isTrue();

        vm.forgetCertificate();
        assertThat(vm.pinnedProperty().get()).isFalse();
    }

    @Test
    void aNewProfileFormSaysItIsNotSavedYet() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.connect();

        vm.newProfile();

        assertThat(vm.statusProperty().get()).startsWith("New server");
    }

    @Test
    void removingAServerDeletesItsTokenFile() {
        fillForm("Prod", "https://10.0.0.1:8443", InMemoryConnector.TOKEN);
        vm.save();

        vm.remove();

        assertThat(vm.profiles()).isEmpty();
        assertThat(config.resolve("tokens/prod.token")).doesNotExist();
    }
}
