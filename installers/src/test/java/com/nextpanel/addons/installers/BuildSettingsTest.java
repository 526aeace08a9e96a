package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuildSettingsTest {

    @Test
    void packageVersionIsTheNumericHeadOfTheMavenVersion() {
        assertThat(BuildSettings.packageVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(BuildSettings.packageVersion("2.10.3")).isEqualTo("2.10.3");
        assertThat(BuildSettings.packageVersion("1.2.3.4-rc1")).isEqualTo("1.2.3");
    }

    @Test
    void aVersionWithoutLeadingNumberIsRejectedByName() {
        assertThatThrownBy(() -> BuildSettings.packageVersion("SNAPSHOT"))
                .isInstanceOf(InstallerException.class)
                .hasMessageContaining("'SNAPSHOT'");
    }

    @Test
    void anUnknownOptionIsRejectedByName() {
        assertThatThrownBy(() -> BuildSettings.parse(new String[] {"--colour=blue"}))
                .isInstanceOf(InstallerException.class)
                .hasMessageContaining("--colour=blue")
                .extracting(e -> ((InstallerException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
    }

    @Test
    void aMissingOptionIsNamed() {
        assertThatThrownBy(() -> BuildSettings.parse(new String[] {"--out=target"}))
                .isInstanceOf(InstallerException.class)
                .hasMessageContaining("--project-root");
    }
}
