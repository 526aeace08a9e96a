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
                "--fingerprint-file=/d/tls.sha256", "--theme", "dark", "--config-dir", "/tmp/c");

        assertThat(o.server()).contains("https://127.0.0.1:8443");
        assertThat(o.tokenFile()).contains(Path.of("/d/admin.token"));
        assertThat(o.fingerprintFile()).contains(Path.of("/d/tls.sha256"));
        assertThat(o.theme()).isEqualTo(Theme.DARK);
        assertThat(o.configDir()).contains(Path.of("/tmp/c"));
        assertThat(o.serverName()).isEqualTo("Local agent");
    }

    @Test
    void aWrongOptionOrValueIsOneClearLine() {
        assertThatThrownBy(() -> ConsoleOptions.parse("--sever", "x")).hasMessage("unknown option '--sever' (see --help)");
        assertThatThrownBy(() -> ConsoleOptions.parse("--server", "http://x")).hasMessageContaining("https://");
        assertThatThrownBy(() -> ConsoleOptions.parse("--theme", "pink")).hasMessageContaining("light or dark");
        assertThatThrownBy(() -> ConsoleOptions.parse("--token-file")).hasMessage("--token-file needs a value");
        assertThatThrownBy(() -> ConsoleOptions.parse("--token-file", "t")).hasMessageContaining("need --server");
    }

    @Test
    void helpAndVersionNeedNothingElse() {
        assertThat(ConsoleOptions.parse("--help").help()).isTrue();
        assertThat(ConsoleOptions.parse("--version").version()).isTrue();
    }
}
