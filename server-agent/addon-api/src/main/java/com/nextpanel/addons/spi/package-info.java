/**
 * The addon SPI: everything an addon author compiles against.
 *
 * <p>An addon implements {@link com.nextpanel.addons.spi.Addon}; the host calls
 * {@link com.nextpanel.addons.spi.Addon#start start} with an {@link com.nextpanel.addons.spi.AddonContext}
 * through which the addon registers its HTTP routes and reaches its own database schema. This package has
 * no dependencies beyond the JDK on purpose: the host always loads it from its own classloader, and an addon
 * needs nothing of the host's libraries (it bundles what else it needs in {@code lib/}).
 */
package com.nextpanel.addons.spi;
