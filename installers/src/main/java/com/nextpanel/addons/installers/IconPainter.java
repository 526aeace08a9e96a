package com.nextpanel.addons.installers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws the console's icon at build time, so that no binary image needs to live in git. */
final class IconPainter {

    private static final Color NAVY = new Color(0x1E, 0x3A, 0x8A);
    private static final Color BLUE = new Color(0x25, 0x63, 0xEB);
    private static final Color ORANGE = new Color(0xF9, 0x73, 0x16);

    private IconPainter() {
    }

    /** A rounded blue tile with a white "N" and an orange "+" badge: NextPanel, addons. */
    static Path paint(Path png, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float inset = size * 0.04f;
            float tile = size - 2 * inset;
            g.setPaint(new GradientPaint(0, 0, BLUE, size, size, NAVY));
            g.fill(new RoundRectangle2D.Float(inset, inset, tile, tile, size * 0.28f, size * 0.28f));

            // The letter is drawn as strokes, not with a font: a headless build machine may have no fonts.
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(size * 0.11f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Float letter = new Path2D.Float();
            letter.moveTo(size * 0.24f, size * 0.74f);
            letter.lineTo(size * 0.24f, size * 0.24f);
            letter.lineTo(size * 0.62f, size * 0.74f);
            letter.lineTo(size * 0.62f, size * 0.24f);
            g.draw(letter);

            float badge = size * 0.36f;
            float badgeX = size - inset - badge - size * 0.02f;
            float badgeY = size - inset - badge - size * 0.02f;
            g.setColor(ORANGE);
            g.fill(new Ellipse2D.Float(badgeX, badgeY, badge, badge));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(size * 0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            float centreX = badgeX + badge / 2;
            float centreY = badgeY + badge / 2;
            float arm = badge * 0.26f;
            g.drawLine(Math.round(centreX - arm), Math.round(centreY), Math.round(centreX + arm), Math.round(centreY));
            g.drawLine(Math.round(centreX), Math.round(centreY - arm), Math.round(centreX), Math.round(centreY + arm));
        } finally {
            g.dispose();
        }
        try {
            Files2.createDirectories(png.getParent());
            if (!ImageIO.write(image, "png", png.toFile())) {
                throw new InstallerException(ErrorCode.IO, "no PNG writer in this JDK to write " + png);
            }
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot write " + png + ": " + e.getMessage(), e);
        }
        return png;
    }
}
