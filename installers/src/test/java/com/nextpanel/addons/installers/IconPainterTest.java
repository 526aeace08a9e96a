package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconPainterTest {

    @Test
    void paintsASquarePngWithTransparentCornersAndAnOpaqueCentre(@TempDir Path dir) throws IOException {
        Path png = IconPainter.paint(dir.resolve("icon.png"), 128);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(128);
        assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        assertThat(image.getRGB(64, 40) >>> 24).as("centre alpha").isEqualTo(255);
    }
}
