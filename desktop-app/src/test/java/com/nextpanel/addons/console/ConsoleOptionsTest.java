package com.nextpanel.addons.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.console.common.Theme;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {

    @Test
    void readsTheOptionsThatOpenTheConsoleConnected() {
        ConsoleOptions o = ConsoleOptions.parse("--server", "https://127.0.0.1:8443", "--token-file", "/d/admin.token",
                "--fingerprint-file=/d/tls.sha256", "--theme", "dark", "--config-dir", "/tmp/c",
                "--catalog", "/cat", "--trust-root", "/cat/root.json");

        assertThat(o.server()).contains("https://127.0.0.1:8443");
        assertThat(o.tokenFile()).contains(Path.of("/d/admin.token"));
        assertThat(o.fingerprintFile()).contains(Path.of("/d/tls.sha256"));
        assertThat(o.theme()).isEqualTo(Theme.DARK);
        assertThat(o.configDir()).contains(Path.of("/tmp/c"));
        assertThat(o.catalog()).contains("/cat");
        assertThat(o.trustRoot()).contains(Path.of("/cat/root.json"));
        assertThat(o.serverName()).isEqualTo("Local agent");
    }

    @Test
    void withoutOptionsTheConsoleOpensLightAndUnconnected() {
        ConsoleOptions o = ConsoleOptions.parse();

        assertThat(o.server()).isEmpty();
        assertThat(o.theme()).isEqualTo(Theme.LIGHT);
        assertThat(o.help()).isFalse();
    }

    @Test
    void aWrongOptionOrValueIsOneClearLineNamingIt() {
        assertThatThrownBy(() -> ConsoleOptions.parse("--sever", "x")).hasMessageContaining("'--sever'");
        assertThatThrownBy(() -> ConsoleOptions.parse("--server", "http://x")).hasMessage("--server must be an https:// URL, got 'http://x'");
        assertThatThrownBy(() -> ConsoleOptions.parse("--theme", "pink")).hasMessageContaining("--theme").hasMessageContaining("pink");
        assertThatThrownBy(() -> ConsoleOptions.parse("--token-file")).hasMessageContaining("'--token-file'");
        assertThatThrownBy(() -> ConsoleOptions.parse("--token-file", "t")).hasMessageContaining("need --server");
        assertThatThrownBy(() -> ConsoleOptions.parse("--catalog", "c")).hasMessage("--catalog and --trust-root go together");
    }

    @Test
    void helpAndVersionNeedNothingElseAndHelpListsEveryOption() {
        assertThat(ConsoleOptions.parse("--help").help()).isTrue();
        assertThat(ConsoleOptions.parse("-V").version()).isTrue();
        assertThat(ConsoleOptions.usage()).contains("--server=URL", "--token-file=FILE", "--fingerprint-file=FILE",
                "--catalog=DIR_OR_URL", "--trust-root=FILE", "--config-dir=DIR", "--theme=light|dark", "--name=NAME",
                "--help", "--version");
    }
}
